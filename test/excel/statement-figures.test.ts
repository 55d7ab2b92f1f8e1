import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/engine";
import { grouped, statementPercent } from "../../src/excel/layout/outputs/statement";

/** The grouping as it was written first: a regular expression over the whole figure. */
function groupedByPattern(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  return m === null ? text : `${m[1] ?? ""}${(m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

describe("a statement's figures in words, read a character at a time", () => {
  it("groups a figure as the pattern did, for figures and for any other text (property)", () => {
    const figure = fc
      .tuple(fc.constantFrom("", "-", " ", " -"), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom("", ".", ".5", ".25", ".0001"))
      .map(([sign, n, fraction]) => `${sign}${n}${fraction}`);
    fc.assert(
      fc.property(fc.oneof(figure, fc.string()), (text) => grouped(text) === groupedByPattern(text)),
      { numRuns: 5_000 },
    );
    for (const text of ["", "-", "12.", ".5", "1,000", "0001234", " 56000 ", "-1234567.891", "1e5", "12a"])
      expect(grouped(text)).toBe(groupedByPattern(text));
  });

  it("gives a share of whole numbers as decimal.js does, half up to 2 places (property)", () => {
    // Small figures, weighted totals of billions, figures about where number arithmetic stops being exact, and beyond.
    const whole = fc.oneof(
      fc.integer({ min: 0, max: 1_000 }),
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.integer({ min: 0, max: 2e9 }),
      fc.integer({ min: 0, max: 1e12 }),
      fc.integer({ min: 4.4e11, max: 4.6e11 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.bigInt({ min: 0n, max: 10n ** 18n }),
    );
    fc.assert(
      fc.property(whole, whole, (part, of) => {
        const expected =
          Number(of) === 0
            ? "–"
            : `${new Decimal(String(part)).div(String(of)).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
        return statementPercent(String(part), String(of)) === expected;
      }),
      { numRuns: 20_000 },
    );
  });
});
