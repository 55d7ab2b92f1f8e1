import type { CellValue, Grid, SheetSpec } from "./cells";
import type { PlannedSheet } from "./write-plan";

/**
 * Splitting a write into requests. Excel on the web refuses any request (one
 * `context.sync()`) over 5 MB, so the staged writes are packed greedily into
 * batches of at most `maxBytes` of cell payload (values, and number formats
 * set once per run of columns, measured as the JSON that goes over the
 * wire), splitting a large block by
 * rows where it must. The number of batches therefore grows with the bytes
 * written (about bytes ÷ maxBytes), never with rows or sheets as such: a
 * model whose outputs fit in one request is written in one staging sync.
 */

/**
 * The default payload budget per request: 4 MB of cell data, leaving room under Excel on the web's 5 MB limit for the request's own
 * envelope.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** Bytes each operation adds to a request beyond its cell data (ids, method names, addresses). */
export const OP_OVERHEAD_BYTES = 200;

/** One staged operation. */
export type StageOp =
  /** Add the hidden staging sheet and mark it as staging. */
  | { readonly kind: "addSheet"; readonly sheet: string }
  /** Write a rectangle: values, and a number format per column for every row (null: leave General). */
  | {
      readonly kind: "cells";
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly values: Grid;
      readonly formats: readonly (string | null)[] | undefined;
      readonly style: SheetSpec["blocks"][number]["style"];
    }
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

/** JSON bytes of one row of values. */
export function rowBytes(values: readonly CellValue[]): number {
  let n = 2;
  for (const v of values) n += cellBytes(v);
  return n;
}

/**
 * Columns sharing a number format, as runs: each is set with one command
 * over the whole height of the block (a 1×1 format array applies to every
 * cell of a range), so formats cost bytes per column, not per cell.
 * General (null) columns of a new sheet need no command at all.
 */
export function formatRuns(
  formats: readonly (string | null)[] | undefined,
): { readonly col: number; readonly cols: number; readonly format: string }[] {
  const runs: { col: number; cols: number; format: string }[] = [];
  (formats ?? []).forEach((f, c) => {
    if (f === null) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.format === f && last.col + last.cols === c) last.cols++;
    else runs.push({ col: c, cols: 1, format: f });
  });
  return runs;
}

/** JSON bytes of a block's number-format commands (one per run of columns). */
export function formatBytes(formats: readonly (string | null)[] | undefined): number {
  let n = 0;
  for (const r of formatRuns(formats)) n += OP_OVERHEAD_BYTES + utf8Length(r.format) + 6;
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
        let size = OP_OVERHEAD_BYTES + formatBytes(formats);
        let end = start;
        const room = maxBytes - bytes;
        while (end < b.values.length) {
          const r = rowBytes(b.values[end] ?? []);
          if (end > start && size + r > room) break;
          size += r;
          end++;
        }
        if (size > room && ops.length > 0 && end - start === 1 && bytes > 0) {
          flush();
          continue;
        }
        push(
          { kind: "cells", sheet: p.staging, row: b.row + start, col: b.col, values: b.values.slice(start, end), formats, style: b.style },
          size,
        );
        if (end < b.values.length) flush();
        start = end;
      }
    }
    push(
      { kind: "finish", planned: p },
      OP_OVERHEAD_BYTES *
        (1 + p.spec.tables.length + p.spec.charts.length + p.spec.conditionalFormats.length + (p.spec.print?.pageBreaks?.length ?? 0)),
    );
  }
  flush();
  return batches;
}

/**
 * The staging of planned sheets as one batch per sheet, without estimating
 * bytes (`bytes` is 0): for stores in the same process, which have no
 * request limit and use batches only to report progress. Measuring every
 * cell's JSON size took a second for a two-million-cell write.
 */
export function sheetBatches(planned: readonly PlannedSheet[]): Batch[] {
  return planned.map((p) => ({
    ops: [
      { kind: "addSheet", sheet: p.staging },
      ...p.spec.blocks.map((b): StageOp => ({
        kind: "cells",
        sheet: p.staging,
        row: b.row,
        col: b.col,
        values: b.values,
        formats: b.formats,
        style: b.style,
      })),
      { kind: "finish", planned: p },
    ],
    bytes: 0,
  }));
}
