/** Capital financing: MRP, interest, each partner's revenue consequences and the capital-versus-cloud options (docs/capital.md). */
export {
  FINANCING,
  MRP_METHODS,
  MAX_ASSET_LIFE,
  CAPITAL_FIELDS,
  CAPITAL_FIELD_NAMES,
  readCapitalLine,
  hasCapitalFields,
  type Financing,
  type MrpMethod,
  type CapitalLine,
} from "./financing";
export { mrpWeights, mrpSchedule } from "./mrp";
export { roundGrid } from "./exact-grid";
export { lineSchedule, type LineSchedule, type ScheduleYear, type PartnerSchedule } from "./schedule";
export { presentValue, GREEN_BOOK_RATE } from "./discount";
export { appraiseOption, MAX_OPTION_YEARS, type OptionAppraisal, type OptionPartner, type OptionYear } from "./options";
export {
  capitalFinancing,
  hasCapitalFinancing,
  type CapitalFinancingReport,
  type CapitalFinancingInput,
  type FinancedLine,
  type PartnerRevenue,
  type RevenueYear,
} from "./report";
