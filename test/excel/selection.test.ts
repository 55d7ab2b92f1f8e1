import { describe, expect, it } from "vitest";
import { explainCharge, runModel, runScenario } from "../../src/engine";
import { allocationsSheet } from "../../src/excel/layout/outputs/allocations";
import { explainTarget, findCharge } from "../../src/excel/layout/selection";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING } from "../../src/samples";
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
  it("finds the charge behind a partner's cell on Allocations, for Explain", async () => {
    const { h, run } = await withOutputs(make);
    // Rows are line-years after the names row and the header row; DDC is the second partner column (K).
    const k = run.result.lineYears.findIndex((ly) => ly.lineRef === "EKH-03" && ly.yearLabel === "2020/21");
    expect(k).toBeGreaterThanOrEqual(0);
    const address = `Allocations!K${k + 3}`;
    expect((await h.port.selectCell(address)).ok).toBe(true);
    const sel = await h.port.readSelection();
    if (!sel.ok) throw new Error("selection");
    expect(sel.value).toEqual({
      address,
      sheet: "Allocations",
      row: k + 2,
      col: 10,
      target: { kind: "charge", lineRef: "EKH-03", partner: "DDC", yearLabel: "2020/21" },
    });
    const charge = findCharge(run.result, sel.value.target);
    expect(charge === undefined ? undefined : explainCharge(run.result, charge).coverage).toBe("90/365 days");
    // The same charge the engine's own list holds, found without it.
    expect(charge).toEqual(run.result.charges.find((c) => c.lineRef === "EKH-03" && c.partner === "DDC" && c.yearLabel === "2020/21"));
    expect(explainTarget(run, sel.value.target)?.trace).toEqual(charge === undefined ? undefined : explainCharge(run.result, charge));
  });

  it("finds nothing in a line-year's own columns, its check, or on Trace (one row per line-year, no partner)", async () => {
    const { h } = await withOutputs(make);
    for (const address of [
      "Allocations!A3",
      "Allocations!I3",
      "Allocations!N3",
      "Allocations!K1",
      "Allocations!K2",
      "Trace!A2",
      "Trace!N2",
    ]) {
      expect((await h.port.selectCell(address)).ok).toBe(true);
      const sel = await h.port.readSelection();
      expect(sel.ok && sel.value.target, address).toEqual({ kind: "none" });
    }
  });

  it("finds the total behind a Summary cell", async () => {
    const { h } = await withOutputs(make);
    expect((await h.port.selectCell("Summary!H7")).ok).toBe(true);
    const sel = await h.port.readSelection();
    expect(sel.ok && sel.value.target).toEqual({
      kind: "total",
      partner: "CCC",
      yearLabel: "2020/21",
      category: "revenue",
      nature: "ongoing",
    });
    expect((await h.port.selectCell("Summary!J26")).ok).toBe(true);
    const grand = await h.port.readSelection();
    expect(grand.ok && grand.value.target).toEqual({
      kind: "total",
      partner: undefined,
      yearLabel: undefined,
      category: undefined,
      nature: undefined,
    });
  });

  it("finds nothing on headers and input sheets", async () => {
    const { h } = await withOutputs(make);
    for (const address of ["Allocations!A1", "Allocations!A2", "Costs!F3", "Summary!A2"]) {
      expect((await h.port.selectCell(address)).ok).toBe(true);
      const sel = await h.port.readSelection();
      expect(sel.ok && sel.value.target, address).toEqual({ kind: "none" });
    }
  });
});

describe("explaining a charge of a partner within another", () => {
  const model = BRENT_LEWISHAM_SOUTHWARK.model;
  const scenario = model.scenarios?.find((s) => s.name === "Lewisham Homes within Lewisham");
  const run = scenario === undefined ? undefined : runScenario(model, scenario);
  if (run === undefined || !run.ok) throw new Error("scenario run");
  const split = run.value.within[0];
  if (split === undefined) throw new Error("no division of a share");

  it("explains the parent's core share and says how it was divided, for the parent and the partner within it", () => {
    for (const partner of [split.parent, ...split.parts.map((p) => p.partner)]) {
      const e = explainTarget(run.value, { kind: "charge", lineRef: split.lineRef, partner, yearLabel: split.yearLabel });
      expect(e?.split, partner).toBe(split);
      expect(e?.trace.partner).toBe(split.parent);
      expect(e?.trace.share).toBe(split.parentShare);
    }
    expect(split.parentAmount + split.parts.reduce((a, p) => a + p.amount, 0)).toBe(split.parentShare);
  });

  it("puts what each pays in its own Allocations column, and the row still balances", () => {
    const sheet = allocationsSheet(run.value);
    const [, headerBlock, body] = sheet.blocks;
    const headers = headerBlock?.values[0] ?? [];
    const k = run.value.result.lineYears.findIndex((ly) => ly.lineRef === split.lineRef && ly.yearLabel === split.yearLabel);
    const row = body?.values[k] ?? [];
    const cell = (p: string): unknown => row[headers.indexOf(`${p} (£)`)];
    expect(cell(split.parent)).toBe(split.parentAmount / 100);
    for (const p of split.parts) expect(cell(p.partner)).toBe(p.amount / 100);
    expect(row[headers.length - 1]).toBe(0);
  });

  it("finds nothing for a partner that does not share the line", () => {
    const ly = run.value.result.lineYears.find((l) => !l.partners.includes("SOU"));
    expect(ly).toBeDefined();
    expect(
      explainTarget(run.value, { kind: "charge", lineRef: ly?.lineRef ?? "", partner: "SOU", yearLabel: ly?.yearLabel ?? "" }),
    ).toBeUndefined();
  });
});
