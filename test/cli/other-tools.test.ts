import { execFile, execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProperty, readSheetProperties } from "../../src/cli/xlsx/custom-properties";
import { readSheetMarks } from "../../src/cli/xlsx/sheet-marks";
import { decodeMarker } from "../../src/excel/layout/marker";
import * as ExcelJS from "exceljs";
import { cli, readBack, tempDir } from "./helpers";

const run = promisify(execFile);
/** The add-in's output sheets in the results file, in workbook order (from their markers). */
let OUTPUTS: string[] = [];
const SOFFICE_TIMEOUT_MS = 240_000;

/** A Python with openpyxl (CI installs the Debian package python3-openpyxl, for /usr/bin/python3). */
function findPython(): string | undefined {
  for (const py of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(py, ["-c", "import openpyxl"], { stdio: "ignore" });
      return py;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function findSoffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || undefined;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const python = findPython();
const soffice = findSoffice();
let t: Awaited<ReturnType<typeof tempDir>>;
let profile: string;
beforeAll(async () => {
  t = await tempDir();
  profile = await mkdtemp(join(tmpdir(), "sa-lo-profile-"));
  expect((await cli(["--sample", "brent-lewisham-southwark", t.file("model.xlsx")])).code).toBe(0);
  const r = await cli([t.file("model.xlsx"), "--out", t.file("results.xlsx")]);
  expect(r.code, r.stderr).toBe(0);
  const zip = await JSZip.loadAsync(await readFile(t.file("results.xlsx")));
  const props = await readSheetProperties(zip);
  OUTPUTS = (await sheetNames(t.file("results.xlsx"))).filter(
    (n) => decodeMarker(decodeProperty(props.get(n)?.get("SharedApportion")))?.role === "output",
  );
  expect(OUTPUTS).toEqual(expect.arrayContaining(["Summary", "Allocations", "Trace"]));
});
afterAll(async () => {
  await t.cleanup();
  await rm(profile, { recursive: true, force: true });
});

/** Loads and saves a workbook with openpyxl, as a Python script of a finance team would. */
async function resaveWithOpenpyxl(from: string, to: string): Promise<void> {
  if (python === undefined) throw new Error("openpyxl is not installed: apt-get install -y python3-openpyxl");
  await run(python, ["-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])", from, to]);
}

/** Opens and saves a workbook in LibreOffice Calc (as .xlsx), as someone without Excel would. */
async function resaveWithLibreOffice(from: string, name: string): Promise<string> {
  if (soffice === undefined) throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc");
  const dir = await mkdtemp(join(t.dir, "lo-"));
  await copyFile(from, join(dir, `in-${name}`));
  await run(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      join(dir, "out"),
      join(dir, `in-${name}`),
    ],
    { timeout: SOFFICE_TIMEOUT_MS },
  );
  const out = t.file(name);
  await copyFile(join(dir, "out", `in-${name}`), out);
  return out;
}

/** The run's figures as JSON, without where it was written. */
async function figures(file: string): Promise<unknown> {
  const r = await cli([file, "--no-write", "--json"]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  delete json.file;
  delete json.written;
  return json;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = (await (await JSZip.loadAsync(await readFile(file))).file("xl/workbook.xml")?.async("string")) ?? "";
  return [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("workbooks saved by openpyxl", () => {
  it("openpyxl is installed (CI: apt-get install -y python3-openpyxl)", () => {
    expect(python, "openpyxl not found for python3 or /usr/bin/python3").toBeDefined();
  });

  it("a model saved by openpyxl (absolute relationship targets) runs, with the same figures", async () => {
    const file = t.file("py-model.xlsx");
    await resaveWithOpenpyxl(t.file("model.xlsx"), file);
    const rels = (await (await JSZip.loadAsync(await readFile(file))).file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect(await figures(file)).toEqual(await figures(t.file("model.xlsx")));
    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    expect(await sheetNames(file)).toEqual(expect.arrayContaining(OUTPUTS));
  });

  it("results saved by openpyxl (markers dropped, notes moved) can be run again in place", async () => {
    const file = t.file("py-results.xlsx");
    await resaveWithOpenpyxl(t.file("results.xlsx"), file);
    expect((await readSheetProperties(await JSZip.loadAsync(await readFile(file)))).size).toBe(0);
    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`these will be replaced: ${OUTPUTS.join(", ")}.`);
    expect(await sheetNames(file)).toEqual(await sheetNames(t.file("results.xlsx")));
    const props = await readSheetProperties(await JSZip.loadAsync(await readFile(file)));
    for (const name of OUTPUTS) expect(decodeMarker(decodeProperty(props.get(name)?.get("SharedApportion")))?.role, name).toBe("output");
    expect(await figures(file)).toEqual(await figures(t.file("results.xlsx")));
  });
});

describe("results saved by exceljs (both marks dropped: custom properties and sheet-scoped names)", () => {
  it("verify, and a re-run writes in place: the sheets are recognised from the Run log's record of them", async () => {
    const file = t.file("exceljs-results.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.file("results.xlsx"));
    await wb.xlsx.writeFile(file);
    const zip = await JSZip.loadAsync(await readFile(file));
    expect((await readSheetProperties(zip)).size).toBe(0);
    expect((await readSheetMarks(zip)).size).toBe(0);
    const v = await cli([file, "--verify"]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    expect(await sheetNames(file)).toEqual(await sheetNames(t.file("results.xlsx")));
    expect((await cli([file, "--verify"])).code).toBe(0);
  });

  it("a user's sheet named like an output but without its tables stays the user's", async () => {
    const file = t.file("exceljs-user-sheet.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.file("results.xlsx"));
    const budget = wb.getWorksheet("Budget check");
    if (budget === undefined) throw new Error("no Budget check");
    for (const table of budget.getTables()) budget.removeTable((table as unknown as { name: string }).name);
    await wb.xlsx.writeFile(file);
    const r = await cli([file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('A sheet named "Budget check" already exists and was not created by this add-in.');
  });
});

describe("workbooks with support services saved by openpyxl", () => {
  it("verify: no output stores money as a 17-digit float, and numbers compare at the precision a cell keeps", async () => {
    const model = t.file("eks.xlsx");
    expect((await cli(["--sample", "east-kent-services", model])).code).toBe(0);
    expect((await cli([model])).code).toBe(0);
    const file = t.file("eks-py.xlsx");
    await resaveWithOpenpyxl(model, file);
    const v = await cli([file, "--verify"]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
    // Every number on Support flows is whole pence (or a count): none is a long float.
    const flows = (await readBack(model)).getWorksheet("Support flows");
    const longs: string[] = [];
    flows?.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "number" && Math.abs(Math.round(c.value * 100) - c.value * 100) > 1e-6)
          longs.push(`${c.address}=${c.value}`);
      }),
    );
    expect(longs).toEqual([]);
  });
});

describe("workbooks saved by LibreOffice", () => {
  it(
    "results re-saved by LibreOffice can be run again, in place and with --out, and stay readable to LibreOffice",
    async () => {
      const file = await resaveWithLibreOffice(t.file("results.xlsx"), "lo-results.xlsx");
      const zip = await JSZip.loadAsync(await readFile(file));
      // What LibreOffice does to the marks: the custom properties go, the names stay.
      expect((await readSheetProperties(zip)).size).toBe(0);
      expect([...(await readSheetMarks(zip)).keys()]).toEqual(expect.arrayContaining(OUTPUTS));

      const out = await cli([file, "--out", t.file("lo-out.xlsx")]);
      expect(out.code, out.stderr).toBe(0);
      const r = await cli([file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`these will be replaced: ${OUTPUTS.join(", ")}.`);
      expect(await sheetNames(file)).toEqual(await sheetNames(t.file("results.xlsx")));
      expect(await figures(file)).toEqual(await figures(t.file("results.xlsx")));

      // Round trip again: LibreOffice opens what was written, and the run works on its save too.
      const again = await resaveWithLibreOffice(file, "lo-again.xlsx");
      const second = await cli([again]);
      expect(second.code, second.stderr).toBe(0);
    },
    3 * SOFFICE_TIMEOUT_MS,
  );
});
