import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridFingerprint } from "../../src/excel/layout/fingerprint";
import { dateStyles, deferSheet, DeferredSheetKept, sharedStrings } from "../../src/cli/xlsx/deferred-sheets";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { workbookBytes } from "../../src/cli/xlsx/save";
import { editWorkbook } from "./edit";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

async function runSample(name: string): Promise<string> {
  const file = t.file(name);
  expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
  expect((await cli([file])).code).toBe(0);
  return file;
}

const sheetXml = (cells: string, after = ""): Buffer =>
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<cols><col min="1" max="2" width="9"/></cols><sheetData>${cells}</sheetData>${after}</worksheet>`,
  );

describe("output sheets read from their XML (deferred)", () => {
  it("read every output sheet exactly as exceljs loads it: used range, values and fingerprint", async () => {
    const file = await runSample("same.xlsx");
    const deferred = await openWorkbook(file, undefined, { deferOutputs: true });
    const full = await openWorkbook(file);
    if (!deferred.ok || !full.ok) throw new Error("not opened");
    const names = [...deferred.value.store.deferred.keys()].map((ws) => ws.name);
    // Every output sheet but the Run log (read as a table with the model).
    expect(names).toEqual([
      "Summary",
      "Committee summary",
      "Allocations",
      "Budget check",
      "Scenario comparison",
      "Trace",
      "Charts",
      "Service recharges",
      "RO view",
      "Methodology",
      "Monitoring",
      "Journals",
      "Ledger – LEW expenditure",
      "Ledger – SOU expenditure",
      "Ledger – BRE income",
    ]);
    for (const name of names) {
      const used = full.value.store.usedRange(name);
      expect(deferred.value.store.usedRange(name)).toEqual(used);
      if (used === undefined) continue;
      const values = full.value.store.readValues(name, used.row, used.col, used.rows, used.cols);
      expect(deferred.value.store.readValues(name, used.row, used.col, used.rows, used.cols)).toEqual(values);
      // A part of the range, as a chart or a table read asks for it.
      expect(deferred.value.store.readValues(name, used.row + 1, used.col + 1, 2, 2)).toEqual(
        full.value.store.readValues(name, used.row + 1, used.col + 1, 2, 2),
      );
      expect(deferred.value.store.fingerprint(name)).toBe(gridFingerprint(used.row, used.col, values));
    }
  });

  it("a re-run still refuses to replace an output cell typed over by hand, and names the sheet", async () => {
    const file = await runSample("edited.xlsx");
    await editWorkbook(file, (store) => store.writeBlock("Allocations", 5, 3, [[123.45]], undefined, undefined));
    const refused = await cli([file]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Allocations/);
    expect(refused.stderr).toMatch(/--force/);
    const forced = await cli([file, "--force"]);
    expect(forced.code).toBe(0);
    expect((await cli([file, "--verify"])).code).toBe(0);
  });

  it("--verify names a cell typed over in a large sheet", async () => {
    const file = await runSample("verify.xlsx");
    await editWorkbook(file, (store) => store.writeBlock("Trace", 6, 1, [["typed"]], undefined, undefined));
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/Trace!B7: written "typed"/);
  });

  it("a workbook is never saved with a deferred sheet still in it", async () => {
    const file = await runSample("kept.xlsx");
    const opened = await openWorkbook(file, undefined, { deferOutputs: true });
    if (!opened.ok) throw new Error("not opened");
    await expect(workbookBytes(opened.value.store)).rejects.toBeInstanceOf(DeferredSheetKept);
    // Deleted (as a re-run replaces it), it no longer stands in the way.
    for (const ws of [...opened.value.store.deferred.keys()]) opened.value.store.deleteSheet(ws.name);
    await writeFile(t.file("kept-out.xlsx"), await workbookBytes(opened.value.store));
  });

  it("reads shared and inline text, escapes, booleans and merged ranges as exceljs does", () => {
    const shared = sharedStrings(
      '<sst><si><t>plain &amp; simple</t></si><si><r><t>rich </t></r><r><t xml:space="preserve">text</t></r></si></sst>',
    );
    expect(shared).toEqual(["plain & simple", "rich text"]);
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>tab_x0009_here</t></is></c>' +
        '<c r="B3" t="b"><v>1</v></c><c r="C3"><v>-1.5E-3</v></c></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><t>title</t></is></c><c r="B4" t="inlineStr"><is><t>hidden by the merge</t></is></c></row>',
      '<mergeCells count="1"><mergeCell ref="A4:C4"/></mergeCells>',
    );
    const d = deferSheet(() => xml, shared ?? [], new Set());
    expect(d?.used).toEqual({ row: 0, col: 0, rows: 4, cols: 3 });
    expect(d?.values()).toEqual([
      ["plain & simple", "rich text", ""],
      ["", "", ""],
      ["tab\there", true, -0.0015],
      ["title", "", ""],
    ]);
  });

  it("streams the same values as the XML unpacks, in small pieces cut anywhere, the merged range's hidden cell left out", async () => {
    const shared = sharedStrings("<sst><si><t>plain &amp; simple</t></si></sst>") ?? [];
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>caf\u00e9 \u00a3</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>title</t></is></c><c r="B2"><v>7</v></c></row>' +
        '<row r="5"><c r="C5"><v>2.5</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>',
    );
    // Three bytes at a time: pieces end inside tags, rows and the two-byte characters.
    const pieces = async function* (): AsyncGenerator<Buffer> {
      for (let at = 0; at < xml.length; at += 3) yield xml.subarray(at, at + 3);
    };
    const d = deferSheet(() => xml, shared, new Set(), pieces);
    const seen: [number, number, unknown][] = [];
    await d?.eachValue((r, c, v) => seen.push([r, c, v]));
    expect(seen).toEqual([
      [0, 0, "plain & simple"],
      [0, 1, "caf\u00e9 \u00a3"],
      [1, 0, "title"],
      [4, 2, 2.5],
    ]);
  });

  it("leaves to exceljs a sheet it would not read the same way: a date format, cells out of order, phonetic text", () => {
    const styles = '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const dates = dateStyles(styles);
    expect([...dates]).toEqual([1]);
    expect(deferSheet(() => sheetXml('<row r="1"><c r="A1" s="1"><v>45000</v></c></row>'), [], dates)).toBeUndefined();
    expect(deferSheet(() => sheetXml('<row r="1"><c r="A1" s="0"><v>45000</v></c></row>'), [], dates)).toBeDefined();
    expect(deferSheet(() => sheetXml('<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>'), [], dates)).toBeUndefined();
    expect(deferSheet(() => sheetXml('<row r="1"><c><v>1</v></c></row>'), [], dates)).toBeUndefined();
    expect(
      dateStyles(
        '<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
          '<numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0;[Red]-#,##0"/></numFmts>' +
          '<cellXfs><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>',
      ),
    ).toEqual(new Set([0]));
    expect(sharedStrings("<sst><si><t>漢字</t><rPh><t>かんじ</t></rPh></si></sst>")).toBeUndefined();
  });

  it("reads a cell's attributes in any order and spacing, and leaves to exceljs an address it cannot read", () => {
    const read = (row: string) => deferSheet(() => sheetXml(row), ["shared"], new Set([3]));
    const d = read('<row r="1"><c t="s"\ts="2"  r="B1"><v>0</v></c><c xr:r="Z9" r="C1" s="x"><v>7</v></c></row>');
    expect(d?.values()).toEqual([["shared", 7]]);
    expect(d?.used).toEqual({ row: 0, col: 1, rows: 1, cols: 2 });
    // The style of a date format, wherever it stands among the attributes.
    expect(read('<row r="1"><c t="n" s="3" r="A1"><v>45000</v></c></row>')).toBeUndefined();
    for (const bad of ["r='A1'", 'r="1A"', 'r="A"', 'r="A0"', 'r="a1"', 's="1"'])
      expect(read(`<row r="1"><c ${bad}><v>1</v></c></row>`), bad).toBeUndefined();
  });
});
