import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScenario } from "../../src/engine";
import { ALLOCATION_CHECK_HEADER, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { runModel } from "../../src/engine";
import { sampleById, syntheticScaleModel } from "../../src/samples";
import { cli, readBack, tempDir } from "./helpers";

const run = promisify(execFile);
const SOFFICE_TIMEOUT_MS = 240_000;

/** LibreOffice's command, or undefined when it is not installed. */
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

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A decimal as LibreOffice prints it ("3610256.41", "-21712") as integer pence, exactly (no floating point). */
function textToPence(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (m === null) throw new Error(`"${text}" is not an amount in pounds and pence`);
  const p = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -p : p;
}

const soffice = findSoffice();
let t: Awaited<ReturnType<typeof tempDir>>;
let profile: string;
beforeAll(async () => {
  t = await tempDir();
  profile = await mkdtemp(join(tmpdir(), "sa-lo-profile-"));
});
afterAll(async () => {
  await t.cleanup();
  await rm(profile, { recursive: true, force: true });
});

describe("LibreOffice, an independent reader, reads the same allocation totals", () => {
  it("is installed (CI installs it: apt-get install -y --no-install-recommends libreoffice-calc)", () => {
    expect(
      soffice,
      "LibreOffice (soffice) is not installed: run `apt-get install -y --no-install-recommends libreoffice-calc`; .ci/run " +
        "installs it for CI.",
    ).toBeDefined();
  });

  it(
    "Allocations of the Lewisham Homes scenario, as CSV from soffice, balance to the engine's figures to the penny",
    async () => {
      if (soffice === undefined)
        throw new Error("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
      const sample = sampleById("brent-lewisham-southwark")!;
      const file = t.file("bls.xlsx");
      expect((await cli(["--sample", sample.id, file])).code).toBe(0);
      const out = t.file("bls-run.xlsx");
      const r = await cli([file, "--scenario", "Lewisham Homes joins", "--out", out]);
      expect(r.code, r.stderr).toBe(0);

      const sheetNumber = (await readBack(out)).worksheets.findIndex((w) => w.name === "Allocations") + 1;
      expect(sheetNumber).toBeGreaterThan(0);
      // Filter options: comma, double quote, UTF-8, from line 1, …, raw values (not as shown), sheet N.
      const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`;
      const csvDir = t.file("csv");
      await run(
        soffice,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", csvDir, out],
        { timeout: SOFFICE_TIMEOUT_MS },
      );
      const [csvName] = (await readdir(csvDir)).filter((f) => f.endsWith(".csv"));
      expect(csvName, "soffice wrote no CSV").toBeDefined();
      // A row of partner names above the table, then its header row: one column per partner, "<id> (£)".
      const [, header = [], ...body] = parseCsv(await readFile(join(csvDir, csvName!), "utf8")).filter((row) => row.some((c) => c !== ""));
      const partnerCols = header
        .map((h, i) => [h, i] as const)
        .filter(([h, i]) => i >= ALLOCATION_HEADERS.length && h !== ALLOCATION_CHECK_HEADER);
      expect(partnerCols.map(([h]) => h)).toContain("LH (£)");

      const scenario = sample.model.scenarios!.find((s) => s.name === "Lewisham Homes joins")!;
      const engine = runScenario(sample.model, scenario);
      if (!engine.ok) throw new Error("engine failed");
      const expected = new Map<string, number>();
      for (const row of engine.value.rows) expected.set(row.partner, (expected.get(row.partner) ?? 0) + row.amount);

      const read = new Map<string, number>();
      let charges = 0;
      for (const row of body) {
        for (const [h, i] of partnerCols) {
          if ((row[i] ?? "") === "") continue;
          charges++;
          const id = h.slice(0, -" (£)".length);
          read.set(id, (read.get(id) ?? 0) + textToPence(row[i] ?? ""));
        }
      }
      expect(body).toHaveLength(engine.value.result.lineYears.length);
      expect(charges).toBe(engine.value.rows.length);
      expect(read).toEqual(expected);
      expect([...read.values()].reduce((a, b) => a + b, 0)).toBe(engine.value.result.balance.totalIn);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
  it(
    "reads a large model's Allocations, written in bulk, as the engine's shares, every row balancing",
    async () => {
      if (soffice === undefined)
        throw new Error("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
      const size = { lines: 300, partners: 4, years: 2 };
      const file = t.file("synthetic.xlsx");
      expect((await cli(["--sample", "synthetic", "--lines", "300", "--partners", "4", "--years", "2", file])).code).toBe(0);
      const out = t.file("synthetic-run.xlsx");
      const r = await cli([file, "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const sheetNumber = (await readBack(out)).worksheets.findIndex((w) => w.name === "Allocations") + 1;
      const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`;
      const csvDir = t.file("csv-synthetic");
      await run(
        soffice,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", csvDir, out],
        { timeout: SOFFICE_TIMEOUT_MS },
      );
      const [csvName] = (await readdir(csvDir)).filter((f) => f.endsWith(".csv"));
      expect(csvName, "soffice wrote no CSV").toBeDefined();
      const [, header = [], ...body] = parseCsv(await readFile(join(csvDir, csvName!), "utf8")).filter((row) => row.some((c) => c !== ""));
      const engine = runModel(syntheticScaleModel(size));
      if (!engine.ok) throw new Error("engine failed");
      const lineYears = engine.value.result.lineYears;
      expect(body).toHaveLength(lineYears.length);
      body.forEach((row, k) => {
        const ly = lineYears[k]!;
        expect([row[header.indexOf("Ref")], row[header.indexOf("Year")]]).toEqual([ly.lineRef, ly.yearLabel]);
        expect(textToPence(row[ALLOCATION_HEADERS.length - 1] ?? "")).toBe(ly.profile.amount);
        ly.partners.forEach((p, i) =>
          expect(textToPence(row[header.indexOf(`${p} (£)`)] ?? ""), `${ly.lineRef} ${ly.yearLabel} ${p}`).toBe(ly.shares[i]),
        );
        expect(textToPence(row[header.indexOf(ALLOCATION_CHECK_HEADER)] ?? "")).toBe(0);
      });
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
