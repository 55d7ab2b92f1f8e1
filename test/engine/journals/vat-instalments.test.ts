import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, isoDate, dayNumber, instalmentDates, splitInstalments, vatOn, type VatTreatment } from "../../../src/engine";

/** VAT the long way: net × 20%, rounded half away from zero to the penny, with decimal.js (independent of vatOn's integers). */
function vatByDecimal(net: number): number {
  const exact = new Decimal(net).times(20).div(100);
  return exact
    .abs()
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .times(exact.isNegative() ? -1 : 1)
    .toNumber();
}

describe("VAT per invoice line (docs/journals.md: 20%, each line rounded to the nearest penny)", () => {
  it("rounds each line's VAT to the nearest penny, credits symmetrically", () => {
    // 20% of £100.00 is £20.00; of 3p is 0.6p → 1p; of 2p is 0.4p → 0p; of 13p is 2.6p → 3p.
    expect(vatOn(10_000, "standard")).toBe(2_000);
    expect(vatOn(3, "standard")).toBe(1);
    expect(vatOn(2, "standard")).toBe(0);
    expect(vatOn(13, "standard")).toBe(3);
    expect(vatOn(-3, "standard")).toBe(-1);
    expect(vatOn(-13, "standard")).toBe(-3);
  });

  it("charges no VAT on outside-the-scope, zero-rated or exempt lines", () => {
    for (const t of ["outside", "zero", "exempt"] as VatTreatment[]) expect(vatOn(123_456, t)).toBe(0);
  });

  it("equals net × 20% rounded to the nearest penny, for any amount the engine accepts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000_000, max: 100_000_000_000_000 }),
        (net) => vatOn(net, "standard") === vatByDecimal(net),
      ),
      { numRuns: 2000 },
    );
  });
});

describe("instalments", () => {
  it("add up exactly to the charge, and differ by at most a penny", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000_000, max: 10_000_000_000_000 }), fc.constantFrom(1, 4, 12), (amount, count) => {
        const parts = splitInstalments(amount, count);
        const total = parts.reduce((a, b) => a + b, 0);
        return parts.length === count && total === amount && Math.max(...parts) - Math.min(...parts) <= 1;
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the spare pennies to the earliest instalments: £100.00 quarterly from 1 April", () => {
    expect(splitInstalments(10_000, 3)).toEqual([3_334, 3_333, 3_333]);
    expect(splitInstalments(1_001, 4)).toEqual([251, 250, 250, 250]);
  });

  it("falls every 3 or 1 months on the same day, or the month's last day", () => {
    expect(instalmentDates(dayNumber(2025, 4, 1), 4).map(isoDate)).toEqual(["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"]);
    expect(
      instalmentDates(dayNumber(2027, 5, 31), 12)
        .map(isoDate)
        .slice(0, 4),
    ).toEqual(["2027-05-31", "2027-06-30", "2027-07-31", "2027-08-31"]);
    expect(instalmentDates(dayNumber(2027, 5, 31), 12).map(isoDate)[9]).toBe("2028-02-29");
  });
});
