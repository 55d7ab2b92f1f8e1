import {
  BUDGET_STATUS_TEXT,
  CATEGORIES,
  NATURES,
  formatMoney,
  fyLabel,
  partnerNames,
  type Category,
  type DoNoHarmReport,
  type ModelBudgetReport,
  type ModelRun,
  type Nature,
} from "../../../engine";
import type { Block, CellValue, ConditionalFormatSpec, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { WHOLE_POUNDS_FORMAT, outputSheet, pounds, runNotes } from "./common";
import { fitFigures } from "./paper";
import { runPartners } from "./partners";
import { pivotTotals } from "./summary";
import { BAD, CAUTION, GOOD, NEUTRAL } from "./status-colours";
import { CATEGORY_WORDS, NATURE_WORDS, partnerWords } from "./words";

/** The header of the first column, naming each row's partner. */
export const COMMITTEE_PARTNER = "Partner";
/** The label of the all-years column and of each block's total row. */
export const COMMITTEE_TOTAL = "Total";
/** The row and block of every partner together. */
export const COMMITTEE_ALL = "All partners";
/** The header of the budget verdict column. */
export const COMMITTEE_BUDGET = "Budget";
/** The start of the header of the budget figures' column, followed by the unit: "Budget (£)". */
export const COMMITTEE_BUDGET_FIGURE = "Budget (";
/** The header of the do-no-harm verdict column. */
export const COMMITTEE_HARM = "Do no harm";
/** The row (zero-based) of the headline table's headers. */
export const COMMITTEE_HEADER_ROW = 4;

/** Verdict words, each with its colours (a rule matches text that begins with it). */
export const COMMITTEE_VERDICTS = {
  overBudget: { text: BUDGET_STATUS_TEXT.over, ...BAD },
  noBudget: { text: BUDGET_STATUS_TEXT.noBudget, ...BAD },
  underBudget: { text: BUDGET_STATUS_TEXT.under, ...CAUTION },
  withinBudget: { text: "Within budget", ...GOOD },
  paysMore: { text: "Pays more", ...BAD },
  noWorse: { text: "No worse off", ...GOOD },
  joining: { text: "Joining", ...NEUTRAL },
} as const;

/** How figures are shown in the model's unit: the heading's words and the number format of its cells. */
export interface CommitteeUnit {
  /** "£" or "£000". */
  readonly heading: string;
  readonly format: string;
}

/**
 * The unit a committee reads the figures in, from the model's rounding unit:
 * £000 when shares are rounded to thousands (the cells hold pounds; the format
 * shows thousands, so nothing is lost to a division), whole pounds when rounded
 * to the pound, pounds and pence otherwise.
 */
export function committeeUnit(unitPence: number): CommitteeUnit {
  if (unitPence !== 0 && unitPence % 100_000 === 0) return { heading: "£000", format: "#,##0,;-#,##0," };
  if (unitPence !== 0 && unitPence % 100 === 0) return { heading: "£", format: WHOLE_POUNDS_FORMAT };
  return { heading: "£", format: MONEY_FORMAT };
}

type Cell = Record<Category, Record<Nature, number>>;

const zero = (): Cell => ({ capital: { "one-off": 0, ongoing: 0 }, revenue: { "one-off": 0, ongoing: 0 } });

/** The rows of a partner's block: each category by nature, its total, and the total of both. */
const BLOCK_ROWS: readonly { readonly label: string; readonly value: (c: Cell) => number }[] = [
  ...CATEGORIES.flatMap((cat) => [
    ...NATURES.map((nat) => ({ label: `${CATEGORY_WORDS[cat]} ${NATURE_WORDS[nat].toLowerCase()}`, value: (c: Cell) => c[cat][nat] })),
    { label: `${CATEGORY_WORDS[cat]} total`, value: (c: Cell) => c[cat]["one-off"] + c[cat].ongoing },
  ]),
  { label: COMMITTEE_TOTAL, value: (c: Cell) => CATEGORIES.reduce((s, cat) => s + c[cat]["one-off"] + c[cat].ongoing, 0) },
];

/** A partner's budget verdict: the short word for the headline table and the sentence under its block. */
function budgetVerdict(report: ModelBudgetReport, partner: string): { short: string; detail: string } {
  const lines = report.budgets.lines.filter((l) => l.partner === partner);
  if (lines.length === 0) return { short: "No budgets entered", detail: "No budgets were entered for this partner." };
  const over = lines.filter((l) => l.status === "over");
  const none = lines.filter((l) => l.status === "noBudget");
  const under = lines.filter((l) => l.status === "under");
  const where = (ls: typeof lines): string => ls.map((l) => `${l.yearLabel} ${CATEGORY_WORDS[l.category].toLowerCase()}`).join(", ");
  const parts: string[] = [];
  if (over.length > 0) parts.push(`over budget in ${where(over)}`);
  if (none.length > 0) parts.push(`charged with no budget in ${where(none)}`);
  if (under.length > 0) parts.push(`under budget in ${where(under)}`);
  const short =
    over.length > 0
      ? COMMITTEE_VERDICTS.overBudget.text
      : none.length > 0
        ? COMMITTEE_VERDICTS.noBudget.text
        : under.length > 0
          ? COMMITTEE_VERDICTS.underBudget.text
          : COMMITTEE_VERDICTS.withinBudget.text;
  const detail =
    parts.length === 0
      ? `Within budget (or its tolerance) in every year and category (${lines.length} budget ${lines.length === 1 ? "line" : "lines"}).`
      : `${parts.join("; ")}.`.replace(/^./, (c) => c.toUpperCase());
  return { short, detail };
}

/** Capital and revenue budgets entered, summed over the years. */
interface BudgetSums {
  capital: number;
  revenue: number;
}

/** Each partner's budgets entered, by category over all years (a `noBudget` line has none and adds nothing). */
function budgetTotals(report: ModelBudgetReport): Map<string, BudgetSums> {
  const out = new Map<string, BudgetSums>();
  for (const l of report.budgets.lines) {
    if (l.budget === undefined) continue;
    const sums = out.get(l.partner) ?? { capital: 0, revenue: 0 };
    sums[l.category] += l.budget;
    out.set(l.partner, sums);
  }
  return out;
}

/** Every partner's budgets together; undefined when none was entered. */
function allBudgets(byPartner: ReadonlyMap<string, BudgetSums>): BudgetSums | undefined {
  if (byPartner.size === 0) return undefined;
  const all = { capital: 0, revenue: 0 };
  for (const b of byPartner.values()) {
    all.capital += b.capital;
    all.revenue += b.revenue;
  }
  return all;
}

/** A partner's do-no-harm verdict across the scenarios checked: the short word and the sentence. */
function harmVerdict(reports: readonly DoNoHarmReport[], partner: string): { short: string; detail: string } {
  const shorts: string[] = [];
  const details: string[] = [];
  for (const h of reports) {
    const more = h.byPartner.find((b) => b.partner === partner);
    const prefix = reports.length > 1 ? `"${h.scenario}": ` : "";
    if (h.joining.includes(partner)) {
      shorts.push(`${prefix}${COMMITTEE_VERDICTS.joining.text}`);
      details.push(`${prefix}joins the service in "${h.scenario}".`);
    } else if (more !== undefined) {
      shorts.push(`${prefix}${COMMITTEE_VERDICTS.paysMore.text}`);
      details.push(
        `${prefix}pays more under "${h.scenario}": ${formatMoney(more.capital)} capital and ${formatMoney(more.revenue)} revenue ` +
          `(rises added up over the years; falls in other years not offset` +
          `${h.vatCostPartners?.includes(partner) === true ? "; including VAT it cannot recover" : ""}).`,
      );
    } else {
      shorts.push(`${prefix}${COMMITTEE_VERDICTS.noWorse.text}`);
      details.push(`${prefix}no worse off under "${h.scenario}" in any year, on capital or revenue.`);
    }
  }
  return { short: shorts.join("; "), detail: details.join(" ").replace(/^./, (c) => c.toUpperCase()) };
}

/**
 * The Committee summary: the recharge laid out as a joint committee reads
 * it, in the model's unit (£ or £000), as one table with the years across
 * the columns: for each partner (then all partners) its capital and revenue
 * charges, one-off and ongoing, their totals and its total, and beside its
 * total its budget verdict and (when a scenario adding a partner was
 * compared) its do-no-harm verdict; under the table each verdict in a
 * sentence. Every row names its partner and the header row repeats on every
 * printed page, so a page break inside a partner's rows loses nothing. A
 * verdict column appears only when its check was run, so the sheet never
 * claims a check that did not happen. Partners within others have their own
 * rows (the parent's being what it keeps), so every figure adds up to the
 * Allocations sheet's partner columns.
 */
export function committeeSheet(
  run: ModelRun,
  scenario: string | undefined,
  budget: ModelBudgetReport | undefined,
  harms: readonly DoNoHarmReport[],
): SheetSpec {
  const s = run.result.settings;
  const years: number[] = [];
  for (let y = s.firstYear; y <= s.lastYear; y++) years.push(y);
  const totals = pivotTotals(run);
  // Every charge is a multiple of the unit, so every figure here is; were one not, it is shown to the penny, never rounded by a format.
  const inUnit = [...totals.values()].every((byYear) =>
    [...byYear.values()].every((c) => CATEGORIES.every((cat) => NATURES.every((nat) => c[cat][nat] % s.unit === 0))),
  );
  const unit = inUnit ? committeeUnit(s.unit) : committeeUnit(1);
  const partners = runPartners(run);
  const names = partnerNames(run.model);
  const cellOf = (partner: string | undefined, year: number): Cell => {
    if (partner !== undefined) return totals.get(partner)?.get(year) ?? zero();
    const all = zero();
    for (const p of partners) {
      const c = totals.get(p.id)?.get(year);
      if (c !== undefined) for (const cat of CATEGORIES) for (const nat of NATURES) all[cat][nat] += c[cat][nat];
    }
    return all;
  };
  const figures = (partner: string | undefined, value: (c: Cell) => number): CellValue[] => {
    let total = 0;
    const row: CellValue[] = years.map((y) => {
      const v = value(cellOf(partner, y));
      total += v;
      return pounds(v);
    });
    return [...row, pounds(total)];
  };
  const total = BLOCK_ROWS[BLOCK_ROWS.length - 1]!;
  const yearHeads = years.map((y) => fyLabel(y));
  const verdictHeads = [...(budget === undefined ? [] : [COMMITTEE_BUDGET]), ...(harms.length === 0 ? [] : [COMMITTEE_HARM])];
  // The budget beside its verdict, in the figures' unit only when every budget sum is a whole number of it (a budget
  // is typed to the penny and is not rounded by the run, and a format must never hide pence).
  const budgetSums = budget === undefined ? undefined : budgetTotals(budget);
  const budgetUnit =
    budgetSums !== undefined && inUnit && [...budgetSums.values()].every((b) => CATEGORIES.every((c) => b[c] % s.unit === 0))
      ? unit
      : committeeUnit(1);
  const figureHeads = budgetSums === undefined ? [] : [`${COMMITTEE_BUDGET_FIGURE}${budgetUnit.heading})`];
  const moneyFormats = (lead: number): (string | null)[] => [
    ...Array.from({ length: lead }, () => null),
    ...years.map(() => unit.format),
    unit.format,
    ...figureHeads.map(() => budgetUnit.format),
    ...verdictHeads.map(() => null),
  ];
  // A partner's budgets entered (all years) on its Capital total, Revenue total and Total rows; blank where it entered none.
  const budgetCells = (partner: string | undefined, label: string): CellValue[] => {
    if (budgetSums === undefined) return [];
    const sums = partner === undefined ? allBudgets(budgetSums) : budgetSums.get(partner);
    if (sums === undefined) return [""];
    const cat = CATEGORIES.find((c) => label === `${CATEGORY_WORDS[c]} total`);
    const value = cat !== undefined ? sums[cat] : label === COMMITTEE_TOTAL ? sums.capital + sums.revenue : undefined;
    return [value === undefined ? "" : pounds(value)];
  };
  const verdicts = partners.map((p) => ({
    budget: budget === undefined ? undefined : budgetVerdict(budget, p.id),
    harm: harms.length === 0 ? undefined : harmVerdict(harms, p.id),
  }));

  const notes = runNotes(run.result, scenario, true);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Committee summary: recharges by partner and year"]], style: "title" },
    {
      row: 1,
      col: 0,
      values: [[`${notes[0] ?? ""} · figures in ${unit.heading === "£000" ? "£000 (thousands of pounds)" : "pounds"}`], [notes[1] ?? ""]],
      style: "note",
    },
    {
      row: COMMITTEE_HEADER_ROW,
      col: 0,
      values: [[COMMITTEE_PARTNER, `Charges (${unit.heading})`, ...yearHeads, COMMITTEE_TOTAL, ...figureHeads, ...verdictHeads]],
      style: "header",
    },
  ];
  const formats = moneyFormats(2);
  // One group of rows per partner, then all partners: every row names its partner, so a page that starts part-way
  // through a group (the header row is repeated on every page) still says whose figures they are.
  let row = COMMITTEE_HEADER_ROW + 1;
  const group = (label: string, partner: string | undefined, short: readonly string[]): void => {
    const body = BLOCK_ROWS.slice(0, -1).map((r) => [
      label,
      r.label,
      ...figures(partner, r.value),
      ...budgetCells(partner, r.label),
      ...verdictHeads.map(() => ""),
    ]);
    blocks.push({ row, col: 0, values: body, formats });
    blocks.push({
      row: row + body.length,
      col: 0,
      values: [
        [
          label,
          total.label,
          ...figures(partner, total.value),
          ...budgetCells(partner, total.label),
          ...verdictHeads.map((_, k) => short[k] ?? ""),
        ],
      ],
      formats,
      style: "total",
    });
    row += body.length + 1;
  };
  const labels = partners.map((p) => (p.within === undefined ? p.name : `${p.name} (within ${names.get(p.within) ?? p.within})`));
  partners.forEach((p, i) => {
    const v = verdicts[i];
    group(labels[i] ?? p.id, p.id, [
      ...(v?.budget === undefined ? [] : [v.budget.short]),
      ...(v?.harm === undefined ? [] : [v.harm.short]),
    ]);
  });
  group(COMMITTEE_ALL, undefined, []);
  const cf: ConditionalFormatSpec[] =
    verdictHeads.length === 0
      ? []
      : [
          {
            row: COMMITTEE_HEADER_ROW + 1,
            col: years.length + 3 + figureHeads.length,
            rows: row - COMMITTEE_HEADER_ROW - 1,
            cols: verdictHeads.length,
            rules: Object.values(COMMITTEE_VERDICTS),
          },
        ];

  // The verdicts in a sentence each, under the table.
  const sentences: string[] = [];
  partners.forEach((p, i) => {
    const v = verdicts[i];
    if (v?.budget !== undefined) sentences.push(`${partnerWords(p.id, names)}, budget — ${v.budget.detail}`);
    if (v?.harm !== undefined) sentences.push(`${partnerWords(p.id, names)}, do no harm — ${v.harm.detail}`);
  });
  if (budget === undefined) sentences.push("No budget check was run with these results.");
  else
    sentences.push(
      `${figureHeads[0] ?? ""}: the budgets entered, all years together, beside each capital, revenue and overall total; ` +
        "a year or category without a budget adds nothing to it (the Budget check lists each budget against its charge).",
    );
  if (sentences.length > 0) {
    blocks.push({ row: row + 1, col: 0, values: [["Verdicts"]], style: "header" });
    blocks.push({ row: row + 2, col: 0, values: sentences.map((t) => [t]), style: "note" });
  }

  return outputSheet("committee", {
    blocks,
    conditionalFormats: cf,
    freezeRows: COMMITTEE_HEADER_ROW + 1,
    // Fitted to an A4 landscape page: names and verdicts wrap; each column of figures as wide as its widest figure.
    // The partner column fits "London Borough of Southwark" and a verdict column "Under budget" on one line, no wider, so
    // the Budget (£) column beside them keeps the sheet within the page. The charges column fits "Capital ongoing" by the
    // paper estimate: narrower, its rows were made two lines tall while the text printed on one, spacing rows unevenly.
    columnWidths: fitFigures(blocks, [154, 91, ...years.map(() => 60), 60, ...figureHeads.map(() => 60), ...verdictHeads.map(() => 74)]),
  });
}
