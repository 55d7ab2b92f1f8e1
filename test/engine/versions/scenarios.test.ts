import { describe, expect, it } from "vitest";
import { runScenario, type ModelInput, type ScenarioChange } from "../../../src/engine";
import { rowToChange, scenariosToRows } from "../../../src/excel/layout/scenario-rows";
import { unwrap } from "../scenarios/model-arbitrary";

/** Scenarios can re-base a basis from a date and change the true-up tolerance (issue 33; docs/versions.md). */

const BASE: ModelInput = {
  partners: [{ id: "A", host: true }, { id: "B" }],
  drivers: [
    {
      id: "users",
      values: [
        { partner: "A", value: 400 },
        { partner: "B", value: 600 },
        { partner: "A", year: "2022/23", value: 440, status: "Actual" },
        { partner: "B", year: "2022/23", value: 560, status: "Actual" },
      ],
    },
  ],
  bases: [
    {
      id: "HR",
      kind: "percentages",
      shares: [
        { partner: "A", percent: 74 },
        { partner: "B", percent: 26 },
      ],
    },
  ],
  costLines: [
    { ref: "HR-1", category: "revenue", nature: "ongoing", amount: 250_000, start: "2022-04-01", basis: "HR" },
    { ref: "ICT-1", category: "revenue", nature: "ongoing", amount: 100_000, start: "2022-04-01", basis: "users" },
  ],
  settings: { firstYear: "2022/23", lastYear: "2022/23" },
  trueUp: { tolerance: { points: 3 } },
};

function charged(changes: ScenarioChange[], ref: string): Record<string, number> {
  const run = unwrap(runScenario(BASE, { name: "S", changes }));
  const out: Record<string, number> = {};
  for (const r of run.rows) if (r.lineRef === ref) out[r.partner] = r.amount;
  return out;
}

describe("scenario changes for versions and the true-up", () => {
  it("setVersion re-bases HR to 82% / 18% from 3 October 2022: the example's figures by days", () => {
    expect(charged([], "HR-1")).toEqual({ A: 18_500_000, B: 6_500_000 });
    const change: ScenarioChange = { kind: "setVersion", basis: "HR", validFrom: "2022-10-03", percentages: { A: 82, B: 18 } };
    // As worked in versions.test.ts: £194,863.01 and £55,136.99.
    expect(charged([change], "HR-1")).toEqual({ A: 19_486_301, B: 5_513_699 });
  });

  it("setTrueUpTolerance: 4 points of movement is beyond 3 but within 5", () => {
    const beyond = unwrap(runScenario(BASE, { name: "S", changes: [] }));
    expect(beyond.trueUp?.lines[0]?.trued).toBe(true);
    const within = unwrap(runScenario(BASE, { name: "S", changes: [{ kind: "setTrueUpTolerance", points: 5 }] }));
    expect(within.trueUp?.lines[0]?.trued).toBe(false);
    expect(within.trueUp?.lines[0]?.verdict).toBe("Within tolerance (5 percentage points): no adjustment");
  });

  it("a version of a basis the model does not have is refused, naming the scenario's change", () => {
    const r = runScenario(BASE, {
      name: "S",
      changes: [{ kind: "setVersion", basis: "XX", validFrom: "2022-10-03", percentages: { A: 100 } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.at.field).toBe("change 1 (setVersion): basis");
  });

  it("both changes are written to the Scenarios table and read back the same", () => {
    const changes: ScenarioChange[] = [
      { kind: "setVersion", basis: "HR", validFrom: "2022-10-03", percentages: { A: "82", B: "18" } },
      { kind: "setTrueUpTolerance", basis: "users", points: "5", timing: "next year" },
    ];
    const rows = scenariosToRows([{ name: "S", changes }]);
    const back = rows.map((r) => rowToChange(r)).flatMap((r) => (r.ok && r.change !== undefined ? [r.change] : []));
    expect(back).toEqual([
      { kind: "setVersion", basis: "HR", validFrom: expect.anything() as unknown, percentages: { A: "82", B: "18" } },
      { kind: "setTrueUpTolerance", basis: "users", points: "5", timing: "next year" },
    ]);
  });
});
