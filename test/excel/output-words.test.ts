import { describe, expect, it } from "vitest";
import { checkModelBudgets, runModel, runScenario } from "../../src/engine";
import type { CellValue, SheetSpec } from "../../src/excel";
import { allocationsSheet } from "../../src/excel/layout/outputs/allocations";
import { budgetCheckSheet } from "../../src/excel/layout/outputs/budget-check";
import { traceSheet } from "../../src/excel/layout/outputs/trace";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_SERVICES, SAMPLES } from "../../src/samples";
import { MONEY_FORMAT } from "../../src/excel/layout/names";
import { chargeFormat, WHOLE_POUNDS_FORMAT } from "../../src/excel/layout/outputs/common";

/** The table of a sheet whose header row starts with `first`: its headers and body rows. */
function table(sheet: SheetSpec, first: string): { headers: string[]; rows: readonly (readonly CellValue[])[] } {
  const header = sheet.blocks.find((b) => b.values.length === 1 && b.values[0]?.[0] === first && b.values[0].length > 3);
  if (header === undefined) throw new Error(`no table headed ${first} on ${sheet.name}`);
  const body = sheet.blocks.find((b) => b.row === header.row + 1 && b.col === header.col);
  return { headers: (header.values[0] ?? []).map(String), rows: body?.values ?? [] };
}

const model = BRENT_LEWISHAM_SOUTHWARK.model;
// The words a reader expects for each basis code in this sample, from its own lists (drivers, bases and partners).
const EXPECTED: Record<string, string> = {
  equal: "Equal shares",
  "driver:users": "User accounts (driver, illustrative)",
  IAA: "Inter-authority agreement shares",
  "direct:SOU": "Direct charge to London Borough of Southwark",
  usersTickets: "50% User accounts (driver, illustrative) + 50% Service desk tickets (driver, illustrative)",
};

describe("Allocations, Trace and Budget check in words, with codes in their own columns", () => {
  const budget = checkModelBudgets(model);
  if (!budget.ok) throw new Error("budget check");
  const run = budget.value.run;

  it("gives each line's basis in words on Allocations, its code beside it, and capital/revenue, one-off/ongoing in words", () => {
    const { headers, rows } = table(allocationsSheet(run), "Ref");
    const [basis, code, category, nature] = ["Basis", "Basis code", "Category", "Nature"].map((h) => headers.indexOf(h));
    expect(rows).toHaveLength(run.result.lineYears.length);
    const seen = new Set<string>();
    rows.forEach((r, k) => {
      const ly = run.result.lineYears[k]!;
      expect(r[code!]).toBe(ly.basis);
      expect(r[basis!]).toBe(EXPECTED[ly.basis]);
      expect(r[category!]).toBe(ly.category === "capital" ? "Capital" : "Revenue");
      expect(r[nature!]).toBe(ly.nature === "one-off" ? "One-off" : "Ongoing");
      seen.add(ly.basis);
    });
    // Every kind of basis the sample uses was checked.
    expect([...seen].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("gives the basis in words on Trace too, and names a partner within another by name", () => {
    const within = model.scenarios?.find((s) => s.name === "Lewisham Homes within Lewisham");
    const r = within === undefined ? undefined : runScenario(model, within);
    if (r === undefined || !r.ok) throw new Error("scenario run");
    const { headers, rows } = table(traceSheet(r.value), "Ref");
    const [basis, code, notes] = ["Basis", "Basis code", "Notes"].map((h) => headers.indexOf(h));
    const lineRows = rows.filter((row) => !String(row[code!]).startsWith("within:"));
    expect(lineRows.length).toBe(r.value.result.lineYears.length);
    for (const row of lineRows) expect(row[basis!]).toBe(EXPECTED[String(row[code!])] ?? expect.any(String));
    const splits = rows.filter((row) => row[code!] === "within:LEW");
    expect(splits.length).toBe(r.value.within.length);
    for (const row of splits) {
      expect(row[basis!]).toBe("Divided within London Borough of Lewisham's share");
      expect(String(row[notes!])).toContain("Lewisham Homes ");
      expect(String(row[notes!])).not.toMatch(/\bLH\b/);
    }
  });

  it("names each partner on Budget check beside its code, and gives the variance % as a number", () => {
    const sheet = budgetCheckSheet(run, budget.value, undefined);
    const { headers, rows } = table(sheet, "Partner");
    expect(headers.slice(0, 3)).toEqual(["Partner", "Name", "Year"]);
    const lines = budget.value.budgets.lines;
    expect(rows).toHaveLength(lines.length);
    const names = new Map(model.partners.map((p) => [p.id, p.name]));
    rows.forEach((r, k) => {
      const l = lines[k]!;
      expect([r[0], r[1]]).toEqual([l.partner, names.get(l.partner)]);
      expect(r[headers.indexOf("Category")]).toBe(l.category === "capital" ? "Capital" : "Revenue");
      const pct = r[headers.indexOf("Variance %")];
      if (l.percentText === undefined) expect(pct).toBe("");
      else expect(pct).toBe(Number(l.percentText));
    });
    // The status colours still sit on the Status column.
    expect(sheet.conditionalFormats[0]?.col).toBe(headers.indexOf("Status"));
  });

  it("gives a support service's cost in the engine's words (the service and the method), never as a percentages basis", () => {
    const r = runModel(EAST_KENT_SERVICES.model);
    if (!r.ok) throw new Error("run");
    const { headers, rows } = table(allocationsSheet(r.value), "Ref");
    const support = rows.filter((row) => String(row[headers.indexOf("Basis code")]).startsWith("support:"));
    expect(support.length).toBeGreaterThan(0);
    for (const row of support) {
      expect(String(row[headers.indexOf("Basis")])).toMatch(/\(support service, (direct|step-down|reciprocal) method\)$/);
      expect(String(row[headers.indexOf("Basis")])).not.toMatch(/^Percentages/);
    }
  });
});

describe("figures formatted to the model's unit", () => {
  it("shows whole pounds when shares are rounded to the pound or £000 (every figure then whole), pence otherwise", () => {
    const checked = new Set<string>();
    for (const sample of SAMPLES)
      for (const [unit, want] of [
        ["penny", MONEY_FORMAT],
        ["pound", WHOLE_POUNDS_FORMAT],
        ["thousand", WHOLE_POUNDS_FORMAT],
      ] as const) {
        const r = runModel({ ...sample.model, settings: { ...sample.model.settings, unit } });
        if (!r.ok) continue; // A sample whose amounts are not whole multiples of the unit is refused by the engine.
        checked.add(unit);
        const sheet = allocationsSheet(r.value);
        const { headers, rows } = table(sheet, "Ref");
        const money = headers.map((_, i) => i).filter((i) => i >= headers.indexOf("Line amount (£)"));
        const body = sheet.blocks.find((b) => b.row === 2);
        for (const c of money) expect(body?.formats?.[c], `${sample.id} ${unit}`).toBe(want);
        // Nothing is hidden by the format: every figure shown in whole pounds is a whole number of pounds.
        if (want === WHOLE_POUNDS_FORMAT)
          for (const row of rows) for (const c of money) if (typeof row[c] === "number") expect(Number.isInteger(row[c])).toBe(true);
      }
    expect([...checked].sort()).toEqual(["penny", "pound", "thousand"]);
  });

  it("keeps pence showing when any figure has them, whatever the unit", () => {
    expect(chargeFormat(100, [[1, 2.5]], [0, 1])).toBe(MONEY_FORMAT);
    expect(chargeFormat(100, [[1, 2]], [0, 1])).toBe(WHOLE_POUNDS_FORMAT);
    expect(chargeFormat(1, [[1, 2]], [0, 1])).toBe(MONEY_FORMAT);
  });
});
