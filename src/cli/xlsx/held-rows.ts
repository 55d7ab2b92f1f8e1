import type { CellValue } from "../../excel";

/**
 * A column of held rows: numbers in a `Float64Array` (NaN for an empty cell) while every value
 * in it is a number or empty, else the values themselves.
 */
export type HeldColumn = Float64Array | CellValue[];

/**
 * The rows of a long block a `BulkXlsxStore` holds until the workbook is saved, kept by column.
 *
 * A 100,000-line model's Allocations and Trace are 500,000 rows each, held from the write until
 * the save. As the layout's rows (an array per row, a boxed double per figure) they were hundreds
 * of megabytes of the heap that every full garbage collection of the save marked again (held this
 * way, the heap after that write went from 1,596 to 1,322 MB); a column of figures as a
 * `Float64Array` is 8 bytes a cell and nothing to mark. Text columns keep their values. A cell
 * reads back as it was written, with `null` or `undefined` read as "" (what the store and the XML
 * writer both make of them).
 */
export class HeldRows {
  private readonly cols: HeldColumn[] = [];
  private count = 0;
  private capacity: number;

  /** Rows `width` cells wide; room is made for `expected` rows at first. */
  constructor(
    readonly width: number,
    expected: number,
  ) {
    this.capacity = Math.max(16, expected);
  }

  /** How many rows are held. */
  get length(): number {
    return this.count;
  }

  /** Adds a row of `width` cells at the end. */
  push(row: readonly (CellValue | null | undefined)[]): void {
    const r = this.count;
    if (r === this.capacity) this.grow();
    for (let c = 0; c < this.width; c++) {
      const v = row[c] ?? "";
      let col = this.cols[c];
      if (col === undefined) {
        col = typeof v === "number" || v === "" ? new Float64Array(this.capacity).fill(NaN) : new Array<CellValue>();
        this.cols[c] = col;
      }
      if (col instanceof Float64Array) {
        if (v === "") continue;
        // A figure is stored as it is; text, a truth value or NaN itself (kept as it is) turn the column into values.
        if (typeof v === "number" && !Number.isNaN(v)) {
          col[r] = v;
          continue;
        }
        col = this.asValues(c);
      }
      col[r] = v;
    }
    this.count++;
  }

  /** The cell at row `r`, column `c` (both zero-based). */
  value(r: number, c: number): CellValue {
    const col = this.cols[c];
    if (col === undefined || r >= this.count) return "";
    if (col instanceof Float64Array) {
      const v = col[r] as number;
      return Number.isNaN(v) ? "" : v;
    }
    return col[r] ?? "";
  }

  /** Rows `from` to `to` (not included) as arrays of cells. */
  rows(from = 0, to = this.count): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = from; r < Math.min(to, this.count); r++) {
      const line = new Array<CellValue>(this.width);
      for (let c = 0; c < this.width; c++) line[c] = this.value(r, c);
      out.push(line);
    }
    return out;
  }

  /** Whether any cell holds a value other than "". */
  hasValues(): boolean {
    for (const col of this.cols) {
      if (col instanceof Float64Array) {
        for (let r = 0; r < this.count; r++) if (!Number.isNaN(col[r] as number)) return true;
      } else if (col.some((v) => v !== "")) return true;
    }
    return false;
  }

  /** The columns as held, for the writer (see {@link HeldColumn}); only the first {@link length} rows count. */
  columns(): readonly HeldColumn[] {
    return this.cols;
  }

  private asValues(c: number): CellValue[] {
    const col = this.cols[c] as Float64Array;
    const values = new Array<CellValue>(this.count);
    for (let r = 0; r < this.count; r++) {
      const v = col[r] as number;
      values[r] = Number.isNaN(v) ? "" : v;
    }
    this.cols[c] = values;
    return values;
  }

  private grow(): void {
    this.capacity = Math.ceil(this.capacity * 1.5);
    this.cols.forEach((col, c) => {
      if (!(col instanceof Float64Array)) return;
      const grown = new Float64Array(this.capacity).fill(NaN);
      grown.set(col);
      this.cols[c] = grown;
    });
  }
}
