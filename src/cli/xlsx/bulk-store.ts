import type { Worksheet } from "exceljs";
import type { CellStyle, CellValue, Grid, RangeRef, TableSpec, ValidationSpec } from "../../excel";
import { a1, a1Range } from "../../app";
import { XlsxStore } from "../xlsx-store";
import { tableModel, worksheetTables } from "./exceljs-internals";
import { HeldRows } from "./held-rows";

/** Blocks shorter than this are written as exceljs cells (quick enough); longer ones are held as rows. */
export const BULK_MIN_ROWS = 256;

/**
 * A long block of rows the store holds itself instead of as exceljs cells:
 * every row but the first, which exceljs holds as the
 * template of each column's style. `rows` are those after the template,
 * zero-based from `row + 1`, kept by column ({@link HeldRows}).
 */
export interface HeldBlock {
  /** Zero-based row of the template (the block's first row, written as exceljs cells). */
  readonly row: number;
  readonly col: number;
  readonly rows: HeldRows;
  /** The block's formats, and as a key to compare them by. */
  readonly formats: readonly (string | null)[] | undefined;
  readonly formatsKey: string;
  readonly style: CellStyle | undefined;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The command line's store for writing results: an {@link XlsxStore} that
 * keeps a long block of rows (a 50,000-row table body) by column
 * ({@link HeldRows}) rather than as two million exceljs cell objects, which took
 * most of a large model's time and memory (half of it in the garbage
 * collector). The block's first row is written as cells, so exceljs
 * records each column's style; `workbookBytes` writes the other rows
 * straight to the sheet's XML after it with the same styles. Reads see the
 * held rows as if they were cells, so everything the store port does
 * (tables over them, reading them back) is unchanged. Only sheets this
 * store added (a write's staging sheets) hold rows; validations, a table
 * resize or a block written over held rows turn them into cells first.
 */
export class BulkXlsxStore extends XlsxStore {
  private readonly held = new Map<Worksheet, HeldBlock[]>();
  /** Sheets added by this store (the staging sheets a write builds): only their blocks are held. */
  private readonly addedSheets = new Set<Worksheet>();

  /** The same workbook, held in a store that writes long blocks in bulk. */
  static from(store: XlsxStore): BulkXlsxStore {
    return new BulkXlsxStore(store.workbook, store.properties, store.secondMarks, store.deferred);
  }

  private ws(name: string): Worksheet | undefined {
    return this.workbook.worksheets.find((w) => same(w.name, name));
  }

  /** Whether this store added the worksheet (a write's staging sheet, which the write then made an output sheet). */
  added(ws: Worksheet): boolean {
    return this.addedSheets.has(ws);
  }

  /** The blocks held for a worksheet, in the order written (for `workbookBytes`). */
  heldBlocks(ws: Worksheet): readonly HeldBlock[] {
    return this.held.get(ws) ?? [];
  }

  /** @inheritdoc */
  override addSheet(name: string, visible: boolean): void {
    super.addSheet(name, visible);
    const ws = this.ws(name);
    if (ws !== undefined) this.addedSheets.add(ws);
  }

  /**
   * Writes a sheet's held rows as ordinary cells and stops holding them:
   * before anything other than the store port's staging touches cells in or
   * below them (validations, resizing a table), so those see real cells.
   */
  private materialise(ws: Worksheet): void {
    const list = this.held.get(ws);
    if (list === undefined) return;
    this.held.delete(ws);
    for (const b of list) if (b.rows.length > 0) super.writeBlock(ws.name, b.row + 1, b.col, b.rows.rows(), b.formats, b.style);
  }

  /** @inheritdoc */
  override writeBlock(
    sheet: string,
    row: number,
    col: number,
    values: Grid,
    formats: readonly (string | null)[] | undefined,
    style: CellStyle | undefined,
  ): void {
    const ws = this.ws(sheet);
    const list = ws === undefined ? undefined : this.held.get(ws);
    const key = JSON.stringify(formats ?? null);
    const last = list?.[list.length - 1];
    // The store port may split a long block into requests: a piece that continues a held block joins it.
    if (
      last !== undefined &&
      last.col === col &&
      last.formatsKey === key &&
      last.style === style &&
      row === last.row + 1 + last.rows.length &&
      values.every((v) => v.length === last.rows.width)
    ) {
      for (const v of values) last.rows.push(v);
      return;
    }
    // Anything else written over held rows: they become cells first, so no row is written twice.
    if (ws !== undefined && list !== undefined && list.some((b) => row <= b.row + b.rows.length && row + values.length > b.row))
      this.materialise(ws);
    if (
      ws === undefined ||
      !this.addedSheets.has(ws) ||
      values.length < BULK_MIN_ROWS ||
      values.some((v) => v.length !== (values[0]?.length ?? 0))
    ) {
      super.writeBlock(sheet, row, col, values, formats, style);
      return;
    }
    super.writeBlock(sheet, row, col, values.slice(0, 1), formats, style);
    const next = this.held.get(ws) ?? [];
    const rows = new HeldRows(values[0]?.length ?? 0, values.length - 1);
    for (let r = 1; r < values.length; r++) rows.push(values[r] ?? []);
    next.push({ row, col, rows, formats, formatsKey: key, style });
    this.held.set(ws, next);
  }

  /** @inheritdoc */
  override addValidation(sheet: string, v: ValidationSpec): void {
    const ws = this.ws(sheet);
    if (ws !== undefined) this.materialise(ws);
    super.addValidation(sheet, v);
  }

  /** @inheritdoc */
  override resizeTableBody(table: string, bodyRows: number): void {
    for (const ws of [...this.held.keys()]) if (worksheetTables(ws).some((t) => same(tableModel(t).name, table))) this.materialise(ws);
    super.resizeTableBody(table, bodyRows);
  }

  /** @inheritdoc */
  override readValues(sheet: string, row: number, col: number, rows: number, cols: number): CellValue[][] {
    const out = super.readValues(sheet, row, col, rows, cols);
    const ws = this.ws(sheet);
    for (const b of ws === undefined ? [] : (this.held.get(ws) ?? [])) {
      for (let r = Math.max(row, b.row + 1); r < Math.min(row + rows, b.row + 1 + b.rows.length); r++) {
        const dst = out[r - row];
        if (dst === undefined) continue;
        for (let c = Math.max(col, b.col); c < Math.min(col + cols, b.col + b.rows.width); c++)
          dst[c - col] = b.rows.value(r - b.row - 1, c - b.col);
      }
    }
    return out;
  }

  /** @inheritdoc */
  override usedRange(sheet: string): RangeRef | undefined {
    const used = super.usedRange(sheet);
    const ws = this.ws(sheet);
    let r = used;
    for (const b of ws === undefined ? [] : (this.held.get(ws) ?? [])) {
      if (!b.rows.hasValues()) continue;
      const top = Math.min(r?.row ?? b.row, b.row);
      const left = Math.min(r?.col ?? b.col, b.col);
      const bottom = Math.max((r?.row ?? 0) + (r?.rows ?? 0), b.row + 1 + b.rows.length);
      const right = Math.max((r?.col ?? 0) + (r?.cols ?? 0), b.col + (b.rows.length > 0 ? b.rows.width : 0));
      r = { sheet: ws?.name ?? sheet, row: top, col: left, rows: bottom - top, cols: right - left };
    }
    return r;
  }

  /**
   * @inheritdoc
   * A table over held rows is created over its header and first body row
   * (so exceljs does not copy the body into cells), then widened to its
   * full height.
   */
  override addTable(sheet: string, table: TableSpec, name: string): void {
    const ws = this.ws(sheet);
    const held = ws === undefined ? [] : (this.held.get(ws) ?? []);
    const covers = held.some((b) => b.row + 1 > table.row && b.row + 1 + b.rows.length <= table.row + table.rows && b.col >= table.col);
    if (ws === undefined || !covers || table.rows <= 2) {
      super.addTable(sheet, table, name);
      return;
    }
    super.addTable(sheet, { ...table, rows: 2 }, name);
    const t = worksheetTables(ws)
      .map(tableModel)
      .find((m) => same(m.name, name));
    if (t === undefined) throw new Error(`Table "${name}" was not added`);
    t.tableRef = a1Range(table.row, table.col, table.rows, table.cols);
    t.autoFilterRef = t.tableRef;
    t.ref = a1(table.row, table.col);
  }

  /** @inheritdoc */
  override deleteSheet(name: string): void {
    const ws = this.ws(name);
    super.deleteSheet(name);
    if (ws !== undefined) {
      this.held.delete(ws);
      this.addedSheets.delete(ws);
    }
  }
}
