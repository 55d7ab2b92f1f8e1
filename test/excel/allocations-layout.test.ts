import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runModel, runScenario } from "../../src/engine";
import { ALLOCATION_CHECK_HEADER, ALLOCATION_HEADERS, allocationsSheet } from "../../src/excel/layout/outputs/allocations";
import { traceSheet } from "../../src/excel/layout/outputs/trace";
import { BRENT_LEWISHAM_SOUTHWARK, syntheticModel } from "../../src/samples";

const pence = (v: unknown): number => Math.round(Number(v) * 100);

/**
 * Every row of an Allocations sheet: partner cells add up to the line amount, the check is 0, and each column totals the engine's charges.
 */
function checkSheet(run: Parameters<typeof allocationsSheet>[0]): void {
  const sheet = allocationsSheet(run);
  const headers = (sheet.blocks[1]?.values[0] ?? []).map(String);
  const body = sheet.blocks[2]?.values ?? [];
  const first = ALLOCATION_HEADERS.length;
  const check = headers.indexOf(ALLOCATION_CHECK_HEADER);
  expect(check).toBe(headers.length - 1);
  const totals = new Map<string, number>();
  body.forEach((row, k) => {
    const ly = run.result.lineYears[k];
    let sum = 0;
    for (let c = first; c < check; c++) {
      const v = row[c];
      const partner = headers[c]?.slice(0, -" (£)".length) ?? "";
      if (v === "") continue;
      sum += pence(v);
      totals.set(partner, (totals.get(partner) ?? 0) + pence(v));
    }
    expect(sum).toBe(ly?.profile.amount);
    expect(pence(row[first - 1])).toBe(ly?.profile.amount);
    expect(row[check]).toBe(0);
    // A partner that does not share the line has an empty cell; every sharer has a number.
    (ly?.partners ?? []).forEach((p, i) =>
      expect(typeof row[headers.indexOf(`${p} (£)`)]).toBe(ly?.membership?.[i] === "0" ? "string" : "number"),
    );
  });
  const engine = new Map<string, number>();
  for (const r of run.rows) engine.set(r.partner, (engine.get(r.partner) ?? 0) + r.amount);
  for (const [p, amount] of engine) expect(totals.get(p) ?? 0, p).toBe(amount);
}

describe("Allocations: one row per line-year, a column per partner", () => {
  it("balances every row to the penny and totals each partner's charges exactly (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (lines, partners, years, seed) => {
          const run = runModel(syntheticModel(lines, { partners, years, seed }));
          if (!run.ok) return;
          checkSheet(run.value);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("puts a partner within another in its own column, with the parent keeping the rest, and still balances", () => {
    const scenario = BRENT_LEWISHAM_SOUTHWARK.model.scenarios?.find((s) => s.name === "Lewisham Homes within Lewisham");
    const run = scenario === undefined ? undefined : runScenario(BRENT_LEWISHAM_SOUTHWARK.model, scenario);
    if (run === undefined || !run.ok) throw new Error("scenario run");
    expect(run.value.within.length).toBeGreaterThan(0);
    checkSheet(run.value);
  });
});

describe("a partner that joins part-way through", () => {
  // P03 joins on 1 January 2023: nothing in 2021/22 and 2022/23 until then, a part year in 2022/23, then in full.
  const base = syntheticModel(12, { partners: 3, years: 3, ongoingEvery: 1, seed: 3 });
  const model = { ...base, partners: base.partners.map((p) => (p.id === "P03" ? { ...p, joins: "2023-01-01" } : p)) };
  const run = runModel(model);
  if (!run.ok) throw new Error(JSON.stringify(run.errors));

  it("has an empty Allocations cell in a year it was not a member, a charge once it is, and every row still balances", () => {
    checkSheet(run.value);
    const sheet = allocationsSheet(run.value);
    const headers = (sheet.blocks[1]?.values[0] ?? []).map(String);
    const col = headers.indexOf("P03 (£)");
    const body = sheet.blocks[2]?.values ?? [];
    const year = headers.indexOf("Year");
    const first = body.filter((r) => r[year] === "2021/22");
    const last = body.filter((r) => r[year] === "2023/24");
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => r[col] === "")).toBe(true);
    expect(last.some((r) => typeof r[col] === "number" && r[col] !== 0)).toBe(true);
  });

  it("says on the Trace which partner was a member for part of the year", () => {
    const trace = traceSheet(run.value);
    const headers = (trace.blocks[1]?.values[0] ?? []).map(String);
    const col = headers.indexOf("Membership");
    const rows = trace.blocks[2]?.values ?? [];
    const partYear = rows.filter((r) => r[1] === "2022/23").map((r) => String(r[col]));
    // By the partner's name, not its code.
    expect(partYear.some((m) => /^Partner council 3 \d+\/\d+$/.test(m))).toBe(true);
    expect(rows.filter((r) => r[1] === "2023/24").every((r) => r[col] === "")).toBe(true);
  });
});
