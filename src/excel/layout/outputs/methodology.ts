import {
  CHANGE_SPLIT_RULE,
  formatMoney,
  longDate,
  parseDate,
  partnerNames,
  type MethodologyGroup,
  type MethodologyPaper,
  type ModelInput,
  type ModelRun,
  type PartnerChange,
} from "../../../engine";
import { PRINT_WIDTH, type Block, type CellValue, type SheetSpec } from "../cells";
import { MONEY_FORMAT, NUMBER_FORMAT, PERCENT_FIGURE_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures, widthOf } from "./paper";
import { basisInWords, categoryWords, partnerWords } from "./words";

/** The Methodology sheet's title, before the years it compares. */
export const METHODOLOGY_TITLE = "Methodology";

/** A change in percentage points, signed: "+10.00 pts", "-10.00 pts", "0.00 pts". */
export const POINTS_FORMAT = '+0.00" pts";-0.00" pts";0.00" pts"';

/**
 * The headers of a table of changes: the partner or line, both years' charges,
 * the change and its two parts, both shares and their change.
 */
export function changeHeaders(paper: MethodologyPaper, first: string): string[] {
  return [
    first,
    `${paper.previousYear} (£)`,
    `${paper.year} (£)`,
    "Change (£)",
    "Change of cost (£)",
    "Change of share (£)",
    `Share ${paper.previousYear}`,
    `Share ${paper.year}`,
    "Change (points)",
  ];
}

const CHANGE_FORMATS = [
  null,
  MONEY_FORMAT,
  MONEY_FORMAT,
  MONEY_FORMAT,
  MONEY_FORMAT,
  MONEY_FORMAT,
  PERCENT_FIGURE_FORMAT,
  PERCENT_FIGURE_FORMAT,
  POINTS_FORMAT,
];

/** A percentage's text as a cell: a number (shown with its % by the format), or empty when there was no cost that year. */
function percentCell(text: string | undefined): CellValue {
  return text === undefined ? "" : Number(text);
}

function changeRow(label: string, c: PartnerChange): CellValue[] {
  return [
    label,
    pounds(c.before),
    pounds(c.after),
    pounds(c.change),
    pounds(c.costEffect),
    pounds(c.shareEffect),
    percentCell(c.percentBefore),
    percentCell(c.percentAfter),
    percentCell(c.pointsChange),
  ];
}

/** A date as the paper prints it ("31 August 2020"), or the text as given when it is not a date. */
function dateWords(iso: string): string {
  const d = parseDate(iso, { entity: "driver" });
  return d.ok ? longDate(d.value) : iso;
}

/** Where a driver's figures came from and when, in words. */
export function driverSourceWords(d: MethodologyPaper["drivers"][number]): string {
  const source = d.source === undefined ? "source not recorded" : d.source;
  const when = d.asAt === undefined ? "date not recorded" : `as at ${dateWords(d.asAt)}`;
  const before =
    d.sourceBefore === undefined && d.asAtBefore === undefined
      ? ""
      : ` (last year: ${d.sourceBefore ?? source}${d.asAtBefore === undefined ? "" : `, as at ${dateWords(d.asAtBefore)}`})`;
  return `${d.label}${d.illustrative ? " (illustrative figures)" : ""}: ${source}, ${when}${before}.`;
}

/** The most lines a group's heading names; a larger group is named by its count and its first and last lines. */
const REFS_NAMED = 6;

/** A group's heading and its basis and cost in words, for the paper and the statements. */
export function groupWords(g: MethodologyGroup, paper: MethodologyPaper, model: ModelInput): { heading: string; detail: string } {
  const names = partnerNames(model);
  const basis = basisInWords(g, model, names);
  const rebased = g.rebased.length === 0 ? "" : ` (in ${paper.previousYear}: ${g.rebased.map((r) => `${r.ref} by ${r.basis}`).join("; ")})`;
  const cost =
    g.amountBefore === 0
      ? `new in ${paper.year}: ${formatMoney(g.amountAfter)}`
      : g.amountAfter === 0
        ? `${formatMoney(g.amountBefore)} in ${paper.previousYear}, none in ${paper.year}`
        : `${formatMoney(g.amountBefore)} in ${paper.previousYear}, ${formatMoney(g.amountAfter)} in ${paper.year} ` +
          `(change ${formatMoney(g.amountAfter - g.amountBefore)})`;
  const kind = `${g.service === "" ? "" : `${g.service}, `}${categoryWords(g.category).toLowerCase()}`;
  const [first] = g.refs;
  const heading =
    g.refs.length === 1
      ? `${first ?? ""} ${g.description} (${kind})`
      : g.refs.length <= REFS_NAMED
        ? `${kind[0]?.toUpperCase() ?? ""}${kind.slice(1)}: ${g.refs.join(", ")}`
        : `${kind[0]?.toUpperCase() ?? ""}${kind.slice(1)}: ${g.refs.length} lines, ${first ?? ""} to ${g.refs[g.refs.length - 1] ?? ""}`;
  return { heading, detail: `Basis: ${basis}${rebased}. Cost: ${cost}.` };
}

/** True when a partner has nothing on a line in either year (not a sharer of it, and no charge). */
function nothing(c: PartnerChange): boolean {
  return c.before === 0 && c.after === 0 && (c.percentBefore ?? "0.00") === "0.00" && (c.percentAfter ?? "0.00") === "0.00";
}

/**
 * The methodology paper's blocks from `row` down: each partner's change in
 * total, the drivers' figures with their source and date, and line by line
 * the basis in words, the cost in both years and each partner's change split
 * into a change of cost and a change of share.
 */
export function methodologyBlocks(paper: MethodologyPaper, model: ModelInput, start: number): { blocks: Block[]; row: number } {
  const names = partnerNames(model);
  // Partners by name alone, as in the Committee summary: "London Borough of Southwark" fits its column on one line.
  const nameOf = (id: string): string => names.get(id) ?? id;
  const blocks: Block[] = [];
  let row = start;
  const table = (heading: string, first: string, rows: CellValue[][], total?: CellValue[]): void => {
    blocks.push({ row, col: 0, values: [[heading]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [changeHeaders(paper, first)], style: "header" });
    blocks.push({ row: row + 2, col: 0, values: rows, formats: CHANGE_FORMATS });
    row += 2 + rows.length;
    if (total !== undefined) {
      blocks.push({ row, col: 0, values: [total], formats: CHANGE_FORMATS, style: "total" });
      row += 1;
    }
  };

  const all = paper.totals.reduce(
    (s, t) => ({ before: s.before + t.before, after: s.after + t.after, cost: s.cost + t.costEffect, share: s.share + t.shareEffect }),
    { before: 0, after: 0, cost: 0, share: 0 },
  );
  table(
    `Each partner's charges: ${paper.previousYear} and ${paper.year}`,
    "Partner",
    paper.totals.map((t) => changeRow(nameOf(t.partner), t)),
    [
      "All partners",
      pounds(all.before),
      pounds(all.after),
      pounds(all.after - all.before),
      pounds(all.cost),
      pounds(all.share),
      // All partners hold 100% of a year's costs only when that year had costs; a year with none has no shares.
      all.before === 0 ? "" : 100,
      all.after === 0 ? "" : 100,
      all.before === 0 || all.after === 0 ? "" : 0,
    ],
  );
  blocks.push({
    row,
    col: 0,
    values: [
      [`How a change is split: ${CHANGE_SPLIT_RULE}`],
      [
        "A partner's share of all the costs also moves when the mix of costs changes (a one-off cost in one year only), " +
          "with no change of share on any service: its change of share in £ is the services' added up.",
      ],
    ],
    style: "note",
  });
  row += 3;

  if (paper.drivers.length > 0) {
    blocks.push({ row, col: 0, values: [["The drivers: figures, their source and date"]], style: "header" });
    row += 1;
    for (const d of paper.drivers) {
      blocks.push({ row, col: 0, values: [[driverSourceWords(d)]], style: "note" });
      blocks.push({ row: row + 1, col: 0, values: [["Partner", paper.previousYear, paper.year, "Change"]], style: "header" });
      const figures = paper.partners.map((p, i): CellValue[] => {
        const b = d.before[i] ?? "";
        const a = d.after[i] ?? "";
        const nb = b === "" ? undefined : Number(b);
        const na = a === "" ? undefined : Number(a);
        return [nameOf(p), nb ?? "", na ?? "", nb === undefined || na === undefined ? "" : na - nb];
      });
      blocks.push({ row: row + 2, col: 0, values: figures, formats: [null, NUMBER_FORMAT, NUMBER_FORMAT, NUMBER_FORMAT] });
      row += 3 + figures.length;
    }
    row += 1;
  }

  blocks.push({
    row,
    col: 0,
    values: [["By service and basis: the cost, how it was split and each partner's change"]],
    style: "header",
  });
  row += 1;
  for (const g of paper.groups) {
    const { heading, detail } = groupWords(g, paper, model);
    blocks.push({ row, col: 0, values: [[heading]], style: "total" });
    blocks.push({ row: row + 1, col: 0, values: [[detail]], style: "note" });
    row += 2;
    const rows = g.partners.filter((c) => !nothing(c)).map((c) => changeRow(nameOf(c.partner), c));
    blocks.push({ row, col: 0, values: [changeHeaders(paper, "Partner")], style: "header" });
    blocks.push({
      row: row + 1,
      col: 0,
      values: rows.length > 0 ? rows : [["No partner is charged for it in either year."]],
      formats: CHANGE_FORMATS,
    });
    row += 2 + Math.max(rows.length, 1);
  }
  return { blocks, row };
}

/** The Methodology sheet's column widths: the partner, five columns of money and three of shares (a landscape page's width). */
const WIDTHS = [160, 84, 84, 84, 84, 84, 52, 52, 60];

/**
 * The Methodology sheet: how the costs of the run's second year were split
 * and what changed since its first, for the committee's annual paper
 * (docs/methodology.md); or, in the committee pack made with `--against`, the
 * paper against another workbook's signed-off run (`against` says which). A
 * model of one year says there is nothing to compare.
 */
export function methodologySheet(
  run: ModelRun,
  paper: MethodologyPaper | undefined,
  scenario: string | undefined,
  against?: string,
): SheetSpec {
  const title =
    paper === undefined
      ? `${METHODOLOGY_TITLE}: how the costs were split`
      : `${METHODOLOGY_TITLE}: how the costs of ${paper.year} were split, and what changed since ${paper.previousYear}`;
  const notes = runNotes(run.result, scenario, true);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[title]], style: "title" },
    { row: 1, col: 0, values: notes.map((n) => [n]), style: "note" },
  ];
  let row = 2 + notes.length;
  if (paper === undefined) {
    blocks.push({ row, col: 0, values: [["The model has one financial year: there is no previous year in it to compare with."]] });
  } else {
    blocks.push({
      row,
      col: 0,
      values: [
        [
          `${paper.previousYear}: ${against ?? `this run's own ${paper.previousYear}, worked out from the same inputs`}. ` +
            "Partners within others are counted in the partner they sit within." +
            emptyYearWords(paper),
        ],
      ],
      style: "note",
    });
    row += 2;
    blocks.push(...methodologyBlocks(paper, run.model, row).blocks);
  }
  return outputSheet("methodology", { blocks, freezeRows: 0, columnWidths: fittedWidths(blocks) });
}

/**
 * Said when one of the two years has no costs at all (oneSource's model costs only its first year): every change is
 * then a cost starting or ending, and no partner holds a share of the empty year, so the paper must not read as if
 * the split had moved.
 */
function emptyYearWords(paper: MethodologyPaper): string {
  const before = paper.groups.some((g) => g.amountBefore !== 0);
  const after = paper.groups.some((g) => g.amountAfter !== 0);
  if (!after && before)
    return ` The model has no costs in ${paper.year}: each change below is a ${paper.previousYear} cost ending, not a change of split.`;
  if (!before && after) return ` The model has no costs in ${paper.previousYear}: each change below is a ${paper.year} cost starting.`;
  return "";
}

/** The narrowest the partner column is made (its names wrap) to keep the figures on a landscape page at full size. */
const PARTNER_MIN = 120;

/**
 * The column widths: each column of figures as wide as its widest figure ({@link fitFigures}), and the partner column
 * narrowed (its names wrap) by what that takes beyond the page, so the sheet prints at full size; past
 * {@link PARTNER_MIN} the print setup's fitting to one page wide shrinks it instead.
 */
function fittedWidths(blocks: readonly Block[]): number[] {
  const widths = fitFigures(blocks, WIDTHS);
  const over = widthOf(widths, 0, widths.length) - PRINT_WIDTH.landscape;
  if (over > 0) widths[0] = Math.max(PARTNER_MIN, 2 * Math.floor(((widths[0] ?? PARTNER_MIN) - over) / 2));
  return widths;
}

/** The headers of a statement's "what changed" table: a portrait page's five columns. */
export function statementChangeHeaders(paper: MethodologyPaper): string[] {
  return ["Service and basis", `${paper.previousYear} (£)`, `${paper.year} (£)`, "Change of cost (£)", "Change of share (£)"];
}

/** "39.65% → 40.10% (+0.45 points)", or what there is when a year had no cost. */
function shareMove(c: PartnerChange): string {
  if (c.percentBefore === undefined) return `${c.percentAfter ?? "0.00"}% (new)`;
  if (c.percentAfter === undefined) return `${c.percentBefore}% (none this year)`;
  const points = c.pointsChange ?? "0.00";
  return `${c.percentBefore}% → ${c.percentAfter}% (${points.startsWith("-") || points === "0.00" ? "" : "+"}${points} points)`;
}

/**
 * A partner statement's own part of the methodology paper, from `start` down:
 * for each service and basis the partner pays for, its charges in both years,
 * the change split into a change of cost and a change of share, its share and
 * the basis in words; then its total. Returns the blocks and the next free row.
 */
export function statementMethodologyBlocks(
  paper: MethodologyPaper | undefined,
  model: ModelInput,
  partner: string,
  start: number,
  against?: string,
): { blocks: Block[]; row: number } {
  const blocks: Block[] = [];
  let row = start;
  if (paper === undefined) {
    blocks.push({ row, col: 0, values: [["What changed since last year"]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [["The model has one financial year: there is no previous year in it to compare with."]] });
    return { blocks, row: row + 3 };
  }
  const names = partnerNames(model);
  blocks.push({ row, col: 0, values: [[`What changed since ${paper.previousYear}`]], style: "header" });
  row += 1;
  const total = paper.totals.find((t) => t.partner === partner);
  if (total === undefined) {
    const within = model.withinPartners?.find((w) => w.partner.id.trim() === partner)?.within.trim();
    blocks.push({
      row,
      col: 0,
      values: [
        [
          within === undefined
            ? `No charges in ${paper.previousYear} or ${paper.year}.`
            : `Its charges are part of ${partnerWords(within, names)}'s share, whose change the methodology paper shows.`,
        ],
      ],
      style: "note",
    });
    return { blocks, row: row + 2 };
  }
  blocks.push({
    row,
    col: 0,
    values: [
      [
        `${paper.year} against ${against ?? `this run's own ${paper.previousYear}`}, by service and basis. ` +
          `How a change is split: ${CHANGE_SPLIT_RULE}`,
      ],
    ],
    style: "note",
  });
  blocks.push({ row: row + 1, col: 0, values: [statementChangeHeaders(paper)], style: "header" });
  row += 2;
  const formats = [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT];
  for (const g of paper.groups) {
    const c = g.partners.find((p) => p.partner === partner);
    if (c === undefined || nothing(c)) continue;
    // The lines in the narrow first column, the words under them across the page: a note of figures wraps less
    // predictably than one of words, so the share and the change have a row of their own.
    const [first] = g.refs;
    const label =
      g.refs.length === 1
        ? `${first ?? ""} ${g.description}`
        : g.refs.length <= REFS_NAMED
          ? g.refs.join(", ")
          : `${g.refs.length} lines, ${first ?? ""} to ${g.refs[g.refs.length - 1] ?? ""}`;
    const kind = `${g.service === "" ? "" : `${g.service}, `}${categoryWords(g.category).toLowerCase()}`;
    blocks.push({
      row,
      col: 0,
      values: [[label, pounds(c.before), pounds(c.after), pounds(c.costEffect), pounds(c.shareEffect)]],
      formats,
    });
    blocks.push({
      row: row + 1,
      col: 0,
      values: [
        [`${kind[0]?.toUpperCase() ?? ""}${kind.slice(1)}. Basis: ${basisInWords(g, model, names)}.`],
        [`Share ${shareMove(c)}; change ${formatMoney(c.change)}.`],
      ],
      style: "note",
    });
    row += 3;
  }
  blocks.push({
    row,
    col: 0,
    values: [["Total", pounds(total.before), pounds(total.after), pounds(total.costEffect), pounds(total.shareEffect)]],
    formats,
    style: "total",
  });
  blocks.push({
    row: row + 1,
    col: 0,
    values: [
      [
        `Change in total: ${formatMoney(total.change)} = ${formatMoney(total.costEffect)} change of cost + ` +
          `${formatMoney(total.shareEffect)} change of share.`,
      ],
    ],
    style: "note",
  });
  return { blocks, row: row + 3 };
}
