import * as ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XlsxStore } from "../../src/cli/xlsx-store";
import { BULK_MIN_ROWS, BulkXlsxStore } from "../../src/cli/xlsx/bulk-store";
import { workbookBytes } from "../../src/cli/xlsx/save";
import { checkModelBudgets } from "../../src/engine";
import { buildOutputSheets, createStorePort, MONEY_FORMAT, type SheetSpec } from "../../src/excel";
import { syntheticScaleModel } from "../../src/samples";

/** Text that XML must escape or keep: markup characters, tab and newline, characters beyond ASCII, edge spaces. */
const AWKWARD = ['A & B <c> "d"', "tab\tand\nnewline", "£ and é and 😀", "  spaces  "];

/** A sheet with a long block of text, numbers, booleans and blanks, under a header, and a short block below it. */
function awkwardSheet(rows: number): SheetSpec {
  const body = Array.from({ length: rows }, (_, i) => [
    AWKWARD[i % AWKWARD.length] ?? "",
    i * 1.25 - 7,
    i % 3 === 0,
    i % 4 === 0 ? "" : `row ${i}`,
  ]);
  return {
    name: "Awkward",
    kind: "summary",
    role: "output",
    blocks: [
      { row: 0, col: 1, values: [["Text", "Amount (£)", "Flag", "Note"]], style: "header" },
      { row: 1, col: 1, values: body, formats: [null, MONEY_FORMAT, null, "@"] },
      { row: rows + 2, col: 0, values: [["After the block"]], style: "note" },
    ],
    tables: [{ name: "AwkwardTable", row: 0, col: 1, rows: rows + 1, cols: 4, style: "TableStyleMedium2" }],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 1,
    columnWidths: [50, 120],
  };
}

/** The specs written into a store as the store port's staging does (cells, tables, frozen rows), saved and read back. */
async function written(store: XlsxStore, specs: readonly SheetSpec[]): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  for (const spec of specs) {
    store.addSheet(spec.name, true);
    for (const b of spec.blocks)
      store.writeBlock(
        spec.name,
        b.row,
        b.col,
        b.values,
        b.formats?.map((f) => f ?? "General"),
        b.style,
      );
    for (const t of spec.tables) store.addTable(spec.name, t, t.name);
    store.setFreezeRows(spec.name, spec.freezeRows);
  }
  const bytes = await workbookBytes(store);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes };
}

function cells(ws: ExcelJS.Worksheet): [string, unknown, string | undefined][] {
  const out: [string, unknown, string | undefined][] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      const v = c.value as unknown;
      const text =
        typeof v === "object" && v !== null && "richText" in v
          ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("")
          : v;
      out.push([c.address, text, c.numFmt]);
    }),
  );
  return out;
}

describe("writing long blocks in bulk", () => {
  it("gives the same cells, number formats and table as writing every cell with exceljs, awkward text included", async () => {
    const spec = awkwardSheet(BULK_MIN_ROWS + 50);
    const plain = (await written(new XlsxStore(new ExcelJS.Workbook()), [spec])).wb;
    const bulk = (await written(new BulkXlsxStore(new ExcelJS.Workbook()), [spec])).wb;
    const a = cells(plain.getWorksheet("Awkward")!);
    const b = cells(bulk.getWorksheet("Awkward")!);
    expect(b).toHaveLength(a.length);
    expect(b).toEqual(a);
    expect(b.find(([addr]) => addr === "B2")?.[1]).toBe(AWKWARD[0]);
    const table = bulk.getWorksheet("Awkward")!.getTable("AwkwardTable") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe(`B1:E${BULK_MIN_ROWS + 51}`);
  });

  it("writes characters XML cannot hold, and text that looks like an escape, as OOXML's _xHHHH_ escapes (as Excel does)", async () => {
    const spec = awkwardSheet(BULK_MIN_ROWS + 10);
    const body = spec.blocks[1]!;
    const odd = {
      ...spec,
      blocks: [
        spec.blocks[0]!,
        {
          ...body,
          values: body.values.map((r, i) => (i === 5 ? ["bell\u0007here", ...r.slice(1)] : i === 6 ? ["_x0041_ stays", ...r.slice(1)] : r)),
        },
        spec.blocks[2]!,
      ],
    };
    const { bytes } = await written(new BulkXlsxStore(new ExcelJS.Workbook()), [odd]);
    const zip = await (await import("jszip")).default.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('<t xml:space="preserve">bell_x0007_here</t>');
    expect(xml).toContain('<t xml:space="preserve">_x005F_x0041_ stays</t>');
    expect(xml).not.toContain("\u0007");
  });

  it("reads held rows back as cells (tables over them, the used range), as the store port relies on", () => {
    const spec = awkwardSheet(BULK_MIN_ROWS * 2);
    const plain = new XlsxStore(new ExcelJS.Workbook());
    const bulk = new BulkXlsxStore(new ExcelJS.Workbook());
    for (const store of [plain, bulk]) {
      store.addSheet("Awkward", true);
      for (const b of spec.blocks)
        store.writeBlock(
          "Awkward",
          b.row,
          b.col,
          b.values,
          b.formats?.map((f) => f ?? "General"),
          b.style,
        );
    }
    expect(bulk.usedRange("Awkward")).toEqual(plain.usedRange("Awkward"));
    const r = plain.usedRange("Awkward")!;
    expect(bulk.readValues("Awkward", r.row, r.col, r.rows, r.cols)).toEqual(plain.readValues("Awkward", r.row, r.col, r.rows, r.cols));
    expect(bulk.heldBlocks(bulk.workbook.getWorksheet("Awkward")!)).toHaveLength(1);
  });

  it("writes a model's outputs byte for byte as a second write of the same outputs does (deterministic)", async () => {
    const checked = checkModelBudgets(syntheticScaleModel({ lines: 200, partners: 3, years: 2 }));
    if (!checked.ok) throw new Error("engine");
    const specs = buildOutputSheets({ run: checked.value.run, budget: checked.value });
    const one = new BulkXlsxStore(new ExcelJS.Workbook());
    const two = new BulkXlsxStore(new ExcelJS.Workbook());
    for (const store of [one, two])
      expect((await createStorePort(store).writeOutputs({ run: checked.value.run, budget: checked.value })).ok).toBe(true);
    expect(specs.length).toBeGreaterThan(0);
    expect((await workbookBytes(one)).equals(await workbookBytes(two))).toBe(true);
  });
});

describe("what a bulk store holds", () => {
  it("holds rows only on sheets it added, and turns them into cells before a validation or an overlapping write", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Existing");
    const store = new BulkXlsxStore(wb);
    const rows = Array.from({ length: BULK_MIN_ROWS + 5 }, (_, i) => [`r${i}`, i]);
    store.writeBlock("Existing", 0, 0, rows, undefined, undefined);
    expect(store.heldBlocks(wb.getWorksheet("Existing")!)).toHaveLength(0);
    store.addSheet("New", true);
    store.writeBlock("New", 0, 0, rows, undefined, undefined);
    const ws = wb.getWorksheet("New")!;
    expect(store.heldBlocks(ws)).toHaveLength(1);
    expect(ws.rowCount).toBe(1);
    store.writeBlock("New", 10, 1, [[1, 2]], undefined, undefined);
    expect(store.heldBlocks(ws)).toHaveLength(0);
    expect(ws.rowCount).toBe(rows.length);
    expect(store.readValues("New", 10, 0, 1, 3)).toEqual([["r10", 1, 2]]);
    store.writeBlock("New", 400, 0, rows, undefined, undefined);
    expect(store.heldBlocks(ws)).toHaveLength(1);
    store.addValidation("New", {
      row: 401,
      col: 0,
      rows: 1,
      cols: 1,
      source: { kind: "values", values: ["a"] },
      strict: true,
      message: "m",
    });
    expect(store.heldBlocks(ws)).toHaveLength(0);
    expect(store.readValues("New", 400 + BULK_MIN_ROWS, 0, 1, 2)).toEqual([[`r${BULK_MIN_ROWS}`, BULK_MIN_ROWS]]);
  });
});
