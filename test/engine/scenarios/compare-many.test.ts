import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMany, doNoHarm, errorMessage, runModel, runScenario, scenarioNameList, type ScenarioInput } from "../../../src/engine";
import { manyComparisonHeaders, manyComparisonSheet } from "../../../src/excel/layout/outputs/comparison";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../../src/samples";
import { modelArb, unwrap } from "./model-arbitrary";

const base = BRENT_LEWISHAM_SOUTHWARK.model;
const scenarios = base.scenarios ?? [];

describe("comparing the base with any number of scenarios", () => {
  it("puts the base and all three sample scenarios side by side, with do no harm for each one that adds a partner", () => {
    const many = unwrap(compareMany(base, scenarios));
    expect(many.names).toEqual(["Base", "Lewisham Homes joins", "Lewisham Homes within Lewisham", "Core service by users only"]);
    const runs = [unwrap(runModel(base)), ...scenarios.map((s) => unwrap(runScenario(base, s)))];
    runs.forEach((run, k) => {
      for (const t of run.totals) {
        const row = many.rows.find((r) => r.partner === t.partner && r.year === t.year && r.category === t.category);
        expect(row?.amounts[k]).toBe(t.amount);
      }
      // Every run's whole charge is in its column, and nothing else.
      expect(many.rows.reduce((s, r) => s + (r.amounts[k] ?? 0), 0)).toBe(run.totals.reduce((s, t) => s + t.amount, 0));
    });
    for (const r of many.rows) expect(r.differences).toEqual(r.amounts.slice(1).map((a) => a - (r.amounts[0] ?? 0)));
    // Lewisham Homes joins on 1 April 2021: in 2020/21 nobody's charge moves and LH pays nothing
    // (its 2020/21 rows come only from "within Lewisham", where it shares Lewisham's membership).
    expect(many.rows.filter((r) => r.yearLabel === "2020/21").every((r) => r.differences[0] === 0)).toBe(true);
    expect(many.rows.filter((r) => r.partner === "LH" && r.yearLabel === "2020/21").every((r) => r.amounts[1] === 0)).toBe(true);
    expect(many.rows.filter((r) => r.partner === "LH" && r.yearLabel === "2021/22").every((r) => (r.amounts[1] ?? 0) > 0)).toBe(true);
    // Do no harm for the two scenarios that add Lewisham Homes, the same verdicts as checking each alone.
    expect(many.doNoHarm.map((h) => h.scenario)).toEqual(["Lewisham Homes joins", "Lewisham Homes within Lewisham"]);
    expect(many.doNoHarm).toEqual(scenarios.slice(0, 2).map((s) => unwrap(doNoHarm(base, s))));
    // Judged on the years Lewisham Homes is a member: from 1 April 2021 when it joins directly,
    // every year when it sits within Lewisham (it has Lewisham's membership).
    expect(many.doNoHarm.map((h) => [h.passed, h.memberYears])).toEqual([
      [true, ["2021/22", "2022/23"]],
      [true, ["2020/21", "2021/22", "2022/23"]],
    ]);
  });

  it("compares a scenario named twice once, and reports every broken scenario's problems together", () => {
    const twice = unwrap(compareMany(base, [scenarios[2] as ScenarioInput, scenarios[2] as ScenarioInput]));
    expect(twice.names).toEqual(["Base", "Core service by users only"]);
    const broken: ScenarioInput[] = [
      { name: "Bad line", changes: [{ kind: "setAmount", line: "NOPE", amount: 1 }] },
      { name: "Bad partner", changes: [{ kind: "removePartner", partner: "XYZ" }] },
    ];
    const r = compareMany(base, broken);
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.errors.map(errorMessage);
    expect(messages.some((m) => m.includes("NOPE"))).toBe(true);
    expect(messages.some((m) => m.includes("XYZ"))).toBe(true);
  });

  it("reads a Settings cell's list of scenario names: comma-separated or repeated, each once, a known name with a comma whole", () => {
    expect(scenarioNameList(["A, B", " C ,A", ""])).toEqual(["A", "B", "C"]);
    expect(scenarioNameList(["Users, not tickets", "A"], ["Users, not tickets"])).toEqual(["Users, not tickets", "A"]);
  });

  it("lays out the Scenario comparison sheet for N runs: a column per run, then each scenario's difference and %", () => {
    const many = unwrap(compareMany(base, scenarios));
    expect(manyComparisonHeaders(["Base", "A", "B"])).toEqual([
      "Name",
      "Partner",
      "Year",
      "Category",
      "Base (£)",
      "A (£)",
      "B (£)",
      "A − Base (£)",
      "A − Base %",
      "B − Base (£)",
      "B − Base %",
    ]);
    const sheet = manyComparisonSheet(unwrap(runModel(base)), many, undefined);
    const table = sheet.tables[0];
    expect(table).toBeDefined();
    const header = sheet.blocks.find((b) => b.values[0]?.[0] === "Name" && b.values[0]?.length === 4 + 4 + 3 * 2);
    expect(header?.values[0]).toEqual(manyComparisonHeaders(many.names));
    const body = sheet.blocks[sheet.blocks.indexOf(header as (typeof sheet.blocks)[number]) + 1];
    expect(body?.values).toHaveLength(many.rows.length);
    // One verdict line per scenario that adds a partner.
    const verdicts = sheet.blocks.filter((b) => typeof b.values[0]?.[0] === "string" && String(b.values[0]?.[0]).startsWith("Do no harm"));
    expect(verdicts).toHaveLength(2);
  });

  it("property: each run's column holds exactly its charges, and differences are exactly against the base", () => {
    fc.assert(
      fc.property(modelArb(), fc.array(fc.integer({ min: -50, max: 200 }), { minLength: 1, maxLength: 4 }), (m, uplifts) => {
        const ss: ScenarioInput[] = uplifts.map((u, i) => ({ name: `Uplift ${i} (${u}%)`, changes: [{ kind: "uplift", percent: u }] }));
        const many = unwrap(compareMany(m, ss));
        expect(many.names).toHaveLength(1 + ss.length);
        const runs = [unwrap(runModel(m)), ...ss.map((s) => unwrap(runScenario(m, s)))];
        runs.forEach((run, k) =>
          expect(many.rows.reduce((s, r) => s + (r.amounts[k] ?? 0), 0)).toBe(run.totals.reduce((s, t) => s + t.amount, 0)),
        );
        for (const r of many.rows) expect(r.differences).toEqual(r.amounts.slice(1).map((a) => a - (r.amounts[0] ?? 0)));
        expect(many.doNoHarm).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
