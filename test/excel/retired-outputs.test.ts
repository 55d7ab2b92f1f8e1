import { describe, expect, it } from "vitest";
import { checkModelBudgets, type ModelInput } from "../../src/engine";
import { OUTPUT_SHEETS } from "../../src/excel";
import { EAST_KENT_SERVICES } from "../../src/samples";
import { gridOf, HARNESSES } from "../support/port-harness";

function outputsOf(model: ModelInput) {
  const r = checkModelBudgets(model);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { run: r.value.run, budget: r.value };
}

/** The sample without its support services: the same costs shared equally. */
const withoutSupport: ModelInput = (() => {
  const { support: _support, ...rest } = EAST_KENT_SERVICES.model;
  return { ...rest, costLines: rest.costLines.map((l) => ({ ...l, basis: "equal" })) };
})();

describe.each(HARNESSES)("an optional output an earlier run left ($name adapter)", ({ make }) => {
  it("is replaced by a sheet saying the latest run has none, never left with the old run's figures", async () => {
    const h = make();
    expect((await h.port.createModel(EAST_KENT_SERVICES.model, { notes: EAST_KENT_SERVICES.notes })).ok).toBe(true);
    expect((await h.port.writeOutputs(outputsOf(EAST_KENT_SERVICES.model))).ok).toBe(true);
    expect(gridOf(h.snapshot(), OUTPUT_SHEETS.supportFlows).flat()).toContain("Charged");
    const again = await h.port.writeOutputs(outputsOf(withoutSupport));
    expect(again.ok, JSON.stringify(again)).toBe(true);
    const grid = gridOf(h.snapshot(), OUTPUT_SHEETS.supportFlows).flat().map(String);
    expect(grid[0]).toBe("Support services: none in the latest run");
    expect(grid).not.toContain("Charged");
    // A run that writes support flows writes them again.
    expect((await h.port.writeOutputs(outputsOf(EAST_KENT_SERVICES.model))).ok).toBe(true);
    expect(gridOf(h.snapshot(), OUTPUT_SHEETS.supportFlows).flat()).toContain("Charged");
  });

  it("asks before replacing it when someone edited it", async () => {
    const h = make();
    expect((await h.port.createModel(EAST_KENT_SERVICES.model, { notes: EAST_KENT_SERVICES.notes })).ok).toBe(true);
    expect((await h.port.writeOutputs(outputsOf(EAST_KENT_SERVICES.model))).ok).toBe(true);
    h.type(`'${OUTPUT_SHEETS.supportFlows}'!A4`, "my note");
    const r = await h.port.writeOutputs(outputsOf(withoutSupport));
    expect(r.ok ? [] : r.problems).toEqual([{ kind: "outputsEdited", sheets: [OUTPUT_SHEETS.supportFlows] }]);
    expect((await h.port.writeOutputs(outputsOf(withoutSupport), { replaceEdited: true })).ok).toBe(true);
  });

  it("is not created for a workbook that never had one", async () => {
    const h = make();
    expect((await h.port.createModel(withoutSupport)).ok).toBe(true);
    expect((await h.port.writeOutputs(outputsOf(withoutSupport))).ok).toBe(true);
    expect(h.snapshot().some((s) => s.name === OUTPUT_SHEETS.supportFlows)).toBe(false);
  });
});
