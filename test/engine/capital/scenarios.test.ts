import { describe, expect, it } from "vitest";
import { applyScenario, checkModelBudgets, errorMessage, type ModelInput, type Result, type ScenarioChange } from "../../../src/engine";
import { rowToChange, scenariosToRows } from "../../../src/excel/layout/scenario-rows";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

const BASE: ModelInput = {
  partners: [{ id: "A", host: true }, { id: "B" }],
  costLines: [
    {
      ref: "NET",
      category: "capital",
      nature: "one-off",
      amount: 100_000,
      start: "2024-06-01",
      basis: "equal",
      financing: "borrowing",
      assetLife: 4,
      mrpMethod: "annuity",
      interestRate: 5,
    },
  ],
  settings: { firstYear: "2024/25", lastYear: "2025/26" },
};

function run(changes: ScenarioChange[]) {
  const applied = unwrap(applyScenario(BASE, { name: "S", changes }));
  return { applied, report: unwrap(checkModelBudgets(applied)) };
}

describe("scenarios that switch a line's category or financing", () => {
  it("setFinancing to grant drops MRP, interest and the borrowing-only fields", () => {
    const { applied, report } = run([{ kind: "setFinancing", line: "NET", financing: "grant" }]);
    expect(applied.costLines[0]).toMatchObject({ financing: "grant", assetLife: 4 });
    expect(applied.costLines[0]).not.toHaveProperty("interestRate");
    expect(applied.costLines[0]).not.toHaveProperty("mrpMethod");
    expect(report.capital?.lines[0]).toMatchObject({ ref: "NET", financing: "grant" });
    expect(report.capital?.lines[0]?.schedule).toBeUndefined();
    expect(report.capital?.partners).toEqual([]);
  });

  it("setFinancing to equal instalments over 2 years re-schedules: £50,000 a year, £25,000 each", () => {
    const { report } = run([{ kind: "setFinancing", line: "NET", financing: "borrowing", assetLife: 2, mrpMethod: "equal instalments" }]);
    const s = report.capital?.lines[0]?.schedule;
    expect(s?.years.map((y) => [y.year, y.mrp, y.interest])).toEqual([
      [2025, 5_000_000, 500_000],
      [2026, 5_000_000, 250_000],
    ]);
    expect(s?.partners.map((p) => p.mrp)).toEqual([
      [2_500_000, 2_500_000],
      [2_500_000, 2_500_000],
    ]);
  });

  it("setCategory to revenue makes the line a revenue charge with no financing (no error for the dropped fields)", () => {
    const { applied, report } = run([{ kind: "setCategory", line: "NET", category: "revenue" }]);
    expect(applied.costLines[0]).not.toHaveProperty("financing");
    expect(report.capital).toBeUndefined();
    expect(report.run.rows.every((r) => r.category === "revenue")).toBe(true);
  });

  it("an option against a line the scenario takes out of borrowing is not appraised in that scenario; the base keeps it", () => {
    const withOption: ModelInput = { ...BASE, capitalOptions: [{ name: "Cloud", line: "NET", subscription: 30_000 }] };
    expect(unwrap(checkModelBudgets(withOption)).capital?.options.map((o) => o.name)).toEqual(["Cloud"]);
    for (const change of [
      { kind: "setAmount", line: "NET", amount: 0 },
      { kind: "removeLine", line: "NET" },
      { kind: "setCategory", line: "NET", category: "revenue" },
      { kind: "setFinancing", line: "NET", financing: "grant" },
    ] as ScenarioChange[]) {
      const applied = unwrap(applyScenario(withOption, { name: "S", changes: [change] }));
      expect(applied.capitalOptions).toEqual([]);
      expect(unwrap(checkModelBudgets(applied)).capital?.options ?? []).toEqual([]);
    }
    // A change that leaves borrowed capital to compare keeps the option.
    const bigger = unwrap(applyScenario(withOption, { name: "S", changes: [{ kind: "setAmount", line: "NET", amount: 200_000 }] }));
    expect(bigger.capitalOptions?.map((o) => o.name)).toEqual(["Cloud"]);
  });

  it("refuses an unknown line or financing, at the scenario's change", () => {
    const r = applyScenario(BASE, { name: "S", changes: [{ kind: "setFinancing", line: "NET", financing: "loan" }] });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      expect.stringMatching(/^Scenario "S", change 1 \(setFinancing\): financing: "loan" is not one of/),
    ]);
    const u = applyScenario(BASE, { name: "S", changes: [{ kind: "setCategory", line: "NOPE", category: "revenue" }] });
    expect(u.ok ? [] : u.errors.map(errorMessage)).toEqual([
      'Scenario "S", change 1 (setCategory): line: cost line "NOPE" is not in the model.',
    ]);
  });

  it("round-trips through the Scenarios table's rows", () => {
    const changes: ScenarioChange[] = [
      { kind: "setCategory", line: "NET", category: "revenue" },
      {
        kind: "setFinancing",
        line: "NET",
        financing: "borrowing",
        assetLife: 5,
        mrpMethod: "annuity",
        interestRate: 4.5,
        inUseFrom: "2024-09-01",
      },
    ];
    const rows = scenariosToRows([{ name: "S", changes }]);
    expect(rows.map((r) => [r.change, r.line, r.details])).toEqual([
      ["setCategory", "NET", "category=revenue"],
      ["setFinancing", "NET", "financing=borrowing; assetLife=5; inUseFrom=2024-09-01; mrpMethod=annuity; interestRate=4.5"],
    ]);
    expect(rows.map((r) => rowToChange(r))).toEqual(changes.map((change) => ({ ok: true, change })));
  });
});
