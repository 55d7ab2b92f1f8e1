import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_SHEETS } from "../../src/excel/layout/names";
import { cli, tempDir } from "./helpers";

const NOW = new Date("2026-12-01T14:03:00Z");

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Each sheet of a package in workbook order, with its part's XML, and the workbook's defined names. */
async function readPackage(
  file: string,
): Promise<{ sheets: { name: string; xml: string }[]; definedNames: { name: string; localSheetId: number | undefined; ref: string }[] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
      /Target="([^"]+)"/.exec(m[0])?.[1] ?? "",
    ]),
  );
  const sheets: { name: string; xml: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]+)"/.exec(m[0])?.[1] ?? "");
    const target = (targets.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "").replace(/^\/?(xl\/)?/, "");
    sheets.push({ name, xml: (await zip.file(`xl/${target}`)?.async("string")) ?? "" });
  }
  const definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const id = /localSheetId="(\d+)"/.exec(m[1] ?? "")?.[1];
    return {
      name: /name="([^"]+)"/.exec(m[1] ?? "")?.[1] ?? "",
      localSheetId: id === undefined ? undefined : Number(id),
      ref: unescapeXml(m[2] ?? ""),
    };
  });
  return { sheets, definedNames };
}

describe("the file the command line writes prints as a committee pack", () => {
  it("every output sheet: A4 landscape fitted to one page wide, a print area, repeated header rows and a footer", async () => {
    const file = t.file("pack.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    expect((await cli([file], undefined, NOW)).code).toBe(0);
    const pkg = await readPackage(file);
    const outputs = new Set<string>(Object.values(OUTPUT_SHEETS));
    const written = pkg.sheets.filter((s) => outputs.has(s.name));
    expect(written.map((s) => s.name)).toEqual(
      expect.arrayContaining([OUTPUT_SHEETS.summary, OUTPUT_SHEETS.comparison, OUTPUT_SHEETS.budgetCheck, OUTPUT_SHEETS.charts]),
    );
    for (const sheet of written) {
      const index = pkg.sheets.indexOf(sheet);
      const setup = /<pageSetup\b[^>]*\/>/.exec(sheet.xml)?.[0] ?? "";
      expect(setup, sheet.name).toMatch(/orientation="landscape"/);
      expect(setup, sheet.name).toMatch(/paperSize="9"/);
      expect(setup, sheet.name).toMatch(/fitToWidth="1"/);
      expect(setup, sheet.name).toMatch(/fitToHeight="0"/);
      expect(sheet.xml, sheet.name).toMatch(/<sheetPr\b[^>]*>(?:(?!<\/sheetPr>).)*<pageSetUpPr fitToPage="1"\/>/s);
      const footer = unescapeXml(/<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet.xml)?.[1] ?? "");
      expect(footer, sheet.name).toMatch(
        /^&LBrent, Lewisham and Southwark shared ICT&CPage &P of &N&RBase model\nRun 1 Dec 2026 14:03 UTC$/,
      );
      // The print area is the sheet's own defined name, on this sheet, from A1.
      const area = pkg.definedNames.filter((d) => d.name === "_xlnm.Print_Area" && d.localSheetId === index);
      expect(area, sheet.name).toHaveLength(1);
      expect(area[0]?.ref, sheet.name).toMatch(new RegExp(`^'${sheet.name}'!\\$A\\$?1:\\$[A-Z]+\\$?\\d+$`));
    }
    // Print titles: the header rows of the sheets that freeze them (Summary, Budget check, Allocations, Trace, Run log).
    const titled = pkg.definedNames.filter((d) => d.name === "_xlnm.Print_Titles").map((d) => pkg.sheets[d.localSheetId ?? -1]?.name);
    expect(titled).toEqual(expect.arrayContaining([OUTPUT_SHEETS.summary, OUTPUT_SHEETS.budgetCheck, OUTPUT_SHEETS.allocations]));
    const summaryTitles = pkg.definedNames.find(
      (d) => d.name === "_xlnm.Print_Titles" && pkg.sheets[d.localSheetId ?? -1]?.name === OUTPUT_SHEETS.summary,
    );
    expect(summaryTitles?.ref).toMatch(new RegExp(`^'${OUTPUT_SHEETS.summary}'!\\$1:\\$\\d+$`));
    // The input sheets keep their own (default) print settings.
    const costs = pkg.sheets.find((s) => s.name === "Costs");
    expect(costs?.xml).not.toMatch(/<oddFooter>/);
  });

  it("keeps the print setup when the file is run again (the sheets are replaced, not duplicated)", async () => {
    const file = t.file("twice.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    expect((await cli([file], undefined, NOW)).code).toBe(0);
    expect((await cli([file, "--force"], undefined, NOW)).code).toBe(0);
    const pkg = await readPackage(file);
    const areas = pkg.definedNames.filter((d) => d.name === "_xlnm.Print_Area");
    const outputs = pkg.sheets.filter((s) => (Object.values(OUTPUT_SHEETS) as string[]).includes(s.name));
    expect(areas).toHaveLength(outputs.length);
    expect(new Set(areas.map((a) => a.localSheetId)).size).toBe(areas.length);
    for (const a of areas) expect(a.ref.startsWith(`'${pkg.sheets[a.localSheetId ?? -1]?.name ?? "?"}'!`)).toBe(true);
  });
});
