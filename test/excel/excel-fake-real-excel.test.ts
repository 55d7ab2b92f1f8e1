import { describe, expect, it } from "vitest";
import { cellKey, createFakeExcel } from "../support/excel-fake";

/**
 * The fake reproduces real Excel's awkward behaviours (each cited where the
 * fake implements it), so that the adapter's tests of its workarounds
 * (test/excel/real-excel.test.ts) can fail.
 */
describe("the fake models real Excel's awkward behaviours", () => {
  it("misplaces values written over a filtered table and ignores deletes in it, until the filter is cleared", async () => {
    const fake = createFakeExcel();
    const doc = fake.document;
    const sheet = doc.sheet("Sheet1")!;
    ["Name", "a", "b", "c"].forEach((v, r) =>
      sheet.cells.set(cellKey(r, 0), { value: v, format: undefined, style: undefined, prefixed: false }),
    );
    const table = doc.addTable(sheet, 0, 0, 4, 1);
    table.name = "T";
    table.filter = { column: 0, show: (v) => v !== "b" };
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRangeByIndexes(1, 0, 3, 1).values = [["x"], ["y"], ["z"]];
      ws.getRangeByIndexes(3, 0, 1, 1).delete("Up");
      await context.sync();
    });
    // Row 3 ("b") was hidden: "y" landed in row 4, "z" was lost, and nothing was deleted.
    expect([1, 2, 3].map((r) => sheet.value(r, 0))).toEqual(["x", "b", "y"]);
    expect(table.rows).toBe(4);
    await fake.run(async (context) => {
      context.workbook.tables.getItem("T").clearFilters();
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1, 0, 3, 1).values = [["x"], ["y"], ["z"]];
      await context.sync();
    });
    expect(table.filter).toBeUndefined();
    expect([1, 2, 3].map((r) => sheet.value(r, 0))).toEqual(["x", "y", "z"]);
  });

  it("may leave a filter on after clearFilters() and reports it through autoFilter.isDataFiltered (office-js #468)", async () => {
    const fake = createFakeExcel();
    const doc = fake.document;
    const sheet = doc.sheet("Sheet1")!;
    ["Name", "a", "b"].forEach((v, r) =>
      sheet.cells.set(cellKey(r, 0), { value: v, format: undefined, style: undefined, prefixed: false }),
    );
    const table = doc.addTable(sheet, 0, 0, 3, 1);
    table.name = "T";
    const stuck = { column: 0, show: (v: unknown) => v !== "b", survivesClear: true };
    table.filter = stuck;
    const filtered = await fake.run(async (context) => {
      const t = context.workbook.tables.getItem("T");
      t.clearFilters();
      const f = t.autoFilter;
      f.load("isDataFiltered");
      await context.sync();
      return f.isDataFiltered;
    });
    expect(filtered).toBe(true);
    expect(table.filter).toBe(stuck);
    table.filter = { column: 0, show: (v) => v !== "b" };
    const after = await fake.run(async (context) => {
      const t = context.workbook.tables.getItem("T");
      t.clearFilters();
      const f = t.autoFilter;
      f.load("isDataFiltered");
      await context.sync();
      return f.isDataFiltered;
    });
    expect(after).toBe(false);
  });

  it("can leave a sync unanswered for ever, running none of its commands (office-js #6678, #6150, #4805)", async () => {
    const fake = createFakeExcel();
    fake.hang(1);
    let answered = false;
    void fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["written"]];
      await context.sync();
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    expect(fake.document.sheet("Sheet1")?.value(0, 0)).not.toBe("written");
    // The next request is answered as usual.
    await fake.run(async (context) => context.sync());
    expect(fake.stats.syncs).toBe(2);
  });

  it("keeps a formula under null and replaces it under a value", async () => {
    const fake = createFakeExcel();
    const sheet = fake.document.sheet("Sheet1")!;
    sheet.cells.set(cellKey(0, 0), { value: 2, formula: "=1+1", format: "0.0", style: undefined, prefixed: false });
    sheet.cells.set(cellKey(0, 1), { value: 3, formula: "=1+2", format: undefined, style: undefined, prefixed: false });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[null, 7]] as unknown as (string | number)[][];
      r.numberFormat = [[null, "General"]] as unknown as string[][];
      r.load("formulas");
      await context.sync();
      expect(r.formulas).toEqual([["=1+1", 7]]);
    });
    expect(sheet.cells.get(cellKey(0, 0))).toMatchObject({ value: 2, formula: "=1+1", format: "0.0" });
  });

  it("fails a batch while a cell is being edited, unless it was run with delayForCellEdit", async () => {
    const fake = createFakeExcel();
    fake.startCellEdit();
    await expect(fake.run(async (context) => context.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = fake.run({ delayForCellEdit: true }, async (context) => context.sync());
    fake.endCellEdit();
    await expect(delayed).resolves.toBeUndefined();
  });

  it("will not give a table a defined name's name", async () => {
    const fake = createFakeExcel();
    const doc = fake.document;
    doc.names.set("trace", { name: "Trace", formula: "=Sheet1!$A$1" });
    await expect(
      fake.run(async (context) => {
        const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
        t.name = "Trace";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await fake.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      expect(names.items.map((n) => n.name)).toEqual(["Trace"]);
    });
  });

  it("refuses getSelectedRange on a multi-area selection but gives the active cell; on a chart sheet neither", async () => {
    const fake = createFakeExcel();
    const doc = fake.document;
    doc.selection = {
      sheet: doc.sheet("Sheet1")!,
      row: 0,
      col: 0,
      rows: 2,
      cols: 2,
      more: [{ row: 5, col: 5, rows: 1, cols: 1 }],
      active: { row: 5, col: 5 },
    };
    await fake.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      expect(cell.address).toBe("Sheet1!F6");
    });
    doc.activeChartSheet = "Chart1";
    await fake.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await expect(context.sync()).rejects.toBeDefined();
    });
  });
});
