import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let sample: Buffer;
beforeAll(async () => {
  t = await tempDir();
  const made = await cli(["--sample", "onesource", t.file("base.xlsx")]);
  expect(made.code).toBe(0);
  sample = await readFile(t.file("base.xlsx"));
});
afterAll(async () => {
  await t.cleanup();
});

/** Runs the CLI on a file holding `bytes`; checks the one-line reason, the exit code and that the file is untouched. */
async function expectOneLine(name: string, bytes: Buffer | undefined, reason: RegExp, code = 3): Promise<void> {
  const file = t.file(name);
  if (bytes !== undefined) await writeFile(file, bytes);
  const r = await cli([file]);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^shared-apportion: /);
  expect(lines[0]).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  if (bytes !== undefined) expect((await readFile(file)).equals(bytes)).toBe(true);
}

describe("files that are not usable workbooks get one clear line and exit 3", () => {
  it("a text file", async () => {
    await expectOneLine(
      "notes.xlsx",
      Buffer.from("Partner,Amount\nBrent,100\n"),
      /not an Excel workbook \(\.xlsx\): it is not a zip package/,
    );
  });

  it("an empty file", async () => {
    await expectOneLine("empty.xlsx", Buffer.alloc(0), /is empty \(0 bytes\)/);
  });

  it("a truncated workbook", async () => {
    await expectOneLine("truncated.xlsx", sample.subarray(0, Math.floor(sample.length / 2)), /damaged or incomplete/);
  });

  it("a workbook cut off after its first bytes", async () => {
    await expectOneLine("stub.xlsx", sample.subarray(0, 200), /damaged or incomplete/);
  });

  it("a password-protected workbook (an encrypted OOXML file is an OLE compound file)", async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(cfb, 1152);
    await expectOneLine("locked.xlsx", cfb, /password-protected/);
  });

  it("a bare OLE header (no streams to tell) is treated as protected", async () => {
    await expectOneLine("ole.xlsx", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /password-protected/);
  });

  it("an old .xls workbook", async () => {
    const xls = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls, 0);
    Buffer.from("Workbook", "utf16le").copy(xls, 1024);
    await expectOneLine("old.xls", xls, /Excel 97-2003 \(\.xls\)/);
  });

  it("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    await expectOneLine("letter.docx", await zip.generateAsync({ type: "nodebuffer" }), /zip package but not an Excel workbook/);
  });

  it("a workbook whose parts are not valid XML", async () => {
    const zip = await JSZip.loadAsync(sample);
    const sheet = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
    zip.file(sheet, "<worksheet><sheetData><row><c r=");
    await expectOneLine("garbled.xlsx", await zip.generateAsync({ type: "nodebuffer" }), /could not be read as a workbook|damaged/);
  });

  it("a file that does not exist", async () => {
    await expectOneLine("missing.xlsx", undefined, /does not exist/);
  });

  it("a folder", async () => {
    await mkdir(t.file("folder.xlsx"));
    await expectOneLine("folder.xlsx", undefined, /is not a file/);
  });

  it("a workbook without the model's tables", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Budget notes";
    await expectOneLine(
      "plain.xlsx",
      Buffer.from(await wb.xlsx.writeBuffer()),
      /no model in this workbook: the tables Partners, Costs, Settings are missing/,
    );
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [[], /no workbook given/],
    [["a.xlsx", "b.xlsx"], /one workbook at a time/],
    [["a.xlsx", "--frobnicate"], /unknown option --frobnicate/],
    [["a.xlsx", "--out"], /--out needs a value/],
    [["a.xlsx", "--check", "--out", "b.xlsx"], /--check writes nothing/],
    [["--sample", "onesource"], /needs exactly one file/],
  ])("%j", async (args, reason) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain("--help");
  });

  it("an unknown sample names the ones there are", async () => {
    const r = await cli(["--sample", "nowhere", t.file("x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("east-kent-housing, onesource, brent-lewisham-southwark");
  });

  it("--sample will not overwrite a file without --force", async () => {
    const r = await cli(["--sample", "onesource", t.file("base.xlsx")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/already exists/);
    expect((await readFile(t.file("base.xlsx"))).equals(sample)).toBe(true);
  });

  it("--help, --version and --list-samples print to stdout and exit 0", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--scenario <name>");
    expect((await cli(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await cli(["--list-samples"])).stdout).toContain("brent-lewisham-southwark");
  });
});
