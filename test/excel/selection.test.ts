import { describe, expect, it } from "vitest";
import { explainCharge, runModel } from "../../src/engine";
import { findCharge } from "../../src/excel/layout/selection";
import { EAST_KENT_HOUSING } from "../../src/samples";
import { HARNESSES, type PortHarness } from "../support/port-harness";

async function withOutputs(make: () => PortHarness) {
  const h = make();
  if (!(await h.port.createModel(EAST_KENT_HOUSING.model)).ok) throw new Error("create");
  const read = await h.port.readModel();
  if (!read.ok) throw new Error("read");
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error("run");
  if (!(await h.port.writeOutputs({ run: run.value })).ok) throw new Error("write");
  return { h, run: run.value };
}

describe.each(HARNESSES)("mapping a selected cell back to what it shows ($name adapter)", ({ make }) => {
  it("finds the charge behind an Allocations or Trace cell, for Explain", async () => {
    const { h, run } = await withOutputs(make);
    expect((await h.port.selectCell("Allocations!J11")).ok).toBe(true);
    const sel = await h.port.readSelection();
    if (!sel.ok) throw new Error("selection");
    expect(sel.value).toEqual({ address: "Allocations!J11", sheet: "Allocations", row: 10, col: 9, target: { kind: "charge", lineRef: "EKH-03", partner: "DDC", yearLabel: "2020/21" } });
    const charge = findCharge(run.result, sel.value.target);
    expect(charge === undefined ? undefined : explainCharge(run.result, charge).coverage).toBe("90/365 days");
    expect((await h.port.selectCell("Trace!O2")).ok).toBe(true);
    const trace = await h.port.readSelection();
    expect(trace.ok && trace.value.target).toEqual({ kind: "charge", lineRef: "EKH-01", partner: "CCC", yearLabel: "2020/21" });
  });

  it("finds the total behind a Summary cell", async () => {
    const { h } = await withOutputs(make);
    expect((await h.port.selectCell("Summary!H7")).ok).toBe(true);
    const sel = await h.port.readSelection();
    expect(sel.ok && sel.value.target).toEqual({ kind: "total", partner: "CCC", yearLabel: "2020/21", category: "revenue", nature: "ongoing" });
    expect((await h.port.selectCell("Summary!J26")).ok).toBe(true);
    const grand = await h.port.readSelection();
    expect(grand.ok && grand.value.target).toEqual({ kind: "total", partner: undefined, yearLabel: undefined, category: undefined, nature: undefined });
  });

  it("finds nothing on headers and input sheets", async () => {
    const { h } = await withOutputs(make);
    for (const address of ["Allocations!A1", "Costs!F3", "Summary!A2"]) {
      expect((await h.port.selectCell(address)).ok).toBe(true);
      const sel = await h.port.readSelection();
      expect(sel.ok && sel.value.target, address).toEqual({ kind: "none" });
    }
  });
});
