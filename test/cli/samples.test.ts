import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runModel, runScenario, type ModelRun } from "../../src/engine";
import { SAMPLES } from "../../src/samples";
import { ALLOCATION_CHECK_HEADER, ALLOCATION_HEADER_ROW, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { cli, pence, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** The engine's own run of a sample, straight from its model (not through any workbook). */
function engineRun(model: (typeof SAMPLES)[number]["model"], scenario?: string): ModelRun {
  const s = scenario === undefined ? undefined : model.scenarios?.find((x) => x.name === scenario);
  const r = s === undefined ? runModel(model) : runScenario(model, s);
  if (!r.ok) throw new Error("engine failed on a sample");
  return r.value;
}

/**
 * Charges from the Allocations sheet read back from the file: partner → pence. One row per line-year under a
 * names row and the header row; a column per partner, headed "<id> (£)", between the fixed columns and the check.
 */
function allocationTotals(rows: unknown[][]): { total: number; byPartner: Map<string, number>; count: number } {
  const header = (rows[ALLOCATION_HEADER_ROW] ?? []).map(String);
  const body = rows.slice(ALLOCATION_HEADER_ROW + 1);
  const partnerCols = header
    .map((h, i) => [h, i] as const)
    .filter(([h, i]) => i >= ALLOCATION_HEADERS.length && h !== ALLOCATION_CHECK_HEADER);
  const byPartner = new Map<string, number>();
  let total = 0;
  let count = 0;
  for (const r of body) {
    let sum = 0;
    for (const [h, i] of partnerCols) {
      if (r[i] === undefined || r[i] === null || r[i] === "") continue;
      const p = pence(r[i]);
      sum += p;
      count++;
      const id = h.slice(0, -" (£)".length);
      byPartner.set(id, (byPartner.get(id) ?? 0) + p);
    }
    // Each row balances: the partners' charges add up to the line amount, and the check says 0.
    if (sum !== pence(r[header.indexOf("Line amount (£)")]) || pence(r[header.indexOf(ALLOCATION_CHECK_HEADER)]) !== 0)
      throw new Error(`row ${String(r[0])} ${String(r[6])} does not balance`);
    total += sum;
  }
  return { total, byPartner, count };
}

function engineTotals(run: ModelRun): { total: number; byPartner: Map<string, number> } {
  const byPartner = new Map<string, number>();
  for (const r of run.rows) byPartner.set(r.partner, (byPartner.get(r.partner) ?? 0) + r.amount);
  return { total: run.rows.reduce((a, r) => a + r.amount, 0), byPartner };
}

describe.each(SAMPLES.map((s) => [s.id, s] as const))("sample %s", (id, sample) => {
  it("writes the sample, runs it, and the sheets read back balance to the penny", async () => {
    const file = t.file(`${id}.xlsx`);
    const made = await cli(["--sample", id, file]);
    expect(made.code, made.stderr).toBe(0);

    const ran = await cli([file]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain("Balancing check: balanced");

    const wb = await readBack(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Partners",
        "Costs",
        "Settings",
        "Summary",
        "Allocations",
        "Budget check",
        "Scenario comparison",
        "Trace",
        "Charts",
      ]),
    );

    const run = engineRun(sample.model);
    const expected = engineTotals(run);
    const alloc = allocationTotals(sheetRows(wb.getWorksheet("Allocations")!));
    expect(alloc.count).toBe(run.rows.length);
    expect(alloc.total).toBe(expected.total);
    expect(alloc.total).toBe(run.result.balance.totalIn);
    expect(alloc.byPartner).toEqual(expected.byPartner);

    // The Summary's grand total (All partners, All years, Total) is the same figure.
    const summary = sheetRows(wb.getWorksheet("Summary")!);
    const grand = summary.find((r) => r[0] === "All partners" && r[2] === "All years");
    expect(grand).toBeDefined();
    expect(pence(grand?.[9])).toBe(expected.total);
  });

  it("reports the same totals as JSON, money as exact strings", async () => {
    const file = t.file(`${id}.xlsx`);
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      ok: boolean;
      balance: { balanced: boolean; charged: string };
      partners: { partner: string; total: string }[];
      written: unknown;
    };
    expect(json.ok).toBe(true);
    expect(json.written).toBeNull();
    const expected = engineTotals(engineRun(sample.model));
    expect(json.balance.balanced).toBe(true);
    expect(json.balance.charged).toBe((expected.total / 100).toFixed(2));
    for (const p of json.partners) expect(p.total).toBe(((expected.byPartner.get(p.partner) ?? 0) / 100).toFixed(2));
  });
});

describe("scenarios", () => {
  it('runs "Lewisham Homes joins" with --scenario and writes the comparison and do-no-harm check', async () => {
    const sample = SAMPLES.find((s) => s.id === "brent-lewisham-southwark")!;
    const file = t.file("bls-scenario.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const out = t.file("bls-scenario-out.xlsx");
    const r = await cli([file, "--scenario", "Lewisham Homes joins", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('scenario "Lewisham Homes joins"');
    expect(r.stdout).toMatch(/Do no harm \("Lewisham Homes joins"\): passed/);
    const wb = await readBack(out);
    const run = engineRun(sample.model, "Lewisham Homes joins");
    const alloc = allocationTotals(sheetRows(wb.getWorksheet("Allocations")!));
    expect(alloc.total).toBe(engineTotals(run).total);
    expect(alloc.byPartner.get("LH")).toBe(engineTotals(run).byPartner.get("LH"));
    expect(alloc.byPartner.get("LH")).toBeGreaterThan(0);
    const comparison = sheetRows(wb.getWorksheet("Scenario comparison")!).flat().map(String);
    expect(comparison.some((c) => c.includes("Lewisham Homes joins"))).toBe(true);
  });

  it("names the scenarios there are when asked for one that is not there", async () => {
    const file = t.file("bls-missing.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    const r = await cli([file, "--scenario", "Nobody joins", "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there is no scenario named "Nobody joins"');
    expect(r.stderr).toContain('"Lewisham Homes joins"');
  });
});
