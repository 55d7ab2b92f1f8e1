import { readFile, writeFile } from "node:fs/promises";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProperty, encodeProperty } from "../../src/cli/xlsx/custom-properties";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** Rewrites every part whose name matches `re` with `f`. */
async function rewriteParts(file: string, re: RegExp, f: (xml: string, name: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(file));
  for (const name of Object.keys(zip.files).filter((n) => re.test(n)))
    zip.file(name, f((await zip.file(name)?.async("string")) ?? "", name));
  await writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("workbooks saved by Excel", () => {
  it("keeps tables' header rows and filter buttons (Excel omits headerRowCount and filter columns; exceljs misreads both)", async () => {
    const file = t.file("excel-style.xlsx");
    expect((await cli(["--sample", "east-kent-housing", file])).code).toBe(0);
    // Make the tables look as Excel saves them.
    await rewriteParts(file, /^xl\/tables\/.*\.xml$/, (xml) =>
      xml
        .replace(/ headerRowCount="1"/, "")
        .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
        .replace(/<autoFilter ref="([^"]+)">.*?<\/autoFilter>/, '<autoFilter ref="$1"/>')
        .replace(/ totalsRowLabel="Total"| totalsRowFunction="none"/g, ""),
    );
    const before = await JSZip.loadAsync(await readFile(file));
    const excelLike = await before.file("xl/tables/table1.xml")?.async("string");
    expect(excelLike).not.toContain("headerRowCount");

    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    const after = await JSZip.loadAsync(await readFile(file));
    const tables = Object.keys(after.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
    expect(tables.length).toBeGreaterThan(5);
    for (const name of tables) {
      const xml = (await after.file(name)?.async("string")) ?? "";
      expect(xml, name).not.toContain('headerRowCount="0"');
      expect(xml, name).not.toContain('hiddenButton="1"');
    }
    // And the model still reads and runs from the rewritten file.
    expect((await cli([file, "--check"])).code).toBe(0);
  });

  it("reads the ownership marker however its text was stored (UTF-16LE with or without a byte-order mark, or UTF-8)", () => {
    const text = '{"v":1,"role":"output","kind":"summary","fp":"abc"}';
    expect(decodeProperty(encodeProperty(text))).toBe(text);
    expect(decodeProperty(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])))).toBe(text);
    expect(decodeProperty(new Uint8Array(Buffer.from(text, "utf8")))).toBe(text);
    expect(decodeProperty(new Uint8Array(Buffer.concat([Buffer.from(text, "utf16le"), Buffer.from([0, 0])])))).toBe(text);
    expect(decodeProperty(undefined)).toBeUndefined();
  });

  it("finds a marker stored with a namespace prefix and any relationship id, as other writers store it", async () => {
    const file = t.file("prefixed.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    await rewriteParts(file, /^xl\/worksheets\/sheet\d+\.xml$/, (xml) =>
      xml.replace(
        /<customProperties><customPr name="SharedApportion" r:id="rIdSaProp1"\/><\/customProperties>/,
        '<x:customProperties xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:customPr ' +
          'name="SharedApportion" r:id="rId77"/></x:customProperties>',
      ),
    );
    await rewriteParts(file, /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/, (xml) => xml.replace('Id="rIdSaProp1"', 'Id="rId77"'));
    // The input sheets are still recognised as the add-in's, so a run writes its outputs beside them.
    const r = await cli([file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Wrote Summary, Committee summary, Allocations");
  });
});
