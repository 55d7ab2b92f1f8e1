import { describe, expect, it } from "vitest";
import { runModel, type ScenarioInput } from "../../src/engine";
import { createOfficeWorkbook } from "../../src/excel/office/office-port";
import { workbookProblemMessage } from "../../src/excel/problems";
import { BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_HOUSING } from "../../src/samples";
import { cellKey, createFakeExcel, type FakeExcel } from "../support/excel-fake";
import { officeHarness, type PortHarness } from "../support/port-harness";
import { snapshotFake } from "../support/workbook-snapshot";

/**
 * Behaviours of real Excel that the in-memory adapter has no equivalent of,
 * checked against the fake (which cites the Microsoft source for each):
 * filters, formulas in cells, cell-edit mode, defined names, multi-area
 * selections and chart sheets.
 */

function fakeOf(h: PortHarness): FakeExcel {
  if (h.fake === undefined) throw new Error("office harness expected");
  return h.fake;
}

async function withModel(): Promise<PortHarness> {
  const h = officeHarness();
  if (!(await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model)).ok) throw new Error("create");
  return h;
}

async function withOutputs(): Promise<PortHarness> {
  const h = officeHarness();
  if (!(await h.port.createModel(EAST_KENT_HOUSING.model)).ok) throw new Error("create");
  const read = await h.port.readModel();
  if (!read.ok) throw new Error("read");
  const run = runModel(read.value.model);
  if (!run.ok) throw new Error("run");
  if (!(await h.port.writeOutputs({ run: run.value })).ok) throw new Error("write");
  return h;
}

const renamed = (scenarios: readonly ScenarioInput[], suffix: string): ScenarioInput[] =>
  scenarios.map((s) => ({ ...s, name: `${s.name}${suffix}` }));

describe("filtered tables (office-js #224, #994)", () => {
  it("writes every scenario row when the user has filtered the Scenarios table, growing and shrinking it", async () => {
    const h = await withModel();
    const doc = fakeOf(h).document;
    const table = doc.table("Scenarios");
    if (table === undefined) throw new Error("no Scenarios table");
    const base = BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [];
    expect(base.length).toBeGreaterThan(0);
    const first = String(doc.sheet("Scenarios")?.value(table.row + 1, table.col));
    table.filter = { column: 0, show: (v) => v === first };

    const grown = [...renamed(base, " (a)"), ...renamed(base, " (b)")];
    expect((await h.port.writeScenarios(grown)).ok).toBe(true);
    const back = await h.port.readScenarios();
    expect(back.ok && back.value.map((s) => s.name)).toEqual(grown.map((s) => s.name));

    table.filter = { column: 0, show: (v) => v === `${first} (b)` };
    expect((await h.port.writeScenarios(base)).ok).toBe(true);
    const shrunk = await h.port.readScenarios();
    expect(shrunk.ok && shrunk.value.map((s) => s.name)).toEqual(base.map((s) => s.name));
  });

  it("writes run settings into a filtered Settings table", async () => {
    const h = await withModel();
    const doc = fakeOf(h).document;
    const table = doc.table("Settings");
    if (table === undefined) throw new Error("no Settings table");
    table.filter = { column: 0, show: () => false };
    const names = (BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? []).map((x) => x.name);
    const settings = { scenario: names[0] ?? "", compareFirst: "", compareSecond: names[1] ?? "" };
    expect((await h.port.writeRunSettings(settings)).ok).toBe(true);
    const back = await h.port.readRunSettings();
    expect(back.ok && back.value).toEqual(settings);
  });

  it("leaves the filters on the user's own tables alone", async () => {
    const h = await withModel();
    const doc = fakeOf(h).document;
    h.addUserSheet("Mine", { A1: "Council", A2: "CCC", A3: "DDC" });
    const mine = doc.addTable(doc.sheet("Mine")!, 0, 0, 3, 1);
    const filter = { column: 0, show: (v: unknown) => v === "CCC" };
    mine.filter = filter;
    expect((await h.port.writeScenarios(renamed(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [], " v2"))).ok).toBe(true);
    const read = await h.port.readModel();
    if (!read.ok) throw new Error("read");
    const run = runModel(read.value.model);
    if (!run.ok) throw new Error("run");
    expect((await h.port.writeOutputs({ run: run.value })).ok).toBe(true);
    expect(mine.filter).toBe(filter);
  });
});

describe("columns the add-in does not own (formulas and formats in cells)", () => {
  it("keeps a user's formula column and its number format in the Scenarios table when the scenarios are rewritten", async () => {
    const h = await withModel();
    const doc = fakeOf(h).document;
    const table = doc.table("Scenarios");
    const sheet = doc.sheet("Scenarios");
    if (table === undefined || sheet === undefined) throw new Error("no Scenarios table");
    // The user adds a column to the right of the table with a formula in each row.
    const col = table.col + table.cols;
    sheet.cells.set(cellKey(table.row, col), { value: "Checked", format: undefined, style: undefined, prefixed: false });
    table.cols++;
    for (let r = table.row + 1; r < table.row + table.rows; r++) {
      sheet.cells.set(cellKey(r, col), { value: 0.5, formula: `=H${r + 1}/100`, format: "0.0%", style: undefined, prefixed: false });
    }
    const rows = table.rows;
    // Same number of rows, new names: only the add-in's columns change.
    const same = renamed(BRENT_LEWISHAM_SOUTHWARK.model.scenarios ?? [], " v2");
    expect((await h.port.writeScenarios(same)).ok).toBe(true);
    expect(table.rows).toBe(rows);
    for (let r = table.row + 1; r < table.row + table.rows; r++) {
      expect(sheet.cells.get(cellKey(r, col)), `row ${r + 1}`).toEqual({
        value: 0.5,
        formula: `=H${r + 1}/100`,
        format: "0.0%",
        style: undefined,
        prefixed: false,
      });
    }
    const back = await h.port.readScenarios();
    expect(back.ok && back.value.map((s) => s.name)).toEqual(same.map((s) => s.name));
  });
});

describe("cell-edit mode", () => {
  it("waits until the user has finished typing in a cell instead of failing", async () => {
    const h = await withModel();
    const fake = fakeOf(h);
    fake.startCellEdit();
    let settled = false;
    const pending = h.port.readModel().then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    fake.endCellEdit();
    const r = await pending;
    expect(r.ok && r.value.problems).toEqual([]);
  });

  it("says in plain words what to do where the host cannot wait", async () => {
    const fake = createFakeExcel({ honoursDelayForCellEdit: false });
    const port = createOfficeWorkbook({ run: fake.run });
    fake.startCellEdit();
    const r = await port.inspect();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ kind: "cellEditMode", operation: "inspect the workbook" }]);
    expect(workbookProblemMessage(r.problems[0]!)).toBe(
      "Excel could not inspect the workbook while a cell is being edited. Press Enter or Esc to finish editing the cell, then try again.",
    );
  });
});

describe("defined names", () => {
  it("refuses, before anything is deleted, a write whose table would take a defined name's name", async () => {
    const h = await withOutputs();
    const doc = fakeOf(h).document;
    // The user deletes the Trace sheet (and its table) and defines a name "Trace".
    doc.deleteSheet(doc.sheet("Trace")!);
    doc.names.set("trace", { name: "Trace", formula: "=Sheet1!$A$1" });
    const before = snapshotFake(doc);
    const read = await h.port.readModel();
    if (!read.ok) throw new Error("read");
    const run = runModel(read.value.model);
    if (!run.ok) throw new Error("run");
    const r = await h.port.writeOutputs({ run: run.value }, { replaceEdited: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ kind: "nameTaken", name: "Trace", what: "defined name" }]);
    expect(workbookProblemMessage(r.problems[0]!)).toContain('defined name "Trace"');
    // Nothing was deleted, renamed or left hidden.
    expect(snapshotFake(doc)).toEqual(before);
  });
});

describe("the selection Explain reads", () => {
  it("explains the active cell of a multi-area selection", async () => {
    const h = await withOutputs();
    const doc = fakeOf(h).document;
    expect((await h.port.selectCell("Allocations!K3")).ok).toBe(true);
    // Ctrl+click adds a second area; the active cell stays K3 (the second partner's charge on the first line-year).
    const s = doc.selection!;
    doc.selection = { ...s, row: 4, col: 2, rows: 3, cols: 2, more: [{ row: 2, col: 10, rows: 1, cols: 1 }], active: { row: 2, col: 10 } };
    const sel = await h.port.readSelection();
    const run = runModel(EAST_KENT_HOUSING.model);
    const ly = run.ok ? run.value.result.lineYears[0] : undefined;
    expect(ly).toBeDefined();
    expect(sel.ok && sel.value).toEqual({
      address: "Allocations!K3",
      sheet: "Allocations",
      row: 2,
      col: 10,
      target: { kind: "charge", lineRef: ly?.lineRef, partner: "DDC", yearLabel: ly?.yearLabel },
    });
  });

  it("asks for one cell while a chart sheet is active", async () => {
    const h = await withOutputs();
    const doc = fakeOf(h).document;
    doc.activeChartSheet = "Chart1";
    const sel = await h.port.readSelection();
    expect(sel.ok).toBe(false);
    if (sel.ok) return;
    expect(sel.problems).toEqual([{ kind: "noActiveCell" }]);
    expect(workbookProblemMessage(sel.problems[0]!)).toBe("Click one cell on a worksheet (not a chart sheet), then try again.");
  });
});
