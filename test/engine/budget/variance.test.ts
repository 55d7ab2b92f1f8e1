import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetVariance, Decimal, errorMessage, frac, percentText, readBudgetTolerance, type BudgetTolerance } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

describe("percentText", () => {
  it("rounds half away from zero to 2 places and never shows -0.00", () => {
    expect(percentText(frac(100n, 3n))).toBe("33.33");
    expect(percentText(frac(-2n, 3n))).toBe("-0.67");
    expect(percentText(frac(1n, 8n))).toBe("0.13");
    expect(percentText(frac(-1n, 8n))).toBe("-0.13");
    expect(percentText(frac(-1n, 1000n))).toBe("0.00");
    expect(percentText(frac(12n))).toBe("12.00");
    expect(percentText(frac(200n, 3n), 0)).toBe("67");
  });
});

describe("budgetVariance", () => {
  const pence = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 });
  const toleranceArb = fc.record({
    amount: fc.option(
      fc.integer({ min: 0, max: 10_000_000 }).map((p) => (p / 100).toFixed(2)),
      { nil: undefined },
    ),
    percent: fc.option(
      fc.integer({ min: 0, max: 20_000 }).map((p) => (p / 1000).toFixed(3)),
      { nil: undefined },
    ),
  });

  it("property: variance arithmetic is exact, and the status follows the tolerance rule", () => {
    fc.assert(
      fc.property(pence, pence, toleranceArb, (budget, recharge, tolInput) => {
        const tol: BudgetTolerance = unwrap(readBudgetTolerance(tolInput));
        const v = budgetVariance(budget, recharge, tol);
        expect(v.variance).toBe(recharge - budget);
        expect(v.onBudget).toBe(recharge === budget);
        if (budget === 0) {
          expect(v.percent).toBeUndefined();
          expect(v.percentText).toBeUndefined();
        } else {
          // percent × |budget| = variance × 100, in whole numbers: no rounding anywhere.
          const p = v.percent ?? frac(0n);
          expect(p.n * BigInt(Math.abs(budget))).toBe(BigInt(v.variance) * 100n * p.d);
          // The text is within half a hundredth of a percent of the exact value.
          const exact = new Decimal(v.variance).times(100).div(Math.abs(budget));
          expect(new Decimal(v.percentText ?? "NaN").minus(exact).abs().lte("0.005")).toBe(true);
        }
        // The rule, worked out independently in decimal pounds.
        const magnitude = new Decimal(recharge - budget).div(100).abs();
        const byAmount = tolInput.amount === undefined || magnitude.lte(tolInput.amount);
        const byPercent =
          tolInput.percent === undefined || magnitude.lte(new Decimal(tolInput.percent).div(100).times(new Decimal(budget).div(100).abs()));
        const anyTolerance = tolInput.amount !== undefined || tolInput.percent !== undefined;
        const within = magnitude.isZero() || (anyTolerance && byAmount && byPercent);
        const expected = magnitude.isZero()
          ? "onBudget"
          : within
            ? recharge > budget
              ? "withinOver"
              : "withinUnder"
            : recharge > budget
              ? "over"
              : "under";
        expect(v.status).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("works the figures of a partner over its capital budget", () => {
    const tol = unwrap(readBudgetTolerance({ amount: 5_000, percent: 5 }));
    // £100,000 charged against £90,000: +£10,000, +11.11%, beyond both £5,000 and 5%.
    expect(budgetVariance(9_000_000, 10_000_000, tol)).toMatchObject({ variance: 1_000_000, percentText: "11.11", status: "over" });
    // £4,000 under on £1,000,000: within £5,000 and within 5% (£50,000).
    expect(budgetVariance(100_000_000, 99_600_000, tol)).toMatchObject({ variance: -400_000, percentText: "-0.40", status: "withinUnder" });
    // £6,000 under on £1,000,000 is within 5% but not within £5,000: both must hold.
    expect(budgetVariance(100_000_000, 99_400_000, tol).status).toBe("under");
    // Against a zero budget there is no percentage, and only an exact match is within a % tolerance.
    expect(budgetVariance(0, 1, unwrap(readBudgetTolerance({ percent: 50 })))).toMatchObject({ percent: undefined, status: "over" });
  });

  it("rejects a negative or non-numeric tolerance, naming the field", () => {
    const r = readBudgetTolerance({ amount: -1, percent: "five" });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Budget "tolerance", amount: -1 is negative; it must be zero or more.',
      'Budget "tolerance", percent: "five" is not a number.',
    ]);
  });
});
