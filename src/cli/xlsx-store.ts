import type { Cell, Table, Workbook, Worksheet } from "exceljs";
import { a1, a1Range, absoluteFormula, quoteSheet, MARKER_KEY } from "../app";
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
  SheetStore,
  StoreSheet,
  StoreTable,
} from "../excel";
import { fromExcel, toExcel } from "./xlsx/cell-convert";
import { decodeProperty, encodeProperty, type SheetProperties } from "./xlsx/custom-properties";
import type { DeferredSheet } from "./xlsx/deferred-sheets";
import { argb, pointsToChars, StyleCache } from "./xlsx/styles";
import {
  mergeCells,
  rekeyTable,
  setSheetOrder,
  tableModel,
  validationModels,
  worksheetTables,
  type TableModel,
} from "./xlsx/exceljs-internals";
import { moveTableCells, tableRange } from "./xlsx/tables";

/** SpreadsheetML's paper size code for A4 (ECMA-376 Part 1, 18.3.1.63 pageSetup). */
const A4 = 9;
/** Excel's default page margins, in inches (the sides are set from the layout). */
const PAGE_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A {@link SheetStore} over an exceljs workbook, so the command line writes
 * exactly the sheets the add-in writes (the generic `createStorePort` does the
 * rest). Values, number formats, tables, list validations, conditional
 * formats, frozen rows, column widths, tab colours and visibility are written
 * to the file. Two things exceljs has no API for are handled here:
 *
 * - Worksheet custom properties (the add-in's `SharedApportion` ownership
 *   marker) are kept in `properties` per worksheet; `saveWorkbook` writes them
 *   into the file as real `<customProperties>` parts, exactly where Excel
 *   keeps them, and `openWorkbook` reads them back (also from files saved by
 *   Excel).
 * - Charts: exceljs cannot write them, so each one asked for is kept per
 *   worksheet ({@link chartsOf}) and `saveWorkbook` writes it into the file as
 *   native DrawingML chart parts (`src/cli/xlsx/chart-parts.ts`).
 */
export class XlsxStore implements SheetStore {
  private current: RangeRef | undefined;
  private readonly charts = new Map<Worksheet, ChartSpec[]>();
  private readonly styles = new StyleCache();
  /**
   * Every validation formula that names a sheet ("!"), found on the first rename and dropped when a validation is
   * added (a new sheet has none; a deleted sheet's formulas are rewritten for nothing, harmlessly).
   */
  private sheetFormulas: SheetFormula[] | undefined;

  /**
   * @param workbook the exceljs workbook (as loaded or new)
   * @param properties custom properties per worksheet (as read from the file)
   */
  constructor(
    readonly workbook: Workbook,
    readonly properties: Map<Worksheet, SheetProperties> = new Map(),
    /** Markers found only as a sheet's second mark (a hidden defined name), per worksheet; read by `BulkXlsxStore.from`. */
    readonly secondMarks: Map<Worksheet, string> = new Map(),
    /** Output sheets loaded as empty stubs, read from the file's XML instead (see deferred-sheets.ts). */
    readonly deferred: Map<Worksheet, DeferredSheet> = new Map(),
  ) {}

  /** Names of the deferred sheets still in the workbook: saving it now would empty them. */
  deferredSheets(): string[] {
    return this.workbook.worksheets.filter((ws) => this.deferred.has(ws)).map((ws) => ws.name);
  }

  /** The fingerprint of a sheet's values when it is known without reading them (a deferred sheet); else undefined. */
  fingerprint(sheet: string): string | undefined {
    return this.deferred.get(this.sheet(sheet))?.fingerprint;
  }

  /** @inheritdoc */
  streamValues(sheet: string): ((visit: (row: number, col: number, value: CellValue) => void) => Promise<void>) | undefined {
    return this.deferred.get(this.sheet(sheet))?.eachValue;
  }

  /**
   * Sheets recognised as the add-in's only by their second mark (a hidden
   * defined name), because a program such as LibreOffice or openpyxl saved
   * the file and dropped the custom property that marks them.
   */
  markedBySecondMarkOnly(): string[] {
    return this.workbook.worksheets
      .filter((ws) => this.properties.get(ws)?.get(MARKER_KEY) === undefined && this.secondMarks.has(ws))
      .map((ws) => ws.name);
  }

  /** The charts the layout put on a worksheet (written into the file when it is saved). */
  chartsOf(ws: Worksheet): readonly ChartSpec[] {
    return this.workbook.worksheets.includes(ws) ? (this.charts.get(ws) ?? []) : [];
  }

  /** Every chart on the workbook's sheets, by the sheet's name now. */
  allCharts(): { readonly sheet: string; readonly chart: ChartSpec }[] {
    return this.workbook.worksheets.flatMap((ws) => this.chartsOf(ws).map((chart) => ({ sheet: ws.name, chart })));
  }

  private sheet(name: string): Worksheet {
    const ws = this.workbook.worksheets.find((w) => same(w.name, name));
    if (ws === undefined) throw new Error(`No sheet named "${name}"`);
    return ws;
  }

  private tables(): { ws: Worksheet; table: Table; model: TableModel }[] {
    return this.workbook.worksheets.flatMap((ws) => worksheetTables(ws).map((t) => ({ ws, table: t, model: tableModel(t) })));
  }

  private table(name: string): { ws: Worksheet; table: Table; model: TableModel } {
    const t = this.tables().find((x) => same(x.model.name, name));
    if (t === undefined) throw new Error(`No table named "${name}"`);
    return t;
  }

  private cell(ws: Worksheet, row: number, col: number): Cell {
    return ws.getCell(row + 1, col + 1);
  }

  /** @inheritdoc */
  listSheets(): StoreSheet[] {
    return this.workbook.worksheets.map((ws) => ({
      name: ws.name,
      visible: ws.state === "visible" || ws.state === undefined,
      marker: decodeProperty(this.properties.get(ws)?.get(MARKER_KEY)) ?? this.secondMarks.get(ws),
    }));
  }

  /** @inheritdoc */
  listTables(): StoreTable[] {
    return this.tables().flatMap(({ ws, model }) => {
      const r = tableRange(model);
      return r === undefined ? [] : [{ name: model.name, sheet: ws.name, row: r.row, col: r.col, rows: r.rows, cols: r.cols }];
    });
  }

  /** @inheritdoc */
  readValues(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][] {
    const ws = this.sheet(sheet);
    const deferred = this.deferred.get(ws);
    if (deferred !== undefined) return deferredValues(deferred, row, col, rows, cols);
    const out: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      const xr = ws.findRow(row + r + 1);
      for (let c = 0; c < cols; c++) line.push(xr === undefined ? "" : ownValue(xr.findCell(col + c + 1)));
      out.push(line);
    }
    return out;
  }

  /** @inheritdoc */
  usedRange(sheet: string): RangeRef | undefined {
    const ws = this.sheet(sheet);
    const deferred = this.deferred.get(ws);
    if (deferred !== undefined) return deferred.used === undefined ? undefined : { sheet: ws.name, ...deferred.used };
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (ownValue(cell) === "") return;
        r0 = Math.min(r0, rowNumber - 1);
        r1 = Math.max(r1, rowNumber - 1);
        c0 = Math.min(c0, colNumber - 1);
        c1 = Math.max(c1, colNumber - 1);
      });
    });
    return r1 < 0 ? undefined : { sheet: ws.name, row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** @inheritdoc */
  addSheet(name: string, visible: boolean): void {
    if (this.workbook.worksheets.some((w) => same(w.name, name))) throw new Error(`A sheet named "${name}" already exists`);
    this.workbook.addWorksheet(name, { state: visible ? "visible" : "hidden" });
  }

  /** @inheritdoc */
  deleteSheet(name: string): void {
    const ws = this.sheet(name);
    this.properties.delete(ws);
    this.secondMarks.delete(ws);
    this.charts.delete(ws);
    this.deferred.delete(ws);
    this.workbook.removeWorksheet(ws.id);
    if (this.current !== undefined && same(this.current.sheet, name)) this.current = undefined;
  }

  /** @inheritdoc */
  renameSheet(from: string, to: string): void {
    const ws = this.sheet(from);
    if (!same(from, to) && this.workbook.worksheets.some((w) => same(w.name, to))) throw new Error(`A sheet named "${to}" already exists`);
    const old = ws.name;
    ws.name = to;
    // Excel rewrites references to a renamed sheet, including list validations that point at it.
    const prefixes = [`${quoteSheet(old)}!`, `${old}!`, `'${old}'!`];
    // exceljs keeps one validation per cell (a 10,000-row table's column is 10,000 of them), and a write renames
    // every sheet it stages: the formulas that name some sheet are found once (until a validation is added) and
    // only those are looked at on each rename; one naming this sheet is rewritten in place.
    this.sheetFormulas ??= formulasNamingSheets(this.workbook.worksheets);
    for (const at of this.sheetFormulas) {
      const text = at.formulae[at.index] ?? "";
      const p = prefixes.find((x) => text.startsWith(x));
      if (p !== undefined) at.formulae[at.index] = `${quoteSheet(to)}!${text.slice(p.length)}`;
    }
  }

  /** @inheritdoc */
  setVisible(name: string, visible: boolean): void {
    this.sheet(name).state = visible ? "visible" : "hidden";
  }

  /** @inheritdoc */
  setMarker(name: string, value: string | undefined): void {
    const ws = this.sheet(name);
    const props: SheetProperties = this.properties.get(ws) ?? new Map();
    if (value === undefined) props.delete(MARKER_KEY);
    else props.set(MARKER_KEY, encodeProperty(value));
    this.properties.set(ws, props);
    // The second mark follows the first: written from the custom property when the file is saved.
    this.secondMarks.delete(ws);
  }

  /** @inheritdoc */
  moveSheet(name: string, position: number): void {
    const ws = this.sheet(name);
    const order = this.workbook.worksheets.filter((w) => w !== ws);
    order.splice(Math.max(0, Math.min(position, order.length)), 0, ws);
    order.forEach((w, i) => setSheetOrder(w, i + 1));
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
    const ws = this.sheet(sheet);
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = this.cell(ws, row + r, col + c);
        cell.value = toExcel(v);
        if (formats !== undefined || style !== undefined)
          cell.style = this.styles.derive(cell.style, formats === undefined ? undefined : (formats[c] ?? "General"), style);
      }),
    );
  }

  /** @inheritdoc */
  addTable(sheet: string, table: TableSpec, name: string): void {
    const ws = this.sheet(sheet);
    if (this.tables().some((t) => same(t.model.name, name))) throw new Error(`A table named "${name}" already exists`);
    const overlap = this.listTables().find(
      (t) =>
        same(t.sheet, ws.name) &&
        t.row < table.row + table.rows &&
        table.row < t.row + t.rows &&
        t.col < table.col + table.cols &&
        table.col < t.col + t.cols,
    );
    if (overlap !== undefined) throw new Error(`Table "${name}" would overlap table "${overlap.name}"`);
    const [header = [], ...body] = this.readValues(ws.name, table.row, table.col, table.rows, table.cols);
    const names = uniqueHeaders(header);
    // exceljs writes the rows it is given back into the cells: give it the cells' own values.
    ws.addTable({
      name,
      displayName: name,
      ref: a1(table.row, table.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as never, showRowStripes: true },
      columns: names.map((n) => ({ name: n, filterButton: true })),
      rows: body.map((line) => line.map(toExcel)),
    });
    names.forEach((n, i) => {
      this.cell(ws, table.row, table.col + i).value = n;
    });
  }

  /** @inheritdoc */
  renameTable(from: string, to: string): void {
    const t = this.table(from);
    if (!same(from, to) && this.tables().some((x) => same(x.model.name, to))) throw new Error(`A table named "${to}" already exists`);
    t.model.name = to;
    t.model.displayName = to;
    rekeyTable(t.ws, t.table, to);
  }

  /** @inheritdoc */
  addValidation(sheet: string, v: ValidationSpec): void {
    const ws = this.sheet(sheet);
    this.sheetFormulas = undefined;
    const source = v.source.kind === "values" ? `"${v.source.values.join(",")}"` : absoluteFormula(v.source.range).slice(1);
    for (let r = 0; r < v.rows; r++) {
      for (let c = 0; c < v.cols; c++) {
        this.cell(ws, v.row + r, v.col + c).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [source],
          showErrorMessage: true,
          errorStyle: v.strict ? "stop" : "warning",
          errorTitle: "Shared cost apportionment",
          error: v.message,
        };
      }
    }
  }

  /** @inheritdoc */
  addConditionalFormat(sheet: string, c: ConditionalFormatSpec): void {
    const ws = this.sheet(sheet);
    const tl = a1(c.row, c.col);
    ws.addConditionalFormatting({
      ref: a1Range(c.row, c.col, c.rows, c.cols),
      // Excel's "text that begins with" rule (the Office.js adapter's BeginsWith), written as
      // the formula Excel itself stores for that rule, since exceljs has no beginsWith type.
      rules: c.rules.map((r, i) => ({
        type: "expression" as const,
        priority: i + 1,
        formulae: [`LEFT(TRIM(${tl}),LEN("${quoted(r.text)}"))="${quoted(r.text)}"`],
        style: { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: argb(r.fill) }, font: { color: argb(r.font) } },
      })),
    });
  }

  /** @inheritdoc */
  addChart(sheet: string, c: ChartSpec): void {
    const ws = this.sheet(sheet);
    this.charts.set(ws, [...(this.charts.get(ws) ?? []), c]);
  }

  /** @inheritdoc */
  setFreezeRows(sheet: string, rows: number): void {
    const ws = this.sheet(sheet);
    ws.views = rows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: rows, topLeftCell: a1(rows, 0) }] : [{ state: "normal" }];
  }

  /** @inheritdoc */
  setColumnWidths(sheet: string, widths: readonly number[]): void {
    const ws = this.sheet(sheet);
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = pointsToChars(w);
    });
  }

  /** @inheritdoc */
  setTabColor(sheet: string, color: string): void {
    this.sheet(sheet).properties.tabColor = argb(color);
  }

  /**
   * @inheritdoc
   * exceljs writes `pageSetup` as the sheet's `<pageSetup>` (paper size 9 is
   * A4 in SpreadsheetML's paper codes; `fitToHeight` 0 is "as many pages as
   * needed") and `<sheetPr><pageSetUpPr fitToPage="1"/>`, the print area and
   * title rows as the sheet's `_xlnm.Print_Area` and `_xlnm.Print_Titles`
   * defined names (under the name the sheet has when the file is saved), and
   * `headerFooter` as `<headerFooter><oddFooter>`, page breaks as
   * `<rowBreaks><brk man="1">`.
   */
  setPrint(sheet: string, print: PrintSpec): void {
    const ws = this.sheet(sheet);
    const a = print.area;
    // exceljs puts "$" before each end of the area it is given: with "A$1:J$26" the defined name reads 'Summary'!$A$1:$J$26,
    // absolute in rows as well as columns, as Excel itself writes it.
    const corner = (row: number, col: number): string => a1(row, col).replace(/(\d+)$/, "$$$1");
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: 0,
      margins: { ...PAGE_MARGINS, left: print.sideMargin / 72, right: print.sideMargin / 72 },
      printArea: `${corner(a.row, a.col)}:${corner(a.row + a.rows - 1, a.col + a.cols - 1)}`,
      printTitlesRow:
        print.titleRows === undefined ? undefined : `${print.titleRows.row + 1}:${print.titleRows.row + print.titleRows.rows}`,
    } as Worksheet["pageSetup"];
    // A manual break `<brk id="r">` sits between 1-based rows r and r + 1: before zero-based row r, so on exceljs's row r.
    // Across every column: `max` 16383, as Excel writes it (exceljs's own default, 16838, is past the last column).
    for (const r of print.pageBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak(0, 16384);
    const f = print.footer;
    ws.headerFooter = {
      ...ws.headerFooter,
      oddFooter: `&L${f.left}&C${f.center}&R${f.right}`,
      ...(print.header === undefined ? {} : { oddHeader: `&C${print.header}` }),
    };
  }

  /**
   * @inheritdoc
   * Merged rectangles as `<mergeCells>`, wrapping as each cell's
   * `<alignment wrapText="1" vertical="top">` (a derived style: cells share
   * style objects), row heights as `<row ht customHeight="1">`.
   */
  setTextLayout(sheet: string, text: TextLayout): void {
    const ws = this.sheet(sheet);
    const wrap = (row: number, col: number): void => {
      const cell = this.cell(ws, row, col);
      cell.style = this.styles.wrapped(cell.style);
    };
    for (const w of text.wraps) for (let r = w.row; r < w.row + w.rows; r++) for (let c = w.col; c < w.col + w.cols; c++) wrap(r, c);
    for (const m of text.merges) {
      wrap(m.row, m.col);
      mergeCells(ws, m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    }
    for (const h of text.rowHeights) ws.getRow(h.row + 1).height = h.height;
  }

  /** @inheritdoc */
  resizeTableBody(table: string, bodyRows: number): void {
    const t = this.table(table);
    const r = tableRange(t.model);
    if (r === undefined) throw new Error(`Table "${table}" has no range`);
    const delta = Math.max(1, bodyRows) - (r.rows - 1);
    if (delta === 0) return;
    const end = r.row + r.rows;
    moveTableCells(t.ws, r, delta);
    setTableRange(t.model, { ...r, rows: r.rows + delta });
    for (const other of this.tables()) {
      const o = tableRange(other.model);
      if (other.table === t.table || other.ws !== t.ws || o === undefined) continue;
      if (o.row >= end && o.col >= r.col && o.col + o.cols <= r.col + r.cols) setTableRange(other.model, { ...o, row: o.row + delta });
    }
  }

  /** @inheritdoc */
  select(sheet: string, row: number, col: number, rows: number, cols: number): void {
    const ws = this.sheet(sheet);
    this.current = { sheet: ws.name, row, col, rows, cols };
  }

  /** @inheritdoc */
  selection(): RangeRef | undefined {
    return this.current;
  }
}

/**
 * A cell's own value: "" for a cell merged into another, whose value exceljs
 * reports as the merged cell's (Excel keeps it only in the top-left cell).
 */
/** A rectangle of a deferred sheet's values (the whole used range, as read, when that is what is asked). */
function deferredValues(d: DeferredSheet, row: number, col: number, rows: number, cols: number): CellValue[][] {
  const all = d.values();
  const u = d.used;
  if (u !== undefined && u.row === row && u.col === col && u.rows === rows && u.cols === cols) return all;
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = u === undefined ? undefined : all[row + r - u.row];
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) line.push(src === undefined || u === undefined ? "" : (src[col + c - u.col] ?? ""));
    out.push(line);
  }
  return out;
}

function ownValue(cell: Cell | undefined): CellValue {
  if (cell === undefined) return "";
  if (cell.isMerged && cell.master !== cell) return "";
  return fromExcel(cell.value);
}

function quoted(text: string): string {
  return text.replace(/"/g, '""');
}

function setTableRange(model: TableModel, r: { row: number; col: number; rows: number; cols: number }): void {
  model.tableRef = a1Range(r.row, r.col, r.rows, r.cols);
  model.autoFilterRef = model.tableRef;
  model.ref = a1(r.row, r.col);
}

/** Table column names from header cells: text, never blank, unique (Excel repairs a file otherwise). */
function uniqueHeaders(header: readonly CellValue[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = String(h).trim() === "" ? `Column${i + 1}` : String(h);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** One validation formula that names a sheet: where it is, so a rename can rewrite it in place. */
interface SheetFormula {
  readonly formulae: string[];
  readonly index: number;
}

/** The validation formulas of every sheet that name a sheet (hold a "!"). */
function formulasNamingSheets(sheets: readonly Worksheet[]): SheetFormula[] {
  const found: SheetFormula[] = [];
  for (const ws of sheets) {
    const models = validationModels(ws);
    for (const key in models) {
      const formulae = models[key]?.formulae;
      if (formulae === undefined) continue;
      for (let index = 0; index < formulae.length; index++) if ((formulae[index] ?? "").includes("!")) found.push({ formulae, index });
    }
  }
  return found;
}
