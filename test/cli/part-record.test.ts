import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeMarker, MARKER_KEY } from "../../src/app";
import { decodeProperty } from "../../src/cli/xlsx/custom-properties";
import { deferOutputSheets, DeferredSheetKept } from "../../src/cli/xlsx/deferred-sheets";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { PART_KEY, partRecord } from "../../src/cli/xlsx/part-record";
import { crc32, zipPackage } from "../../src/cli/xlsx/zip-package";
import { zipEntries } from "../../src/cli/xlsx/zip-sizes";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** A worksheet part this reader cannot read as exceljs would: its one cell has a date format (style 1). */
const DATED = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c></row></sheetData></worksheet>',
);

describe("the record of an output sheet's part as written", () => {
  it("is kept for each output sheet the run wrote: its size, CRC-32 and marker's fingerprint", async () => {
    const file = t.file("recorded.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    expect((await cli([file])).code).toBe(0);
    const bytes = await readFile(file);
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problem.message);
    const entries = zipEntries(bytes) ?? [];
    let recorded = 0;
    for (const ws of opened.value.store.workbook.worksheets) {
      const props = opened.value.store.properties.get(ws);
      const marker = decodeMarker(decodeProperty(props?.get(MARKER_KEY)));
      const record = decodeProperty(props?.get(PART_KEY));
      if (marker?.role !== "output") {
        expect(record, ws.name).toBeUndefined();
        continue;
      }
      const entry = entries.find((e) => e.name === `xl/worksheets/sheet${ws.id}.xml`)!;
      expect(record, ws.name).toBe(partRecord(entry.declaredSize, entry.crc, marker.fp ?? ""));
      recorded++;
    }
    expect(recorded).toBeGreaterThan(5);
    // A re-run over it (which reads the records) writes, and the result verifies.
    expect((await cli([file])).code).toBe(0);
    expect((await cli([file, "--verify"])).code).toBe(0);
  });

  it("lets a re-run take a matching sheet's fingerprint from its marker without reading it, and only then", async () => {
    const zip = zipPackage([{ name: "xl/worksheets/sheet1.xml", data: DATED }]);
    const entry = zipEntries(zip)![0]!;
    const styles = '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const part = { name: "Allocations", path: "xl/worksheets/sheet1.xml", fp: "1:0011223344556677" };
    const defer = (record: string, keepValues = false) =>
      deferOutputSheets(zip, new Map(), [{ ...part, record }], undefined, styles, 0, keepValues);
    const matching = partRecord(DATED.length, crc32(DATED), part.fp);
    expect(entry.crc).toBe(crc32(DATED));
    // Read, this sheet would be left to exceljs; matched, it is not read at all until its cells are asked for.
    const d = defer(matching).get("Allocations");
    expect(d?.fingerprint).toBe(part.fp);
    expect(() => d?.used).toThrow(DeferredSheetKept);
    // Any other size, CRC-32 or fingerprint, or a verification (which compares every value), reads it as before.
    for (const other of [
      partRecord(DATED.length + 1, crc32(DATED), part.fp),
      partRecord(DATED.length, crc32(DATED) ^ 1, part.fp),
      partRecord(DATED.length, crc32(DATED), "1:ffffffffffffffff"),
      "",
    ])
      expect(defer(other).has("Allocations"), other).toBe(false);
    expect(defer(matching, true).has("Allocations")).toBe(false);
  });

  it("is dropped when the workbook is saved with the sheet carried over rather than written by the run", async () => {
    const file = t.file("carried.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    expect((await cli([file])).code).toBe(0);
    // A sign-off rewrites the Run log alone: every other output sheet is carried over, and loses its record.
    expect((await cli([file, "--sign-off", "Jo Bloggs, s151 officer"])).code).toBe(0);
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problem.message);
    const kinds = new Map<string, string | undefined>();
    for (const ws of opened.value.store.workbook.worksheets) {
      const props = opened.value.store.properties.get(ws);
      kinds.set(ws.name, decodeProperty(props?.get(PART_KEY)));
    }
    expect(kinds.get("Allocations")).toBeUndefined();
    expect(kinds.get("Trace")).toBeUndefined();
    // The Run log, written by the sign-off, is recorded; a re-run reads the others as before, and verifies.
    expect(kinds.get("Run log")).toBeDefined();
    expect((await cli([file])).code).toBe(0);
  });
});
