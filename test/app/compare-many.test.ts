import { describe, expect, it } from "vitest";
import { ENGINE, openModel, planRun, runPlanned, runWorkbook, type EngineApi } from "../../src/app";
import { compareMany, type ModelInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { cli, tempDir } from "../cli/helpers";
import { memoryHarness } from "../support/port-harness";

const SAMPLE = BRENT_LEWISHAM_SOUTHWARK;
const NAMES = (SAMPLE.model.scenarios ?? []).map((s) => s.name);

async function blsPort(compareSecond: string, compareFirst = "") {
  const h = memoryHarness();
  expect((await h.port.createModel(SAMPLE.model, { notes: SAMPLE.notes })).ok).toBe(true);
  expect((await h.port.writeRunSettings({ scenario: "", compareFirst, compareSecond })).ok).toBe(true);
  return h;
}

describe("comparing more than two", () => {
  it("a Settings comparison listing several scenarios puts them side by side with the base, as the engine's compareMany does", async () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(3);
    const h = await blsPort(NAMES.join(", "));
    const run = await runWorkbook(h.port);
    if (!run.ok) throw new Error(JSON.stringify(run));
    const expected = compareMany(SAMPLE.model, SAMPLE.model.scenarios ?? []);
    if (!expected.ok) throw new Error("engine");
    expect(run.outputs.many).toEqual(expected.value);
    expect(run.outputs.many?.names).toEqual(["Base", ...NAMES]);
    // Do no harm for each scenario that adds a partner.
    expect(run.outputs.many?.doNoHarm.map((d) => d.scenario)).toEqual(NAMES.filter((n) => n.startsWith("Lewisham Homes")));
    // The sheet is the many-run layout.
    const sheets = await import("../../src/excel").then((m) => m.buildOutputSheets(run.outputs));
    const title = sheets.find((s) => s.name === "Scenario comparison")?.blocks[0]?.values[0]?.[0];
    expect(title).toBe(`Scenario comparison: ${["Base", ...NAMES].join(", ")}`);
  });

  it("runs each scenario once, and the base once, however many are compared", async () => {
    const h = await blsPort(NAMES.join(", "));
    const runs = new Map<ModelInput, number>();
    const count = (m: ModelInput): void => void runs.set(m, (runs.get(m) ?? 0) + 1);
    const engine: EngineApi = {
      ...ENGINE,
      checkModelBudgets: (m) => (count(m), ENGINE.checkModelBudgets(m)),
      runModel: (m) => (count(m), ENGINE.runModel(m)),
      runScenario: (m, s) => (count(m), ENGINE.runScenario(m, s)),
    };
    const opened = await openModel(h.port, engine);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    const done = runPlanned(planRun(opened.session, opened.problems));
    if (!done.ok) throw new Error("run");
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(1 + NAMES.length);
  });

  it("an unknown name in the list is a located error at Compare: second", async () => {
    const h = await blsPort(`${NAMES[0]}, Nobody joins`);
    const run = await runWorkbook(h.port);
    if (run.ok || run.kind !== "problems") throw new Error("expected problems");
    const p = run.problems.find((x) => x.message.includes('"Nobody joins"'));
    expect(p?.address).toMatch(/^Settings!/);
    expect(p?.message).toMatch(/^Setting "Compare: second": there is no scenario named "Nobody joins"/);
  });

  it("the command line compares the scenarios given with --compare, repeated, side by side", async () => {
    const t = await tempDir();
    try {
      const file = t.file("m.xlsx");
      expect((await cli(["--sample", SAMPLE.id, file])).code).toBe(0);
      const r = await cli([file, "--no-write", "--compare", NAMES[0] ?? "", "--compare", NAMES[2] ?? ""]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Scenario comparison: Base, ${NAMES[0]}, ${NAMES[2]} side by side`);
      const j = await cli([file, "--no-write", "--json", "--compare", NAMES[0] ?? "", "--compare", NAMES[2] ?? ""]);
      const data = JSON.parse(j.stdout);
      expect(data.compared.runs).toEqual(["Base", NAMES[0], NAMES[2]]);
      // Every row's differences are exactly each run's amount minus the base's.
      for (const row of data.compared.rows) {
        const [base, ...rest] = row.amounts.map((a: string) => Math.round(Number(a) * 100));
        expect(row.differences.map((d: string) => Math.round(Number(d) * 100))).toEqual(rest.map((a: number) => a - base));
      }
      const bad = await cli([file, "--no-write", "--compare", "Nobody joins"]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('argument --compare: there is no scenario named "Nobody joins"');
    } finally {
      await t.cleanup();
    }
  });
});
