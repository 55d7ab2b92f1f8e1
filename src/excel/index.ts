/**
 * The workbook layer: the only place that talks to Excel. Everything else
 * (task pane, command line) goes through the {@link WorkbookPort}.
 *
 * - `createOfficeWorkbook()` — Office.js adapter (in Excel).
 * - `createMemoryPort()` — in-memory adapter (tests, browser preview), with
 *   `MemoryWorkbook` to list sheets and read their cells as grids.
 * - `createStorePort(store)` — the port over any synchronous `SheetStore`
 *   (the command line's exceljs adapter implements one).
 * - `layout/*` — pure layout shared by every adapter: input tables and their
 *   headers, reading a model from tables, output sheets, error locations.
 */
export type {
  WorkbookPort,
  PortResult,
  WorkbookStatus,
  CreateModelOptions,
  CreateModelReport,
  ModelRead,
  OutputsStatus,
  OutputValues,
  WriteOptions,
  WriteReport,
  SelectionInfo,
} from "./port";
export { type WorkbookProblem, type WorkbookProblemKind, workbookProblemMessage, problemLocation } from "./problems";
export { createOfficeWorkbook, type OfficeWorkbookOptions } from "./office/office-port";
export type { ExcelRunner } from "./office/runner";
export { hostTheme, inOfficeHost, onHostSelectionChanged, whenHostReady, type HostTheme } from "./office/host";
export { watchTableChanges } from "./office/table-changes";
export { createMemoryPort } from "./memory/memory-port";
export { MemoryWorkbook, type MemoryCell, type MemoryTable, type SheetView } from "./memory/memory-workbook";
export { displayText } from "./memory/display";
export { createStorePort, type StorePortOptions } from "./store/store-port";
export type { SheetStore, StoreSheet, StoreTable } from "./store/sheet-store";
/** Sheet-value fingerprints (a store that reads a sheet as it streams by computes them itself). */
export { Fingerprint } from "./layout/fingerprint";
export type {
  CellValue,
  Grid,
  CellRef,
  RangeRef,
  CellLocation,
  SheetSpec,
  Block,
  TableSpec,
  ValidationSpec,
  ConditionalFormatSpec,
  ChartSpec,
  SheetRole,
  CellStyle,
  PrintSpec,
  TextLayout,
  CellBox,
} from "./layout/cells";
export { PRINT_WIDTH, PRINT_SIDE_MARGIN } from "./layout/cells";
export {
  cellAddress,
  rangeAddress,
  parseAddress,
  columnLetters,
  columnIndex,
  a1,
  a1Range,
  absoluteFormula,
  quoteSheet,
} from "./layout/address";
export {
  INPUT_SHEETS,
  OUTPUT_SHEETS,
  LISTS_SHEET,
  TABLES,
  OUTPUT_TABLES,
  MARKER_KEY,
  MARK_NAME,
  markNameFormula,
  MONEY_FORMAT,
  DATE_FORMAT,
  TEXT_FORMAT,
} from "./layout/names";
export {
  INPUT_TABLES,
  TABLE_ORDER,
  SETTINGS,
  CHANGE_KINDS,
  type TableDef,
  type ColumnDef,
  type SettingDef,
  type SettingKey,
} from "./layout/input-tables";
export { buildInputSheets, DEFAULT_RUN_SETTINGS, type TemplateNotes } from "./layout/template";
export { readModelTables, type RawTable, type ModelTables } from "./layout/read-model";
export { locateWhere, type ModelOrigins, type TableOrigin } from "./layout/origins";
export type { RunSettings } from "./layout/run-settings";
export { ABOUT_SHEET, aboutSheet, COVER_SHEET, coverSheet } from "./layout/outputs/pack";
export { buildOutputSheets, outputsPaper, type RunOutputs, type RunStamp } from "./layout/outputs";
export { readRunLog, runLogSheet, runLogCell, outputSheetRecords, type RunLogEntry, type RunLogField } from "./layout/outputs/run-log";
export {
  partnerStatementSheet,
  prepareStatements,
  type StatementsPrepared,
  buildStatementSheets,
  statementSheetName,
  STATEMENT_SHEET_PREFIX,
  STATEMENT_SHEET,
  STATEMENT_YEAR_HEADER,
  STATEMENT_LINE_HEADERS,
  STATEMENT_BUDGET_HEADERS,
  STATEMENT_TOTAL,
} from "./layout/outputs/statement";
export { outsideText } from "./layout/outputs/common";
export { isSharedFormula, type SharedFormulasFound, type SharedFormulaSheet } from "./layout/shared-formulas";
export { basisInWords, categoryWords, partnerWords, CATEGORY_WORDS, NATURE_WORDS } from "./layout/outputs/words";
export { SUPPORT_METHOD_WORDS } from "./layout/outputs/support-flows";
export { describeSelection, explainTarget, findCharge, type ChargeExplanation, type SelectionTarget } from "./layout/selection";
export { basisFigures, basisTotals, TRACE_HEADERS } from "./layout/outputs/trace";
export {
  ALLOCATION_CHECK_HEADER,
  ALLOCATION_HEADER_ROW,
  ALLOCATION_HEADERS,
  partnerHeader,
  partnerOfColumn,
} from "./layout/outputs/allocations";
export { EXCEL_LIMITS, sheetLimitProblems, type SheetLimits } from "./layout/sheet-limits";
export { listProblems, type ListedProblem } from "./layout/problem-list";
export { scenariosToRows, rowToChange, changeDetails } from "./layout/scenario-rows";
export { planBatches, DEFAULT_MAX_REQUEST_BYTES, type Batch, type StageOp } from "./layout/batches";
export { decodeMarker, encodeMarker, type SheetMarker } from "./layout/marker";
export { runJournals, journalsSheet } from "./layout/outputs/journals";
export {
  journalGrid,
  ledgerSheetName,
  ledgerSheetNames,
  ledgerSheets,
  LEDGER_SHEET_KIND,
  LEDGER_SHEET_PREFIX,
} from "./layout/outputs/ledger-sheets";
