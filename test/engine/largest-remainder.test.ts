import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largestRemainder } from "../../src/engine";

const RUNS = { numRuns: 1000 };

/** Exact share a×w/W as a comparison-friendly pair, computed independently with BigInt. */
function distanceWithinOneUnit(share: number, amount: number, w: number, total: number): boolean {
  // |share − amount·w/W| < 1  ⇔  |share·W − amount·w| < W
  const diff = BigInt(share) * BigInt(total) - BigInt(amount) * BigInt(w);
  return (diff < 0n ? -diff : diff) < BigInt(total);
}

const weightsArb = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 25 }).filter((ws) => ws.some((w) => w > 0));
const amountArb = fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 });

describe("largest remainder: docs/domain.md examples", () => {
  it("splits £100 three ways as 33.34, 33.33, 33.33 (pence)", () => {
    expect(largestRemainder(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it("splits £0.06 by drivers 1, 4, 4, 1 as 0.01, 0.02, 0.02, 0.01 (not the largest-ratio 0, 0.03, 0.03, 0)", () => {
    expect(largestRemainder(6, [1, 4, 4, 1])).toEqual([1, 2, 2, 1]);
  });

  it("splits −£100 three ways symmetrically", () => {
    expect(largestRemainder(-10_000, [1, 1, 1])).toEqual([-3334, -3333, -3333]);
  });

  it("breaks equal remainders towards the larger driver, then the earlier position", () => {
    // 5 units by 1,1,2,2 → exact 0.833.., 0.833.., 1.666.., 1.666..; floors 0,0,1,1 (2 given), 3 left.
    // Remainders (×6): 5,5,4,4 → the two 5s first (positions 0,1), then the 4s: larger driver tie → position 2.
    expect(largestRemainder(5, [1, 1, 2, 2])).toEqual([1, 1, 2, 1]);
    // 1 unit by 3,3 → tie on remainder and driver → earlier position.
    expect(largestRemainder(1, [3, 3])).toEqual([1, 0]);
  });

  it("gives a zero driver exactly zero", () => {
    expect(largestRemainder(1, [0, 1, 1])).toEqual([0, 1, 0]);
    expect(largestRemainder(-7, [0, 5])).toEqual([0, -7]);
  });

  it("stays exact when products overflow 2^53 (BigInt path)", () => {
    const big = 100_000_000_000_000; // £1tn in pence
    const shares = largestRemainder(big, [9_007_199_254_740_000, 3, 7]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(big);
    expect(shares[1]).toBe(0);
  });
});

describe("largest remainder: money invariants (fast-check)", () => {
  it("shares always sum exactly to the amount", () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (amount, ws) => {
        const shares = largestRemainder(amount, ws);
        return shares.reduce((a, b) => a + b, 0) === amount;
      }),
      RUNS,
    );
  });

  it("each share is within one unit of its exact value", () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (amount, ws) => {
        const total = ws.reduce((a, b) => a + b, 0);
        const shares = largestRemainder(amount, ws);
        return shares.every((s, i) => distanceWithinOneUnit(s, amount, ws[i] as number, total));
      }),
      RUNS,
    );
  });

  it("negating the amount negates every share (sign symmetry)", () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (amount, ws) => {
        const pos = largestRemainder(amount, ws);
        const neg = largestRemainder(-amount, ws);
        return pos.every((s, i) => neg[i] === (-s || 0));
      }),
      RUNS,
    );
  });

  it("a zero driver always gets exactly zero", () => {
    fc.assert(
      fc.property(amountArb, weightsArb, fc.nat(), (amount, ws, at) => {
        const withZero = [...ws];
        withZero.splice(at % (ws.length + 1), 0, 0);
        const shares = largestRemainder(amount, withZero);
        return withZero.every((w, i) => w !== 0 || shares[i] === 0);
      }),
      RUNS,
    );
  });

  it("scaling every driver by the same constant changes nothing", () => {
    fc.assert(
      fc.property(amountArb, weightsArb, fc.integer({ min: 2, max: 1000 }), (amount, ws, k) => {
        expect(
          largestRemainder(
            amount,
            ws.map((w) => w * k),
          ),
        ).toEqual(largestRemainder(amount, ws));
      }),
      RUNS,
    );
  });

  it("permuting partners permutes the shares when no tie-break is involved", () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        (amount, ws, seed) => {
          // Distinct drivers: equal remainders are then broken by driver size, never by position.
          const order = ws.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          const shares = largestRemainder(amount, ws);
          const permuted = largestRemainder(
            amount,
            order.map((i) => ws[i] as number),
          );
          return order.every((i, k) => permuted[k] === shares[i]);
        },
      ),
      RUNS,
    );
  });

  it("a larger driver never gets a smaller share (order is preserved)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), weightsArb, (amount, ws) => {
        const shares = largestRemainder(amount, ws);
        return ws.every((wi, i) => ws.every((wj, j) => !(wi > wj) || (shares[i] as number) >= (shares[j] as number)));
      }),
      RUNS,
    );
  });

  it("number and BigInt (sorting) paths agree when remainders tie often", () => {
    const tied = fc.array(fc.constantFrom(0, 1, 2, 3, 6), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0));
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), tied, (amount, ws) => {
        expect(largestRemainder(amount, ws)).toEqual(
          largestRemainder(
            amount,
            ws.map((w) => BigInt(w)),
          ),
        );
      }),
      RUNS,
    );
  });

  it("number and BigInt paths agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), weightsArb, (amount, ws) => {
        expect(
          largestRemainder(
            amount,
            ws.map((w) => BigInt(w)),
          ),
        ).toEqual(largestRemainder(amount, ws));
      }),
      RUNS,
    );
  });

  it("number and BigInt paths agree when amount × weight passes 2^53 (the two-double product path)", () => {
    const bigWeights = fc
      .array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 25 })
      .filter((ws) => ws.some((w) => w > 0));
    fc.assert(
      fc.property(amountArb, bigWeights, (amount, ws) => {
        expect(largestRemainder(amount, ws)).toEqual(
          largestRemainder(
            amount,
            ws.map((w) => BigInt(w)),
          ),
        );
      }),
      RUNS,
    );
  });
});
