import { expect } from "vitest";
import { excelError, isExcelError } from "./custom-functions-stub";

/** A column range as Excel passes it: [[a], [b], …]. */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/** A row range as Excel passes it: [[a, b, …]]. */
export function row(...values: unknown[]): unknown[][] {
  return [values];
}

/** Pounds from a cell as whole pence, asserting the number is exactly a whole number of pence. */
export function pence(x: unknown): number {
  if (typeof x !== "number") throw new Error(`expected a number, got ${String(x)}`);
  const p = Math.round(x * 100);
  // Exact to the penny as displayed: the cell holds the double nearest p/100.
  expect(p / 100, `${x} is not a whole number of pence`).toBe(x);
  return p;
}

/** Asserts a cell holds an Excel error with this code, and (optionally) a message containing every fragment. */
export function expectError(value: unknown, code: string, ...fragments: string[]): void {
  // A spilling formula that fails returns its single error as a 1×1 range.
  const cell = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value;
  expect(isExcelError(cell), `expected ${code}, got ${JSON.stringify(value)}`).toBe(true);
  const e = excelError(cell);
  expect(e.code).toBe(code);
  if (code === "#VALUE!" || code === "#N/A") {
    expect(e.message, `${code} should carry a message`).toBeTruthy();
    for (const f of fragments) expect(e.message).toContain(f);
  } else {
    // Excel shows no message for #DIV/0! or #NUM!, so none is sent.
    expect(e.message).toBeUndefined();
  }
}
