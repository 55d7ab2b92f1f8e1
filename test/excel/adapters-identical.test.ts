import { describe, expect, it } from "vitest";
import { checkModelBudgets, compareScenarios, doNoHarm } from "../../src/engine";
import { SAMPLES } from "../../src/samples";
import { memoryHarness, officeHarness } from "../support/port-harness";

describe("every adapter writes the same sheets", () => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))("%s: inputs and outputs are identical in memory and through Office.js", async (_id, sample) => {
    const report = checkModelBudgets(sample.model);
    if (!report.ok) throw new Error("budgets");
    const scenario = sample.model.scenarios?.[0];
    const comparison = scenario === undefined ? undefined : compareScenarios(sample.model, null, scenario);
    const harm = scenario === undefined ? undefined : doNoHarm(sample.model, scenario);
    const outputs = {
      run: report.value.run,
      budget: report.value,
      scenario: "",
      ...(comparison?.ok === true ? { comparison: comparison.value } : {}),
      ...(harm?.ok === true ? { doNoHarm: harm.value } : {}),
    };
    const snapshots = [];
    for (const h of [memoryHarness(), officeHarness()]) {
      expect((await h.port.createModel(sample.model, { notes: sample.notes })).ok).toBe(true);
      expect((await h.port.writeOutputs(outputs)).ok).toBe(true);
      snapshots.push(h.snapshot());
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
  });
});
