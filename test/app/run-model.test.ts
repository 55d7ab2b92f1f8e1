import { describe, expect, it } from "vitest";
import { ENGINE, openModel, planRun, runPlanned, runWorkbook, type EngineApi } from "../../src/app";
import { compareScenarios, doNoHarm, type ModelInput } from "../../src/engine";
import { parseAddress } from "../../src/excel";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples/brent-lewisham-southwark";
import { memoryHarness } from "../support/port-harness";

const JOINS = "Lewisham Homes joins";

/** The real engine, counting how often each model object is run (checked with its budgets, or run alone). */
function countingEngine(): { engine: EngineApi; runsOf(model: ModelInput): number; applied: Map<string, number> } {
  const runs = new Map<ModelInput, number>();
  const applied = new Map<string, number>();
  const count = (m: ModelInput): void => void runs.set(m, (runs.get(m) ?? 0) + 1);
  const engine: EngineApi = {
    ...ENGINE,
    checkModelBudgets: (m) => (count(m), ENGINE.checkModelBudgets(m)),
    runModel: (m) => (count(m), ENGINE.runModel(m)),
    runScenario: (m, s) => (count(m), ENGINE.runScenario(m, s)),
    applyScenario: (m, s) => (applied.set(s.name, (applied.get(s.name) ?? 0) + 1), ENGINE.applyScenario(m, s)),
  };
  return { engine, runsOf: (m) => runs.get(m) ?? 0, applied };
}

async function blsPort(settings: { scenario: string; compareFirst: string; compareSecond: string }) {
  const h = memoryHarness();
  expect((await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model, { notes: BRENT_LEWISHAM_SOUTHWARK.notes })).ok).toBe(true);
  expect((await h.port.writeRunSettings(settings)).ok).toBe(true);
  return h;
}

describe("the application layer runs each model once per request", () => {
  it("a run comparing the base with a joining partner runs the base model once and the scenario once", async () => {
    const h = await blsPort({ scenario: "", compareFirst: "", compareSecond: JOINS });
    const { engine, runsOf, applied } = countingEngine();
    const opened = await openModel(h.port, engine);
    if (opened.kind !== "opened") throw new Error(opened.kind);
    const done = runPlanned(planRun(opened.session, opened.problems));
    if (!done.ok) throw new Error(JSON.stringify(done.problems));
    // The run wrote everything a comparison with a joining partner needs…
    expect(done.outputs.comparison?.to).toBe(JOINS);
    expect(done.outputs.doNoHarm?.scenario).toBe(JOINS);
    expect(done.outputs.doNoHarm?.joining).toEqual(["LH"]);
    // …with the base model run once (its check, its budget report, the comparison and do-no-harm share that run).
    expect(runsOf(opened.session.model)).toBe(1);
    // Every scenario was applied once (checked for warnings or run), the joining one included.
    for (const s of opened.session.scenarios) expect(applied.get(s.name), s.name).toBe(1);
  });

  it("gives the same outputs as running each piece separately with the engine", async () => {
    const h = await blsPort({ scenario: "", compareFirst: "", compareSecond: JOINS });
    const run = await runWorkbook(h.port);
    if (!run.ok) throw new Error("run failed");
    const base = run.session.model;
    const joins = run.session.scenario(JOINS);
    if (!joins) throw new Error("no scenario");
    const harm = doNoHarm(base, joins);
    const comparison = compareScenarios(base, null, joins);
    if (!harm.ok || !comparison.ok) throw new Error("engine");
    expect(run.outputs.doNoHarm).toEqual(harm.value);
    expect(run.outputs.comparison).toEqual(comparison.value);
  });
});

describe("scenario names in the run settings", () => {
  it.each([
    ["Run scenario", { scenario: "Nobody joins", compareFirst: "", compareSecond: "" }],
    ["Compare: first", { scenario: "", compareFirst: "Nobody joins", compareSecond: JOINS }],
    ["Compare: second", { scenario: "", compareFirst: "", compareSecond: "Nobody joins" }],
  ])("an unknown name in %s is an error located at that Settings cell", async (label, settings) => {
    const h = await blsPort(settings);
    const run = await runWorkbook(h.port);
    if (run.ok || run.kind !== "problems") throw new Error("expected problems");
    const p = run.problems.find((x) => x.message.includes('"Nobody joins"'));
    expect(p?.severity).toBe("error");
    expect(p?.message).toBe(
      `Setting "${label}": there is no scenario named "Nobody joins" in the Scenarios table; it has "Lewisham Homes joins", ` +
        `"Lewisham Homes within Lewisham", "Core service by users only".`,
    );
    // The address is the Value cell of that setting's row: the cell to its left holds the setting's label.
    const at = parseAddress(p?.address ?? "");
    if (at === undefined) throw new Error(`no address: ${p?.address}`);
    expect(at.sheet).toBe("Settings");
    const settingsSheet = h.snapshot().find((x) => x.name === "Settings");
    expect(settingsSheet?.cells[`${at.row},${at.col - 1}`]?.v).toBe(label);
  });

  it("a requested scenario that is not stored is an error naming the option", async () => {
    const h = await blsPort({ scenario: "", compareFirst: "", compareSecond: "" });
    const run = await runWorkbook(h.port, { scenario: "Nobody joins" });
    if (run.ok || run.kind !== "problems") throw new Error("expected problems");
    expect(run.problems.map((p) => [p.address, p.message.split(":")[0]])).toContainEqual([undefined, "argument --scenario"]);
  });
});
