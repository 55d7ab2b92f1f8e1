import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/engine/decimal";
import { roundDivHalfAway, roundDivToUnit } from "../../src/engine/rounding";

// The one rounding rule, checked against decimal.js's ROUND_HALF_UP (which rounds halves away from
// zero): an independent implementation of the same rule.

const oracle = (n: bigint, d: bigint): bigint =>
  BigInt(new Decimal(n.toString()).div(new Decimal(d.toString())).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));

describe("rounding half away from zero", () => {
  it("rounds halves away from zero, credits as the mirror of charges", () => {
    expect(roundDivHalfAway(5n, 2n)).toBe(3n);
    expect(roundDivHalfAway(-5n, 2n)).toBe(-3n);
    expect(roundDivHalfAway(5n, -2n)).toBe(-3n);
    expect(roundDivHalfAway(7n, 3n)).toBe(2n);
    expect(roundDivHalfAway(-1n, 3n)).toBe(0n);
  });

  it("agrees with decimal.js for any numerator and non-zero denominator", () => {
    const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    fc.assert(
      fc.property(
        big,
        big.filter((d) => d !== 0n),
        (n, d) => roundDivHalfAway(n, d) === oracle(n, d),
      ),
    );
  });

  it("rounds pence to a whole number of units", () => {
    expect(roundDivToUnit(250n, 1n, 100)).toBe(300);
    expect(roundDivToUnit(-250n, 1n, 100)).toBe(-300);
    expect(roundDivToUnit(249n, 1n, 100)).toBe(200);
    expect(roundDivToUnit(1n, 3n, 1)).toBe(0);
  });
});
