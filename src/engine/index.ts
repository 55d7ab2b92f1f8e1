/**
 * The apportionment engine's public API. Pure TypeScript: no Office JavaScript API, React
 * or Fluent (a lint rule enforces it), so the same engine runs in Excel, in
 * the browser preview, in tests and on the command line.
 *
 * Money rules (docs/domain.md): exact arithmetic on whole pence; shares rounded by
 * largest remainder to a unit and always summing to the amount; negative
 * amounts split symmetrically; zero drivers get zero; rounding happens once.
 */
export type { Result, Ok, Err } from "./result";
export { ok, err, errs } from "./result";
export type { EngineError, EngineErrorKind, EngineWarning, Entity, Where } from "./errors";
export { errorMessage, describeWhere, warningMessage, MAX_MODEL_YEARS } from "./errors";
export { MAX_TOTAL_PENCE, checkFigureSize, rateDigitsOk, totalsHundred, type OutsideLine } from "./validate-limits";
export { Decimal, parseDecimal, isBlank, messageText, showInput, type DecimalInput } from "./decimal";
export {
  type Pence,
  type UnitPence,
  PENNY,
  MAX_PENCE,
  parseMoney,
  parseUnit,
  decimalToPence,
  checkMultipleOfUnit,
  penceToText,
  penceToNumber,
  penceToDecimal,
  formatMoney,
  unitName,
} from "./money";
export { largestRemainder, type Weight } from "./largest-remainder";
export { decimalsToWeights, mixWeights, type MixColumn } from "./weights";
export {
  type DayNumber,
  type DateInput,
  dayNumber,
  calendarDate,
  isoDate,
  longDate,
  isLeapYear,
  fromExcelSerial,
  toExcelSerial,
  parseDate,
} from "./dates";
export { type FinancialYear, fyLabel, parseFinancialYear, fyOfDay, fyStart, fyEnd, fyDays, fyRange } from "./financial-year";
export { type ProRataBasis, PRO_RATA_BASES, yearFraction, describeFraction } from "./pro-rata";
export { type Fraction, frac, fracFromDecimal, fracToDecimal, fracToDecimalText } from "./fraction";
export { roundDivHalfAway, roundHalfAwayFromZero, roundToUnit, roundDivToUnit } from "./rounding";
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
export type { PreparedModel, Partner, Driver, Line, Settings, BasisRef, MixComponent } from "./prepared";
export { validateModel } from "./validate";
export { parseBasisRef, basisRefText } from "./basis-grammar";
export { parseChoice, compareIds } from "./parse-helpers";
export { profileLine, exactYearAmountText, FactorCache, type YearAmount, type YearFactor } from "./profile";
export { basisWeights, type BasisComponent, type BasisWeights } from "./basis-weights";
export {
  apportionModel,
  apportionPrepared,
  totalsOf,
  balanceOf,
  TIE_BREAK_RULE,
  type ApportionResult,
  type LineYear,
  type Charge,
  type TotalRow,
  type BalanceCheck,
  type Mismatch,
} from "./apportion";
export { membershipText, isMemberOn, membershipFractions, readMembershipDates, type MembershipDates } from "./membership";
export { partnerNames } from "./partner-names";
export { explainCharge, traceAll, type ChargeTrace, type TraceComponent } from "./trace";
export { percentOf, percentText, PERCENT_DP } from "./budget/percent";
export { chargeRows, categoryTotals, type ChargeRow, type CategoryTotal } from "./budget/charge-rows";
export { readBudgetTolerance, withinTolerance, NO_TOLERANCE, type BudgetTolerance } from "./budget/tolerance";
export {
  budgetVariance,
  isWithinBudget,
  BUDGET_STATUSES,
  BUDGET_STATUS_TEXT,
  type BudgetVariance,
  type BudgetStatus,
} from "./budget/variance";
export { readBudgets, budgetKey, type Budget } from "./budget/budgets";
export { checkBudgets, type BudgetCheck, type BudgetLine } from "./budget/budget-check";
export { budgetFlagMessage, type BudgetFlag } from "./budget/flags";
export { checkStatedTotals, type StatedTotalCheck } from "./budget/stated-totals";
export {
  settleYearEnd,
  withCarryForward,
  CONTRIBUTIONS,
  type YearEndReport,
  type Settlement,
  type SettlementShare,
} from "./budget/year-end";
export { checkModelBudgets, type ModelBudgetReport } from "./budget/check-model";
export { applyScenario, changeWhere, SCENARIO_CHANGE_KINDS } from "./scenarios/apply";
export { SCENARIO_CHANGE_RULES, scenarioChangeRule } from "./scenarios/rules";
export { runModel, runScenario, type ModelRun } from "./run-model";
export { splitWithin, readWithinPartners, type WithinPartner, type WithinPart, type WithinSplit } from "./scenarios/within";
export { compareResults, compareScenarios, BASE_NAME, type Comparison, type ComparisonRow, type Comparable } from "./scenarios/compare";
export { doNoHarm, judgeDoNoHarm, addsPartner, type DoNoHarmReport, type Harm } from "./scenarios/do-no-harm";
export {
  compareMany,
  compareManyRuns,
  manyPartnerTotals,
  scenarioNameList,
  type ManyComparison,
  type ManyComparisonRow,
} from "./scenarios/compare-many";
export {
  allocateSupport,
  type SupportAllocation,
  type SupportServiceResult,
  type SupportFlow,
  type PartnerSupportCharge,
} from "./support/allocate";
export { readSupportModel, SUPPORT_METHODS, type SupportMethod, type SupportService, type PreparedSupport } from "./support/read-support";
export { solveExact } from "./support/rational";
export type {
  WithinPartnerInput,
  OutturnInput,
  YearEndInput,
  SupportServiceInput,
  SupportModelInput,
  SupportInput,
  SupportServiceRowInput,
  SupportUsageInput,
} from "./model";
export { DEFAULT_SUPPORT_METHOD, type PreparedSupportModel, type SupportServiceDef } from "./support/validate-support";
export { supportReport, type SupportReport, type SupportYear, type SupportServiceYear, type ExactMoney } from "./support/year-flows";
export type { SupportShareDetail } from "./basis-weights";
export { compareSupportMethods, supportCharges, type SupportMethodComparison, type SupportMethodRow } from "./support/compare-methods";
export {
  serviceRecharges,
  serviceRechargesOfRun,
  serviceSplitsOf,
  spreadOntoServices,
  spreadRecharge,
  validatePartnerServices,
  THOUSAND,
  type PartnerServiceInput,
  type PartnerServiceSplit,
  type PreparedServices,
  type RoLineAmount,
  type ServiceRechargeReport,
  type ServiceShare,
  type UnrechargedReason,
} from "./services";
export * from "./capital";
export type { CapitalOptionInput } from "./model";
export { splitChange, type ChangeSplit, type ChargeSide, type ExactShare } from "./methodology/change-split";
export {
  methodologyPaper,
  previousYearPaper,
  CHANGE_SPLIT_RULE,
  type MethodologyPaper,
  type MethodologyGroup,
  type PartnerChange,
  type DriverFigures,
  type PaperSide,
} from "./methodology/paper";
export * from "./journals";
