import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, compareMany, doNoHarm, runModel, runScenario, type ModelInput, type ModelRun } from "../../src/engine";
import type { CellValue, SheetSpec } from "../../src/excel";
import { allocationsSheet, ALLOCATION_CHECK_HEADER, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { COMMITTEE_HEADER_ROW, committeeSheet } from "../../src/excel/layout/outputs/committee";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING, syntheticModel } from "../../src/samples";

const pence = (v: CellValue | undefined): number => Math.round(Number(v) * 100);

/** The value at a cell of a laid-out sheet ("" when nothing is written there). */
function grid(sheet: SheetSpec): (row: number, col: number) => CellValue {
  const cells = new Map<string, CellValue>();
  for (const b of sheet.blocks) b.values.forEach((line, r) => line.forEach((v, c) => cells.set(`${b.row + r},${b.col + c}`, v)));
  return (row, col) => cells.get(`${row},${col}`) ?? "";
}

/** What the Allocations sheet charges each partner column in each year, in pence, read from its cells. */
function allocationTotals(run: ModelRun): Map<string, Map<string, number>> {
  const sheet = allocationsSheet(run);
  const headers = (sheet.blocks[1]?.values[0] ?? []).map(String);
  const year = headers.indexOf("Year");
  const out = new Map<string, Map<string, number>>();
  for (const row of sheet.blocks[2]?.values ?? []) {
    for (let c = ALLOCATION_HEADERS.length; c < headers.indexOf(ALLOCATION_CHECK_HEADER); c++) {
      if (row[c] === "") continue;
      const partner = headers[c]!.slice(0, -" (£)".length);
      const byYear = out.get(partner) ?? new Map<string, number>();
      out.set(partner, byYear);
      byYear.set(String(row[year]), (byYear.get(String(row[year])) ?? 0) + pence(row[c]));
    }
  }
  return out;
}

/**
 * Checks a committee sheet against the Allocations sheet of the same run: each partner's row of the headline table holds
 * its Allocations column's total for each year and in all, the all-partners row their sum; each partner's block adds up
 * (one-off + ongoing = category total, capital + revenue = total) and its total row is its headline row.
 */
function checkAddsUp(run: ModelRun, sheet: SheetSpec, partners: readonly { id: string; name: string }[]): void {
  const at = grid(sheet);
  const alloc = allocationTotals(run);
  const heads: CellValue[] = [];
  for (let c = 0; at(COMMITTEE_HEADER_ROW, c) !== ""; c++) heads.push(at(COMMITTEE_HEADER_ROW, c));
  const total = heads.indexOf("Total");
  const years = heads.slice(1, total).map(String);
  const all = new Array<number>(years.length + 1).fill(0);
  partners.forEach((p, i) => {
    const row = COMMITTEE_HEADER_ROW + 1 + i;
    expect(String(at(row, 0))).toContain(p.name);
    let sum = 0;
    years.forEach((y, k) => {
      const want = alloc.get(p.id)?.get(y) ?? 0;
      expect(pence(at(row, 1 + k)), `${p.id} ${y}`).toBe(want);
      sum += want;
      all[k] = (all[k] ?? 0) + want;
    });
    expect(pence(at(row, total))).toBe(sum);
    all[years.length] = (all[years.length] ?? 0) + sum;
  });
  const allRow = COMMITTEE_HEADER_ROW + 1 + partners.length;
  expect(at(allRow, 0)).toBe("All partners");
  all.forEach((v, k) => expect(pence(at(allRow, 1 + k))).toBe(v));
  expect(pence(at(allRow, total))).toBe(run.result.balance.totalOut);

  // The blocks: a header naming the partner (or all partners), then its rows by category and nature.
  const blockRows = sheet.blocks.filter((b) => b.style === "header" && b.row > COMMITTEE_HEADER_ROW).map((b) => b.row);
  expect(blockRows).toHaveLength(partners.length + 1);
  blockRows.forEach((h, i) => {
    expect(String(at(h, 0))).toContain(i < partners.length ? partners[i]!.name : "All partners");
    const labels = Array.from({ length: 7 }, (_, r) => at(h + 1 + r, 0));
    expect(labels).toEqual([
      "Capital one-off",
      "Capital ongoing",
      "Capital total",
      "Revenue one-off",
      "Revenue ongoing",
      "Revenue total",
      "Total",
    ]);
    for (let c = 1; c <= years.length + 1; c++) {
      const v = (r: number): number => pence(at(h + 1 + r, c));
      expect(v(0) + v(1)).toBe(v(2));
      expect(v(3) + v(4)).toBe(v(5));
      expect(v(2) + v(5)).toBe(v(6));
      // The block's total row is the partner's headline row.
      expect(v(6)).toBe(pence(at(i < partners.length ? COMMITTEE_HEADER_ROW + 1 + i : allRow, c)));
    }
  });
}

describe("the Committee summary", () => {
  const model = BRENT_LEWISHAM_SOUTHWARK.model;
  const joins = model.scenarios!.find((s) => s.name === "Lewisham Homes joins")!;

  it("lays out each partner's charges by year, adds up to the Allocations totals, with the budget and do-no-harm verdicts beside", () => {
    const budget = checkModelBudgets(model);
    const scenario = runScenario(model, joins);
    const harm = doNoHarm(model, joins);
    if (!budget.ok || !scenario.ok || !harm.ok) throw new Error("engine failed");
    const sheet = committeeSheet(budget.value.run, undefined, budget.value, [harm.value]);
    const partners = model.partners.map((p) => ({ id: p.id, name: p.name ?? p.id }));
    checkAddsUp(budget.value.run, sheet, partners);
    const at = grid(sheet);
    const heads = Array.from({ length: 7 }, (_, c) => at(COMMITTEE_HEADER_ROW, c));
    expect(heads).toEqual(["Partner (£)", "2020/21", "2021/22", "2022/23", "Total", "Budget", "Do no harm"]);
    partners.forEach((p, i) => {
      const lines = budget.value.budgets.lines.filter((l) => l.partner === p.id);
      const expected = lines.some((l) => l.status === "over")
        ? "Over budget"
        : lines.some((l) => l.status === "noBudget")
          ? "No budget"
          : lines.some((l) => l.status === "under")
            ? "Under budget"
            : "Within budget";
      expect(at(COMMITTEE_HEADER_ROW + 1 + i, 5), p.id).toBe(lines.length === 0 ? "No budgets entered" : expected);
      const more = harm.value.byPartner.some((b) => b.partner === p.id);
      expect(at(COMMITTEE_HEADER_ROW + 1 + i, 6), p.id).toBe(more ? "Pays more" : "No worse off");
    });
    // Each verdict column is coloured by its words; the sentences under each block say what the short word means.
    expect(sheet.conditionalFormats).toEqual([expect.objectContaining({ row: COMMITTEE_HEADER_ROW + 1, col: 5, cols: 2, rows: 3 })]);
    const notes = sheet.blocks.filter((b) => b.style === "note").flatMap((b) => b.values.map((v) => String(v[0])));
    expect(notes.filter((n) => n.startsWith("Budget: "))).toHaveLength(3);
    expect(notes.filter((n) => n.startsWith("Do no harm: ")).every((n) => n.includes('"Lewisham Homes joins"'))).toBe(true);
    // Printed one page wide, over every column it writes.
    expect(sheet.print?.pagesWide).toBe(1);
    expect(sheet.print?.area.cols).toBe(7);
  });

  it("names the joining partner's verdict in the scenario's own run, and leaves out a verdict whose check was not run", () => {
    const scenario = runScenario(model, joins);
    const harm = doNoHarm(model, joins);
    if (!scenario.ok || !harm.ok) throw new Error("engine failed");
    const sheet = committeeSheet(scenario.value, joins.name, undefined, [harm.value]);
    const at = grid(sheet);
    expect(Array.from({ length: 6 }, (_, c) => at(COMMITTEE_HEADER_ROW, c))).toEqual([
      "Partner (£)",
      "2020/21",
      "2021/22",
      "2022/23",
      "Total",
      "Do no harm",
    ]);
    // Lewisham Homes joins as a direct customer: a partner of the run, in id order.
    const partners = scenario.value.result.partners.map((p) => ({ id: p.id, name: p.name }));
    expect(partners.map((p) => p.id)).toEqual(["BRE", "LEW", "LH", "SOU"]);
    checkAddsUp(scenario.value, sheet, partners);
    expect(at(COMMITTEE_HEADER_ROW + 3, 5)).toBe("Joining");
    const bare = committeeSheet(scenario.value, joins.name, undefined, []);
    expect(grid(bare)(COMMITTEE_HEADER_ROW, 5)).toBe("");
    expect(bare.conditionalFormats).toEqual([]);
  });

  it("gives each partner's do-no-harm verdict for each scenario compared, named, when several add a partner", () => {
    const within = model.scenarios!.find((s) => s.name === "Lewisham Homes within Lewisham")!;
    const many = compareMany(model, [joins, within]);
    const run = runModel(model);
    if (!many.ok || !run.ok) throw new Error("engine failed");
    expect(many.value.doNoHarm.map((h) => h.scenario)).toEqual([joins.name, within.name]);
    const sheet = committeeSheet(run.value, undefined, undefined, many.value.doNoHarm);
    const at = grid(sheet);
    expect(at(COMMITTEE_HEADER_ROW, 5)).toBe("Do no harm");
    model.partners.forEach((p, i) => {
      const words = many.value.doNoHarm.map(
        (h) => `"${h.scenario}": ${h.byPartner.some((b) => b.partner === p.id) ? "Pays more" : "No worse off"}`,
      );
      expect(at(COMMITTEE_HEADER_ROW + 1 + i, 5), p.id).toBe(words.join("; "));
    });
  });

  it("shows figures in £000 when shares are rounded to thousands, in whole pounds when to the pound (cells hold pounds)", () => {
    const ekh = EAST_KENT_HOUSING.model;
    for (const [unit, heading, format] of [
      ["thousand", "Partner (£000)", "#,##0,;-#,##0,"],
      ["pound", "Partner (£)", "£#,##0;-£#,##0"],
      ["penny", "Partner (£)", "£#,##0.00;-£#,##0.00"],
    ] as const) {
      const m: ModelInput = { ...ekh, settings: { ...ekh.settings, unit } };
      const run = runModel(m);
      if (!run.ok) throw new Error(JSON.stringify(run.errors));
      const sheet = committeeSheet(run.value, undefined, undefined, []);
      expect(grid(sheet)(COMMITTEE_HEADER_ROW, 0)).toBe(heading);
      const body = sheet.blocks.find((b) => b.row === COMMITTEE_HEADER_ROW + 1);
      expect(body?.formats?.[1]).toBe(format);
      checkAddsUp(
        run.value,
        sheet,
        ekh.partners.map((p) => ({ id: p.id, name: p.name ?? p.id })),
      );
    }
  });

  it("adds up to the Allocations totals for any model (partners, years and seed at random)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (lines, partners, years, seed) => {
          const m = syntheticModel(lines, { partners, years, seed, ongoingEvery: 2 });
          const run = runModel(m);
          if (!run.ok) throw new Error(JSON.stringify(run.errors));
          checkAddsUp(
            run.value,
            committeeSheet(run.value, undefined, undefined, []),
            m.partners.map((p) => ({ id: p.id, name: p.name ?? p.id })),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
