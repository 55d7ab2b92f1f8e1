import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runModel } from "../../src/engine";
import type { CellValue, SheetSpec } from "../../src/excel/layout/cells";
import { chartsSheet } from "../../src/excel/layout/outputs/charts";
import { syntheticModel } from "../../src/samples";

/** The cells of a sheet spec's blocks, by "row,col". */
function cells(spec: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of spec.blocks) b.values.forEach((line, r) => line.forEach((v, c) => out.set(`${b.row + r},${b.col + c}`, v)));
  return out;
}

/** A chart's data rows (below its header row), as read from the sheet's cells. */
function rowsOf(spec: SheetSpec, i: number): CellValue[][] {
  const at = cells(spec);
  const d = spec.charts[i]!.data;
  return Array.from({ length: d.rows - 1 }, (_, r) =>
    Array.from({ length: d.cols }, (_, c) => at.get(`${d.row + 1 + r},${d.col + c}`) ?? ""),
  );
}

const pence = (v: CellValue): number => Math.round(Number(v) * 100);

describe("the Charts sheet", () => {
  it("charts every penny charged: all partners by partner and year, one-off and ongoing by year, and each partner alone", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer({ min: 1, max: 1_000_000 }),
          partners: fc.integer({ min: 1, max: 6 }),
          years: fc.integer({ min: 1, max: 4 }),
          lines: fc.integer({ min: 1, max: 40 }),
        }),
        ({ seed, partners, years, lines }) => {
          const run = runModel(syntheticModel(lines, { seed, partners, years }));
          if (!run.ok) throw new Error("the synthetic model did not run");
          const spec = chartsSheet(run.value);
          const total = run.value.rows.reduce((a, r) => a + r.amount, 0);
          expect(spec.charts.map((c) => c.kind)).toEqual(["stacked", "stacked", ...Array<string>(partners).fill("clustered")]);
          const all = rowsOf(spec, 0);
          const byNature = rowsOf(spec, 1);
          expect(all).toHaveLength(partners * years);
          expect(byNature).toHaveLength(years);
          // Exact to the penny: each cell is a whole number of pence, and they add up to what was charged.
          for (const line of [...all, ...byNature]) for (const v of line.slice(1)) expect(Number(v) * 100).toBeCloseTo(pence(v), 6);
          expect(all.reduce((a, l) => a + pence(l[1]!) + pence(l[2]!), 0)).toBe(total);
          expect(byNature.reduce((a, l) => a + pence(l[1]!) + pence(l[2]!), 0)).toBe(total);
          // Each partner's own chart shows its rows of the all-partners chart.
          run.value.model.partners.forEach((p, i) => {
            const own = rowsOf(spec, 2 + i);
            expect(own.map((l) => [`${p.id} ${String(l[0])}`, l[1], l[2]])).toEqual(all.slice(i * years, (i + 1) * years));
          });
          // Printed, no chart is cut in two: a page starts at a block's heading, and each chart ends within 34 rows of its page's top.
          const breaks = [0, ...(spec.print!.pageBreaks ?? [])];
          expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
          for (const c of spec.charts) {
            const page = Math.max(...breaks.filter((b) => b <= c.from.row));
            expect(c.to.row - page, `${c.title} on the page from row ${page}`).toBeLessThan(34);
            expect(breaks.some((b) => b > c.from.row && b <= c.to.row)).toBe(false);
          }
          // Charts sit beside their tables, never over one another, all inside the printed area.
          for (const [i, c] of spec.charts.entries()) {
            expect(c.from.col).toBeGreaterThanOrEqual(c.data.col + c.data.cols);
            if (i > 0) expect(c.from.row).toBeGreaterThan(spec.charts[i - 1]!.to.row);
            expect(c.to.row).toBeLessThan(spec.print!.area.rows);
            expect(c.to.col).toBeLessThan(spec.print!.area.cols);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
