import { CATEGORIES, NATURES, fyLabel, type Category, type ModelRun, type Nature } from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { chargeFormat, outputSheet, pounds, runNotes } from "./common";
import { runPartners } from "./partners";

/** Where the Summary's pivot header row is (zero-based); the task pane maps selected cells by it. */
export const SUMMARY_HEADER_ROW = 5;

/** The Summary pivot's headers. */
export const SUMMARY_HEADERS = [
  "Partner",
  "Name",
  "Year",
  "Capital one-off (£)",
  "Capital ongoing (£)",
  "Capital total (£)",
  "Revenue one-off (£)",
  "Revenue ongoing (£)",
  "Revenue total (£)",
  "Total (£)",
] as const;

/** The label of a partner's all-years row and of the all-partners rows. */
export const ALL_YEARS = "All years";
/** The Partner column of the rows totalling every partner. */
export const ALL_PARTNERS = "All partners";

/** Sums by partner → year → category → nature, in pence. */
export function pivotTotals(run: ModelRun): Map<string, Map<number, Record<Category, Record<Nature, number>>>> {
  const out = new Map<string, Map<number, Record<Category, Record<Nature, number>>>>();
  // With nobody within anybody the core result's totals are the charges' totals, without
  // building one object per charge (a million for a county-sized model).
  const rows = (run.model.withinPartners ?? []).length === 0 ? run.result.totals : run.rows;
  for (const r of rows) {
    const byYear = out.get(r.partner) ?? new Map<number, Record<Category, Record<Nature, number>>>();
    out.set(r.partner, byYear);
    const cell = byYear.get(r.year) ?? { capital: { "one-off": 0, ongoing: 0 }, revenue: { "one-off": 0, ongoing: 0 } };
    byYear.set(r.year, cell);
    cell[r.category][r.nature] += r.amount;
  }
  return out;
}

function rowFor(p: string, name: string, year: string, c: Record<Category, Record<Nature, number>>): CellValue[] {
  const values: CellValue[] = [p, name, year];
  let total = 0;
  for (const cat of CATEGORIES) {
    let sub = 0;
    for (const nat of NATURES) {
      values.push(pounds(c[cat][nat]));
      sub += c[cat][nat];
    }
    values.push(pounds(sub));
    total += sub;
  }
  values.push(pounds(total));
  return values;
}

function zero(): Record<Category, Record<Nature, number>> {
  return { capital: { "one-off": 0, ongoing: 0 }, revenue: { "one-off": 0, ongoing: 0 } };
}

function add(a: Record<Category, Record<Nature, number>>, b: Record<Category, Record<Nature, number>>): void {
  for (const cat of CATEGORIES) for (const nat of NATURES) a[cat][nat] += b[cat][nat];
}

/**
 * The Summary sheet: a pivot of charges by partner × year × capital/revenue ×
 * one-off/ongoing, each partner's all-years total, and the all-partner totals,
 * under notes recording the run (scenario, years, rounding unit, part-year
 * convention, tie-break rule) and the balancing check.
 */
export function summarySheet(run: ModelRun, scenario: string | undefined): SheetSpec {
  const s = run.result.settings;
  const years: number[] = [];
  for (let y = s.firstYear; y <= s.lastYear; y++) years.push(y);
  const totals = pivotTotals(run);
  const body: CellValue[][] = [];
  const grand = new Map<number, Record<Category, Record<Nature, number>>>(years.map((y) => [y, zero()]));
  for (const p of runPartners(run)) {
    const byYear = totals.get(p.id);
    const all = zero();
    for (const y of years) {
      const c = byYear?.get(y) ?? zero();
      body.push(rowFor(p.id, p.name, fyLabel(y), c));
      add(all, c);
      const g = grand.get(y);
      if (g !== undefined) add(g, c);
    }
    body.push(rowFor(p.id, p.name, ALL_YEARS, all));
  }
  const everything = zero();
  for (const y of years) {
    const g = grand.get(y) ?? zero();
    body.push(rowFor(ALL_PARTNERS, "", fyLabel(y), g));
    add(everything, g);
  }
  body.push(rowFor(ALL_PARTNERS, "", ALL_YEARS, everything));
  const notes = runNotes(run.result, scenario);
  const extra: string[] = [];
  const illustrative = (run.model.drivers ?? []).filter((d) => d.illustrative === true).map((d) => d.label ?? d.id);
  if (illustrative.length > 0) extra.push(`Illustrative figures (not from source documents): ${illustrative.join(", ")}.`);
  const outside = run.result.linesOutsideYears;
  // One cell: the first 20 by name and a count of the rest, so the note never passes a cell's 32,767 characters.
  if (outside.length > 0)
    extra.push(
      `Lines with no charge in these years: ` +
        `${outside.slice(0, 20).join(", ")}${outside.length > 20 ? ` and ${outside.length - 20} more` : ""}.`,
    );
  const money = chargeFormat(
    s.unit,
    body,
    SUMMARY_HEADERS.map((_, i) => i).filter((i) => i >= 3),
  );
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Summary of charges by partner, year and category"]], style: "title" },
    { row: 1, col: 0, values: [...notes, extra.join(" ")].map((n) => [n]), style: "note" },
    { row: SUMMARY_HEADER_ROW, col: 0, values: [SUMMARY_HEADERS], style: "header" },
    { row: SUMMARY_HEADER_ROW + 1, col: 0, values: body, formats: [null, null, null, ...SUMMARY_HEADERS.slice(3).map(() => money)] },
  ];
  return outputSheet("summary", {
    blocks,
    freezeRows: SUMMARY_HEADER_ROW + 1,
    columnWidths: [90, 220, 70, 110, 110, 110, 110, 110, 110, 120],
  });
}
