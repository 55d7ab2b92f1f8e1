import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  loadXlsx,
  rekeyTable,
  replaceValidationModels,
  setSheetOrder,
  tableModel,
  validationModels,
  worksheetTables,
} from "../../src/cli/xlsx/exceljs-internals";

const ROOT = resolve(__dirname, "..", "..");

/** Writes and reads back a workbook with exceljs: what the file says, not what the objects say. */
async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await loadXlsx(back, Buffer.from(await wb.xlsx.writeBuffer()));
  return back;
}

function withTable(): { wb: ExcelJS.Workbook } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.addTable({
    name: "Costs",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "Ref" }, { name: "Amount" }],
    rows: [
      ["C1", 10],
      ["C2", 20],
    ],
  });
  return { wb };
}

describe("what src/cli/xlsx/exceljs-internals.ts relies on still holds for the installed exceljs", () => {
  it("exceljs is pinned exactly, and the installed version is the pinned one", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const installed = (JSON.parse(readFileSync(join(ROOT, "node_modules", "exceljs", "package.json"), "utf8")) as { version: string })
      .version;
    expect(pkg.dependencies.exceljs, "pin exceljs to an exact version: an upgrade must be a reviewed change").toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pkg.dependencies.exceljs);
  });

  it("getTables returns the tables themselves, each with its model in `.table`", async () => {
    const { wb } = withTable();
    const back = await roundTrip(wb);
    const tables = worksheetTables(back.getWorksheet("Data")!);
    expect(tables).toHaveLength(1);
    const m = tableModel(tables[0]!);
    expect(m.name).toBe("Costs");
    expect(m.tableRef).toBe("A1:B3");
    expect(m.columns.map((c) => c.name)).toEqual(["Ref", "Amount"]);
  });

  it("changing the model's name and range (and re-keying it) is what gets written", async () => {
    const { wb } = withTable();
    const back = await roundTrip(wb);
    const bws = back.getWorksheet("Data")!;
    const [table] = worksheetTables(bws);
    const m = tableModel(table!);
    m.name = "Spend";
    m.displayName = "Spend";
    m.tableRef = "A1:B4";
    m.autoFilterRef = "A1:B4";
    rekeyTable(bws, table!, "Spend");
    expect(bws.getTable("Spend")).toBe(table);
    const again = await roundTrip(back);
    const written = tableModel(worksheetTables(again.getWorksheet("Data")!)[0]!);
    expect([written.name, written.tableRef]).toEqual(["Spend", "A1:B4"]);
  });

  it("list validations live in dataValidations.model by address, and a formula changed there is written", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Inputs");
    wb.addWorksheet("Lists");
    ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: ["Lists!$A$1:$A$3"] };
    const models = validationModels(ws);
    expect(Object.values(models).map((v) => v.formulae)).toEqual([["Lists!$A$1:$A$3"]]);
    for (const v of Object.values(models)) v.formulae = ["'Drop-downs'!$A$1:$A$3"];
    const back = await roundTrip(wb);
    expect(back.getWorksheet("Inputs")!.getCell("B2").dataValidation.formulae).toEqual(["'Drop-downs'!$A$1:$A$3"]);
  });

  it("a validation model keyed by range is written as that range, and the model replaced is given back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Inputs");
    ws.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"a,b"'] };
    const was = replaceValidationModels(ws, { "B2:B5": { type: "list", allowBlank: true, formulae: ['"x,y"'] } });
    expect(Object.keys(was)).toEqual(["A2"]);
    const back = (await roundTrip(wb)).getWorksheet("Inputs")!;
    for (const a of ["B2", "B3", "B4", "B5"]) expect(back.getCell(a).dataValidation.formulae).toEqual(['"x,y"']);
    expect(back.getCell("A2").dataValidation).toBeUndefined();
  });

  it("orderNo decides the tab order written", async () => {
    const wb = new ExcelJS.Workbook();
    const [a, b, c] = ["A", "B", "C"].map((n) => wb.addWorksheet(n));
    setSheetOrder(c!, 1);
    setSheetOrder(a!, 2);
    setSheetOrder(b!, 3);
    expect((await roundTrip(wb)).worksheets.map((w) => w.name)).toEqual(["C", "A", "B"]);
  });

  it(
    "a workbook read without a theme is written without one (the dangling relationship open.ts avoids), unless clearThemes is " + "called",
    async () => {
      const src = new ExcelJS.Workbook();
      src.addWorksheet("S");
      const zip = await JSZip.loadAsync(await src.xlsx.writeBuffer());
      for (const f of Object.keys(zip.files).filter((x) => x.startsWith("xl/theme/"))) zip.remove(f);
      const wb = new ExcelJS.Workbook();
      await loadXlsx(wb, await zip.generateAsync({ type: "nodebuffer" }));
      const written = async (): Promise<JSZip> => JSZip.loadAsync(await wb.xlsx.writeBuffer());
      expect((await written()).file("xl/theme/theme1.xml")).toBeNull();
      wb.clearThemes();
      expect((await written()).file("xl/theme/theme1.xml")).not.toBeNull();
    },
  );
});
