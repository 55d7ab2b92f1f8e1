import type { CellValue, Grid, SheetSpec } from "./cells";
import type { PlannedSheet } from "./write-plan";

/**
 * Splitting a write into requests. Excel on the web refuses any request (one
 * `context.sync()`) over 5 MB, so the staged writes are packed greedily into
 * batches of at most `maxBytes` of cell payload (values and number formats,
 * measured as the JSON that goes over the wire), splitting a large block by
 * rows where it must. The number of batches therefore grows with the bytes
 * written (about bytes ÷ maxBytes), never with rows or sheets as such: a
 * model whose outputs fit in one request is written in one staging sync.
 */

/** The default payload budget per request: 4 MB of cell data, leaving room under Excel on the web's 5 MB limit for the request's own envelope. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** Bytes each operation adds to a request beyond its cell data (ids, method names, addresses). */
export const OP_OVERHEAD_BYTES = 200;

/** One staged operation. */
export type StageOp =
  /** Add the hidden staging sheet and mark it as staging. */
  | { readonly kind: "addSheet"; readonly sheet: string }
  /** Write a rectangle: values, and a number format per column for every row (null: leave General). */
  | { readonly kind: "cells"; readonly sheet: string; readonly row: number; readonly col: number; readonly values: Grid; readonly formats: readonly (string | null)[] | undefined; readonly style: SheetSpec["blocks"][number]["style"] }
  /** Tables (under temporary names), conditional formats, charts, freeze panes, widths, tab colour. */
  | { readonly kind: "finish"; readonly planned: PlannedSheet };

/** A group of operations sent in one request. */
export interface Batch {
  readonly ops: readonly StageOp[];
  /** Estimated request payload in bytes. */
  readonly bytes: number;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c ? 2 : c < 0x20 ? 6 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON bytes of one cell value as sent (strings counted with a text-prefix apostrophe and quotes), plus its separator. */
export function cellBytes(v: CellValue): number {
  if (typeof v === "string") return v === "" ? 3 : utf8Length(v) + 4;
  if (typeof v === "number") return String(v).length + 1;
  return v ? 5 : 6;
}

/** JSON bytes of one row of values, and of its number formats. */
export function rowBytes(values: readonly CellValue[], formats: readonly (string | null)[] | undefined): number {
  let n = 2;
  for (const v of values) n += cellBytes(v);
  if (formats !== undefined && formats.some((f) => f !== null)) {
    n += 2;
    for (const f of formats) n += (f === null ? "General".length : utf8Length(f)) + 3;
  }
  return n;
}

/**
 * Packs the staging of planned sheets into batches of at most `maxBytes`
 * (a single row larger than that still goes alone: Excel will say if it is
 * too big). Sheets are added in the first batch that writes to them; each
 * sheet's finishing touches follow its last cells.
 */
export function planBatches(planned: readonly PlannedSheet[], maxBytes: number = DEFAULT_MAX_REQUEST_BYTES): Batch[] {
  const batches: Batch[] = [];
  let ops: StageOp[] = [];
  let bytes = 0;
  const flush = (): void => {
    if (ops.length > 0) batches.push({ ops, bytes });
    ops = [];
    bytes = 0;
  };
  const push = (op: StageOp, size: number): void => {
    if (bytes + size > maxBytes && ops.length > 0) flush();
    ops.push(op);
    bytes += size;
  };
  for (const p of planned) {
    push({ kind: "addSheet", sheet: p.staging }, OP_OVERHEAD_BYTES);
    for (const b of p.spec.blocks) {
      const formats = b.formats;
      let start = 0;
      while (start < b.values.length) {
        // Take as many rows as fit in what is left of this batch (at least one).
        let size = OP_OVERHEAD_BYTES;
        let end = start;
        const room = maxBytes - bytes;
        while (end < b.values.length) {
          const r = rowBytes(b.values[end] ?? [], formats);
          if (end > start && size + r > room) break;
          size += r;
          end++;
        }
        if (size > room && ops.length > 0 && end - start === 1 && bytes > 0) {
          flush();
          continue;
        }
        push({ kind: "cells", sheet: p.staging, row: b.row + start, col: b.col, values: b.values.slice(start, end), formats, style: b.style }, size);
        if (end < b.values.length) flush();
        start = end;
      }
    }
    push({ kind: "finish", planned: p }, OP_OVERHEAD_BYTES * (1 + p.spec.tables.length + p.spec.charts.length + p.spec.conditionalFormats.length));
  }
  flush();
  return batches;
}
