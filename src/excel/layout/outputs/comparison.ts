import { formatMoney, partnerNames, type Comparison, type DoNoHarmReport, type ManyComparison, type ModelRun } from "../../../engine";
import type { Block, CellValue, ConditionalFormatSpec, SheetSpec, TableSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES, PERCENT_FIGURE_FORMAT } from "../names";
import { fitFigures } from "./paper";
import { notRunSheet, outputSheet, pounds, runNotes, tableBlocks } from "./common";
import { BAD, GOOD, NEUTRAL } from "./status-colours";
import { partnerWords } from "./words";

/** Direction words in the comparison's Change column, with their colours. */
export const CHANGE_STATUS = {
  more: { text: "Pays more", ...BAD },
  less: { text: "Pays less", ...GOOD },
  same: { text: "No change", ...NEUTRAL },
} as const;

/** Verdict words of the do-no-harm check, with their colours. */
export const HARM_STATUS = {
  passed: { text: "Do no harm: passed", ...GOOD },
  failed: { text: "Do no harm: FAILED", ...BAD },
} as const;

/**
 * The width of a % column, in points: wider than its widest figure ("-100.00%"), so the right-aligned
 * percentage stands clear of the right-aligned £ difference before it and the two never read as one figure.
 */
const PERCENT_WIDTH = 62;

/**
 * A difference's percentage as a number of percent shown `-8.74%` (right-aligned like every figure, negatives
 * with a minus sign as the money is), from the engine's rounding of the exact fraction; blank where the base is
 * zero and no percentage has a meaning.
 */
function percentFigure(text: string | undefined): CellValue {
  return text === undefined ? "" : Number(text);
}

/** Partner id → name, from the run's model (a partner only a scenario adds shows its id). */
type Names = ReadonlyMap<string, string>;

/** Which partners' figures include VAT they cannot recover (a real cost to a body that is not a section 33 body). */
function vatCostWords(harm: DoNoHarmReport, names: Names): string {
  const who = harm.vatCostPartners ?? [];
  if (who.length === 0) return "";
  return (
    ` Figures for ${who.map((p) => partnerWords(p, names)).join(", ")} include the VAT ${who.length === 1 ? "it" : "they"} ` +
    "cannot recover (not section 33 bodies); every other partner's are net of VAT."
  );
}

/** The do-no-harm verdict and any rises, from `row`; returns the row after them. */
function harmBlocks(harm: DoNoHarmReport, start: number, blocks: Block[], cf: ConditionalFormatSpec[], names: Names): number {
  let row = start;
  const verdict = harm.passed ? HARM_STATUS.passed : HARM_STATUS.failed;
  const joining =
    harm.joining.length > 0
      ? ` Joining: ${harm.joining.map((j) => partnerWords(j, names)).join(", ")}` +
        (harm.memberYears.length > 0 ? `, charged in ${harm.memberYears.join(", ")} (the years it is a member)` : "") +
        "."
      : "";
  blocks.push({
    row,
    col: 0,
    values: [
      [
        verdict.text,
        `Scenario "${harm.scenario}".${joining} ` +
          (harm.passed
            ? "No existing partner pays more in any year, on capital or revenue."
            : `${harm.harms.length} partner-year-category ${harm.harms.length === 1 ? "rise" : "rises"} for existing partners.`) +
          vatCostWords(harm, names),
      ],
    ],
  });
  cf.push({ row, col: 0, rows: 1, cols: 1, rules: Object.values(HARM_STATUS) });
  row += 1;
  if (harm.harms.length > 0) {
    blocks.push({
      row: row + 1,
      col: 0,
      values: [["Name", "Partner", "Year", "Category", "Before (£)", "After (£)", "Increase (£)"]],
      style: "header",
    });
    blocks.push({
      row: row + 2,
      col: 0,
      values: harm.harms.map((h) => [
        names.get(h.partner) ?? h.partner,
        h.partner,
        h.yearLabel,
        h.category,
        pounds(h.before),
        pounds(h.after),
        pounds(h.increase),
      ]),
      formats: [null, null, null, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT],
    });
    row += harm.harms.length + 2;
    blocks.push({
      row: row + 1,
      col: 0,
      values: harm.byPartner.map((b) => [
        `${partnerWords(b.partner, names)} pays more in total: capital ${formatMoney(b.capital)}, revenue ${formatMoney(b.revenue)}`,
      ]),
      style: "note",
    });
    row += harm.byPartner.length + 1;
  }
  return row;
}

/** The headers of the many-run comparison table: the runs' charges, then each scenario's difference from the base and its %. */
export function manyComparisonHeaders(names: readonly string[]): string[] {
  const [base = "Base", ...scenarios] = names;
  return [
    "Name",
    "Partner",
    "Year",
    "Category",
    ...names.map((n) => `${n} (£)`),
    ...scenarios.flatMap((n) => [`${n} − ${base} (£)`, `${n} − ${base} %`]),
  ];
}

/**
 * The Scenario comparison sheet for the base and any number of scenarios:
 * first the do-no-harm verdict of each scenario that adds a partner (and its
 * rises), then one table with a row per partner × year × capital/revenue, a
 * column of charges per run, and each scenario's difference from the base in
 * £ and %.
 */
export function manyComparisonSheet(run: ModelRun, many: ManyComparison, scenario: string | undefined): SheetSpec {
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`Scenario comparison: ${many.names.join(", ")}`]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  const cf: ConditionalFormatSpec[] = [];
  let row = 4;
  const partners = partnerNames(run.model);
  for (const harm of many.doNoHarm) row = harmBlocks(harm, row, blocks, cf, partners) + 1;
  if (many.doNoHarm.length > 0) row += 1;
  const runs = many.names.length;
  const body: CellValue[][] = many.rows.map((r) => [
    partners.get(r.partner) ?? r.partner,
    r.partner,
    r.yearLabel,
    r.category,
    ...r.amounts.map(pounds),
    ...r.differences.flatMap((d, i) => [pounds(d), percentFigure(r.percentTexts[i])]),
  ]);
  const formats = [
    null,
    null,
    null,
    null,
    ...Array.from({ length: runs }, () => MONEY_FORMAT),
    ...Array.from({ length: runs - 1 }, () => [MONEY_FORMAT, PERCENT_FIGURE_FORMAT]).flat(),
  ];
  const t = tableBlocks(OUTPUT_TABLES.comparison, row, manyComparisonHeaders(many.names), body, formats);
  blocks.push(...t.blocks);
  return outputSheet("comparison", {
    blocks,
    tables: [t.table],
    conditionalFormats: cf,
    freezeRows: 0,
    // Fitted to an A4 landscape page: names and the long headers wrap, figures as wide as the widest.
    columnWidths: fitFigures(blocks, [
      120,
      48,
      45,
      55,
      ...Array.from({ length: runs }, () => 60),
      ...Array.from({ length: runs - 1 }, () => [60, PERCENT_WIDTH]).flat(),
    ]),
  });
}

/**
 * The Scenario comparison sheet: two runs side by side per partner × year ×
 * capital/revenue, with the difference in £ and % and whether the partner
 * pays more; then, when checked, the "do no harm" verdict and every existing
 * partner that would pay more.
 */
export function comparisonSheet(
  run: ModelRun,
  comparison: Comparison | undefined,
  harm: DoNoHarmReport | undefined,
  scenario: string | undefined,
): SheetSpec {
  if (comparison === undefined && harm === undefined) {
    return notRunSheet(
      "comparison",
      "Scenario comparison",
      "No scenario comparison was run with these results. Choose two scenarios to compare and run again.",
      run.result,
      scenario,
    );
  }
  const blocks: Block[] = [
    {
      row: 0,
      col: 0,
      values: [[comparison === undefined ? "Scenario comparison" : `Scenario comparison: ${comparison.from} → ${comparison.to}`]],
      style: "title",
    },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  const tables: TableSpec[] = [];
  const cf: ConditionalFormatSpec[] = [];
  let row = 4;
  const partners = partnerNames(run.model);
  if (harm !== undefined) row = harmBlocks(harm, row, blocks, cf, partners) + 2;
  if (comparison !== undefined) {
    const headers = [
      "Name",
      "Partner",
      "Year",
      "Category",
      `${comparison.from} (£)`,
      `${comparison.to} (£)`,
      "Difference (£)",
      "Change %",
      "Change",
    ];
    const body: CellValue[][] = comparison.rows.map((r) => [
      partners.get(r.partner) ?? r.partner,
      r.partner,
      r.yearLabel,
      r.category,
      pounds(r.from),
      pounds(r.to),
      pounds(r.difference),
      percentFigure(r.percentText),
      r.difference > 0 ? CHANGE_STATUS.more.text : r.difference < 0 ? CHANGE_STATUS.less.text : CHANGE_STATUS.same.text,
    ]);
    const t = tableBlocks(OUTPUT_TABLES.comparison, row, headers, body, [
      null,
      null,
      null,
      null,
      MONEY_FORMAT,
      MONEY_FORMAT,
      MONEY_FORMAT,
      PERCENT_FIGURE_FORMAT,
      null,
    ]);
    blocks.push(...t.blocks);
    tables.push(t.table);
    cf.push({ row: row + 1, col: 8, rows: t.bodyRows, cols: 1, rules: Object.values(CHANGE_STATUS) });
  }
  return outputSheet("comparison", {
    blocks,
    tables,
    conditionalFormats: cf,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [120, 48, 45, 55, 60, 60, 60, PERCENT_WIDTH, 65]),
  });
}
