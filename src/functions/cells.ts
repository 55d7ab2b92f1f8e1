import type { EngineError, Result } from "../engine";
import { basicValueOf } from "./data-types";

/**
 * Reading worksheet values passed to a custom function. Excel passes a range
 * as a 2-D array (rows of cells), a blank cell as null or "", a date as its
 * serial number and TRUE/FALSE as booleans. Nothing here does arithmetic on
 * money: values are only reshaped and tidied, then handed to the engine.
 */

/** What Excel passes for a range argument: rows of cell values. */
export type CellRange = readonly (readonly unknown[])[];

/** Which way a one-dimensional range runs. A single cell counts as a column. */
export type Orientation = "row" | "column";

/** A single row or column of cells, flattened, and which way it ran. */
export interface CellVector {
  readonly values: readonly unknown[];
  readonly orientation: Orientation;
}

/**
 * Excel holds 15 significant digits; anything beyond that in a number is
 * binary rounding left by an earlier formula (=0.1+0.2 gives
 * 0.30000000000000004). Reading numbers at 15 significant digits means such
 * noise is not mistaken for a fraction of a penny, while every amount the
 * engine accepts (up to £1,000,000,000,000.00: 15 digits) is kept exactly.
 * A data type (stock, entity, formatted number) is read as its plain value
 * (see {@link basicValueOf}).
 */
export function readCell(cell: unknown): unknown {
  // A data type (CustomFunctionsRuntime 1.4) arrives as an object: read its plain value.
  const value = basicValueOf(cell);
  if (typeof value === "number") {
    // Whole numbers under 10^15 already have at most 15 digits: skip the costly text round trip.
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
    return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
  }
  return value;
}

/** Treats a scalar as a 1×1 range, so a single cell or constant works wherever a range does. */
function asRows(range: unknown): (readonly unknown[])[] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/**
 * Reads a range that must be one row or one column (any length, at least one
 * cell). A block with several rows and columns is an error naming the argument.
 */
export function readVector(range: unknown, field: string): Result<CellVector> {
  const rows = asRows(range);
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return { ok: false, errors: [{ kind: "missingValue", at: { entity: "argument", field } }] };
  if (rows.some((r) => r.length !== width)) return notOneLine(field, rows);
  if (rows.length === 1 && width > 1) return { ok: true, value: { values: (rows[0] ?? []).map(readCell), orientation: "row" } };
  if (width === 1) return { ok: true, value: { values: rows.map((r) => readCell(r[0])), orientation: "column" } };
  return notOneLine(field, rows);
}

function notOneLine(field: string, rows: readonly (readonly unknown[])[]): Result<never> {
  const e: EngineError = {
    kind: "shapeMismatch",
    expected: "a single row or a single column of cells",
    actual: `${rows.length} rows × ${rows[0]?.length ?? 0} columns`,
    at: { entity: "argument", field },
  };
  return { ok: false, errors: [e] };
}

/**
 * Reads a rectangular range (partners in rows, drivers in columns), with
 * every number tidied by {@link readCell}.
 */
export function readTable(range: unknown, field: string): Result<unknown[][]> {
  const rows = asRows(range);
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) return { ok: false, errors: [{ kind: "missingValue", at: { entity: "argument", field } }] };
  if (rows.some((r) => r.length !== width)) {
    return {
      ok: false,
      errors: [
        { kind: "shapeMismatch", expected: "a rectangular range", actual: "rows of different lengths", at: { entity: "argument", field } },
      ],
    };
  }
  return { ok: true, value: rows.map((r) => r.map(readCell)) };
}

/** Lays values out in the shape they came in: a row stays a row, a column a column. */
export function spillLike<T>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === "row" ? [[...values]] : values.map((v) => [v]);
}
