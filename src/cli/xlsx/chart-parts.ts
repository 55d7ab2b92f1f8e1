import type JSZip from "jszip";
import type { CellValue, ChartSpec } from "../../excel";
import { a1, quoteSheet } from "../../app";
import { ooxmlEscape } from "./ooxml-text";
import { attr, insertWorksheetChild, parseRels, relsPath, tags, xmlEscape } from "./ooxml";

/** A chart to draw and the cells of its data rectangle (header row and category column included), as they are in the sheet. */
export interface ChartToDraw {
  readonly spec: ChartSpec;
  readonly data: readonly (readonly CellValue[])[];
}

/** The charts of one worksheet part. */
export interface SheetCharts {
  /** The worksheet part, `xl/worksheets/sheet6.xml`. */
  readonly path: string;
  /** The sheet's name when saved (the charts' references name it). */
  readonly sheet: string;
  readonly charts: readonly ChartToDraw[];
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
} as const;
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
} as const;
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series fills, in order: the add-in's blue and an orange that tells apart from it in greyscale print too. */
const SERIES_FILLS = ["2F5597", "ED7D31", "A5A5A5", "70AD47"] as const;
/** The value axis's labels: whole pounds (the table beside the chart has the pence). */
const AXIS_FORMAT = '"£"#,##0';
/** The size of a chart's axis labels and legend, in hundredths of a point (DrawingML `sz`): 10 pt. */
const CHART_TEXT_SIZE = 1000;

/** `'Charts'!$A$5:$A$9` (or one cell). */
function ref(sheet: string, row: number, col: number, rows = 1): string {
  const abs = (r: number): string => a1(r, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `${quoteSheet(sheet)}!${abs(row)}${rows > 1 ? `:${abs(row + rows - 1)}` : ""}`;
}

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(ooxmlEscape(v))}</c:v></c:pt>`)
    .join("")}</c:strCache>`;
}

/** Cached numbers: a cell that is not a number is left out (a gap), as Excel caches it. */
function numCache(values: readonly (CellValue | undefined)[]): string {
  const pts = values.flatMap((v, i) =>
    typeof v === "number" && Number.isFinite(v) ? [`<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>`] : [],
  );
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts.join("")}</c:numCache>`;
}

/**
 * A chart part (`xl/charts/chartN.xml`, ECMA-376 Part 1, 21.2): one
 * `c:barChart` with columns (`barDir` col), clustered or stacked, one series
 * per data column after the first. Every series names its header cell, its
 * categories (the first column) and values by reference to the sheet's cells,
 * with their values cached, so a reader that does not recalculate
 * (LibreOffice converting to PDF, a viewer) draws the same figures Excel
 * would. Elements are in the schema's order (CT_ChartSpace, CT_Chart,
 * CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx).
 */
export function chartXml(sheet: string, chart: ChartToDraw): string {
  const { spec, data } = chart;
  const [header = [], ...body] = data;
  const first = spec.data.row + 1;
  const categories = body.map((r) => text(r[0]));
  const stacked = spec.kind === "stacked";
  const series: string[] = [];
  for (let s = 1; s < spec.data.cols; s++) {
    const col = spec.data.col + s;
    series.push(
      `<c:ser><c:idx val="${s - 1}"/><c:order val="${s - 1}"/>` +
        `<c:tx><c:strRef><c:f>${xmlEscape(ref(sheet, spec.data.row, col))}</c:f>${strCache([text(header[s])])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_FILLS[(s - 1) % SERIES_FILLS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(ref(sheet, first, spec.data.col, body.length))}</c:f>` +
        `${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(ref(sheet, first, col, body.length))}</c:f>` +
        `${numCache(body.map((r) => r[s]))}</c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  const bar =
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>` +
    `${series.join("")}<c:gapWidth val="${stacked ? 80 : 150}"/>${stacked ? '<c:overlap val="100"/>' : ""}` +
    `<c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  // Labels and legend at 10 pt (ECMA-376 Part 1, 21.2.2.216 txPr): legible when printed, at least 9 pt on paper.
  const txPr =
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_TEXT_SIZE}"/></a:pPr>` +
    `<a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
  const catAx =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${txPr}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="${xmlEscape(AXIS_FORMAT)}" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr}<c:crossAx val="1001"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${txPr}</c:chartSpace>`
  );
}

/**
 * One chart's anchor in a drawing part (`xdr:twoCellAnchor`, ECMA-376 Part 1,
 * 20.5): from the top-left of its `from` cell to the bottom-right of its `to`
 * cell, as Office.js `Chart.setPosition(start, end)` places it.
 */
export function anchorXml(spec: ChartSpec, id: number, relId: string): string {
  const corner = (tag: string, row: number, col: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", spec.from.row, spec.from.col)}${corner("to", spec.to.row + 1, spec.to.col + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlEscape(spec.name)}" ` +
    `descr="${xmlEscape(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The first `prefix{n}.xml` not already in the package. */
function freeName(zip: JSZip, prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}.xml`;
    if (zip.file(name) === null && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function emptyRels(): string {
  return `${XML_DECL}<Relationships xmlns="${NS.rels}"></Relationships>`;
}

/** A relationship id not used in `rels`. */
function freeRelId(rels: string, stem: string): string {
  const used = new Set(tags(rels, "Relationship").map((a) => a.Id));
  let n = 1;
  while (used.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

function addRel(rels: string, id: string, type: string, target: string): string {
  return rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/></Relationships>`);
}

/** Puts `<drawing r:id>` where CT_Worksheet's sequence wants it, declaring the `r` namespace if the sheet does not. */
function insertDrawing(xml: string, relId: string): string {
  let out = insertWorksheetChild(xml, "drawing", `<drawing r:id="${relId}"/>`);
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(out)) out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  return out;
}

/**
 * Adds native Excel charts to a package written by exceljs (which cannot
 * write charts): for each sheet, a drawing part with one anchor per chart, a
 * chart part per chart, the relationships sheet → drawing → chart, the
 * sheet's `<drawing r:id>` and the parts' content types. A sheet that already
 * has a drawing (pictures exceljs wrote) gets the charts added to it.
 */
export async function writeCharts(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const overrides: string[] = [];
  const taken = new Set<string>();
  for (const s of sheets) {
    if (s.charts.length === 0) continue;
    let sheetXml = await zip.file(s.path)?.async("string");
    if (sheetXml === undefined) continue;
    const sheetRelsPath = relsPath(s.path);
    let sheetRels = (await zip.file(sheetRelsPath)?.async("string")) ?? emptyRels();
    // The sheet's drawing: the one it has, or a new one.
    const existingId = attr(tags(sheetXml, "drawing")[0] ?? {}, "id");
    const existing = parseRels(s.path, sheetRels).find((r) => r.id === existingId && r.type === REL.drawing && !r.external);
    let drawingPath: string;
    let drawingXml: string;
    if (existing !== undefined && zip.file(existing.target) !== null) {
      drawingPath = existing.target;
      drawingXml = (await zip.file(drawingPath)?.async("string")) ?? "";
    } else {
      drawingPath = freeName(zip, "xl/drawings/drawing", taken);
      drawingXml = `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"></xdr:wsDr>`;
      const relId = freeRelId(sheetRels, "rIdSaDrawing");
      sheetRels = addRel(sheetRels, relId, REL.drawing, `../drawings/${drawingPath.split("/").pop() ?? ""}`);
      sheetXml = insertDrawing(sheetXml, relId);
      overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CONTENT_TYPE.drawing}"/>`);
    }
    if (!/<xdr:wsDr\b[^>]*\sxmlns:r=/.test(drawingXml)) drawingXml = drawingXml.replace(/<xdr:wsDr\b/, `<xdr:wsDr xmlns:r="${NS.r}"`);
    const drawingRelsPath = relsPath(drawingPath);
    let drawingRels = (await zip.file(drawingRelsPath)?.async("string")) ?? emptyRels();
    let nextId = Math.max(1, ...tags(drawingXml, "cNvPr").map((a) => Number(a.id) || 0)) + 1;
    const anchors: string[] = [];
    for (const chart of s.charts) {
      const chartPath = freeName(zip, "xl/charts/chart", taken);
      zip.file(chartPath, chartXml(s.sheet, chart));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CONTENT_TYPE.chart}"/>`);
      const relId = freeRelId(drawingRels, "rIdSaChart");
      drawingRels = addRel(drawingRels, relId, REL.chart, `../charts/${chartPath.split("/").pop() ?? ""}`);
      anchors.push(anchorXml(chart.spec, nextId++, relId));
    }
    drawingXml = drawingXml.replace(/<\/xdr:wsDr>\s*$/, `${anchors.join("")}</xdr:wsDr>`);
    zip.file(drawingPath, drawingXml);
    zip.file(drawingRelsPath, drawingRels);
    zip.file(sheetRelsPath, sheetRels);
    zip.file(s.path, sheetXml);
  }
  if (overrides.length === 0) return;
  const ct = await zip.file("[Content_Types].xml")?.async("string");
  if (ct !== undefined) zip.file("[Content_Types].xml", ct.replace("</Types>", `${overrides.join("")}</Types>`));
}
