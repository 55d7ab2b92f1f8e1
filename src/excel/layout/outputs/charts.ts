import { fyLabel, type ModelRun } from "../../../engine";
import type { Block, CellValue, ChartSpec, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds } from "./common";
import { runPartners } from "./partners";
import { pivotTotals } from "./summary";

/** Rows each chart's block takes on the Charts sheet (at least enough for its chart). */
const MIN_BLOCK_ROWS = 16;
/**
 * Rows of the sheet one printed page holds, at the least: an A4 landscape
 * page (487 pt high inside Excel's normal margins) at the scale that fits the
 * printed columns (A to L, about 840 pt) to its width (741 pt), in Excel's
 * 15 pt rows, is 36 rows; LibreOffice's rows are lower, so it fits more.
 */
const PAGE_ROWS = 34;
/** The height of a row of the Charts sheet, in points: Excel's default for 11 pt text. */
const ROW_POINTS = 15;
/** The most rows a chart spans. */
const MAX_CHART_ROWS = 30;
/** The columns a chart spans, right of its table (E to L). */
const CHART_COLS = { from: 4, to: 11 } as const;

/** One block of the Charts sheet: a heading, a table of figures and the chart drawn from it. */
interface ChartBlock {
  readonly heading: string;
  readonly headers: readonly string[];
  readonly rows: readonly CellValue[][];
  readonly kind: ChartSpec["kind"];
  readonly title: string;
}

/**
 * The Charts sheet, each chart beside the table it is drawn from (so every
 * figure a chart shows is on the sheet as a number):
 * - all partners: capital and revenue charges of each partner in each year,
 *   stacked (one column per partner and year);
 * - one-off and ongoing charges of all partners by year, stacked;
 * - for each partner, its capital and revenue charges by year, clustered.
 */
export function chartsSheet(run: ModelRun): SheetSpec {
  const s = run.result.settings;
  const years: number[] = [];
  for (let y = s.firstYear; y <= s.lastYear; y++) years.push(y);
  const totals = pivotTotals(run);
  const partners = runPartners(run);
  const cell = (id: string, y: number) => totals.get(id)?.get(y);
  const sections: ChartBlock[] = [];
  sections.push({
    heading: "All partners",
    headers: ["Partner and year", "Capital (£)", "Revenue (£)"],
    rows: partners.flatMap((p) =>
      years.map((y) => {
        const c = cell(p.id, y);
        // The partner's code, not its name: a dozen names would crowd the chart's axis; the blocks below name each code.
        return [`${p.id} ${fyLabel(y)}`, pounds(capital(c)), pounds(revenue(c))];
      }),
    ),
    kind: "stacked",
    title: "All partners: capital and revenue charges by partner and year",
  });
  sections.push({
    heading: "One-off and ongoing",
    headers: ["Year", "One-off (£)", "Ongoing (£)"],
    rows: years.map((y) => {
      let oneOff = 0;
      let ongoing = 0;
      for (const p of partners) {
        const c = cell(p.id, y);
        oneOff += (c?.capital["one-off"] ?? 0) + (c?.revenue["one-off"] ?? 0);
        ongoing += (c?.capital.ongoing ?? 0) + (c?.revenue.ongoing ?? 0);
      }
      return [fyLabel(y), pounds(oneOff), pounds(ongoing)];
    }),
    kind: "stacked",
    title: "All partners: one-off and ongoing charges by year",
  });
  for (const p of partners) {
    sections.push({
      heading: `${p.id} — ${p.name}`,
      headers: ["Year", "Capital (£)", "Revenue (£)"],
      rows: years.map((y) => {
        const c = cell(p.id, y);
        return [fyLabel(y), pounds(capital(c)), pounds(revenue(c))];
      }),
      kind: "clustered",
      title: `${p.name}: capital and revenue charges by year`,
    });
  }
  const blocks: Block[] = [{ row: 0, col: 0, values: [["Capital and revenue charges by partner and year"]], style: "title" }];
  const charts: ChartSpec[] = [];
  let row = 2;
  const pageBreaks: number[] = [];
  let pageStart = 0;
  sections.forEach((b, i) => {
    // A block that would run past the page starts a new one, so no chart is printed cut in two.
    const chartRows = Math.min(Math.max(MIN_BLOCK_ROWS, b.rows.length + 4), MAX_CHART_ROWS);
    if (row > pageStart && row + chartRows > pageStart + PAGE_ROWS) {
      pageBreaks.push(row);
      pageStart = row;
    }
    blocks.push({ row, col: 0, values: [[b.heading]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [[...b.headers]], style: "header" });
    blocks.push({ row: row + 2, col: 0, values: b.rows.map((r) => [...r]), formats: [null, MONEY_FORMAT, MONEY_FORMAT] });
    const height = Math.max(MIN_BLOCK_ROWS, b.rows.length + 4);
    charts.push({
      name: `SA_Chart_${i + 1}`,
      kind: b.kind,
      title: b.title,
      data: { row: row + 1, col: 0, rows: b.rows.length + 1, cols: b.headers.length },
      // A row below the block's first: LibreOffice prints a chart whose top sits on a page break on the page above too.
      from: { row: row + 1, col: CHART_COLS.from },
      // A long table's chart stays one screen tall: its columns narrow rather than the chart growing down the page.
      to: { row: row + Math.min(height, MAX_CHART_ROWS) - 2, col: CHART_COLS.to },
    });
    row += height;
  });
  // The tables' columns, then the charts' (46 pt each): the whole sheet within an A4 landscape page's width.
  const columnWidths = [150, 100, 100, ...Array.from({ length: CHART_COLS.to - 2 }, () => 46)];
  const sheet = outputSheet("charts", { blocks, charts, freezeRows: 0, columnWidths, pageBreaks });
  // Every row at Excel's 15 pt: LibreOffice places a chart by the rows' heights as it opens the file and then fits rows to
  // its own font, which moved each chart up from its rows, across the page break above it.
  const set = new Map((sheet.text?.rowHeights ?? []).map((h) => [h.row, h.height]));
  const rows = sheet.print?.area.rows ?? 0;
  const rowHeights = Array.from({ length: rows }, (_, r) => ({ row: r, height: set.get(r) ?? ROW_POINTS }));
  return { ...sheet, text: { merges: sheet.text?.merges ?? [], wraps: sheet.text?.wraps ?? [], rowHeights } };
}

type Totals = ReturnType<typeof pivotTotals> extends Map<string, Map<number, infer T>> ? T : never;

function capital(c: Totals | undefined): number {
  return (c?.capital["one-off"] ?? 0) + (c?.capital.ongoing ?? 0);
}

function revenue(c: Totals | undefined): number {
  return (c?.revenue["one-off"] ?? 0) + (c?.revenue.ongoing ?? 0);
}
