import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames } from "../../src/engine";
import { partnerStatementSheet, STATEMENT_LINE_HEADERS, STATEMENT_TOTAL } from "../../src/excel/layout/outputs/statement";
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
          const totals = sheet.blocks.filter((b) => b.style === "total");
          expect(totals).toHaveLength(2);
          expect(pence(totals[0]?.values[0]?.[7])).toBe(total);
          expect(pence(totals[1]?.values[0]?.[8])).toBe(total);
          // The lines listed are this partner's non-zero charges, and add to the total.
          const header = sheet.blocks.find(
            (b) => b.values[0]?.[0] === STATEMENT_LINE_HEADERS[0] && b.values[0]?.[8] === STATEMENT_LINE_HEADERS[8],
          );
          const body = sheet.blocks.find((b) => header !== undefined && b.row === header.row + 1 && b.values[0]?.[0] !== STATEMENT_TOTAL);
          const lines = body?.values ?? [];
          const mine = run.rows.filter((r) => r.partner === id && r.amount !== 0);
          expect(lines.map((l) => pence(l[8])).sort((a, b) => a - b)).toEqual(mine.map((r) => r.amount).sort((a, b) => a - b));
          expect(lines.reduce((s, l) => s + pence(l[8]), 0)).toBe(total);
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});
