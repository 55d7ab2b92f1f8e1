import { describe, expect, it } from "vitest";
import { createFakeExcel, FakeExcelError } from "../support/excel-fake";

describe("the fake Excel behaves like Excel where the add-in depends on it", () => {
  it("refuses to read a property before load and sync", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const range = ws.getRange("A1:B2");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("settles isNullObject on sync, and fails commands on missing objects", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("Nope").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("types text as Excel does unless it has the text prefix or a text format", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:F1");
      r.values = [["2021-04-01", "'2021-04-01", "TRUE", "=1+1", "£1,234.50", "-£59k"]];
      const t = ws.getRange("A2");
      t.numberFormat = [["@"]];
      t.values = [["=1+1"]];
      r.load("values");
      t.load("values");
      await context.sync();
      expect(r.values).toEqual([[44287, "2021-04-01", true, "#NAME?", 1234.5, "#NAME?"]]);
      expect(t.values).toEqual([["=1+1"]]);
    });
  });

  it("refuses requests and responses over the payload limit", async () => {
    const fake = createFakeExcel({ requestLimit: 1000, responseLimit: 1000 });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A100").values = Array.from({ length: 100 }, () => ["a fairly long piece of text"]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      ws.getRange("A1:A20").values = Array.from({ length: 20 }, () => ["a fairly long piece of text"]);
      await context.sync();
      const big = ws.getRange("A1:A20");
      big.load("values");
      await context.sync();
      expect(big.values).toHaveLength(20);
      ws.getRange("A1:A20").load("values");
      ws.getRange("A1:A20").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
    expect(fake.stats.refused).toBe(2);
  });

  it("keeps a worksheet proxy bound to its sheet after a rename, and enforces Excel's naming rules", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add("Staging");
      ws.name = "Final";
      ws.customProperties.add("SharedApportion", "x");
      ws.load("name");
      await context.sync();
      expect(ws.name).toBe("Final");
      context.workbook.worksheets.add("final");
      await expect(context.sync()).rejects.toBeInstanceOf(FakeExcelError);
      context.workbook.worksheets.add("Bad:Name");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(fake.document.sheet("Final")?.props.get("sharedapportion")?.value).toBe("x");
  });

  it("will not hide or delete the last visible sheet", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });

  it("applies a partly failed request up to the failure, like Excel", async () => {
    const fake = createFakeExcel();
    fake.fail({ atSync: 1, afterCommands: 1 });
    await fake.run(async (context) => {
      context.workbook.worksheets.add("One");
      context.workbook.worksheets.add("Two");
      await expect(context.sync()).rejects.toThrow(/Injected/);
    });
    expect(fake.document.sheets.map((s) => s.name)).toEqual(["Sheet1", "One"]);
  });
});
