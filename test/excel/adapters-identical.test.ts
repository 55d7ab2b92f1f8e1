import { describe, expect, it } from "vitest";
import { runWorkbook, writeResults } from "../../src/app";
import { SAMPLES } from "../../src/samples";
import { memoryHarness, officeHarness } from "../support/port-harness";

describe("every adapter writes the same sheets", () => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))(
    "%s: inputs and outputs are identical in memory and through Office.js",
    async (_id, sample) => {
      const scenario = sample.model.scenarios?.[0]?.name;
      const snapshots = [];
      for (const h of [memoryHarness(), officeHarness()]) {
        expect((await h.port.createModel(sample.model, { notes: sample.notes })).ok).toBe(true);
        // Compare the base model with the first stored scenario, as a user would set it in the Settings table.
        if (scenario !== undefined)
          expect((await h.port.writeRunSettings({ scenario: "", compareFirst: "", compareSecond: scenario })).ok).toBe(true);
        // The same application-layer run the task pane and the command line use.
        const run = await runWorkbook(h.port);
        if (!run.ok) throw new Error(`${h.name}: the run failed: ${JSON.stringify(run)}`);
        expect(run.outputs.comparison === undefined).toBe(scenario === undefined);
        expect((await writeResults(h.port, run.outputs)).kind).toBe("written");
        snapshots.push(h.snapshot());
      }
      expect(snapshots[1]).toEqual(snapshots[0]);
    },
  );
});
