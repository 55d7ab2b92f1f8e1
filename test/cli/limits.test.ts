import { readFile, writeFile } from "node:fs/promises";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/cli/xlsx/limits";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let sample: Buffer;
beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "onesource", t.file("base.xlsx")])).code).toBe(0);
  sample = await readFile(t.file("base.xlsx"));
});
afterAll(async () => {
  await t.cleanup();
});

/** The sample with `change` applied to its package. */
async function variant(change: (zip: JSZip) => void | Promise<void>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Promise<Buffer> {
  const zip = await JSZip.loadAsync(sample);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

/** The part holding the Costs sheet. */
async function costsSheet(zip: JSZip): Promise<string> {
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const id = /<sheet [^>]*name="Costs"[^>]*r:id="([^"]+)"/.exec(wb)?.[1];
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`;
}

/** Sets the size a zip's central directory declares for `name` (a zip that lies, or a bomb's honest header). */
function declare(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const needle = Buffer.from(name);
  for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) {
    if (i >= 46 && out.readUInt32LE(i - 46) === 0x02014b50) out.writeUInt32LE(size, i - 46 + 24);
  }
  return out;
}

async function run(name: string, bytes: Buffer, ...args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  await writeFile(t.file(name), bytes);
  const r = await cli([t.file(name), "--no-write", ...args]);
  if (r.code !== 0) {
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/TypeError|Cannot read properties|undefined|\n\s+at /);
  }
  return r;
}

describe("sizes are checked before anything is parsed", () => {
  it("a part that declares more than the limit (a zip bomb's header) is refused, with the option to raise it", async () => {
    const bomb = declare(await variant(() => undefined), "xl/sharedStrings.xml", 300 * 1024 * 1024);
    const r = await run("bomb.xlsx", bomb);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `holds a part (xl/sharedStrings.xml) that unpacks to 300.0 MiB, more than the limit of ${DEFAULT_LIMITS.unzippedMiB} MiB; ` +
        `nothing was read`,
    );
    expect(r.stderr).toContain("--max-unzipped <MiB>");
  });

  it("a part that inflates to more than it declares is refused after inflating no more than it declared", async () => {
    const padded = await variant(async (zip) => {
      const part = await costsSheet(zip);
      const xml = (await zip.file(part)?.async("string")) ?? "";
      zip.file(part, xml.replace("</worksheet>", `${" ".repeat(4 * 1024 * 1024)}</worksheet>`));
    });
    const zip = await JSZip.loadAsync(padded);
    const liar = declare(padded, await costsSheet(zip), 1000);
    const r = await run("liar.xlsx", liar);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is damaged or unsafe: its part xl\/worksheets\/sheet\d+\.xml unpacks to more than the size it states/);
  });

  it("--max-unzipped lowers or raises the limit", async () => {
    const padded = await variant(async (zip) => {
      const part = await costsSheet(zip);
      const xml = (await zip.file(part)?.async("string")) ?? "";
      zip.file(part, xml.replace("</worksheet>", `${" ".repeat(2 * 1024 * 1024)}</worksheet>`));
    });
    const low = await run("padded.xlsx", padded, "--max-unzipped", "1");
    expect(low.code).toBe(3);
    expect(low.stderr).toMatch(/holds a part \(xl\/worksheets\/sheet\d+\.xml\) that unpacks to 2\.0 MiB, more than the limit of 1 MiB/);
    expect((await run("padded.xlsx", padded, "--max-unzipped", "3")).code).toBe(0);
  });

  it("a file larger than the limit is not even read", async () => {
    const r = await run("big.xlsx", Buffer.concat([sample, Buffer.alloc(2 * 1024 * 1024)]), "--max-unzipped", "1");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/big\.xlsx is 2\.\d MiB, more than the limit of 1 MiB; nothing was read/);
  });

  it("a table claiming A1:XFD1048576 is refused by name before any cell is read", async () => {
    const huge = await variant(async (zip) => {
      const name = Object.keys(zip.files).find((f) => /^xl\/tables\/table\d+\.xml$/.test(f))!;
      const xml = (await zip.file(name)?.async("string")) ?? "";
      zip.file(name, xml.replace(/ref="[A-Z]+\d+:[A-Z]+\d+"/g, 'ref="A1:XFD1048576"'));
    });
    const r = await run("huge-table.xlsx", huge);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /table "\w+" claims A1:XFD1048576 \(17,179,869,184 cells\), more than the limit of 2,000,000 cells; nothing was read/,
    );
    expect(r.stderr).toContain("--max-table-cells <count>");
  });

  it("--max-table-cells sets the table limit", async () => {
    const low = await run("cells.xlsx", sample, "--max-table-cells", "10");
    expect(low.code).toBe(3);
    expect(low.stderr).toMatch(/more than the limit of 10 cells/);
    expect((await cli([t.file("cells.xlsx"), "--no-write", "--max-table-cells", "100000"])).code).toBe(0);
  });

  it.each([
    ["--max-unzipped", "0"],
    ["--max-unzipped", "lots"],
    ["--max-table-cells", "-5"],
  ])("%s %s is a usage error", async (flag, value) => {
    const r = await cli([t.file("base.xlsx"), flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${flag} needs a whole number`);
  });
});

describe("damaged files are named as damaged, without JavaScript internals", () => {
  it("a missing shared-strings part is one 'damaged' line, not a list of missing columns", async () => {
    const r = await run("no-strings.xlsx", await variant((zip) => void zip.remove("xl/sharedStrings.xml")));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no-strings\.xlsx is damaged: the part xl\/sharedStrings\.xml it refers to is missing/);
  });

  it("shared text with no shared-strings part at all (relationship gone too) is damaged", async () => {
    const bytes = await variant(async (zip) => {
      zip.remove("xl/sharedStrings.xml");
      const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
      zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
    });
    const r = await run("no-strings-rel.xlsx", bytes);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is damaged: sheet "\w+" uses the workbook's shared text, but the file has no shared-strings part/);
  });

  it("a sheet whose relationship is missing gives a plain 'damaged' line (exceljs itself would throw a TypeError)", async () => {
    const bytes = await variant(async (zip) => {
      const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
      zip.file("xl/workbook.xml", wb.replace(/(<sheet [^>]*name="Costs"[^>]*r:id=")[^"]+"/, '$1rId999"'));
    });
    const r = await run("bad-sheet.xlsx", bytes);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-sheet\.xlsx is damaged: sheet "Costs" is listed but its contents are not in the file/);
  });

  it("a part exceljs cannot parse gives a plain 'damaged' line, never the parser's own error", async () => {
    const r = await run("bad-styles.xlsx", await variant((zip) => void zip.file("xl/styles.xml", "<styleSheet><numFmts><numFmt")));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad-styles\.xlsx is damaged: its contents cannot be read as a workbook; open it in Excel and save it again/);
  });
});
