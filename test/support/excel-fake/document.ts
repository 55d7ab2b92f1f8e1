import { FakeExcelError } from "./errors";

/** A cell value as Excel holds it. */
export type FakeValue = string | number | boolean;

/** One cell: its value, number format and any formatting set. */
export interface FakeCell {
  value: FakeValue;
  format: string | undefined;
  /** Font/fill properties set on it (bold, italic, size, color, fill). */
  style: Record<string, unknown> | undefined;
  /** True when the value was written with Excel's text prefix (a leading apostrophe). */
  prefixed: boolean;
  /**
   * The cell's formula ("=…"), when it holds one; `value` is then what it
   * calculated. Writing a value over it replaces the formula; writing `null`
   * leaves it (Range.values: "If a value is null, the cell is left unchanged",
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
   */
  formula?: string;
  /**
   * For a formula returning an array (a dynamic array, such as =SHARED.APPORTION), the rectangle its
   * results spill into, the anchor (this cell) included: the cells to its right and below hold the
   * spilled values and no formula of their own. Replacing the anchor's formula removes the spilled
   * values (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
   */
  spill?: { rows: number; cols: number };
}

/** A list validation on a rectangle. */
export interface FakeValidation {
  row: number;
  col: number;
  rows: number;
  cols: number;
  rule: unknown;
  errorAlert: unknown;
  /** True once the sheet its list comes from was deleted (Excel shows #REF!). */
  broken: boolean;
}

/** A conditional format on a rectangle. */
export interface FakeConditionalFormat {
  row: number;
  col: number;
  rows: number;
  cols: number;
  type: string;
  rule: unknown;
  fill: string | undefined;
  font: string | undefined;
}

/** A chart. */
export interface FakeChart {
  name: string;
  type: string;
  title: string;
  source: { row: number; col: number; rows: number; cols: number };
  seriesBy: string;
  from: string | undefined;
  to: string | undefined;
  /** The chart area's font size and the title's, when set. */
  fontSize?: number;
  titleSize?: number;
}

const COLS = 16_384;
/** The key of a cell in a sheet's map. */
export const cellKey = (row: number, col: number): number => row * COLS + col;
/** Row and column of a key. */
export const keyCell = (k: number): [number, number] => [Math.floor(k / COLS), k % COLS];

/** A sheet's print settings, as `Worksheet.pageLayout` holds them (defaults: a new sheet in Excel set to US Letter portrait). */
export interface FakePageLayout {
  paperSize: string;
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: string | undefined;
  printTitleRows: string | undefined;
  /** Side margins in points (Excel's default for a new sheet: 0.7 inch). */
  leftMargin: number;
  rightMargin: number;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
  /** The header's centre section ("" when not set). */
  centerHeader: string;
}

let nextId = 1;

/** A worksheet. */
export class FakeSheet {
  readonly id = nextId++;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, FakeCell>();
  /** Custom properties by lower-cased key. */
  readonly props = new Map<string, { key: string; value: string }>();
  /**
   * Names scoped to this sheet, by lower-cased name (Worksheet.names, ExcelApi 1.4:
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-names-member).
   * They go when the sheet is deleted, as Excel deletes a sheet's local names with it.
   */
  readonly localNames = new Map<string, { name: string; formula: string; visible: boolean }>();
  freezeRows = 0;
  readonly widths = new Map<number, number>();
  /** Row heights set by `RangeFormat.rowHeight`, by zero-based row. */
  readonly heights = new Map<number, number>();
  /** Rectangles merged by `Range.merge`, as A1 ranges on this sheet. */
  readonly merges: string[] = [];
  /** Rectangles whose rows `RangeFormat.autofitRows()` fitted, as A1 ranges. */
  readonly autofitted: string[] = [];
  tabColor = "";
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  /** Rows (zero-based) before which `Worksheet.horizontalPageBreaks.add` put a manual page break, in the order added. */
  readonly pageBreaks: number[] = [];
  /** What `Worksheet.pageLayout` set (ExcelApi 1.9): addresses are A1 ranges on this sheet. */
  readonly pageLayout: FakePageLayout = {
    paperSize: "Letter",
    orientation: "Portrait",
    zoom: { scale: 100 },
    printArea: undefined,
    printTitleRows: undefined,
    leftMargin: 50.4,
    rightMargin: 50.4,
    leftFooter: "",
    centerFooter: "",
    rightFooter: "",
    centerHeader: "",
  };
  constructor(name: string) {
    this.name = name;
  }

  /** The value of a cell ("" when empty). */
  value(row: number, col: number): FakeValue {
    return this.cells.get(cellKey(row, col))?.value ?? "";
  }

  /** The smallest rectangle holding every non-empty value. */
  used(): { row: number; col: number; rows: number; cols: number } | undefined {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      if (c.value === "") continue;
      const [r, col] = keyCell(k);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

/**
 * A filter the user applied to one column of a table: body rows whose value
 * in that column fails `show` are hidden. Office.js misbehaves on filtered
 * tables: writing a range over hidden rows misplaces the data (office-js
 * #224, https://github.com/OfficeDev/office-js/issues/224) and deleting rows
 * of a filtered table does nothing (office-js #994,
 * https://github.com/OfficeDev/office-js/issues/994). `Table.clearFilters()`
 * (ExcelApi 1.2) removes the filter — not always: office-js #468
 * (https://github.com/OfficeDev/office-js/issues/468, "Table.clearFilters()
 * has inconsistent behavior", a confirmed product bug) reports the call
 * succeeding while the filter stays on, so that the row deletes after it fail.
 */
export interface FakeFilter {
  /** Zero-based column within the table. */
  readonly column: number;
  readonly show: (value: FakeValue) => boolean;
  /** `clearFilters()` succeeds and leaves this filter on (office-js #468). */
  readonly survivesClear?: boolean;
}

/** A table. */
export class FakeTable {
  readonly id = nextId++;
  /** The user's filter, if any (see {@link FakeFilter}). */
  filter: FakeFilter | undefined;
  constructor(
    public name: string,
    public sheet: FakeSheet,
    public row: number,
    public col: number,
    public rows: number,
    public cols: number,
    public style: string,
  ) {}
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * The workbook document behind the fake: what Excel would hold. Enforces the
 * rules the add-in could trip over — unique sheet and table names (case does
 * not matter), valid names, a visible sheet always left, tables not
 * overlapping — by throwing errors with Excel's codes.
 */
/** What a table-changed handler is given: the TableChangedEventArgs fields the fake models. */
export interface FakeTableChangedEventArgs {
  readonly type: "TableChanged";
  readonly changeType: "RangeEdited";
  /** "Local" for an edit in this session (the user, or an add-in). */
  readonly source: "Local";
  readonly tableId: string;
  readonly worksheetId: string;
  /** The changed cell, A1 style without the sheet. */
  readonly address: string;
}

export class FakeDocument {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  /**
   * Workbook-scoped defined names, by lower-cased name. Table names and
   * defined names share one namespace, so renaming a table to a defined
   * name's name fails (Table.name, ExcelApi 1.1:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-name-member;
   * the failure mid-swap is this project's issue #13, item 5).
   */
  readonly names = new Map<string, { name: string; formula: string }>();
  /**
   * Handlers registered with `workbook.tables.onChanged` (TableCollection.onChanged, ExcelApi 1.7:
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-onchanged-member).
   * Excel calls them, asynchronously, after data in any table changes; each gets a TableChangedEventArgs
   * (https://learn.microsoft.com/javascript/api/excel/excel.tablechangedeventargs).
   */
  readonly tableChangedHandlers = new Set<(args: FakeTableChangedEventArgs) => unknown>();
  active: FakeSheet | undefined;
  /**
   * The selection: its first area (what `getSelectedRange` would return), any
   * further areas of a Ctrl+click multi-area selection, and the active cell.
   * `getSelectedRange()` fails with InvalidSelection on a multi-area selection
   * (https://github.com/OfficeDev/office-js-docs-pr/issues/2477);
   * `getActiveCell()` (ExcelApi 1.7) always gives the one active cell.
   */
  selection:
    | {
        sheet: FakeSheet;
        row: number;
        col: number;
        rows: number;
        cols: number;
        more?: { row: number; col: number; rows: number; cols: number }[];
        active?: { row: number; col: number };
      }
    | undefined;
  /**
   * The name of the chart sheet the user is looking at, if any. Office.js has
   * no chart sheets: `getActiveWorksheet()` throws while one is active
   * (office-js #2444, https://github.com/OfficeDev/office-js/issues/2444) and
   * there is no active cell (`getActiveCell` fails with InvalidSelection,
   * office-js #5319, https://github.com/OfficeDev/office-js/issues/5319).
   */
  activeChartSheet: string | undefined;
  /**
   * True while the user is typing in a cell. A batch then fails with
   * InvalidOperationInCellEditMode unless it was run with
   * `delayForCellEdit: true`, which makes Excel wait until editing ends
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  cellEdit = false;
  private tableCount = 0;

  /**
   * Raises TableCollection.onChanged for a cell edited in a table (the user typing, or a value set
   * through the API), after the change and asynchronously, as Excel does.
   */
  notifyTableChange(sheet: FakeSheet, row: number, col: number): void {
    const table = this.tables.find(
      (t) => t.sheet === sheet && row >= t.row && row < t.row + t.rows && col >= t.col && col < t.col + t.cols,
    );
    if (table === undefined || this.tableChangedHandlers.size === 0) return;
    const args: FakeTableChangedEventArgs = {
      type: "TableChanged",
      changeType: "RangeEdited",
      source: "Local",
      tableId: String(table.id),
      worksheetId: sheet.name,
      address: `${columnLetters(col)}${row + 1}`,
    };
    for (const h of [...this.tableChangedHandlers]) setTimeout(() => void h(args), 0);
  }

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.active = this.sheets[0];
    if (this.active !== undefined) this.selection = { sheet: this.active, row: 0, col: 0, rows: 1, cols: 1 };
  }

  /** The sheet of a name (case-insensitive), or undefined. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The table of a name (case-insensitive), or undefined. */
  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Checks a sheet name as Excel does. */
  checkSheetName(name: string, except?: FakeSheet): void {
    if (name === "" || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid sheet name`);
    const clash = this.sheet(name);
    if (clash !== undefined && clash !== except) throw new FakeExcelError("ItemAlreadyExists", `A sheet named "${name}" already exists`);
  }

  /** Adds a sheet at the end. */
  addSheet(name: string): FakeSheet {
    this.checkSheetName(name);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  /** Deletes a sheet and everything on it; Excel will not delete the last visible sheet. */
  deleteSheet(s: FakeSheet): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) throw new FakeExcelError("ItemNotFound", "The sheet no longer exists");
    if (s.visibility === "Visible" && this.sheets.filter((x) => x.visibility === "Visible").length === 1)
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet");
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t]?.sheet === s) this.tables.splice(t, 1);
    for (const other of this.sheets) for (const v of other.validations) if (refersTo(v.rule, s)) v.broken = true;
    if (this.active === s) this.active = this.sheets.find((x) => x.visibility === "Visible");
    if (this.selection?.sheet === s)
      this.selection = this.active === undefined ? undefined : { sheet: this.active, row: 0, col: 0, rows: 1, cols: 1 };
  }

  /** Checks a table name as Excel does: starts with a letter or underscore, no spaces, unique. */
  checkTableName(name: string, except?: FakeTable): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid table name`);
    const clash = this.table(name);
    if (clash !== undefined && clash !== except) throw new FakeExcelError("ItemAlreadyExists", `A table named "${name}" already exists`);
    if (this.names.has(name.toLowerCase()))
      throw new FakeExcelError("InvalidArgument", `"${name}" is already a defined name in the workbook`);
  }

  /** Rows of a sheet hidden by a table's filter (zero-based sheet rows). */
  hiddenRows(sheet: FakeSheet): Set<number> {
    const hidden = new Set<number>();
    for (const t of this.tables) {
      if (t.sheet !== sheet || t.filter === undefined) continue;
      for (let r = t.row + 1; r < t.row + t.rows; r++) if (!t.filter.show(sheet.value(r, t.col + t.filter.column))) hidden.add(r);
    }
    return hidden;
  }

  /** True when a rectangle overlaps a table with a filter applied. */
  filteredTableAt(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): boolean {
    return this.tables.some(
      (t) =>
        t.sheet === sheet &&
        t.filter !== undefined &&
        t.row < row + rows &&
        row < t.row + t.rows &&
        t.col < col + cols &&
        col < t.col + t.cols,
    );
  }

  /** Creates a table over a rectangle whose first row is its header, fixing headers as Excel does. */
  addTable(sheet: FakeSheet, row: number, col: number, rows: number, cols: number): FakeTable {
    if (rows < 2) throw new FakeExcelError("InvalidArgument", "A table needs a header row and at least one body row");
    for (const t of this.tables) {
      if (t.sheet === sheet && t.row < row + rows && row < t.row + t.rows && t.col < col + cols && col < t.col + t.cols)
        throw new FakeExcelError("InvalidOperation", "A table can't overlap another table");
    }
    const seen = new Set<string>();
    for (let c = 0; c < cols; c++) {
      let h = String(sheet.value(row, col + c));
      if (h === "") h = `Column${c + 1}`;
      let name = h;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h}${n}`;
      seen.add(name.toLowerCase());
      if (name !== sheet.value(row, col + c)) {
        const old = sheet.cells.get(cellKey(row, col + c));
        sheet.cells.set(cellKey(row, col + c), { value: name, format: old?.format, style: old?.style, prefixed: false });
      }
    }
    let name = "";
    do name = `Table${++this.tableCount}`;
    while (this.table(name) !== undefined);
    const t = new FakeTable(name, sheet, row, col, rows, cols, "TableStyleMedium2");
    this.tables.push(t);
    return t;
  }

  /** Shifts the cells of columns [col, col + cols) at and below `fromRow` by `delta` rows (negative: up, deleting the rows above it). */
  shiftRows(sheet: FakeSheet, fromRow: number, col: number, cols: number, delta: number): void {
    const moved: [number, FakeCell][] = [];
    for (const [k, cell] of sheet.cells) {
      const [r, c] = keyCell(k);
      if (c < col || c >= col + cols) continue;
      if (delta < 0 && r >= fromRow + delta && r < fromRow) {
        sheet.cells.delete(k);
        continue;
      }
      if (r >= fromRow) {
        sheet.cells.delete(k);
        moved.push([cellKey(r + delta, c), cell]);
      }
    }
    for (const [k, cell] of moved) sheet.cells.set(k, cell);
    for (const t of this.tables) {
      if (t.sheet !== sheet || t.col + t.cols <= col || t.col >= col + cols) continue;
      if (t.row >= fromRow) t.row += delta;
      else if (t.row + t.rows >= fromRow) t.rows += delta;
    }
  }
}

function refersTo(rule: unknown, sheet: FakeSheet): boolean {
  const source = (rule as { list?: { source?: unknown } } | undefined)?.list?.source;
  return typeof source === "object" && source !== null && (source as { sheet?: unknown }).sheet === sheet;
}

/** A zero-based column as letters: 0 → A, 26 → AA. */
function columnLetters(col: number): string {
  let out = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}
