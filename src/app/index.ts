/**
 * The application layer: the use cases every client offers, written once.
 * The task pane, the command line and the tests open a model from a
 * `WorkbookPort`, check it, run it, compare scenarios and write the results
 * through these functions, and show problems in the one {@link Problem}
 * shape. Clients import this index (or `src/excel`'s, or the engine's) only;
 * ESLint enforces it.
 */
export { ENGINE, type EngineApi } from "./engine-api";
export { weightWords } from "./explain-words";
export {
  problemLine,
  problemsText,
  workbookProblemsText,
  engineProblems,
  engineErrorsText,
  hasErrors,
  thrownText,
  type Problem,
  type Locate,
} from "./problems";
export { type ModelSession } from "./session";
export { openModel, noModelMessage } from "./open-model";
export { checkModel } from "./check-model";
export { checkModelWithMonitoring } from "./check-monitoring";
export { modelStep, planRun, runPlanned, RUN_STEP_LABELS, type RunStep, type FinishedOutputs } from "./run-model";
export { runWorkbook, type WorkbookRun } from "./run-workbook";
export { compareScenarios, compareManyScenarios } from "./compare-scenarios";
export { writeResults } from "./write-results";
export { findSharedFormulas, sharedFormulasToValues, type SharedFormulasLook } from "./formulas-to-values";
export { writeStatementSheets, type StatementChoice } from "./write-statements";
export { partnerStatements } from "./partner-statements";
export { changedTables, fingerprintInputs } from "./fingerprint";
export { recordRun, staleness, stalenessWarnings, whenText } from "./run-record";
export { VERSION } from "./version";
export { capitalFinancingJson, capitalFinancingText } from "./capital-json";
export { trueUpJson } from "./true-up-json";
export { disputesJson, exitJson, exitsText } from "./exits-json";
export { verifyWorkbook, differenceLine, type VerifyOutcome } from "./verify";
export { methodologyOf, paperAgainst, paperBasisWords, PAPER_RULE } from "./methodology";
export { signOffWorkbook, signedText, signedRunText } from "./sign-off";
export { runStatus, runStatusNotice, type RunStatus, type VerifiedRun } from "./run-status";
export { serviceRechargesJson, serviceRechargesText } from "./service-recharges";

// The one door: the values of the engine and the workbook layer that the clients use, so that the
// task pane and the command line import values from src/app alone (types they may import from
// ../engine and ../excel directly; eslint.config.mjs enforces it). Thin re-exports: a client that
// needs something new from a lower layer adds it here (or, better, a use case in src/app).
export {
  addsPartner,
  basisChoices,
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
  partnerBasisChoices,
  partnerNames,
  penceToText,
  SCENARIO_CHANGE_KINDS,
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
  quoteSheet,
  categoryWords,
  natureWords,
  partnerWords,
  supportMethodWords,
  SUPPORT_METHOD_CHOICES,
  watchTableChanges,
  whenHostReady,
  workbookProblemMessage,
} from "../excel";
export { csvText, inertCell } from "./csv";
export { journalsOfRun, journalsProblems } from "./journals";
export { journalCsvFiles, invoiceCsvFiles, journalsJson, INVOICE_HEADERS } from "./journal-files";
export { journalReviews, type JournalReview } from "./journal-review";
export { hasMonitoring, monitoringOfRun, monitoringProblems, monitoringJson, withMonitoringSheet } from "./monitoring";
export { readLedgerExport, importActuals, fileProblemText, type ImportFile } from "./ledger-import";
export { readUsageExport, importUsage } from "./usage-import";
export { bytesSource } from "./csv-read";
export { importActualsIntoWorkbook, countUsageForWorkbook, type WorkbookImport } from "./import-workbook";
