import { describe, expect, it } from "vitest";
import { applyScenario, checkModelBudgets, runModel, type EngineError } from "../../src/engine";
import { listProblems } from "../../src/excel/layout/problem-list";
import type { ModelRead } from "../../src/excel/port";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { HARNESSES, type PortHarness } from "../support/port-harness";

async function fresh(make: () => PortHarness): Promise<PortHarness> {
  const h = make();
  const r = await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model, { notes: BRENT_LEWISHAM_SOUTHWARK.notes });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return h;
}

async function read(h: PortHarness): Promise<ModelRead> {
  const r = await h.port.readModel();
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function engineErrors(read: ModelRead): EngineError[] {
  const run = runModel(read.model);
  if (!run.ok) return [...run.errors];
  const budgets = checkModelBudgets(read.model);
  if (!budgets.ok) return [...budgets.errors];
  const errors: EngineError[] = [];
  for (const s of read.model.scenarios ?? []) {
    const applied = applyScenario(read.model, s);
    if (!applied.ok) errors.push(...applied.errors);
  }
  return errors;
}

/** Where the engine's errors point, as addresses. */
async function addresses(h: PortHarness): Promise<string[]> {
  const r = await read(h);
  return engineErrors(r).map((e) => r.locate(e.at)?.address ?? `(nowhere: ${JSON.stringify(e.at)})`);
}

describe.each(HARNESSES)("validation problems point at their cells ($name adapter)", ({ make }) => {
  it("a cost line's amount", async () => {
    const h = await fresh(make);
    h.type("Costs!F3", "about £1.4m");
    expect(await addresses(h)).toEqual(["Costs!F3"]);
  });

  it("a partner's missing driver value", async () => {
    const h = await fresh(make);
    h.type("Drivers!J3", "");
    const at = await addresses(h);
    expect(at.length).toBeGreaterThan(0);
    expect(new Set(at)).toEqual(new Set(["Drivers!J3"]));
  });

  it("a setting", async () => {
    const h = await fresh(make);
    h.type("Settings!B2", "2020");
    expect(await addresses(h)).toContain("Settings!B2");
  });

  it("percentages that do not total 100%", async () => {
    const h = await fresh(make);
    h.type("Bases!D3", 30);
    expect(await addresses(h)).toEqual(["Bases!D2"]);
  });

  it("a budget amount", async () => {
    const h = await fresh(make);
    h.type("Budgets!E2", "lots");
    expect(await addresses(h)).toEqual(["Budgets!E2"]);
  });

  it("a duplicated partner", async () => {
    const h = await fresh(make);
    h.type("Partners!A3", "BRE");
    expect(await addresses(h)).toContain("Partners!A3");
  });

  it("a scenario change", async () => {
    const h = await fresh(make);
    h.type("Scenarios!D5", "BLS-99");
    expect(await addresses(h)).toEqual(["Scenarios!D5"]);
  });

  it("table and header problems, as values naming sheet, table, row and column", async () => {
    const h = await fresh(make);
    h.type("Costs!F1", "Cost");
    h.type("Partners!C2", "maybe");
    const r = await read(h);
    expect(r.problems).toEqual([
      { kind: "missingColumn", table: "Costs", column: "Amount (£)", at: { sheet: "Costs", row: 0, col: 0, address: "Costs!A1" } },
      {
        kind: "invalidCell",
        table: "Partners",
        column: "Host",
        value: "maybe",
        expected: "Yes or No",
        at: { sheet: "Partners", row: 1, col: 2, address: "Partners!C2" },
      },
    ]);
    const listed = listProblems(r.problems, engineErrors(r), r.locate);
    expect(listed.map((p) => p.location?.address)).toContain("Partners!C2");
    expect(listed.every((p) => p.message.length > 0)).toBe(true);
  });

  it("a missing required table", async () => {
    const h = make();
    const r = await read(h);
    expect(r.problems.map((p) => p.kind)).toEqual(["missingTable", "missingTable", "missingTable"]);
  });

  it("selects the cell of a problem", async () => {
    const h = await fresh(make);
    expect(await h.port.selectCell("Costs!F3")).toEqual({ ok: true, value: undefined });
    const sel = await h.port.readSelection();
    expect(sel.ok && sel.value.address).toBe("Costs!F3");
    expect(await h.port.selectCell("Nowhere!A1")).toEqual({ ok: false, problems: [{ kind: "invalidAddress", address: "Nowhere!A1" }] });
  });
});
