/**
 * The apportionment engine's public API. Pure TypeScript: no Office JavaScript API, React
 * or Fluent (a lint rule enforces it), so the same engine runs in Excel, in
 * the browser preview, in tests and on the command line.
 *
 * Money rules (docs/domain.md): exact arithmetic on whole pence; shares rounded by
 * largest remainder to a unit and always summing to the amount; negative
 * amounts split symmetrically; zero drivers get zero; rounding happens once.
 */
export type { Result } from "./result";
export { ok, errs } from "./result";
export type { EngineError, EngineErrorKind, Where } from "./errors";
export { errorMessage, warningMessage } from "./errors";
export { MAX_TOTAL_PENCE, rateDigitsOk, totalsHundred } from "./validate-limits";
export { checkFigureSize } from "./parse-helpers";
export { Decimal, parseDecimal, isBlank, messageText, showInput, type DecimalInput } from "./decimal";
export {
  type Pence,
  type UnitPence,
  MAX_PENCE,
  parseMoney,
  parseUnit,
  checkMultipleOfUnit,
  penceToText,
  penceToNumber,
  formatMoney,
  unitName,
} from "./money";
export { largestRemainder } from "./largest-remainder";
export { decimalsToWeights, mixWeights } from "./weights";
export {
  type DayNumber,
  type DateInput,
  dayNumber,
  calendarDate,
  isoDate,
  longDate,
  daysInMonth,
  fromExcelSerial,
  toExcelSerial,
  parseDate,
} from "./dates";
export { type FinancialYear, fyLabel, parseFinancialYear, fyOfDay, fyStart, fyEnd, fyDays } from "./financial-year";
export { type ProRataBasis, PRO_RATA_BASES, yearFraction } from "./pro-rata";
export { type Fraction, frac, fracFromDecimal, fracToDecimal, fracToDecimalText } from "./fraction";
export { roundDivHalfAway } from "./rounding";
export {
  type ModelInput,
  type PartnerInput,
  type DriverInput,
  type DriverValueInput,
  type BasisInput,
  type MixComponentInput,
  type CostLineInput,
  type SettingsInput,
  type BudgetInput,
  type StatedTotalInput,
  type ToleranceInput,
  type ScenarioChange,
  type ScenarioInput,
  type Category,
  type Nature,
  CATEGORIES,
  NATURES,
} from "./model";
export type { Line } from "./prepared";
export { validateModel } from "./validate";
export { parseChoice, compareIds } from "./parse-helpers";
export { profileLine, exactYearAmountText } from "./profile";
export { type BasisComponent } from "./basis-weights";
export { basisChoices, basisComponentWords, partnerBasisChoices } from "./bases/registry";
export { apportionModel, apportionPrepared, TIE_BREAK_RULE, type ApportionResult, type LineYear, type Charge } from "./apportion";
export { membershipText } from "./membership";
export { partnerNames } from "./partner-names";
export { explainCharge, traceAll, type ChargeTrace } from "./trace";
export { percentText } from "./budget/percent";
export { type ChargeRow } from "./budget/charge-rows";
export { readBudgetTolerance, type BudgetTolerance } from "./budget/tolerance";
export { budgetVariance, isWithinBudget, BUDGET_STATUSES, BUDGET_STATUS_TEXT, type BudgetStatus } from "./budget/variance";
export { checkBudgets, type BudgetLine } from "./budget/budget-check";
export { budgetFlagMessage, type BudgetFlag } from "./budget/flags";
export { checkStatedTotals } from "./budget/stated-totals";
export { settleYearEnd, withCarryForward, type Settlement } from "./budget/year-end";
export { checkModelBudgets, type ModelBudgetReport } from "./budget/check-model";
export { applyScenario, SCENARIO_CHANGE_KINDS } from "./scenarios/apply";
export { scenarioChangeRule } from "./scenarios/rules";
export { runModel, runScenario, type ModelRun } from "./run-model";
export { type WithinSplit } from "./scenarios/within";
export { compareResults, compareScenarios, BASE_NAME, type Comparison, type ComparisonRow } from "./scenarios/compare";
export { doNoHarm, judgeDoNoHarm, addsPartner, type DoNoHarmReport } from "./scenarios/do-no-harm";
export { compareMany, compareManyRuns, manyPartnerTotals, scenarioNameList, type ManyComparison } from "./scenarios/compare-many";
export { allocateSupport } from "./support/allocate";
export { SUPPORT_METHODS, type SupportMethod } from "./support/read-support";
export { solveExact } from "./support/rational";
export type { WithinPartnerInput, OutturnInput, YearEndInput, SupportModelInput, SupportInput, SupportUsageInput } from "./model";
export { type SupportReport, type SupportYear, type ExactMoney } from "./support/year-flows";
export { compareSupportMethods, type SupportMethodComparison } from "./support/compare-methods";
export {
  serviceRechargesOfRun,
  serviceSplitsOf,
  THOUSAND,
  type PartnerServiceInput,
  type PartnerServiceSplit,
  type ServiceRechargeReport,
} from "./services";
export {
  capitalFinancing,
  type CapitalFinancingReport,
  type CapitalLine,
  FINANCING,
  lineSchedule,
  MRP_METHODS,
  mrpSchedule,
  mrpWeights,
  type OptionAppraisal,
  type OptionPartner,
  presentValue,
  roundGrid,
} from "./capital";
export type { CapitalOptionInput } from "./model";
export { splitChange } from "./methodology/change-split";
export {
  methodologyPaper,
  previousYearPaper,
  CHANGE_SPLIT_RULE,
  type MethodologyPaper,
  type MethodologyGroup,
  type PartnerChange,
} from "./methodology/paper";
export {
  buildJournals,
  BUILT_IN_LAYOUTS,
  formatDate,
  GENERIC_LAYOUT,
  instalmentDates,
  INVOICE_FREQUENCIES,
  type Journal,
  type JournalsInput,
  type JournalsReport,
  layoutCells,
  LEDGER_FIELDS,
  ORACLE_FUSION_LAYOUT,
  partnerVat,
  periodOf,
  runReference,
  splitInstalments,
  UNIT4_LAYOUT,
  VAT_TREATMENT_NAMES,
  vatCosts,
  vatOn,
  type VatTreatment,
} from "./journals";
export {
  type BasisVersionInput,
  TRUE_UP_PREFIX,
  type TrueUpInput,
  type TrueUpLine,
  type TrueUpReport,
  type TrueUpRow,
  versionKey,
} from "./versions";
export {
  type ActualInput,
  compareDrivers,
  countDrivers,
  type DriverComparison,
  type DriverCounts,
  type LedgerTransaction,
  type MappedActuals,
  type MappingRow,
  mapTransactions,
  type MonitoringInput,
  type MonitoringReport,
  monitorModel,
  parsePeriod,
  type Period,
  PERIOD_MONTHS,
  periodLabel,
  periodOfDay,
  PERIODS,
  profileAmounts,
  replacePeriods,
  resolveMapping,
  type UsageRow,
} from "./monitoring";
export {
  COMMITTED_RULES,
  DISPUTE_STATUSES,
  type DisputeInput,
  disputeRegister,
  type DisputeRegister,
  EXIT_TREATMENTS,
  type ExitLineInput,
  type ExitReport,
  type ExitsInput,
  exitRun,
  exitsReport,
  type ExitsReport,
} from "./exits";
