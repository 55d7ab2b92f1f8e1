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
export { resolveRun, COMPARE_OPTION_AT, type RunRequest, type ResolvedRun } from "./run-request";
export { unknownScenarios, SETTING_AT, SCENARIO_OPTION_AT, type NamedScenario } from "./scenario-names";
export {
  planRun,
  runPlanned,
  RUN_STEP_LABELS,
  type RunPlan,
  type RunStep,
  type RunDone,
  type RunFailed,
  type FinishedOutputs,
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
export { verifyWorkbook, differenceLine, sameStored, type VerifyOutcome, type CellDifference } from "./verify";
export { checkRecordedRun, type RecomputedRun, type RecordedRunCheck } from "./verify";
export { signOffWorkbook, signedText, signedRunText, type SignedRun, type SignOffResult } from "./sign-off";
export { runStatus, runStatusNotice, type RunStatus, type RunStatusNotice, type VerifiedRun } from "./run-status";
export { csvText, inertCell, type CsvOptions } from "./csv";
export {
  journalsOfRun,
  journalsProblems,
  journalCsvFiles,
  invoiceCsvFiles,
  journalsJson,
  journalRows,
  INVOICE_HEADERS,
  type CsvFile,
} from "./journals";
