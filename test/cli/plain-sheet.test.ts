import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames } from "../../src/engine";
import type { RunOutputs, SheetSpec } from "../../src/excel";
import { partnerStatementSheet } from "../../src/excel/layout/outputs/statement";
import { XlsxStore } from "../../src/cli/xlsx-store";
import { writePlainSheet } from "../../src/cli/xlsx/plain-sheet";
import { workbookBytes } from "../../src/cli/xlsx/save";
import { writeSheetSpec } from "../../src/cli/xlsx/write-spec";
import { SAMPLES, sampleById } from "../../src/samples";

/** The sheet through exceljs's own writer, as statements were written before plain-sheet.ts. */
async function throughExceljs(spec: SheetSpec): Promise<Buffer> {
  const store = new XlsxStore(new ExcelJS.Workbook());
  writeSheetSpec(store, spec);
  return workbookBytes(store);
}

async function plain(spec: SheetSpec): Promise<Buffer> {
  const store = new XlsxStore(new ExcelJS.Workbook());
  const { sheet, rewrite } = writePlainSheet(store, spec);
  return workbookBytes(store, undefined, new Map([[sheet, rewrite]]));
}

/** Everything a reader sees of a sheet: each cell's value, type and style, merges, rows' heights, widths, print setup. */
async function seen(bytes: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const cells: unknown[] = [];
  const heights: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.height !== undefined) heights.push([r, row.height]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      const { numFmt, font, fill, alignment } = cell.style;
      cells.push([cell.address, cell.type, cell.isMerged ? cell.master.address : "", cell.value, numFmt, font, fill, alignment]);
    });
  });
  const names = wb.definedNames.model;
  return {
    names: wb.worksheets.map((w) => w.name),
    cells,
    heights,
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    widths: ws.columns.map((c) => c.width),
    dimension: /<dimension ref="[^"]*"\/>/.exec(
      await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string"),
    )?.[0],
    pageSetup: ws.pageSetup,
    headerFooter: ws.headerFooter,
    definedNames: names,
  };
}

function statements(id: string): SheetSpec[] {
  const sample = sampleById(id)!;
  const report = checkModelBudgets(sample.model);
  if (!report.ok) throw new Error(`${id} does not run`);
  const outputs: RunOutputs = {
    run: report.value.run,
    budget: report.value,
    stamp: { when: "7 Dec 2026 05:00 UTC", fingerprint: "0123456789ab" },
  };
  return [...partnerNames(report.value.run.model).keys()].map((p) => partnerStatementSheet(outputs, p));
}

describe("a statement written straight to XML (plain-sheet.ts)", () => {
  it("reads back exactly as the same sheet written by exceljs: values, styles, merges, heights, widths, print setup", async () => {
    const ids = SAMPLES.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(1);
    let checked = 0;
    for (const id of ids) {
      for (const spec of statements(id).slice(0, 2)) {
        expect(await seen(await plain(spec)), `${id}: ${spec.name}`).toEqual(await seen(await throughExceljs(spec)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it("writes text inline with its characters escaped, and no part exceljs would not write", async () => {
    const spec: SheetSpec = {
      ...statements(SAMPLES[0]!.id)[0]!,
      blocks: [{ row: 0, col: 0, values: [['A & B <c> "d" \u0001', 12.5, true, ""]], style: "header" }],
      text: undefined,
    };
    const bytes = await plain(spec);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain("A &amp; B &lt;c&gt; &quot;d&quot; _x0001_");
    expect(xml).toContain('<dimension ref="A1:D1"/>');
    expect(Object.keys(zip.files).sort()).toEqual(Object.keys((await JSZip.loadAsync(await throughExceljs(spec))).files).sort());
    // exceljs reads OOXML's _xHHHH_ escapes back only from shared strings; Excel reads them from inline text too.
    const clean: SheetSpec = { ...spec, blocks: [{ row: 0, col: 0, values: [['A & B <c> "d"', 12.5, true, ""]], style: "header" }] };
    expect(await seen(await plain(clean))).toEqual(await seen(await throughExceljs(clean)));
  });
});
