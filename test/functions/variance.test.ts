import "./custom-functions-stub";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUDGET_STATUS_TEXT, BUDGET_STATUSES } from "../../src/engine";
import { variance } from "../../src/functions/functions";
import { excelError, isExcelError } from "./custom-functions-stub";
import { col, expectError, pence, row } from "./helpers";

describe("SHARED.VARIANCE", () => {
  it("spills variance £ (recharge − budget), variance % of budget and a status", () => {
    expect(variance([[110]], [[100]])).toEqual([[10, 0.1, "Over budget"]]);
    expect(variance([[90]], [[100]])).toEqual([[-10, -0.1, "Under budget"]]);
    expect(variance([[100]], [[100]])).toEqual([[0, 0, "On budget"]]);
  });

  it("keeps pence exact in the variance", () => {
    expect(variance([[0.3]], [[0.1]])).toEqual([[0.2, 2, "Over budget"]]);
    expect(variance([[1_000_000_000_000]], [[-1_000_000_000_000]])).toEqual([[2_000_000_000_000, 2, "Over budget"]]);
  });

  it("reports Within tolerance, with its direction, when the variance is inside every tolerance given", () => {
    expect(variance([[98]], [[100]], 0.05)).toEqual([[-2, -0.02, "Within tolerance (under)"]]);
    expect(variance([[105]], [[100]], 0.05)).toEqual([[5, 0.05, "Within tolerance (over)"]]);
    expect(variance([[105.01]], [[100]], 0.05)).toEqual([[5.01, 0.0501, "Over budget"]]);
    expect(variance([[1_030_000]], [[1_000_000]], null, 50_000)).toEqual([[30_000, 0.03, "Within tolerance (over)"]]);
    // An exact match is On budget whatever the tolerance.
    expect(variance([[100]], [[100]], 0.05)).toEqual([[0, 0, "On budget"]]);
    // Within 5% but not within £10,000: outside tolerance.
    expect(variance([[1_030_000]], [[1_000_000]], 0.05, 10_000)).toEqual([[30_000, 0.03, "Over budget"]]);
  });

  it("says No budget for a blank budget cell, with no variance (a missing budget is not a budget of zero)", () => {
    expect(variance(col(110, 40), col(100, null))).toEqual([
      [10, 0.1, "Over budget"],
      ["", "", "No budget"],
    ]);
    expect(variance([[0]], [[""]])).toEqual([["", "", "No budget"]]);
  });

  it("uses the budget check's words, and only those", () => {
    const statuses = new Set(
      [
        [110, 100],
        [90, 100],
        [100, 100],
        [101, 100],
        [99, 100],
        [5, null],
      ].map(([r, b]) => variance([[r]], [[b]], 0.02)[0]?.[2]),
    );
    expect([...statuses].sort()).toEqual([...BUDGET_STATUSES.map((s) => BUDGET_STATUS_TEXT[s])].sort());
  });

  it("shows #DIV/0! in the % cell only when the budget is zero", () => {
    const [cells] = variance([[500]], [[0]]);
    expect(cells?.[0]).toBe(500);
    expectError(cells?.[1], "#DIV/0!");
    expect(cells?.[2]).toBe("Over budget");
  });

  it("takes a column of partners and spills three columns; a row spills three rows", () => {
    expect(variance(col(110, 90), col(100, 100))).toEqual([
      [10, 0.1, "Over budget"],
      [-10, -0.1, "Under budget"],
    ]);
    expect(variance(row(110, 90), row(100, 100))).toEqual([
      [10, -10],
      [0.1, -0.1],
      ["Over budget", "Under budget"],
    ]);
  });

  it("puts a bad value's error in its own row, naming the position", () => {
    const out = variance(col(110, "n/a", 95), col(100, 100, 100));
    expect(out[0]).toEqual([10, 0.1, "Over budget"]);
    for (const cell of out[1] ?? []) expectError(cell, "#VALUE!", "recharge", "position 2");
    expect(out[2]).toEqual([-5, -0.05, "Under budget"]);
  });

  it("returns #VALUE! when recharge and budget differ in size, or a tolerance is negative or text", () => {
    expectError(variance(col(1, 2, 3), col(1, 2)), "#VALUE!", "budget", "3 budget cells");
    expectError(variance([[1]], [[1]], -0.05), "#VALUE!", "tolerance_pct", "negative");
    expectError(variance([[1]], [[1]], null, "lots"), "#VALUE!", "tolerance_amount", "lots");
  });

  it("returns #N/A for a blank recharge (a blank budget is No budget, above)", () => {
    for (const cell of variance([[null]], [[100]])[0] ?? []) expectError(cell, "#N/A", "recharge");
    for (const cell of variance([[null]], [[null]])[0] ?? []) expectError(cell, "#N/A", "recharge");
  });

  it("property: variance £ is exactly recharge − budget in pence, and the status agrees with its sign", () => {
    const p = fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 });
    fc.assert(
      fc.property(p, p, (r, b) => {
        const [cells] = variance([[r / 100]], [[b / 100]]);
        expect(pence(cells?.[0])).toBe(r - b);
        const status = cells?.[2];
        expect(status).toBe(r === b ? "On budget" : r > b ? "Over budget" : "Under budget");
        if (b === 0) expect(isExcelError(cells?.[1]) && excelError(cells?.[1]).code).toBe("#DIV/0!");
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (r, b, t, a) => {
        expect(() => variance(r as unknown[][], b as unknown[][], t, a)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
