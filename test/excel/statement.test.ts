import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames } from "../../src/engine";
import { Decimal } from "../../src/engine";
import { partnerStatementSheet, statementPercent, STATEMENT_LINE_HEADERS } from "../../src/excel/layout/outputs/statement";
import { modelArb, unwrap } from "../engine/scenarios/model-arbitrary";

/** A money cell (pounds) as integer pence, refusing anything that is not a whole number of pence. */
function pence(v: unknown): number {
  if (typeof v !== "number") throw new Error(`not a number: ${String(v)}`);
  const p = Math.round(v * 100);
  if (Math.abs(p - v * 100) > 1e-6) throw new Error(`not whole pence: ${v}`);
  return p;
}

describe("a partner's statement (pure layout)", () => {
  it("adds up to the partner's total, by line and by year, for any model (property)", () => {
    fc.assert(
      fc.property(modelArb(), (model) => {
        const report = unwrap(checkModelBudgets(model));
        const run = report.run;
        for (const id of partnerNames(run.model).keys()) {
          const sheet = partnerStatementSheet({ run, budget: report }, id);
          const total = run.totals.filter((t) => t.partner === id).reduce((s, t) => s + t.amount, 0);
          // The cost lines: the blocks between their header row and their Total, each line's basis in a note under it.
          const head = sheet.blocks.find(
            (b) => b.style === "header" && b.values[0]?.[0] === STATEMENT_LINE_HEADERS[0] && b.values[0]?.[4] === STATEMENT_LINE_HEADERS[4],
          );
          expect(head).toBeDefined();
          const end = sheet.blocks.find((b) => b.style === "total" && b.row > (head?.row ?? 0));
          expect(pence(end?.values[0]?.[4])).toBe(total);
          const lines = sheet.blocks
            .filter((b) => b.row > (head?.row ?? 0) && b.row < (end?.row ?? 0) && b.style === undefined)
            .map((b) => b.values[0] ?? []);
          const mine = run.rows.filter((r) => r.partner === id && r.amount !== 0);
          expect(lines.map((l) => pence(l[4])).sort((a, b) => a - b)).toEqual(mine.map((r) => r.amount).sort((a, b) => a - b));
          // Each line has its basis in words on the row under it.
          const notes = sheet.blocks.filter((b) => b.row > (head?.row ?? 0) && b.row < (end?.row ?? 0) && b.style === "note");
          expect(notes).toHaveLength(lines.length);
          for (const n of notes) expect(String(n.values[0]?.[0])).toMatch(/^Basis: /);
          // By year, a few years across at a time: the Total rows' years add up to the total, which ends the last block.
          const yearTotals = sheet.blocks.filter((b) => b.style === "total" && b.row < (head?.row ?? 0)).map((b) => b.values[0] ?? []);
          const last = yearTotals[yearTotals.length - 1] ?? [];
          expect(pence(last[last.length - 1])).toBe(total);
          const byYear = yearTotals.flatMap((t, k) => t.slice(1, k === yearTotals.length - 1 ? -1 : undefined)).map(pence);
          expect(byYear.reduce((a, b) => a + b, 0)).toBe(total);
          // Laid out for a portrait page: no wider than the page holds.
          expect(sheet.print?.orientation).toBe("portrait");
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe("statementPercent (a share of a basis in words, exact)", () => {
  /** Decimal text with up to 4 places, as a basis's values and totals are written. */
  const decimalText = (min: number): fc.Arbitrary<string> =>
    fc.tuple(fc.bigInt({ min: BigInt(min), max: 10n ** 18n }), fc.integer({ min: 0, max: 4 })).map(([n, places]) => {
      const digits = n.toString().padStart(places + 1, "0");
      return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    });

  it("agrees with decimal.js rounding half up to 2 places, for any share of any positive whole (property)", () => {
    fc.assert(
      fc.property(decimalText(0), decimalText(1), (part, whole) => {
        const expected = `${new Decimal(part).div(whole).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
        expect(statementPercent(part, whole)).toBe(expected);
      }),
    );
  });

  it("rounds an exact half up and says – for a zero whole", () => {
    // 1 of 8 = 12.5% exactly; 1 of 16 = 6.25%; 1 of 32 = 3.125% → 3.13%; 1 of 3 = 33.333…% → 33.33%.
    expect(statementPercent("1", "8")).toBe("12.50%");
    expect(statementPercent("1", "32")).toBe("3.13%");
    expect(statementPercent("1", "3")).toBe("33.33%");
    expect(statementPercent("2", "3")).toBe("66.67%");
    expect(statementPercent("9000", "56000")).toBe("16.07%");
    expect(statementPercent("0.5", "2.00")).toBe("25.00%");
    expect(statementPercent("5", "0")).toBe("–");
    expect(statementPercent("5", "0.000")).toBe("–");
  });
});
