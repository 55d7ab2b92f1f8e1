import { execFile, execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageSheets } from "../../src/cli/xlsx/custom-properties";
import { parseRels, relsPath } from "../../src/cli/xlsx/ooxml";
import { parseAddress } from "../../src/excel/layout/address";
import { SAMPLES } from "../../src/samples";
import { cli, readBack, tempDir } from "./helpers";

const run = promisify(execFile);
const NOW = new Date("2026-12-01T14:03:00Z");
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "brent-lewisham-southwark", t.file("model.xlsx")])).code).toBe(0);
  const r = await cli([t.file("model.xlsx"), "--out", t.file("results.xlsx")], undefined, NOW);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(async () => {
  await t.cleanup();
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["c:ser", "c:pt"].includes(name) });

/** A chart as read back from the package: where it is anchored and what it draws, by following the relationships. */
interface ReadChart {
  readonly part: string;
  readonly name: string;
  readonly from: { row: number; col: number };
  readonly to: { row: number; col: number };
  readonly grouping: string;
  readonly title: string;
  readonly series: { name: { f: string; cached: string }; cat: { f: string; cached: string[] }; val: { f: string; cached: number[] } }[];
}

function asList<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Every part the Charts sheet's charts are made of, and the charts, found the way Excel finds them (sheet → drawing → chart). */
async function chartsOf(file: string, sheet = "Charts"): Promise<{ zip: JSZip; parts: string[]; charts: ReadChart[] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const s = (await packageSheets(zip)).find((x) => x.name === sheet);
  if (s === undefined) throw new Error(`no sheet ${sheet}`);
  const sheetXml = (await zip.file(s.path)?.async("string")) ?? "";
  const drawingIds = [...sheetXml.matchAll(/<drawing r:id="([^"]+)"\/>/g)].map((m) => m[1]);
  expect(drawingIds).toHaveLength(1);
  const drawing = parseRels(s.path, await zip.file(relsPath(s.path))?.async("string")).find((r) => r.id === drawingIds[0]);
  expect(drawing?.type).toBe(`${REL}/drawing`);
  const drawingXml = (await zip.file(drawing!.target)?.async("string")) ?? "";
  const drawingRels = parseRels(drawing!.target, await zip.file(relsPath(drawing!.target))?.async("string"));
  const parts = [s.path, relsPath(s.path), drawing!.target, relsPath(drawing!.target)];
  const charts: ReadChart[] = [];
  for (const a of asList(parser.parse(drawingXml)["xdr:wsDr"]["xdr:twoCellAnchor"])) {
    const frame = a["xdr:graphicFrame"];
    const rel = drawingRels.find((r) => r.id === frame["a:graphic"]["a:graphicData"]["c:chart"]["@r:id"]);
    expect(rel?.type).toBe(`${REL}/chart`);
    parts.push(rel!.target);
    const c = parser.parse((await zip.file(rel!.target)?.async("string")) ?? "")["c:chartSpace"]["c:chart"];
    const bar = c["c:plotArea"]["c:barChart"];
    expect(bar["c:barDir"]["@val"]).toBe("col");
    charts.push({
      part: rel!.target,
      name: frame["xdr:nvGraphicFramePr"]["xdr:cNvPr"]["@name"],
      from: { row: Number(a["xdr:from"]["xdr:row"]), col: Number(a["xdr:from"]["xdr:col"]) },
      to: { row: Number(a["xdr:to"]["xdr:row"]), col: Number(a["xdr:to"]["xdr:col"]) },
      grouping: bar["c:grouping"]["@val"],
      title: String(c["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]),
      series: asList(bar["c:ser"]).map((ser) => ({
        name: { f: ser["c:tx"]["c:strRef"]["c:f"], cached: String(ser["c:tx"]["c:strRef"]["c:strCache"]["c:pt"][0]["c:v"]) },
        cat: {
          f: ser["c:cat"]["c:strRef"]["c:f"],
          cached: asList(ser["c:cat"]["c:strRef"]["c:strCache"]["c:pt"]).map((p) => String(p["c:v"])),
        },
        val: {
          f: ser["c:val"]["c:numRef"]["c:f"],
          cached: asList(ser["c:val"]["c:numRef"]["c:numCache"]["c:pt"]).map((p) => Number(p["c:v"])),
        },
      })),
    });
  }
  return { zip, parts, charts };
}

describe("the charts the command line writes", () => {
  it("are well-formed DrawingML parts, each declared in [Content_Types].xml", async () => {
    const { zip, parts, charts } = await chartsOf(t.file("results.xlsx"));
    for (const p of [...parts, "[Content_Types].xml"])
      expect(XMLValidator.validate((await zip.file(p)?.async("string")) ?? ""), p).toBe(true);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    for (const c of charts)
      expect(types).toContain(
        `<Override PartName="/${c.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
    expect(types).toContain(`<Override PartName="/${parts[2]}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
  });

  it("are the all-partners, one-off/ongoing and per-partner charts, drawn from the cells beside them, values cached", async () => {
    const { charts } = await chartsOf(t.file("results.xlsx"));
    const wb = await readBack(t.file("results.xlsx"));
    const ws = wb.getWorksheet("Charts")!;
    const partners = SAMPLES.find((x) => x.id === "brent-lewisham-southwark")!.model.partners.length;
    expect(charts).toHaveLength(2 + partners);
    expect(charts.map((c) => c.grouping)).toEqual(["stacked", "stacked", ...Array<string>(partners).fill("clustered")]);
    expect(charts[0]!.title).toMatch(/^All partners: capital and revenue/);
    expect(charts[1]!.title).toMatch(/^All partners: one-off and ongoing/);
    const cells = (f: string): unknown[] => {
      const r = parseAddress(f, "Charts");
      if (r === undefined || r.sheet !== "Charts" || r.cols !== 1) throw new Error(`not a column of the Charts sheet: ${f}`);
      return Array.from({ length: r.rows }, (_, i) => ws.getCell(r.row + i + 1, r.col + 1).value);
    };
    for (const c of charts) {
      expect(c.series.map((s) => s.name.cached)).toEqual(c === charts[1] ? ["One-off (£)", "Ongoing (£)"] : ["Capital (£)", "Revenue (£)"]);
      for (const s of c.series) {
        expect(cells(s.name.f), c.title).toEqual([s.name.cached]);
        expect(cells(s.cat.f).map(String), c.title).toEqual(s.cat.cached);
        expect(cells(s.val.f), c.title).toEqual(s.val.cached);
        expect(s.val.cached.every((v) => Number.isFinite(v))).toBe(true);
      }
      // The chart sits right of its table, its top on the table's header row (a row below the block's heading, so it is
      // never on a page break): its data starts on the row after the anchor's top.
      const data = parseAddress(c.series[0]!.cat.f, "Charts")!;
      expect(c.from.row).toBe(data.row - 1);
      expect(c.from.col).toBeGreaterThan(2);
      expect(c.to.row).toBeGreaterThan(c.from.row + 8);
    }
    // Printed, none is cut in two: the sheet's manual page breaks (<rowBreaks>, between 1-based rows id and id + 1) fall between charts.
    const sheetXml = (await JSZip.loadAsync(await readFile(t.file("results.xlsx")))).file(
      (await packageSheets(await JSZip.loadAsync(await readFile(t.file("results.xlsx"))))).find((s) => s.name === "Charts")!.path,
    )!;
    const breaks = [...(await sheetXml.async("string")).matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(0);
    for (const c of charts)
      expect(
        breaks.filter((b) => b > c.from.row && b <= c.to.row - 1),
        c.title,
      ).toEqual([]);
    // Charts never overlap one another.
    for (let i = 1; i < charts.length; i++) expect(charts[i]!.from.row).toBeGreaterThanOrEqual(charts[i - 1]!.to.row);
    // The per-partner charts' figures add up to the all-partners chart's, partner by partner and year by year.
    const all = charts[0]!;
    for (const c of charts.slice(2)) {
      const code = /^([A-Z0-9]+) — /.exec(String(ws.getCell(parseAddress(c.series[0]!.cat.f, "Charts")!.row - 1, 1).value))?.[1];
      expect(code, c.title).toBeDefined();
      c.series.forEach((s, k) =>
        s.cat.cached.forEach((year, i) => {
          const at = all.series[k]!.cat.cached.indexOf(`${code} ${year}`);
          expect(at, `${code} ${year}`).toBeGreaterThanOrEqual(0);
          expect(all.series[k]!.val.cached[at]).toBe(s.val.cached[i]);
        }),
      );
    }
  });

  it("are replaced, not added to, when the command line runs again on its own results", async () => {
    const file = t.file("results.xlsx");
    const before = await chartsOf(file);
    for (let i = 0; i < 2; i++) {
      const r = await cli([file], undefined, NOW);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/cannot keep|lacks/);
    }
    const after = await chartsOf(file);
    expect(after.charts.map(({ part: _p, ...c }) => c)).toEqual(before.charts.map(({ part: _p, ...c }) => c));
    const names = Object.keys(after.zip.files);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(before.charts.length);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
    const types = (await after.zip.file("[Content_Types].xml")?.async("string")) ?? "";
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(overrides).size).toBe(overrides.length);
    for (const o of overrides) expect(after.zip.file(o), o).not.toBeNull();
  });

  it("are the add-in's own: a rerun keeps quiet about them, but still refuses a file whose user sheet holds a chart", async () => {
    const file = t.file("user-chart.xlsx");
    const zip = await JSZip.loadAsync(await readFile(t.file("results.xlsx")));
    // The user's Costs sheet gets a chart too: a drawing of its own pointing at a chart part.
    const costs = (await packageSheets(zip)).find((x) => x.name === "Costs")!;
    const rels = (await zip.file(relsPath(costs.path))?.async("string")) ?? `<Relationships xmlns="${PKG_RELS}"></Relationships>`;
    zip.file(
      relsPath(costs.path),
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdUser" Type="${REL}/drawing" Target="../drawings/drawing99.xml"/></Relationships>`,
      ),
    );
    zip.file("xl/drawings/drawing99.xml", '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>');
    zip.file(
      "xl/drawings/_rels/drawing99.xml.rels",
      `<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    );
    await writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    const bytes = await readFile(file);
    const r = await cli([file], undefined, NOW);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('holds charts (on "Costs"), which this tool cannot keep');
    expect(r.stderr).not.toContain('"Charts"');
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("are listed in --json's written.charts, and nothing is listed when nothing is written", async () => {
    const r = await cli([t.file("model.xlsx"), "--no-write", "--json"], undefined, NOW);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { written: unknown }).written).toBeNull();
    const w = await cli([t.file("model.xlsx"), "--out", t.file("json.xlsx"), "--json"], undefined, NOW);
    const json = JSON.parse(w.stdout) as { written: { charts: { sheet: string; title: string }[] } };
    expect(json.written.charts.map((c) => c.title)).toEqual((await chartsOf(t.file("json.xlsx"))).charts.map((c) => c.title));
    expect(new Set(json.written.charts.map((c) => c.sheet))).toEqual(new Set(["Charts"]));
  });
});

/** A Python with openpyxl (CI installs the Debian package python3-openpyxl, for /usr/bin/python3). */
function findPython(): string | undefined {
  for (const py of ["/usr/bin/python3", "python3"]) {
    try {
      execFileSync(py, ["-c", "import openpyxl"], { stdio: "ignore" });
      return py;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const python = findPython();

describe("openpyxl reads the charts", () => {
  it("finds the same bar charts, titles and references", async () => {
    expect(python, "openpyxl is not installed: apt-get install -y python3-openpyxl").toBeDefined();
    const script = [
      "import sys, json, openpyxl",
      "ws = openpyxl.load_workbook(sys.argv[1])['Charts']",
      "print(json.dumps([{'type': type(c).__name__, 'grouping': c.grouping,",
      "  'title': ''.join(r.t for p in c.title.tx.rich.p for r in (p.r or [])),",
      "  'values': [s.val.numRef.f for s in c.series], 'row': c.anchor._from.row, 'col': c.anchor._from.col} for c in ws._charts]))",
    ].join("\n");
    const out = JSON.parse((await run(python!, ["-c", script, t.file("results.xlsx")])).stdout) as {
      type: string;
      grouping: string;
      title: string;
      values: string[];
      row: number;
      col: number;
    }[];
    const { charts } = await chartsOf(t.file("results.xlsx"));
    expect(charts.length).toBeGreaterThan(0);
    expect(out).toEqual(
      charts.map((c) => ({
        type: "BarChart",
        grouping: c.grouping,
        title: c.title,
        values: c.series.map((s) => s.val.f),
        row: c.from.row,
        col: c.from.col,
      })),
    );
  });

  it("results saved by openpyxl (its drawings unprefixed) run again in place, with one set of charts", async () => {
    const file = t.file("py-charts.xlsx");
    await run(python!, ["-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", t.file("results.xlsx"), file]);
    const saved = (await (await JSZip.loadAsync(await readFile(file))).file("xl/drawings/drawing1.xml")?.async("string")) ?? "";
    expect(saved).toMatch(/^<wsDr xmlns="/);
    const r = await cli([file], undefined, NOW);
    expect(r.code, r.stderr).toBe(0);
    const again = await chartsOf(file);
    expect(again.charts.map(({ part: _p, ...c }) => c)).toEqual(
      (await chartsOf(t.file("results.xlsx"))).charts.map(({ part: _p, ...c }) => c),
    );
  });
});
