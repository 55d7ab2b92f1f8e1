import { copyFile, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES } from "../../src/samples";
import { cli, tempDir } from "../cli/helpers";
import { editWorkbook } from "../cli/edit";
import { checkPackages, missingTools, schemasFolder, type PackageReport } from "../support/ooxml/package-check";

/**
 * Every kind of workbook the command line writes — each sample, its run,
 * each scenario run, comparisons side by side, partner statements, re-runs,
 * a sign-off, the synthetic model, and scenario names far past Excel's
 * 255-character limits — checked against the ISO/IEC 29500 transitional
 * schemas and the rules they cannot express (test/support/ooxml). Generic:
 * whatever parts and sheets the command line writes are checked, so layout
 * changes need no change here. Any finding fails the suite.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCHEMAS = schemasFolder(ROOT);
const TIMEOUT_MS = 600_000;

/** Two scenario names of 300 characters that differ only after the 255th. */
const LONG_A = `${"Lewisham Homes joins as a direct customer with its own tickets, users and share of the agreement, ".repeat(3)}`
  .slice(0, 296)
  .concat(" (A)");
const LONG_B = `${LONG_A.slice(0, 296)} (B)`;

const workbooks: string[] = [];
let report: PackageReport | undefined;
let cleanup: () => Promise<void> = () => Promise.resolve();

async function ok(args: readonly string[]): Promise<void> {
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`shared-apportion ${args.join(" ")} exited ${r.code}: ${r.stderr}${r.stdout}`);
}

/** Renames a scenario in a workbook's Scenarios table (every row of it), as a user typing over the name would. */
async function renameScenario(file: string, from: string, to: string): Promise<void> {
  await editWorkbook(file, (store) => {
    const t = store.listTables().find((x) => x.name === "Scenarios");
    if (t === undefined) throw new Error("no Scenarios table");
    const [header = [], ...body] = store.readValues(t.sheet, t.row, t.col, t.rows, t.cols);
    const c = header.indexOf("Scenario");
    body.forEach((row, i) => {
      if (row[c] === from) store.writeBlock(t.sheet, t.row + 1 + i, t.col + c, [[to]], undefined, undefined);
    });
  });
}

async function statements(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((f) => f.endsWith(".xlsx")).map((f) => join(folder, f));
}

describe("every workbook the command line writes passes the OOXML schemas and Excel's rules", () => {
  beforeAll(async () => {
    const missing = missingTools(SCHEMAS);
    if (missing !== undefined) throw new Error(missing);
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const keep = async (from: string, name: string): Promise<void> => {
      await copyFile(from, tmp.file(name));
      workbooks.push(tmp.file(name));
    };

    for (const sample of SAMPLES) {
      const id = sample.id;
      const model = tmp.file(`${id}.xlsx`);
      await ok(["--sample", id, model]);
      workbooks.push(model);
      // The run, with a statement per partner.
      const st = tmp.file(`${id}-statements`);
      await mkdir(st);
      await ok([model, "--out", tmp.file(`${id}-run.xlsx`), "--statements", st]);
      workbooks.push(tmp.file(`${id}-run.xlsx`), ...(await statements(st)));
      // Each scenario on its own, then all side by side.
      const names = (sample.model.scenarios ?? []).map((s) => s.name);
      for (const [k, name] of names.entries()) {
        await ok([model, "--scenario", name, "--out", tmp.file(`${id}-scenario-${k}.xlsx`)]);
        workbooks.push(tmp.file(`${id}-scenario-${k}.xlsx`));
      }
      if (names.length > 0) {
        await ok([model, ...names.flatMap((n) => ["--compare", n]), "--out", tmp.file(`${id}-compare.xlsx`)]);
        workbooks.push(tmp.file(`${id}-compare.xlsx`));
      }
      // Written into the file, run again over its own outputs, then signed off.
      const inPlace = tmp.file(`${id}-in-place.xlsx`);
      await copyFile(model, inPlace);
      await ok([inPlace]);
      await keep(inPlace, `${id}-first-run.xlsx`);
      await ok([inPlace]);
      await keep(inPlace, `${id}-re-run.xlsx`);
      await ok([inPlace, "--sign-off", "Jane Smith, s151 officer"]);
      workbooks.push(inPlace);
    }

    const synthetic = tmp.file("synthetic.xlsx");
    await ok(["--sample", "synthetic", "--lines", "60", "--partners", "7", "--years", "3", synthetic]);
    await ok([synthetic, "--out", tmp.file("synthetic-run.xlsx")]);
    workbooks.push(synthetic, tmp.file("synthetic-run.xlsx"));

    // Scenario names of 300 characters, alike for their first 296: a run of one, both side by side, statements.
    const long = tmp.file("long-names.xlsx");
    await ok(["--sample", "brent-lewisham-southwark", long]);
    await renameScenario(long, "Lewisham Homes joins", LONG_A);
    await renameScenario(long, "Lewisham Homes within Lewisham", LONG_B);
    workbooks.push(long);
    const longSt = tmp.file("long-statements");
    await mkdir(longSt);
    await ok([long, "--scenario", LONG_A, "--out", tmp.file("long-scenario.xlsx"), "--statements", longSt]);
    await ok([long, "--compare", LONG_A, "--compare", LONG_B, "--out", tmp.file("long-compare.xlsx")]);
    await ok([long, "--scenario", LONG_B, "--out", tmp.file("long-scenario-b.xlsx")]);
    workbooks.push(tmp.file("long-scenario.xlsx"), tmp.file("long-compare.xlsx"), tmp.file("long-scenario-b.xlsx"));
    workbooks.push(...(await statements(longSt)));

    const started = Date.now();
    report = await checkPackages(workbooks, tmp.file("parts"), SCHEMAS);
    // OOXML_REPORT=1 prints what was checked and how long the check took (writing the workbooks not included).
    if (process.env.OOXML_REPORT === "1")
      console.log(
        `${report.workbooks} workbooks, ${report.parts} parts, ${report.schemaParts} validated against schemas ` +
          `(${[...report.bySchema].map(([k, v]) => `${k.split("/").pop() ?? k} ${v}`).join(", ")}), ` +
          `${report.problems.length} findings, checked in ${Date.now() - started} ms`,
      );
  }, TIMEOUT_MS);

  afterAll(() => cleanup());

  it("writes at least 50 workbooks, every XML part of them checked against a schema", () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(50);
    expect(report?.workbooks).toBe(workbooks.length);
    expect(report?.schemaParts ?? 0).toBeGreaterThan(workbooks.length * 10);
    // Worksheets, tables, styles, strings; charts and their drawings; themes; packaging; document properties.
    expect([...(report?.bySchema.keys() ?? [])].sort()).toEqual([
      "ISO-IEC29500-4_2016/dml-chart.xsd",
      "ISO-IEC29500-4_2016/dml-main.xsd",
      "ISO-IEC29500-4_2016/dml-spreadsheetDrawing.xsd",
      "ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd",
      "ISO-IEC29500-4_2016/sml.xsd",
      "ecma/fouth-edition/opc-contentTypes.xsd",
      "ecma/fouth-edition/opc-coreProperties.local.xsd",
      "ecma/fouth-edition/opc-relationships.xsd",
    ]);
  });

  const findings = (rule: (r: string) => boolean): string[] =>
    (report?.problems ?? [])
      .filter((p) => rule(p.rule))
      .map((p) => `${p.workbook.split("/").pop() ?? ""} ${p.part} [${p.rule}] ${p.message}`);

  it("finds no schema error and breaks none of Excel's rules", () => {
    expect(findings((r) => r !== "headerFooter").slice(0, 40)).toEqual([]);
  });

  // A footer holds the scenario's name: a 300-character name is shortened so the footer stays within Excel's limit.
  it("keeps every header and footer within 255 characters", () => {
    expect(findings((r) => r === "headerFooter")).toEqual([]);
  });
});
