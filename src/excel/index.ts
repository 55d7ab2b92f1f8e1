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
export type { WorkbookPort, PortResult, WorkbookStatus, ModelRead, OutputValues, WriteReport } from "./port";
export { type WorkbookProblem, workbookProblemMessage, problemLocation } from "./problems";
export { createOfficeWorkbook } from "./office/office-port";
export { hostTheme, inOfficeHost, onHostSelectionChanged, whenHostReady } from "./office/host";
export { watchTableChanges } from "./office/table-changes";
export { createMemoryPort } from "./memory/memory-port";
export { MemoryWorkbook, type SheetView } from "./memory/memory-workbook";
export { createStorePort } from "./store/store-port";
export type { SheetStore, StoreSheet, StoreTable } from "./store/sheet-store";
/** Sheet-value fingerprints (a store that reads a sheet as it streams by computes them itself). */
export { Fingerprint } from "./layout/fingerprint";
export type {
  CellValue,
  Grid,
  RangeRef,
  CellLocation,
  SheetSpec,
  TableSpec,
  ValidationSpec,
  ConditionalFormatSpec,
  ChartSpec,
  CellStyle,
  PrintSpec,
  TextLayout,
} from "./layout/cells";
export { cellAddress, parseAddress, columnLetters, a1, a1Range, absoluteFormula, quoteSheet } from "./layout/address";
export { OUTPUT_SHEETS, MARKER_KEY, MARK_NAME, markNameFormula, MONEY_FORMAT } from "./layout/names";
export { INPUT_TABLES, TABLE_ORDER } from "./layout/input-tables";
export { buildInputSheets, type TemplateNotes } from "./layout/template";
export type { RunSettings } from "./layout/run-settings";
export { ABOUT_SHEET, aboutSheet, COVER_SHEET, coverSheet } from "./layout/outputs/pack";
export { buildOutputSheets, outputsPaper, type RunOutputs } from "./layout/outputs";
export { readRunLog, runLogSheet, runLogCell, outputSheetRecords, type RunLogEntry, type RunLogField } from "./layout/outputs/run-log";
export {
  partnerStatementParts,
  partnerStatementSheet,
  prepareStatements,
  type StatementLine,
  type StatementLines,
  type StatementParts,
} from "./layout/outputs/statement";
export { outsideText } from "./layout/outputs/common";
export { type SharedFormulasFound } from "./layout/shared-formulas";
export { basisInWords, categoryWords, natureWords, partnerWords, supportMethodWords, SUPPORT_METHOD_CHOICES } from "./layout/outputs/words";
export { explainTarget, type ChargeExplanation, type SelectionTarget } from "./layout/selection";
export { basisFigures } from "./layout/outputs/trace";
export { decodeMarker } from "./layout/marker";
export { runJournals } from "./layout/outputs/journals";
export { journalGrid, ledgerSheetNames, LEDGER_SHEET_PREFIX } from "./layout/outputs/ledger-sheets";
