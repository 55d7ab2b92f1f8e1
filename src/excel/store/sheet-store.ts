import type {
  CellStyle,
  CellValue,
  ChartSpec,
  ConditionalFormatSpec,
  Grid,
  PrintSpec,
  RangeRef,
  TableSpec,
  TextLayout,
  ValidationSpec,
} from "../layout/cells";

/** A sheet as a store lists it. */
export interface StoreSheet {
  readonly name: string;
  readonly visible: boolean;
  /** The value of the sheet's `SharedApportion` custom property, if any. */
  readonly marker: string | undefined;
}

/** A table as a store lists it (header row included in `rows`). */
export interface StoreTable {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * A workbook held in the same process, with synchronous operations: the
 * in-memory workbook, and an exceljs workbook for the command line. The
 * generic {@link createStorePort} implements the whole {@link WorkbookPort}
 * on any store, so a new file format needs only these primitives.
 * Rows and columns are zero-based; `""` is an empty cell.
 */
export interface SheetStore {
  listSheets(): readonly StoreSheet[];
  listTables(): readonly StoreTable[];
  /** Values of a rectangle. */
  readValues(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][];
  /** The smallest rectangle holding every non-empty value, or undefined for a sheet with none. */
  usedRange(sheet: string): RangeRef | undefined;
  /**
   * The fingerprint of a sheet's values (`gridFingerprint` of its used range) when the store knows it without
   * reading them (the command line's output sheets left in the file), else undefined. Optional.
   */
  fingerprint?(sheet: string): string | undefined;
  /**
   * Visits a sheet's non-empty values in row order without reading them all into memory, when the store can (the
   * command line's output sheets left in the file); else undefined, and `readValues` is used. Optional.
   */
  streamValues?(sheet: string): ((visit: (row: number, col: number, value: CellValue) => void) => Promise<void>) | undefined;
  /** Appends a sheet. */
  addSheet(name: string, visible: boolean): void;
  /** Deletes a sheet and its tables, charts and formats. */
  deleteSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  setVisible(name: string, visible: boolean): void;
  /** Sets (or with undefined removes) the sheet's `SharedApportion` custom property. */
  setMarker(name: string, value: string | undefined): void;
  /** Moves a sheet to a zero-based position. */
  moveSheet(name: string, position: number): void;
  /** Writes values; with `formats`, sets each column's number format on every row (null: General). */
  writeBlock(
    sheet: string,
    row: number,
    col: number,
    values: Grid,
    formats: readonly (string | null)[] | undefined,
    style: CellStyle | undefined,
  ): void;
  /** Creates a table over existing cells (first row headers) under the given name. */
  addTable(sheet: string, table: TableSpec, name: string): void;
  renameTable(from: string, to: string): void;
  addValidation(sheet: string, v: ValidationSpec): void;
  addConditionalFormat(sheet: string, c: ConditionalFormatSpec): void;
  addChart(sheet: string, c: ChartSpec): void;
  setFreezeRows(sheet: string, rows: number): void;
  setColumnWidths(sheet: string, widths: readonly number[]): void;
  setTabColor(sheet: string, color: string): void;
  /** Sets how the sheet prints: paper, orientation, fit, print area, repeated rows and footer. */
  setPrint(sheet: string, print: PrintSpec): void;
  /** Merges, wraps and row heights for paper (see {@link TextLayout}). */
  setTextLayout(sheet: string, text: TextLayout): void;
  /**
   * Makes a table's body `bodyRows` long (at least 1): new rows are inserted
   * at its end and removed rows taken from its end, shifting the cells below
   * the table (within its columns) down or up, as Excel does.
   */
  resizeTableBody(table: string, bodyRows: number): void;
  select(sheet: string, row: number, col: number, rows: number, cols: number): void;
  /** The selection, or undefined when there is none. */
  selection(): RangeRef | undefined;
}
