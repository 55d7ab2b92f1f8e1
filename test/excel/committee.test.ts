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

const LABELS = ["Capital one-off", "Capital ongoing", "Capital total", "Revenue one-off", "Revenue ongoing", "Revenue total", "Total"];

/** The header row's cells, from column A to the last written. */
function headers(sheet: SheetSpec): CellValue[] {
  const at = grid(sheet);
  const out: CellValue[] = [];
  for (let c = 0; at(COMMITTEE_HEADER_ROW, c) !== ""; c++) out.push(at(COMMITTEE_HEADER_ROW, c));
  return out;
}

/** The table's rows for one partner (or "All partners"), by their label in the second column. */
function rowsOf(sheet: SheetSpec, who: string): Map<string, CellValue[]> {
  const at = grid(sheet);
  const width = headers(sheet).length;
  const out = new Map<string, CellValue[]>();
  for (let r = COMMITTEE_HEADER_ROW + 1; at(r, 0) !== ""; r++)
    if (at(r, 0) === who)
      out.set(
        String(at(r, 1)),
        Array.from({ length: width }, (_, c) => at(r, c)),
      );
  return out;
}

/**
 * Checks a committee sheet against the Allocations sheet of the same run: each partner's Total row holds its Allocations
 * column's total for each year and in all, the all-partners rows their sum; each partner's rows add up (one-off + ongoing
 * = category total, capital + revenue = total), every row naming its partner.
 */
function checkAddsUp(run: ModelRun, sheet: SheetSpec, partners: readonly { id: string; name: string }[]): void {
  const alloc = allocationTotals(run);
  const heads = headers(sheet);
  const total = heads.indexOf("Total");
  const years = heads.slice(2, total).map(String);
  const all = new Array<number>(years.length + 1).fill(0);
  const check = (who: string, want: (k: number) => number): void => {
    const rows = rowsOf(sheet, who);
    expect([...rows.keys()], who).toEqual(LABELS);
    for (let c = 2; c <= total; c++) {
      const v = (label: string): number => pence(rows.get(label)?.[c]);
      expect(v("Capital one-off") + v("Capital ongoing")).toBe(v("Capital total"));
      expect(v("Revenue one-off") + v("Revenue ongoing")).toBe(v("Revenue total"));
      expect(v("Capital total") + v("Revenue total")).toBe(v("Total"));
      expect(v("Total"), `${who} ${String(heads[c])}`).toBe(want(c - 2));
    }
  };
  for (const p of partners) {
    const byYear = years.map((y) => alloc.get(p.id)?.get(y) ?? 0);
    const sum = byYear.reduce((a, b) => a + b, 0);
    check(p.name, (k) => (k < years.length ? (byYear[k] ?? 0) : sum));
    byYear.forEach((v, k) => (all[k] = (all[k] ?? 0) + v));
    all[years.length] = (all[years.length] ?? 0) + sum;
  }
  check("All partners", (k) => all[k] ?? 0);
  expect(pence(rowsOf(sheet, "All partners").get("Total")?.[total])).toBe(run.result.balance.totalOut);
}

/** A partner's verdict cells, from its Total row. */
function verdictsOf(sheet: SheetSpec, who: string): CellValue[] {
  const heads = headers(sheet);
  const first = heads.findIndex((h) => h === "Budget" || h === "Do no harm");
  return first < 0 ? [] : (rowsOf(sheet, who).get("Total") ?? []).slice(first);
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
    expect(headers(sheet)).toEqual([
      "Partner",
      "Charges (£)",
      "2020/21",
      "2021/22",
      "2022/23",
      "Total",
      "Budget (£)",
      "Budget",
      "Do no harm",
    ]);
    partners.forEach((p) => {
      const lines = budget.value.budgets.lines.filter((l) => l.partner === p.id);
      const expected = lines.some((l) => l.status === "over")
        ? "Over budget"
        : lines.some((l) => l.status === "noBudget")
          ? "No budget"
          : lines.some((l) => l.status === "under")
            ? "Under budget"
            : "Within budget";
      const more = harm.value.byPartner.some((b) => b.partner === p.id);
      expect(verdictsOf(sheet, p.name), p.id).toEqual([
        lines.length === 0 ? "No budgets entered" : expected,
        more ? "Pays more" : "No worse off",
      ]);
      // The breakdown rows hold no verdict.
      expect(rowsOf(sheet, p.name).get("Capital one-off")?.slice(6)).toEqual(["", "", ""]);
      // The budget beside its verdict: the budgets entered, by category and in all.
      const entered = (cat?: string): number =>
        lines.filter((l) => cat === undefined || l.category === cat).reduce((sum, l) => sum + (l.budget ?? 0), 0);
      const rows = rowsOf(sheet, p.name);
      const shown = (label: string): CellValue | undefined => rows.get(label)?.[6];
      if (lines.length === 0) expect(shown("Total")).toBe("");
      else {
        expect(pence(shown("Capital total"))).toBe(entered("capital"));
        expect(pence(shown("Revenue total"))).toBe(entered("revenue"));
        expect(pence(shown("Total"))).toBe(entered());
      }
    });
    // Each verdict column is coloured by its words; the sentences under each block say what the short word means.
    expect(sheet.conditionalFormats).toEqual([expect.objectContaining({ row: COMMITTEE_HEADER_ROW + 1, col: 7, cols: 2, rows: 28 })]);
    const notes = sheet.blocks.filter((b) => b.style === "note").flatMap((b) => b.values.map((v) => String(v[0])));
    expect(notes.filter((n) => / \(\w+\), budget — /.test(n))).toHaveLength(3);
    expect(notes.filter((n) => / \(\w+\), do no harm — /.test(n)).every((n) => n.includes('"Lewisham Homes joins"'))).toBe(true);
    // Printed one page wide, over every column it writes, with the header row repeated on every page.
    expect(sheet.print?.pagesWide).toBe(1);
    expect(sheet.print?.area.cols).toBe(9);
    expect(sheet.print?.titleRows).toEqual({ row: 0, rows: COMMITTEE_HEADER_ROW + 1 });
  });

  it("names the joining partner's verdict in the scenario's own run, and leaves out a verdict whose check was not run", () => {
    const scenario = runScenario(model, joins);
    const harm = doNoHarm(model, joins);
    if (!scenario.ok || !harm.ok) throw new Error("engine failed");
    const sheet = committeeSheet(scenario.value, joins.name, undefined, [harm.value]);
    expect(headers(sheet)).toEqual(["Partner", "Charges (£)", "2020/21", "2021/22", "2022/23", "Total", "Do no harm"]);
    // Lewisham Homes joins as a direct customer: a partner of the run, in id order.
    const partners = scenario.value.result.partners.map((p) => ({ id: p.id, name: p.name }));
    expect(partners.map((p) => p.id)).toEqual(["BRE", "LEW", "LH", "SOU"]);
    checkAddsUp(scenario.value, sheet, partners);
    expect(verdictsOf(sheet, "Lewisham Homes")).toEqual(["Joining"]);
    const bare = committeeSheet(scenario.value, joins.name, undefined, []);
    expect(headers(bare)).toEqual(["Partner", "Charges (£)", "2020/21", "2021/22", "2022/23", "Total"]);
    expect(bare.conditionalFormats).toEqual([]);
  });

  it("gives each partner's do-no-harm verdict for each scenario compared, named, when several add a partner", () => {
    const within = model.scenarios!.find((s) => s.name === "Lewisham Homes within Lewisham")!;
    const many = compareMany(model, [joins, within]);
    const run = runModel(model);
    if (!many.ok || !run.ok) throw new Error("engine failed");
    expect(many.value.doNoHarm.map((h) => h.scenario)).toEqual([joins.name, within.name]);
    const sheet = committeeSheet(run.value, undefined, undefined, many.value.doNoHarm);
    expect(headers(sheet).at(-1)).toBe("Do no harm");
    model.partners.forEach((p) => {
      const words = many.value.doNoHarm.map(
        (h) => `"${h.scenario}": ${h.byPartner.some((b) => b.partner === p.id) ? "Pays more" : "No worse off"}`,
      );
      expect(verdictsOf(sheet, p.name ?? p.id), p.id).toEqual([words.join("; ")]);
    });
  });

  it("shows figures in £000 when shares are rounded to thousands, in whole pounds when to the pound (cells hold pounds)", () => {
    const ekh = EAST_KENT_HOUSING.model;
    for (const [unit, heading, format] of [
      ["thousand", "Charges (£000)", "#,##0,;-#,##0,"],
      ["pound", "Charges (£)", "£#,##0;-£#,##0"],
      ["penny", "Charges (£)", "£#,##0.00;-£#,##0.00"],
    ] as const) {
      const m: ModelInput = { ...ekh, settings: { ...ekh.settings, unit } };
      const run = runModel(m);
      if (!run.ok) throw new Error(JSON.stringify(run.errors));
      const sheet = committeeSheet(run.value, undefined, undefined, []);
      expect(headers(sheet)[1]).toBe(heading);
      const body = sheet.blocks.find((b) => b.row === COMMITTEE_HEADER_ROW + 1);
      expect(body?.formats?.[2]).toBe(format);
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
