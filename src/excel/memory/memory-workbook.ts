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
import { parseAddress } from "../layout/address";
import type { SheetStore, StoreSheet, StoreTable } from "../store/sheet-store";
import { displayText } from "./display";
import type { MemoryCell } from "./memory-cell";

// MemoryCell lives in memory-cell.ts so that display.ts need not import this module (an import loop).
export type { MemoryCell } from "./memory-cell";

/** A table in the in-memory workbook (header row included in `rows`). */
export interface MemoryTable extends StoreTable {
  readonly style: string;
}

interface Sheet {
  name: string;
  visible: boolean;
  marker: string | undefined;
  cells: Map<number, MemoryCell>;
  freezeRows: number;
  columnWidths: number[];
  tabColor: string | undefined;
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  print: PrintSpec | undefined;
  text: TextLayout | undefined;
}

/** A read-only view of one sheet, for the task pane's preview grid and for tests. */
export interface SheetView {
  readonly name: string;
  readonly visible: boolean;
  readonly marker: string | undefined;
  /** Rows × columns from A1 to the last used cell. */
  readonly rows: number;
  readonly cols: number;
  /** Value, format and style at a zero-based cell (an empty General cell where nothing is set). */
  cell(row: number, col: number): MemoryCell;
  /** The text Excel would show for a cell (£1,234.56, 1 Apr 2020…). */
  text(row: number, col: number): string;
  /** Values of the whole used area, row by row. */
  values(): CellValue[][];
  readonly freezeRows: number;
  readonly columnWidths: readonly number[];
  readonly tabColor: string | undefined;
  readonly tables: readonly MemoryTable[];
  readonly validations: readonly ValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly charts: readonly ChartSpec[];
  /** How the sheet prints, as the add-in set it (undefined: the workbook's default). */
  readonly print: PrintSpec | undefined;
  /** Merged and wrapped text and row heights, as the add-in set them (undefined: none). */
  readonly textLayout: TextLayout | undefined;
}

const COLS = 16_384;
const key = (row: number, col: number): number => row * COLS + col;
const EMPTY_CELL: MemoryCell = { value: "", format: undefined, style: undefined };
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A workbook held in memory: sheets of cells with number formats, tables,
 * validations, conditional formats, charts, frozen rows and custom-property
 * markers. Pure TypeScript (no Node or DOM APIs), so the task pane's browser
 * preview runs the real workbook layer on it and shows its sheets as grids.
 * Implements {@link SheetStore}; `subscribe` tells a UI when anything changed.
 */
export class MemoryWorkbook implements SheetStore {
  private readonly sheetList: Sheet[] = [];
  private readonly tableList: MemoryTable[] = [];
  private current: RangeRef | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Creates a workbook, optionally with empty sheets (a new Excel workbook has "Sheet1"). */
  constructor(sheetNames: readonly string[] = []) {
    for (const n of sheetNames) this.addSheet(n, true);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A number that changes with every change (for React's useSyncExternalStore). */
  getVersion(): number {
    return this.version;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private sheet(name: string): Sheet {
    const s = this.sheetList.find((x) => same(x.name, name));
    if (s === undefined) throw new Error(`No sheet named "${name}"`);
    return s;
  }

  private table(name: string): MemoryTable {
    const t = this.tableList.find((x) => same(x.name, name));
    if (t === undefined) throw new Error(`No table named "${name}"`);
    return t;
  }

  /** The names of the sheets, in order (hidden ones included). */
  sheetNames(): string[] {
    return this.sheetList.map((s) => s.name);
  }

  /** A view of a sheet, or undefined if there is none of that name. */
  view(name: string): SheetView | undefined {
    const s = this.sheetList.find((x) => same(x.name, name));
    if (s === undefined) return undefined;
    const used = this.usedRange(s.name);
    const rows = used === undefined ? 0 : used.row + used.rows;
    const cols = used === undefined ? 0 : used.col + used.cols;
    const cell = (r: number, c: number): MemoryCell => s.cells.get(key(r, c)) ?? EMPTY_CELL;
    return {
      name: s.name,
      visible: s.visible,
      marker: s.marker,
      rows,
      cols,
      cell,
      text: (r, c) => displayText(cell(r, c)),
      values: () => this.readValues(s.name, 0, 0, rows, cols),
      freezeRows: s.freezeRows,
      columnWidths: [...s.columnWidths],
      tabColor: s.tabColor,
      tables: this.tableList.filter((t) => same(t.sheet, s.name)),
      validations: [...s.validations],
      conditionalFormats: [...s.conditionalFormats],
      charts: [...s.charts],
      print: s.print,
      textLayout: s.text,
    };
  }

  /**
   * Types a value into a cell, as a user would (the preview's editable grid,
   * and tests that simulate edits). Typing just below a table extends it.
   * Accepts an address such as `Costs!F12`.
   */
  setCellValue(address: string, value: CellValue): void {
    const ref = parseAddress(address);
    if (ref === undefined) throw new Error(`"${address}" is not a cell address`);
    const s = this.sheet(ref.sheet);
    const old = s.cells.get(key(ref.row, ref.col));
    this.put(s, ref.row, ref.col, value, old?.format, old?.style);
    if (value !== "") {
      const t = this.tableList.find(
        (x) => same(x.sheet, s.name) && x.row + x.rows === ref.row && ref.col >= x.col && ref.col < x.col + x.cols,
      );
      if (t !== undefined) this.replaceTable(t, { ...t, rows: t.rows + 1 });
    }
    this.changed();
  }

  private put(s: Sheet, row: number, col: number, value: CellValue, format: string | undefined, style: CellStyle | undefined): void {
    const k = key(row, col);
    if (value === "" && format === undefined && style === undefined) s.cells.delete(k);
    else s.cells.set(k, { value, format, style });
  }

  private replaceTable(t: MemoryTable, next: MemoryTable): void {
    const i = this.tableList.indexOf(t);
    if (i >= 0) this.tableList[i] = next;
  }

  // --- SheetStore ---

  /** @inheritdoc */
  listSheets(): StoreSheet[] {
    return this.sheetList.map((s) => ({ name: s.name, visible: s.visible, marker: s.marker }));
  }

  /** @inheritdoc */
  listTables(): StoreTable[] {
    return this.tableList.map((t) => ({ name: t.name, sheet: t.sheet, row: t.row, col: t.col, rows: t.rows, cols: t.cols }));
  }

  /** @inheritdoc */
  readValues(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][] {
    const s = this.sheet(sheet);
    const out: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < cols; c++) line.push(s.cells.get(key(row + r, col + c))?.value ?? "");
      out.push(line);
    }
    return out;
  }

  /** @inheritdoc */
  usedRange(sheet: string): RangeRef | undefined {
    const s = this.sheet(sheet);
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of s.cells) {
      if (cell.value === "") continue;
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? undefined : { sheet: s.name, row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** @inheritdoc */
  addSheet(name: string, visible: boolean): void {
    if (this.sheetList.some((s) => same(s.name, name))) throw new Error(`A sheet named "${name}" already exists`);
    this.sheetList.push({
      name,
      visible,
      marker: undefined,
      cells: new Map(),
      freezeRows: 0,
      columnWidths: [],
      tabColor: undefined,
      validations: [],
      conditionalFormats: [],
      charts: [],
      print: undefined,
      text: undefined,
    });
    this.changed();
  }

  /** @inheritdoc */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.sheetList.splice(this.sheetList.indexOf(s), 1);
    for (let i = this.tableList.length - 1; i >= 0; i--) if (same(this.tableList[i]?.sheet ?? "", s.name)) this.tableList.splice(i, 1);
    if (this.current !== undefined && same(this.current.sheet, s.name)) this.current = undefined;
    this.changed();
  }

  /** @inheritdoc */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (!same(from, to) && this.sheetList.some((x) => same(x.name, to))) throw new Error(`A sheet named "${to}" already exists`);
    const old = s.name;
    s.name = to;
    for (let i = 0; i < this.tableList.length; i++) {
      const t = this.tableList[i];
      if (t !== undefined && same(t.sheet, old)) this.tableList[i] = { ...t, sheet: to };
    }
    // Excel rewrites references to a renamed sheet, including list validations that point at it.
    for (const x of this.sheetList) {
      x.validations = x.validations.map((v) =>
        v.source.kind === "range" && same(v.source.range.sheet, old)
          ? { ...v, source: { kind: "range", range: { ...v.source.range, sheet: to } } }
          : v,
      );
    }
    this.changed();
  }

  /** @inheritdoc */
  setVisible(name: string, visible: boolean): void {
    this.sheet(name).visible = visible;
    this.changed();
  }

  /** @inheritdoc */
  setMarker(name: string, value: string | undefined): void {
    this.sheet(name).marker = value;
    this.changed();
  }

  /** @inheritdoc */
  moveSheet(name: string, position: number): void {
    const s = this.sheet(name);
    this.sheetList.splice(this.sheetList.indexOf(s), 1);
    this.sheetList.splice(Math.max(0, Math.min(position, this.sheetList.length)), 0, s);
    this.changed();
  }

  /** @inheritdoc */
  writeBlock(
    sheet: string,
    row: number,
    col: number,
    values: Grid,
    formats: readonly (string | null)[] | undefined,
    style: CellStyle | undefined,
  ): void {
    const s = this.sheet(sheet);
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const old = s.cells.get(key(row + r, col + c));
        const f = formats === undefined ? old?.format : (formats[c] ?? undefined);
        this.put(s, row + r, col + c, v, f === "General" ? undefined : f, style ?? old?.style);
      }),
    );
    this.changed();
  }

  /** @inheritdoc */
  addTable(sheet: string, table: TableSpec, name: string): void {
    const s = this.sheet(sheet);
    if (this.tableList.some((t) => same(t.name, name))) throw new Error(`A table named "${name}" already exists`);
    const overlap = this.tableList.find(
      (t) =>
        same(t.sheet, s.name) &&
        t.row < table.row + table.rows &&
        table.row < t.row + t.rows &&
        t.col < table.col + table.cols &&
        table.col < t.col + t.cols,
    );
    if (overlap !== undefined) throw new Error(`Table "${name}" would overlap table "${overlap.name}"`);
    this.tableList.push({ name, sheet: s.name, row: table.row, col: table.col, rows: table.rows, cols: table.cols, style: table.style });
    this.changed();
  }

  /** @inheritdoc */
  renameTable(from: string, to: string): void {
    const t = this.table(from);
    if (!same(from, to) && this.tableList.some((x) => same(x.name, to))) throw new Error(`A table named "${to}" already exists`);
    this.replaceTable(t, { ...t, name: to });
    this.changed();
  }

  /** @inheritdoc */
  addValidation(sheet: string, v: ValidationSpec): void {
    this.sheet(sheet).validations.push(v);
    this.changed();
  }

  /** @inheritdoc */
  addConditionalFormat(sheet: string, c: ConditionalFormatSpec): void {
    this.sheet(sheet).conditionalFormats.push(c);
    this.changed();
  }

  /** @inheritdoc */
  addChart(sheet: string, c: ChartSpec): void {
    this.sheet(sheet).charts.push(c);
    this.changed();
  }

  /** @inheritdoc */
  setFreezeRows(sheet: string, rows: number): void {
    this.sheet(sheet).freezeRows = rows;
    this.changed();
  }

  /** @inheritdoc */
  setColumnWidths(sheet: string, widths: readonly number[]): void {
    this.sheet(sheet).columnWidths = [...widths];
    this.changed();
  }

  /** @inheritdoc */
  setTabColor(sheet: string, color: string): void {
    this.sheet(sheet).tabColor = color;
    this.changed();
  }

  /** @inheritdoc */
  setPrint(sheet: string, print: PrintSpec): void {
    this.sheet(sheet).print = print;
    this.changed();
  }

  /** @inheritdoc */
  setTextLayout(sheet: string, text: TextLayout): void {
    this.sheet(sheet).text = text;
    this.changed();
  }

  /** @inheritdoc */
  resizeTableBody(table: string, bodyRows: number): void {
    const t = this.table(table);
    const s = this.sheet(t.sheet);
    const target = Math.max(1, bodyRows);
    const delta = target - (t.rows - 1);
    if (delta === 0) return;
    const end = t.row + t.rows; // first row below the table
    const moved: [number, MemoryCell][] = [];
    for (const [k, cell] of s.cells) {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      if (c < t.col || c >= t.col + t.cols) continue;
      if (delta < 0 && r >= end + delta && r < end) {
        s.cells.delete(k);
        continue;
      }
      if (r >= end) {
        s.cells.delete(k);
        moved.push([key(r + delta, c), cell]);
      }
    }
    for (const [k, cell] of moved) s.cells.set(k, cell);
    this.replaceTable(t, { ...t, rows: t.rows + delta });
    for (const other of this.tableList) {
      if (other !== t && same(other.sheet, t.sheet) && other.row >= end && other.col >= t.col && other.col + other.cols <= t.col + t.cols)
        this.replaceTable(other, { ...other, row: other.row + delta });
    }
    this.changed();
  }

  /** @inheritdoc */
  select(sheet: string, row: number, col: number, rows: number, cols: number): void {
    const s = this.sheet(sheet);
    this.current = { sheet: s.name, row, col, rows, cols };
    this.changed();
  }

  /** @inheritdoc */
  selection(): RangeRef | undefined {
    return this.current;
  }
}
