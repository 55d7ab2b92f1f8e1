import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../cli/helpers";
import { checkPackages, missingTools, schemasFolder, type PackageProblem } from "../support/ooxml/package-check";

/**
 * The package check finds what it is for: each rule is shown failing on a
 * workbook the command line wrote and then broke by hand in one way, so a
 * clean report from test/build/ooxml-schemas.test.ts means something.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCHEMAS = schemasFolder(ROOT);

let tmp: Awaited<ReturnType<typeof tempDir>>;
let original: Buffer;
let n = 0;

/** The problems found in the written workbook after `edit` changed its parts. */
async function problemsAfter(edit: (zip: JSZip) => Promise<void>): Promise<PackageProblem[]> {
  const zip = await JSZip.loadAsync(original);
  await edit(zip);
  const file = tmp.file(`broken-${++n}.xlsx`);
  await writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  return [...(await checkPackages([file], tmp.file(`parts-${n}`), SCHEMAS)).problems];
}

async function change(zip: JSZip, part: string, f: (xml: string) => string): Promise<void> {
  const xml = await zip.file(part)?.async("string");
  if (xml === undefined) throw new Error(`no part ${part}`);
  const next = f(xml);
  if (next === xml) throw new Error(`nothing changed in ${part}`);
  zip.file(part, next);
}

const rules = (ps: readonly PackageProblem[]): string[] => [...new Set(ps.map((p) => p.rule))].sort();

describe("the OOXML package check", () => {
  beforeAll(async () => {
    const missing = missingTools(SCHEMAS);
    if (missing !== undefined) throw new Error(missing);
    tmp = await tempDir();
    const model = tmp.file("model.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", model])).code).toBe(0);
    expect((await cli([model, "--out", tmp.file("run.xlsx")])).code).toBe(0);
    original = await readFile(tmp.file("run.xlsx"));
  }, 120_000);

  afterAll(() => tmp.cleanup());

  it("passes the workbook as written, extension attributes in ignorable namespaces and all", async () => {
    const xml = await (await JSZip.loadAsync(original)).file("xl/worksheets/sheet1.xml")?.async("string");
    expect(xml).toMatch(/mc:Ignorable="[^"]*x14ac/);
    expect(xml).toContain("x14ac:dyDescent");
    expect(await problemsAfter(() => Promise.resolve())).toEqual([]);
  });

  it("finds an attribute the schema does not allow, naming the part and line", async () => {
    const ps = await problemsAfter((zip) => change(zip, "xl/styles.xml", (x) => x.replace("<fonts ", '<fonts colour="red" ')));
    expect(rules(ps)).toEqual(["schema"]);
    expect(ps[0]?.part).toBe("xl/styles.xml");
    expect(ps[0]?.message).toMatch(/attribute 'colour' is not allowed/);
  });

  it("finds worksheet children out of the schema's order", async () => {
    const ps = await problemsAfter((zip) =>
      change(zip, "xl/worksheets/sheet1.xml", (x) => {
        const parts = /<tableParts\b.*?<\/tableParts>/.exec(x)?.[0] ?? "";
        return x.replace(parts, "").replace("<sheetData", `${parts}<sheetData`);
      }),
    );
    expect(rules(ps)).toEqual(["schema", "worksheetOrder"]);
    expect(ps.find((p) => p.rule === "worksheetOrder")?.message).toMatch(/<sheetData> comes after <tableParts>/);
  });

  it("finds a part without a content type, and a part whose Override is gone (it falls back to application/xml)", async () => {
    const png = await problemsAfter((zip) => Promise.resolve(void zip.file("xl/media/image1.png", Buffer.from([0x89, 0x50]))));
    expect(png.map((p) => [p.rule, p.part])).toEqual([["contentTypes", "xl/media/image1.png"]]);
    const ps = await problemsAfter((zip) =>
      change(zip, "[Content_Types].xml", (x) => x.replace(/<Override PartName="\/xl\/tables\/table1.xml"[^>]*\/>/, "")),
    );
    expect(ps.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/targets xl\/tables\/table1\.xml, of content type application\/xml/),
    );
  });

  it("finds a relationship whose target is missing, and one whose target has the wrong content type", async () => {
    const missing = await problemsAfter((zip) =>
      change(zip, "xl/worksheets/_rels/sheet1.xml.rels", (x) => x.replace("../tables/table1.xml", "../tables/table99.xml")),
    );
    expect(missing.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/targets \.\.\/tables\/table99\.xml, which is not in the package/),
    );
    const wrongType = await problemsAfter((zip) =>
      change(zip, "xl/worksheets/_rels/sheet1.xml.rels", (x) => x.replace("../tables/table1.xml", "../styles.xml")),
    );
    expect(wrongType.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/targets xl\/styles\.xml, of content type .*styles\+xml, not .*table\+xml/),
    );
  });

  it("finds two tables with one id, and two with one name ignoring case", async () => {
    const ids = await problemsAfter((zip) => change(zip, "xl/tables/table2.xml", (x) => x.replace(/ id="\d+"/, ' id="1"')));
    expect(ids.map((p) => [p.rule, p.message])).toContainEqual(["tables", "table id 1 is also the id of xl/tables/table1.xml"]);
    const table1 = (await (await JSZip.loadAsync(original)).file("xl/tables/table1.xml")?.async("string")) ?? "";
    const name = /displayName="([^"]+)"/.exec(table1)?.[1] ?? "";
    const names = await problemsAfter((zip) =>
      change(zip, "xl/tables/table2.xml", (x) => x.replace(/ name="[^"]+"/, ` name="${name.toUpperCase()}"`)),
    );
    expect(names.map((p) => p.rule)).toContain("tables");
  });

  it("finds a header cell that is not its column's name, and a column name over 255 characters", async () => {
    const ps = await problemsAfter((zip) =>
      change(zip, "xl/tables/table1.xml", (x) => x.replace(/(<tableColumn [^>]*name=")[^"]+"/, `$1${"N".repeat(300)}"`)),
    );
    expect(rules(ps)).toEqual(["tables", "textLimits"]);
    expect(ps.find((p) => p.rule === "textLimits")?.message).toMatch(/named with 300 characters \(Excel allows 255\)/);
    expect(ps.find((p) => p.rule === "tables")?.message).toMatch(/column 1 is "N+" but its header cell .*!A1 holds/);
  });

  it("finds a sheet name over 31 characters and a footer over 255", async () => {
    const ps = await problemsAfter(async (zip) => {
      await change(zip, "xl/workbook.xml", (x) => x.replace(/(<sheet [^>]*name=")[^"]+"/, `$1${"S".repeat(32)}"`));
      await change(
        zip,
        "xl/worksheets/sheet1.xml",
        (x) =>
          x
            .replace("</worksheet>", "")
            .replace(/(<tableParts)/, `<headerFooter><oddFooter>${"F".repeat(256)}</oddFooter></headerFooter>$1`) + "</worksheet>",
      );
    });
    expect(rules(ps)).toContain("textLimits");
    expect(ps.map((p) => p.rule)).toContain("headerFooter");
  });
});
