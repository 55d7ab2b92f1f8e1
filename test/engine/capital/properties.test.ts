import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, lineSchedule, mrpSchedule, mrpWeights, roundGrid, type CapitalLine } from "../../../src/engine";

const rate = fc.integer({ min: 0, max: 15_000 }).map((bp) => new Decimal(bp).div(1000)); // 0% to 15% (as a fraction of one, 3 dp of %)
const shares = fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 8 });
const method = fc.constantFrom("equal instalments" as const, "annuity" as const);

/** Exact share × w ÷ W as a fraction, to check each cell is it rounded down or up. */
function withinAPenny(cell: number, share: number, w: bigint, W: bigint): boolean {
  const exactTimesW = BigInt(share) * w;
  const c = BigInt(cell) * W;
  return c - exactTimesW < W && exactTimesW - c < W;
}

describe("each partner's MRP (fast-check)", () => {
  it("adds up exactly to its share of the capital, and each year's partners to that year's total", () => {
    fc.assert(
      fc.property(shares, method, rate, fc.integer({ min: 1, max: 12 }), (s, m, r, life) => {
        const weights = mrpWeights(m, r.div(100), life);
        const grid = roundGrid(s, weights);
        const total = s.reduce((a, b) => a + b, 0);
        const W = weights.reduce((a, b) => a + b, 0n);
        for (let p = 0; p < s.length; p++) {
          if (grid[p]!.reduce((a, b) => a + b, 0) !== s[p]) return false;
          for (let k = 0; k < life; k++) if (!withinAPenny(grid[p]![k]!, s[p]!, weights[k]!, W) || grid[p]![k]! < 0) return false;
        }
        const columns = weights.map((_, k) => grid.reduce((a, row) => a + row[k]!, 0));
        if (columns.reduce((a, b) => a + b, 0) !== total) return false;
        // Each year's total is within a penny of its exact figure (and almost always the total schedule's own).
        return columns.every((c, k) => withinAPenny(c, total, weights[k]!, W));
      }),
      { numRuns: 500 },
    );
  });

  it("matches the total schedule's largest-remainder years in every generated case", () => {
    fc.assert(
      fc.property(shares, method, rate, fc.integer({ min: 1, max: 12 }), (s, m, r, life) => {
        const weights = mrpWeights(m, r.div(100), life);
        const grid = roundGrid(s, weights);
        const total = s.reduce((a, b) => a + b, 0);
        expect(weights.map((_, k) => grid.reduce((a, row) => a + row[k]!, 0))).toEqual(mrpSchedule(total, weights));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a line's MRP, interest and balances consistent: MRP sums to the borrowing, balances fall to zero", () => {
    fc.assert(
      fc.property(shares, method, rate, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 3 }), (s, m, r, life, delay) => {
        const amount = s.reduce((a, b) => a + b, 0);
        const line: CapitalLine = {
          ref: "L",
          description: "",
          amount,
          financing: "borrowing",
          spent: 0,
          spendYear: 2024,
          inUse: 0,
          life,
          method: m,
          rate: r.div(100),
          firstMrpYear: 2025 + delay,
        };
        const sch = lineSchedule(
          line,
          s.map((_, i) => `P${i}`),
          s,
        );
        expect(sch.years.length).toBe(life + delay);
        expect(sch.years.reduce((a, y) => a + y.mrp, 0)).toBe(amount);
        expect(sch.years.at(-1)!.closing).toBe(0);
        sch.years.forEach((y, k) => {
          expect(sch.partners.reduce((a, p) => a + p.mrp[k]!, 0)).toBe(y.mrp);
          expect(sch.partners.reduce((a, p) => a + p.interest[k]!, 0)).toBe(y.interest);
          expect(sch.partners.reduce((a, p) => a + p.opening[k]!, 0)).toBe(y.opening);
          // Interest is the rate on the opening balance, to the nearest penny.
          expect(Math.abs(y.interest - r.div(100).times(y.opening).toNumber())).toBeLessThanOrEqual(0.5);
        });
        for (const p of sch.partners) expect(p.mrp.reduce((a, b) => a + b, 0)).toBe(p.share);
        // No MRP before the first MRP year.
        for (let k = 0; k < delay; k++) expect(sch.years[k]!.mrp).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
