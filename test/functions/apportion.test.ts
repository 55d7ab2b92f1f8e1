import "./custom-functions-stub";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion, apportionMix, apportionPct, share } from "../../src/functions/functions";
import { isExcelError } from "./custom-functions-stub";
import { col, expectError, pence, row } from "./helpers";

const MAX_PENCE = 100_000_000_000_000; // £1,000,000,000,000.00

describe("SHARED.APPORTION: docs/domain.md examples", () => {
  it("splits £100 three ways as 33.34, 33.33, 33.33", () => {
    expect(apportion(100, col(1, 1, 1))).toEqual([[33.34], [33.33], [33.33]]);
  });

  it("splits £0.06 by 1, 4, 4, 1 as 0.01, 0.02, 0.02, 0.01 (not 0, 0.03, 0.03, 0)", () => {
    expect(apportion(0.06, col(1, 4, 4, 1))).toEqual([[0.01], [0.02], [0.02], [0.01]]);
  });

  it("splits −£100 symmetrically as −33.34, −33.33, −33.33", () => {
    expect(apportion(-100, col(1, 1, 1))).toEqual([[-33.34], [-33.33], [-33.33]]);
  });

  it("splits East Kent's £82,000 equally between the four councils", () => {
    expect(apportion(82_000, row(1, 1, 1, 1))).toEqual([[20_500, 20_500, 20_500, 20_500]]);
  });
});

describe("SHARED.APPORTION: shape, blanks, units, exactness", () => {
  it("spills a row for a row of drivers and a column for a column", () => {
    expect(apportion(100, row(1, 1, 1))).toEqual([[33.34, 33.33, 33.33]]);
    expect(apportion(100, col(1, 1, 1))).toEqual([[33.34], [33.33], [33.33]]);
    expect(apportion(100, [[7]])).toEqual([[100]]);
  });

  it("counts blank driver cells (null or empty text) as zero, and a zero driver gets exactly zero", () => {
    expect(apportion(100, col(5, null, "", 5))).toEqual([[50], [0], [0], [50]]);
    expect(apportion(0.01, col(0, 1, 1))).toEqual([[0], [0.01], [0]]);
  });

  it("accepts decimal drivers and drivers typed as text", () => {
    expect(apportion(100, col(12.5, "7.5"))).toEqual([[62.5], [37.5]]);
  });

  it("rounds to whole pounds and £000s when asked", () => {
    expect(apportion(100, col(1, 1, 1), 1)).toEqual([[34], [33], [33]]);
    expect(apportion(100_000, col(1, 1, 1), 1000)).toEqual([[34_000], [33_000], [33_000]]);
    expect(apportion(100, col(1, 1, 1), "pound")).toEqual([[34], [33], [33]]);
    expect(apportion(100, col(1, 1, 1), null)).toEqual([[33.34], [33.33], [33.33]]);
  });

  it("keeps £1,000,000,000,000.00 and 1p exact", () => {
    const big = apportion(1_000_000_000_000, col(1, 1, 1)).map((r) => pence(r[0]));
    expect(big).toEqual([33_333_333_333_334, 33_333_333_333_333, 33_333_333_333_333]);
    expect(big.reduce((a, b) => a + b, 0)).toBe(MAX_PENCE);
    expect(apportion(999_999_999_999.99, col(1, 2))).toEqual([[333_333_333_333.33], [666_666_666_666.66]]);
    expect(apportion(0.01, col(3, 1, 1))).toEqual([[0.01], [0], [0]]);
    expect(apportion(-0.01, col(1, 1))).toEqual([[-0.01], [0]]);
  });

  it("reads amounts at Excel's 15 significant digits, so float noise from other formulas is not a fraction of a penny", () => {
    expect(apportion(0.1 + 0.2, col(1, 2))).toEqual([[0.1], [0.2]]);
    expect(apportion(100.1 * 3, col(1, 1))).toEqual([[150.15], [150.15]]);
  });
});

describe("SHARED.APPORTION: errors", () => {
  it("returns #VALUE! naming the argument and position for a text driver", () => {
    expectError(apportion(100, col(1, "lots", 3)), "#VALUE!", "drivers", "position 2", "lots");
  });

  it("returns #VALUE! naming the position of a negative driver", () => {
    expectError(apportion(100, row(1, 2, -3)), "#VALUE!", "drivers", "position 3", "negative");
  });

  it("returns #VALUE! for TRUE/FALSE where a driver belongs", () => {
    expectError(apportion(100, col(1, true)), "#VALUE!", "position 2");
  });

  it("returns #DIV/0! when every driver is zero or blank", () => {
    expectError(apportion(100, col(0, 0, null)), "#DIV/0!");
  });

  it("returns #NUM! for a zero or negative unit, #VALUE! for a word that is not a unit", () => {
    expectError(apportion(100, col(1, 1), 0), "#NUM!");
    expectError(apportion(100, col(1, 1), -1), "#NUM!");
    expectError(apportion(100, col(1, 1), 0.001), "#NUM!");
    expectError(apportion(100, col(1, 1), "dollars"), "#VALUE!", "unit", "dollars");
  });

  it("returns #VALUE! for text where the amount belongs, #N/A for a blank amount", () => {
    expectError(apportion("a hundred", col(1, 1)), "#VALUE!", "amount", "a hundred");
    expectError(apportion(null, col(1, 1)), "#N/A", "amount");
  });

  it("returns #VALUE! for a fraction of a penny or an amount that is not a whole number of units", () => {
    expectError(apportion(100.005, col(1, 1)), "#VALUE!", "amount");
    expectError(apportion(100.5, col(1, 1), 1), "#VALUE!", "amount", "unit 1.00");
  });

  it("returns #NUM! for an amount above £1,000,000,000,000.00", () => {
    expectError(apportion(1_000_000_000_000.01, col(1, 1)), "#NUM!");
    expectError(apportion(-2e12, col(1, 1)), "#NUM!");
  });

  it("returns #VALUE! for a block of drivers that is not one row or one column", () => {
    expectError(
      apportion(100, [
        [1, 2],
        [3, 4],
      ]),
      "#VALUE!",
      "drivers",
      "single row or a single column",
      "2 rows × 2 columns",
    );
  });

  it("reports the problem in the earliest argument and counts the rest", () => {
    expectError(apportion("x", col(1, "y"), "z"), "#VALUE!", "Argument amount", "(2 more problems.)");
  });

  it("never throws, whatever it is given", () => {
    const weird: unknown[] = [undefined, null, NaN, Infinity, -Infinity, {}, [], [[]], "", "£", Symbol.iterator.toString(), 1e308];
    for (const a of weird) {
      for (const d of weird) {
        const out = apportion(a, d as unknown[][], a);
        expect(Array.isArray(out)).toBe(true);
      }
    }
  });
});

describe("SHARED.SHARE", () => {
  it("returns the share at a position, exactly as APPORTION spills it", () => {
    expect(share(100, col(1, 1, 1), 1)).toBe(33.34);
    expect(share(100, col(1, 1, 1), 2)).toBe(33.33);
    expect(share(0.06, row(1, 4, 4, 1), 3)).toBe(0.02);
    expect(share(-100, col(1, 1, 1), 1)).toBe(-33.34);
    expect(share(100, col(1, 1, 1), 1, 1)).toBe(34);
  });

  it("returns #VALUE! for a position outside the drivers, or not a whole number", () => {
    expectError(share(100, col(1, 1, 1), 4), "#VALUE!", "position", "1 to 3");
    expectError(share(100, col(1, 1, 1), 0), "#VALUE!", "position");
    expectError(share(100, col(1, 1, 1), 1.5), "#VALUE!", "position");
    expectError(share(100, col(1, 1, 1), "first"), "#VALUE!", "position", "first");
    expectError(share(100, col(1), 2), "#VALUE!", "position", "1 (there is one driver)");
  });

  it("returns #N/A for a blank position, and the driver errors APPORTION returns", () => {
    expectError(share(100, col(1, 1), null), "#N/A", "position");
    expectError(share(100, col(0, 0), 1), "#DIV/0!");
    expectError(share(100, col(1, "x"), 1), "#VALUE!", "drivers", "position 2");
  });
});

describe("SHARED.APPORTION.PCT", () => {
  it("splits by whole percentages and by Excel percentages (25% = 0.25) identically", () => {
    const whole = apportionPct(100, col(25, 25, 50));
    expect(whole).toEqual([[25], [25], [50]]);
    expect(apportionPct(100, col(0.25, 0.25, 0.5))).toEqual(whole);
    expect(apportionPct(100, row(33.34, 33.33, 33.33))).toEqual([[33.34, 33.33, 33.33]]);
  });

  it("accepts thirds typed as =100/3 (a total within 10^-10 points of 100%: docs/bad-input.md)", () => {
    expect(apportionPct(100, row(100 / 3, 100 / 3, 100 / 3))).toEqual([[33.34, 33.33, 33.33]]);
  });

  it("rounds by largest remainder and keeps the total", () => {
    expect(apportionPct(0.06, col(10, 40, 40, 10))).toEqual([[0.01], [0.02], [0.02], [0.01]]);
    expect(apportionPct(-1000, col(60, 40), 1)).toEqual([[-600], [-400]]);
  });

  it("returns #VALUE! with the total in percent when percentages do not total 100%", () => {
    expectError(apportionPct(100, col(25, 25, 49)), "#VALUE!", "percentages", "total 99%");
    expectError(apportionPct(100, col(0.25, 0.25, 0.49)), "#VALUE!", "total 99%");
    expectError(apportionPct(100, col(60, 60)), "#VALUE!", "total 120%");
    expectError(apportionPct(100, col(0, 0)), "#VALUE!", "total 0%");
  });

  it("returns #VALUE! naming the position of a text or negative percentage", () => {
    expectError(apportionPct(100, col(50, "half")), "#VALUE!", "percentages", "position 2");
    expectError(apportionPct(100, col(150, -50)), "#VALUE!", "percentages", "position 2", "negative");
  });

  it("reports amount and unit problems alongside percentage problems", () => {
    expectError(apportionPct("x", col(50, 49)), "#VALUE!", "Argument amount", "(1 more problem.)");
    expectError(apportionPct(100, col(50, 50), 0), "#NUM!");
  });
});

describe("SHARED.APPORTION.MIX", () => {
  it("splits 50% by users + 50% by tickets, rounded once, down a column", () => {
    // Users 1:1 and tickets 0:1 → exact shares 25% and 75%.
    expect(
      apportionMix(
        1000,
        [
          [1, 0],
          [1, 1],
        ],
        row(50, 50),
      ),
    ).toEqual([[250], [750]]);
    expect(
      apportionMix(
        1000,
        [
          [1, 0],
          [1, 1],
        ],
        col(0.5, 0.5),
      ),
    ).toEqual([[250], [750]]);
  });

  it("rounds the combined exact shares once (not each driver's share) and keeps the total", () => {
    const out = apportionMix(
      100,
      [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      row(50, 50),
    );
    // Exact: 50/3 + 50/6, 50/3 + 50/3, 50/3 + 25 → 25, 33.333…, 41.666…
    expect(out).toEqual([[25], [33.33], [41.67]]);
  });

  it("returns #VALUE! when the weights do not total 100% or do not match the driver columns", () => {
    expectError(
      apportionMix(
        100,
        [
          [1, 1],
          [1, 2],
        ],
        row(50, 40),
      ),
      "#VALUE!",
      "weights",
      "total 90%",
    );
    expectError(
      apportionMix(
        100,
        [
          [1, 1],
          [1, 2],
        ],
        row(50, 25, 25),
      ),
      "#VALUE!",
      "weights",
      "2 weights",
    );
  });

  it("returns #DIV/0! when a driver column is all zero, and #VALUE! naming column and row for text", () => {
    expectError(
      apportionMix(
        100,
        [
          [1, 0],
          [1, 0],
        ],
        row(50, 50),
      ),
      "#DIV/0!",
    );
    expectError(
      apportionMix(
        100,
        [
          [1, 2],
          [1, "x"],
        ],
        row(50, 50),
      ),
      "#VALUE!",
      "drivers column 2",
      "position 2",
    );
  });
});

/** Whole pence in [-MAX, MAX], biased towards the extremes and small values. */
const amountPence = fc.oneof(
  fc.integer({ min: -MAX_PENCE, max: MAX_PENCE }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(MAX_PENCE, -MAX_PENCE, 1, -1, 0, MAX_PENCE - 1),
);

/** Driver lists: non-negative, mixing whole numbers, decimals and blanks, with at least one positive. */
const drivers = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
      fc.constant(0),
      fc.constant(null),
    ),
    { minLength: 1, maxLength: 30 },
  )
  .filter((d) => d.some((v) => typeof v === "number" && v > 0));

/** The amount as a cell may hold it: the number of pounds, or the same as text. */
function amountCell(p: number, asText: boolean): number | string {
  const pounds = p / 100;
  return asText ? pounds.toFixed(2) : pounds;
}

describe("properties (fast-check, 1000 runs each)", () => {
  it("APPORTION's spill sums exactly to the amount, in integer pence, each share within 1p of exact", () => {
    fc.assert(
      fc.property(amountPence, drivers, fc.boolean(), fc.boolean(), (p, d, asRow, asText) => {
        const out = apportion(amountCell(p, asText), asRow ? row(...d) : col(...d));
        const cells = asRow ? (out[0] ?? []) : out.map((r) => r[0]);
        expect(cells).toHaveLength(d.length);
        const shares = cells.map(pence);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(p);
        // Within one unit of the exact share p × wᵢ / W (compared exactly in BigInt hundredths of a driver).
        const w = d.map((v) => BigInt(Math.round((v ?? 0) * 100)));
        const total = w.reduce((a, b) => a + b, 0n);
        shares.forEach((s, i) => {
          const diff = BigInt(s) * total - BigInt(p) * (w[i] ?? 0n);
          expect(diff < 0n ? -diff : diff).toBeLessThan(total);
          if (w[i] === 0n) expect(s).toBe(0);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("SHARE matches APPORTION at every position", () => {
    fc.assert(
      fc.property(amountPence, drivers, fc.constantFrom(undefined, 0.01, 1, 1000), (p, d, unit) => {
        const amount = unit === undefined ? p / 100 : (p - (p % Math.round(unit * 100))) / 100;
        const spilled = apportion(amount, col(...d), unit);
        d.forEach((_, i) => {
          expect(share(amount, col(...d), i + 1, unit)).toBe(spilled[i]?.[0]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("APPORTION.PCT with percentages totalling 100 (or 1) always sums exactly to the amount", () => {
    const percents = fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 20 })
      .filter((xs) => xs.some((x) => x > 0))
      .map((xs) => {
        // Scale whole hundredths of a percent to total exactly 10,000 (= 100.00%).
        const t = xs.reduce((a, b) => a + b, 0);
        const scaled = xs.map((x) => Math.floor((x * 10_000) / t));
        const gap = 10_000 - scaled.reduce((a, b) => a + b, 0);
        const i = scaled.findIndex((x) => x > 0);
        return scaled.map((x, j) => (j === i ? x + gap : x));
      });
    fc.assert(
      fc.property(amountPence, percents, fc.boolean(), (p, hundredths, asFraction) => {
        const cells = hundredths.map((h) => (asFraction ? h / 10_000 : h / 100));
        const out = apportionPct(p / 100, col(...cells));
        expect(isExcelError(out[0]?.[0])).toBe(false);
        expect(out.map((r) => pence(r[0])).reduce((a, b) => a + b, 0)).toBe(p);
      }),
      { numRuns: 1000 },
    );
  });

  it("APPORTION.MIX always sums exactly to the amount", () => {
    const table = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: n, maxLength: n }).filter((c) => c.some((x) => x > 0)),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: n, maxLength: n }).filter((c) => c.some((x) => x > 0)),
      ),
    );
    fc.assert(
      fc.property(amountPence, table, fc.integer({ min: 0, max: 100 }), (p, [users, tickets], w) => {
        const out = apportionMix(
          p / 100,
          users.map((u, i) => [u, tickets[i]]),
          row(w, 100 - w),
        );
        expect(out.map((r) => pence(r[0])).reduce((a, b) => a + b, 0)).toBe(p);
      }),
      { numRuns: 1000 },
    );
  });

  it("no input makes a split function throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, d, u, pos) => {
        expect(() => apportion(a, d as unknown[][], u)).not.toThrow();
        expect(() => share(a, d as unknown[][], pos, u)).not.toThrow();
        expect(() => apportionPct(a, d as unknown[][], u)).not.toThrow();
        expect(() => apportionMix(a, d as unknown[][], pos as unknown[][], u)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
