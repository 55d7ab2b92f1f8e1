/**
 * The application layer: the use cases every client offers, written once.
 * The task pane, the command line and the tests open a model from a
 * `WorkbookPort`, check it, run it, compare scenarios and write the results
 * through these functions, and show problems in the one {@link Problem}
 * shape. Clients import this index (or `src/excel`'s, or the engine's) only;
 * ESLint enforces it.
 */
export { ENGINE, type EngineApi } from "./engine-api";
export { groupedFigure, weightWords } from "./explain-words";
export {
  problemLine,
  problemsText,
  workbookProblems,
  workbookProblemsText,
  engineProblems,
  engineErrorsText,
  plainProblem,
  dedupeProblems,
  hasErrors,
  thrownText,
  type Problem,
  type Severity,
  type Locate,
} from "./problems";
export { createSession, BASE, type ModelSession } from "./session";
export { openModel, noModelMessage, type OpenOutcome } from "./open-model";
export { checkModel } from "./check-model";
export { checkModelWithMonitoring } from "./check-monitoring";
export { resolveRun, COMPARE_OPTION_AT, type RunRequest, type ResolvedRun } from "./run-request";
export { unknownScenarios, SETTING_AT, SCENARIO_OPTION_AT, type NamedScenario } from "./scenario-names";
export {
  modelStep,
  planRun,
  runPlanned,
  RUN_STEP_LABELS,
  type RunPlan,
  type RunStep,
  type RunDone,
  type RunFailed,
  type FinishedOutputs,
  type ModelStepOutputs,
} from "./run-model";
export { runWorkbook, type WorkbookRun } from "./run-workbook";
export { compareScenarios, compareManyScenarios, type CompareOutcome, type ManyOutcome } from "./compare-scenarios";
export { writeResults, type WriteOutcome, type WriteResultsOptions } from "./write-results";
export {
  findSharedFormulas,
  sharedFormulasToValues,
  toValuesQuestion,
  type SharedFormulasLook,
  type ToValuesOutcome,
} from "./formulas-to-values";
export { writeStatementSheets, statementPartners, type StatementChoice } from "./write-statements";
export { partnerStatements, type PartnerStatement } from "./partner-statements";
export {
  fingerprintInputs,
  canonicalTables,
  canonical,
  shortFingerprint,
  changedTables,
  FINGERPRINT_TABLES,
  FINGERPRINT_RECIPE,
  type FingerprintRecipe,
  type InputsFingerprint,
  type FingerprintTable,
} from "./fingerprint";
export { sha256Hex } from "./sha256";
export {
  recordRun,
  staleness,
  stalenessWarnings,
  whenText,
  isoSecond,
  type RecordOptions,
  type Staleness,
  type SignOffState,
} from "./run-record";
export { VERSION } from "./version";
export { capitalFinancingJson, capitalFinancingText } from "./capital-json";
export { trueUpJson } from "./true-up-json";
export { verifyWorkbook, differenceLine, sameStored, type VerifyOutcome, type CellDifference } from "./verify";
export { checkRecordedRun, type RecomputedRun, type RecordedRunCheck } from "./verify";
export { methodologyOf, paperAgainst, paperBasisWords, PAPER_RULE, type AgainstOutcome } from "./methodology";
export { signOffWorkbook, signedText, signedRunText, type SignedRun, type SignOffResult } from "./sign-off";
export { runStatus, runStatusNotice, type RunStatus, type RunStatusNotice, type VerifiedRun } from "./run-status";
export { partnerServiceSplits, serviceRechargesJson, serviceRechargesText, SERVICE_THOUSANDS_RULE } from "./service-recharges";

// The one door: the values of the engine and the workbook layer that the clients use, so that the
// task pane and the command line import values from src/app alone (types they may import from
// ../engine and ../excel directly; eslint.config.mjs enforces it). Thin re-exports: a client that
// needs something new from a lower layer adds it here (or, better, a use case in src/app).
export {
  addsPartner,
  BUDGET_STATUS_TEXT,
  BUDGET_STATUSES,
  budgetFlagMessage,
  calendarDate,
  CATEGORIES,
  dayNumber,
  Decimal,
  formatMoney,
  fracToDecimalText,
  FINANCING,
  fyLabel,
  isoDate,
  longDate,
  manyPartnerTotals,
  MRP_METHODS,
  NATURES,
  parseDate,
  parseDecimal,
  parseFinancialYear,
  parseMoney,
  partnerNames,
  penceToText,
  SCENARIO_CHANGE_KINDS,
  SUPPORT_METHODS,
} from "../engine";
export {
  a1,
  a1Range,
  ABOUT_SHEET,
  aboutSheet,
  absoluteFormula,
  basisFigures,
  basisInWords,
  buildOutputSheets,
  cellAddress,
  columnLetters,
  COVER_SHEET,
  coverSheet,
  createMemoryPort,
  createOfficeWorkbook,
  createStorePort,
  decodeMarker,
  explainTarget,
  findCharge,
  Fingerprint,
  hostTheme,
  inOfficeHost,
  LEDGER_SHEET_PREFIX,
  MARK_NAME,
  MARKER_KEY,
  markNameFormula,
  MemoryWorkbook,
  onHostSelectionChanged,
  OUTPUT_SHEETS,
  outsideText,
  parseAddress,
  partnerStatementSheet,
  quoteSheet,
  SUPPORT_METHOD_WORDS,
  watchTableChanges,
  whenHostReady,
  workbookProblemMessage,
} from "../excel";
export { csvText, inertCell, type CsvOptions } from "./csv";
export { journalsOfRun, journalsProblems } from "./journals";
export { journalCsvFiles, invoiceCsvFiles, journalsJson, journalRows, INVOICE_HEADERS, type CsvFile } from "./journal-files";
export { journalReviews, type JournalReview } from "./journal-review";
export { hasMonitoring, monitoringOfRun, monitoringProblems, monitoringJson, withMonitoringSheet } from "./monitoring";
export {
  readLedgerExport,
  importActuals,
  fileProblemText,
  readLedgerAmount,
  readUkDate,
  type LedgerExport,
  type ImportFile,
  type ImportRecord,
  type ActualsImport,
  type Imported,
  type FileProblem,
} from "./ledger-import";
export { readUsageExport, importUsage, type UsageExport, type UsageImport } from "./usage-import";
export { bytesSource, type ByteSource, type CsvProgress } from "./csv-read";
export { importActualsIntoWorkbook, countUsageForWorkbook, type WorkbookImport, type WorkbookImportOutcome } from "./import-workbook";
