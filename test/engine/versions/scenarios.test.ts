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

describe("setVersion of a driver or a mix (docs/versions.md)", () => {
  // £36,500 a year by days (£100 a day) in 2022/23: 185 days to 2 October 2022, 180 days from 3 October.
  const MIXED: ModelInput = {
    ...BASE,
    bases: [...(BASE.bases ?? []), { id: "M", kind: "mix", components: [{ source: "driver:users", weight: 100 }] }],
    costLines: [
      { ref: "U-1", category: "revenue", nature: "ongoing", amount: 36_500, start: "2022-04-01", basis: "users" },
      { ref: "M-1", category: "revenue", nature: "ongoing", amount: 36_500, start: "2022-04-01", basis: "M" },
    ],
    trueUp: undefined,
  };
  const run = (changes: ScenarioChange[], ref: string): Record<string, number> => {
    const r = unwrap(runScenario(MIXED, { name: "S", changes }));
    return Object.fromEntries(r.rows.filter((x) => x.lineRef === ref).map((x) => [x.partner, x.amount]));
  };

  it("a driver's values from a date: users 400 : 600 to 3 October, 600 : 400 from then", () => {
    expect(run([], "U-1")).toEqual({ A: 1_460_000, B: 2_190_000 });
    const change: ScenarioChange = {
      kind: "setVersion",
      basis: "driver:users",
      validFrom: "2022-10-03",
      percentages: {},
      values: { A: 600, B: 400 },
    };
    // A: 185 days × £100 × 40% + 180 days × £100 × 60% = £7,400 + £10,800; B: £11,100 + £7,200.
    expect(run([change], "U-1")).toEqual({ A: 1_820_000, B: 1_830_000 });
  });

  it("a mix's weights from a date: all by users, then all equal shares", () => {
    const change: ScenarioChange = { kind: "setVersion", basis: "M", validFrom: "2022-10-03", percentages: {}, weights: { equal: 100 } };
    // A: £7,400 + 180 days × £100 × 50% = £16,400; B: £11,100 + £9,000 = £20,100.
    expect(run([change], "M-1")).toEqual({ A: 1_640_000, B: 2_010_000 });
  });

  it("figures of the wrong kind for the target are refused at the change's Details", () => {
    const r = runScenario(MIXED, {
      name: "S",
      changes: [{ kind: "setVersion", basis: "users", validFrom: "2022-10-03", percentages: { A: 50, B: 50 } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.kind, e.at.field])).toEqual([["shapeMismatch", "change 1 (setVersion): details"]]);
  });

  it("weights and values are written to the Scenarios table and read back the same", () => {
    const changes: ScenarioChange[] = [
      { kind: "setVersion", basis: "M", validFrom: "2022-10-03", percentages: {}, weights: { equal: "100" } },
      { kind: "setVersion", basis: "driver:users", validFrom: "2022-10-03", percentages: {}, values: { A: "600", B: "400" } },
    ];
    const back = scenariosToRows([{ name: "S", changes }])
      .map((r) => rowToChange(r))
      .flatMap((r) => (r.ok && r.change !== undefined ? [r.change] : []));
    expect(back.map((c) => (c.kind === "setVersion" ? [c.basis, c.percentages, c.weights, c.values] : []))).toEqual([
      ["M", {}, { equal: "100" }, undefined],
      ["driver:users", {}, undefined, { A: "600", B: "400" }],
    ]);
  });
});
