import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { decodeProperty, encodeProperty, packageSheets, readSheetProperties } from "../../src/cli/xlsx/custom-properties";
import { writeFileSafely } from "../../src/cli/fs/safe-write";
import { decodeMarker } from "../../src/excel/layout/marker";
import { cli, readBack, tempDir } from "./helpers";
import { editWorkbook, tableCell } from "./edit";

let t: Awaited<ReturnType<typeof tempDir>>;
// Every output the command line writes, the Run log included (it carries the run record: docs/assurance.md). The East
// Kent Housing sample has a leaver and disputes, so its run writes the Exit statement, Harm report and Dispute register.
const OUTPUTS = [
  "Summary",
  "Committee summary",
  "Allocations",
  "Budget check",
  "Scenario comparison",
  "Trace",
  "Charts",
  "Methodology",
  "Exit statement",
  "Harm report",
  "Dispute register",
  "Run log",
];

beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "east-kent-housing", t.file("base.xlsx")])).code).toBe(0);
  // A user's own sheet (no marker), with things a finance officer would have: a formula, a date,
  // formats, a merged heading, a note and another add-in's custom property.
  await editWorkbook(t.file("base.xlsx"), (store) => {
    const ws = store.workbook.addWorksheet("My notes");
    ws.getCell("A1").value = "Committee briefing";
    ws.mergeCells("A1:C1");
    ws.getCell("A1").font = { bold: true, size: 16 };
    ws.getCell("A2").value = new Date(Date.UTC(2021, 0, 1));
    ws.getCell("A2").numFmt = "d mmm yyyy";
    ws.getCell("B2").value = 82000;
    ws.getCell("B2").numFmt = "£#,##0.00";
    ws.getCell("C2").value = { formula: "B2*4", result: 328000 };
    ws.getCell("D2").value = "do not touch";
    ws.getCell("D2").note = "Ask the s151 officer";
    ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getColumn(4).width = 30;
    store.properties.set(ws, new Map([["OtherAddin", encodeProperty("keep me")]]));
  });
});
afterAll(async () => {
  await t.cleanup();
});

async function fresh(name: string): Promise<{ file: string; bytes: Buffer }> {
  const file = t.file(name);
  await copyFile(t.file("base.xlsx"), file);
  return { file, bytes: await readFile(file) };
}

/** Every cell of a sheet as comparable data: value, number format and style. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      out[c.address] = {
        value: c.value instanceof Date ? c.value.toISOString() : c.value,
        numFmt: c.numFmt,
        font: c.font,
        fill: c.fill,
        note: c.note,
      };
    }),
  );
  return { cells: out, merges: (ws.model as { merges?: string[] }).merges, widths: ws.columns?.map((c) => c.width) };
}

describe("the input file is never modified unless asked", () => {
  it.each([[["--out", "OUT"]], [["--check"]], [["--no-write"]], [["--json", "--no-write"]], [["--scenario", "Nobody"]]])(
    "%j leaves it byte-identical",
    async (extra) => {
      const { file, bytes } = await fresh(`keep-${extra.join("")}.xlsx`);
      const out = t.file(`keep-out-${extra.length}.xlsx`);
      await cli([file, ...extra.map((a) => (a === "OUT" ? out : a))]);
      expect((await readFile(file)).equals(bytes)).toBe(true);
    },
  );

  it("--out writes the results to the new file only", async () => {
    const { file } = await fresh("in.xlsx");
    const out = t.file("results.xlsx");
    const r = await cli([file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const names = (await readBack(out)).worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(OUTPUTS));
    expect((await readBack(file)).worksheets.map((w) => w.name)).not.toContain("Allocations");
  });
});

describe("writing into the workbook", () => {
  it("changes only the add-in's own sheets; the user's cells, formats and properties stay", async () => {
    const { file } = await fresh("inplace.xlsx");
    const before = await readBack(file);
    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    const after = await readBack(file);
    for (const ws of before.worksheets) {
      expect(cells(after.getWorksheet(ws.name)!), ws.name).toEqual(cells(ws));
    }
    expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), ...OUTPUTS]);
    const props = await readSheetProperties(await JSZip.loadAsync(await readFile(file)));
    expect(decodeProperty(props.get("My notes")?.get("OtherAddin"))).toBe("keep me");
    expect(props.get("My notes")?.has("SharedApportion")).toBe(false);
    for (const name of OUTPUTS) expect(decodeMarker(decodeProperty(props.get(name)?.get("SharedApportion")))?.role, name).toBe("output");
    expect(decodeMarker(decodeProperty(props.get("Costs")?.get("SharedApportion")))?.role).toBe("input");
    expect((await readdir(t.dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("running twice gives the same output sheets, but for the run's time in the titles and one more Run log row", async () => {
    const { file } = await fresh("twice.xlsx");
    expect((await cli([file])).code).toBe(0);
    const first = await readBack(file);
    expect((await cli([file])).code).toBe(0);
    const second = await readBack(file);
    // The titles name the run's time ("— run 1 Dec 2026 14:03 UTC, inputs …"); the inputs fingerprint is the same.
    const untimed = (ws: ExcelJS.Worksheet): unknown =>
      JSON.parse(JSON.stringify(cells(ws)).replace(/ — run \d+ \w+ \d{4} \d\d:\d\d UTC/g, " — run (time)"));
    for (const name of OUTPUTS.filter((n) => n !== "Run log"))
      expect(untimed(second.getWorksheet(name)!), name).toEqual(untimed(first.getWorksheet(name)!));
    const runs = (ws: ExcelJS.Worksheet): number => ws.getSheetValues().filter((r) => Array.isArray(r) && r[1] === "run").length;
    expect(runs(first.getWorksheet("Run log")!)).toBe(1);
    expect(runs(second.getWorksheet("Run log")!)).toBe(2);
  });

  it("will not replace an output sheet someone edited, unless --force", async () => {
    const { file } = await fresh("edited.xlsx");
    expect((await cli([file])).code).toBe(0);
    await editWorkbook(file, (store) => tableCell(store, "Allocations", "Line amount (£)", 0).set(1));
    const bytes = await readFile(file);
    const r = await cli([file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/"Allocations".*--force/s);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect((await cli([file, "--force"])).code).toBe(0);
  });

  it("will not overwrite a user's sheet that has an output sheet's name", async () => {
    const { file } = await fresh("taken.xlsx");
    await editWorkbook(file, (store) => {
      store.workbook.addWorksheet("Summary").getCell("A1").value = "my summary";
    });
    const bytes = await readFile(file);
    const r = await cli([file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('A sheet named "Summary" already exists and was not created by this add-in');
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("refuses to rewrite a workbook holding things exceljs would drop; --out and --force still work", async () => {
    const { file } = await fresh("macros.xlsx");
    const zip = await JSZip.loadAsync(await readFile(file));
    zip.file("xl/vbaProject.bin", Buffer.from("not really macros"));
    // A chart on the user's sheet: sheet → drawing → chart, as Excel links them.
    const notes = (await packageSheets(zip)).find((s) => s.name === "My notes")!;
    const relPath = notes.path.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const rels =
      (await zip.file(relPath)?.async("string")) ??
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(
      relPath,
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" ' +
          'Target="../drawings/drawing9.xml"/></Relationships>',
      ),
    );
    zip.file("xl/drawings/drawing9.xml", '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
    zip.file(
      "xl/drawings/_rels/drawing9.xml.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>',
    );
    await writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    const bytes = await readFile(file);
    const r = await cli([file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/holds charts \(on "My notes"\), macros, which this tool cannot keep.*nothing was written.*--out/);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    const out = await cli([file, "--out", t.file("macros-out.xlsx")]);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/lacks charts \(on "My notes"\), macros/);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect((await cli([file, "--force"])).code).toBe(0);
  });
});

describe("safe writes", () => {
  it("a failed write leaves the target as it was and no temporary file", async () => {
    const dir = t.file("a-folder");
    await mkdir(dir);
    expect(await writeFileSafely(dir, Buffer.from("x"))).toEqual({ ok: false, problem: { kind: "notAFile", what: "a folder" } });
    expect((await readdir(t.dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await writeFileSafely(t.file("no/such/dir.xlsx"), Buffer.from("x"))).toEqual({
      ok: false,
      problem: { kind: "io", code: "ENOENT" },
    });
  });

  it("a write that cannot complete reports one line and leaves the workbook as it was", async () => {
    const { file, bytes } = await fresh("ro.xlsx");
    const r = await cli([file, "--out", t.file("missing-dir/out.xlsx")]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*ENOENT/);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });
});

describe("progress", () => {
  async function run(isTTY: boolean): Promise<string> {
    const { file } = await fresh(`progress-${isTTY}.xlsx`);
    let err = "";
    const code = await main([file, "--no-write"], {
      stdout: { write: () => true },
      stderr: { isTTY, columns: 80, write: (s: string) => (err += s) },
    });
    expect(code).toBe(0);
    return err;
  }

  it("draws a bar on a terminal and clears it", async () => {
    const err = await run(true);
    expect(err).toContain("\r");
    expect(err).toMatch(/Calculating \[#*-*\]/);
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("writes nothing but messages when stderr is not a terminal", async () => {
    expect(await run(false)).toBe("");
  });
});
