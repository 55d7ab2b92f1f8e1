import { formatMoney, fyLabel, type CapitalFinancingReport, type ModelRun, type OptionAppraisal } from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures } from "./paper";
import { runPartners } from "./partners";

/**
 * The rows of a landscape A4 page, counted conservatively (Excel's 15 pt rows within its normal margins hold about 31
 * at full size; wrapped headers and notes take more than one, so this leaves room for them).
 */
const PAGE_ROWS = 30;

/** The words for an option's verdict. */
const CHEAPER: Readonly<Record<OptionAppraisal["total"]["cheaper"], string>> = {
  capital: "Capital",
  cloud: "Cloud",
  same: "The same",
};

/**
 * The Capital financing sheet (docs/capital.md): each partner's revenue
 * consequences of the model's financed capital by financial year (MRP,
 * interest, revenue contributions; years across the columns, as in a
 * medium-term financial strategy, and beyond the model's years where MRP runs
 * on), the financed lines, and each capital-versus-cloud option per partner.
 * Written only for a model with capital financing or options.
 */
export function capitalFinancingSheet(run: ModelRun, report: CapitalFinancingReport, scenario?: string): SheetSpec {
  const names = new Map(runPartners(run).map((p) => [p.id, p.name]));
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Capital financing: each partner's MRP, interest and revenue contributions by year"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
    {
      row: 3,
      col: 0,
      // One short line a row, so a note never widens the printed page.
      values: [
        ["Borrowing is repaid through MRP from the year after the asset comes into use, over its life; interest is on each"],
        ["year's opening balance from the year after the spend. Each partner's MRP adds up exactly to its share of the capital."],
        ["A revenue contribution is a revenue cost in the year of spend; capital receipts and grants have no revenue cost."],
      ],
      style: "note",
    },
  ];
  let row = 7;
  const years = report.years;
  blocks.push({ row, col: 0, values: [["Revenue consequences by partner (£)"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [["Partner and figure", ...years.map(fyLabel), "Total"]], style: "header" });
  row += 2;
  const formats = [null, ...years.map(() => MONEY_FORMAT), MONEY_FORMAT];
  for (const p of report.partners) {
    // The partner's name on a row of its own, across the page: in a column of its own it wrapped over three rows and
    // pushed its figures apart unevenly.
    blocks.push({ row, col: 0, values: [[partnerHeading(p.partner, names)]] });
    const figures: CellValue[][] = [
      ["MRP", ...p.years.map((y) => pounds(y.mrp)), pounds(p.mrp)],
      ["Interest", ...p.years.map((y) => pounds(y.interest)), pounds(p.interest)],
      ["Revenue contribution", ...p.years.map((y) => pounds(y.revenueContribution)), pounds(p.revenueContribution)],
    ];
    blocks.push({ row: row + 1, col: 0, values: figures, formats });
    blocks.push({
      row: row + 4,
      col: 0,
      values: [["Total", ...p.years.map((y) => pounds(y.total)), pounds(p.total)]],
      formats,
      style: "total",
    });
    // A blank row between partners, so each partner's total reads as closing its own figures.
    row += 6;
  }
  if (report.partners.length === 0) {
    blocks.push({ row, col: 0, values: [["No capital line is financed by borrowing or a revenue contribution."]] });
    row += 2;
  }
  row += 1;

  blocks.push({ row, col: 0, values: [["Financed capital lines"]], style: "header" });
  blocks.push({
    row: row + 1,
    col: 0,
    values: [["Line", "Financing", "Amount (£)", "Spent", "In use from", "Life", "MRP method", "Rate %", "MRP from"]],
    style: "header",
  });
  const lines: CellValue[][] = report.lines.map((l) => [
    l.ref,
    l.shared ? l.financing : `${l.financing} (charged to no one in the model's years)`,
    pounds(l.amount),
    l.spent,
    l.inUseFrom,
    l.life ?? "",
    l.method ?? "",
    l.interestRate ?? "",
    l.firstMrpYear ?? "",
  ]);
  if (lines.length === 0) lines.push(["None", "", "", "", "", "", "", "", ""]);
  blocks.push({ row: row + 2, col: 0, values: lines, formats: [null, null, MONEY_FORMAT, null, null, null, null, null, null] });
  row += lines.length + 4;

  // An option's heading, its table and its note print on one page: an option that would run past the page starts the
  // next one (rows counted as Excel's 15 pt; its header row wraps to two).
  const pageBreaks: number[] = [];
  let pageStart = 0;
  for (const o of report.options) {
    const rows = o.partners.length + 7;
    if (row > pageStart && row + rows > pageStart + PAGE_ROWS) {
      pageBreaks.push(row);
      pageStart = row;
    }
    row = optionBlocks(blocks, row, o, names);
  }
  return outputSheet("capitalFinancing", {
    blocks,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [140, ...years.map(() => 56), 60]),
    pageBreaks,
  });
}

/** "London Borough of Havering (LBH)", or the id alone for a partner without a name of its own. */
function partnerHeading(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name === undefined || name === id ? id : `${name} (${id})`;
}

function optionBlocks(blocks: Block[], row: number, o: OptionAppraisal, names: ReadonlyMap<string, string>): number {
  const discounted = o.discountRate !== undefined;
  blocks.push({
    row,
    col: 0,
    values: [
      [
        `Option "${o.name}": line ${o.line} against a cloud service, ${o.firstYear} to ${o.lastYear}` +
          (discounted ? `, discounted at ${o.discountRate}% a year (the first year undiscounted)` : ", undiscounted"),
      ],
    ],
    style: "header",
  });
  blocks.push({
    row: row + 1,
    col: 0,
    values: [
      [
        "Partner",
        "Capital (£)",
        "Capital after (£)",
        "Cloud (£)",
        "Cloud − capital (£)",
        ...(discounted ? ["Present capital (£)", "Present cloud (£)", "Present difference (£)"] : []),
        "Cheaper",
      ],
    ],
    style: "header",
  });
  const figures = (p: Omit<OptionAppraisal["partners"][number], "partner" | "years" | "share">): CellValue[] => [
    pounds(p.capital),
    pounds(p.capitalAfter),
    pounds(p.cloud),
    pounds(p.difference),
    ...(discounted ? [pounds(p.presentCapital ?? 0), pounds(p.presentCloud ?? 0), pounds(p.presentDifference ?? 0)] : []),
    CHEAPER[p.cheaper],
  ];
  const body: CellValue[][] = o.partners.map((p) => [names.get(p.partner) ?? p.partner, ...figures(p)]);
  body.push(["All partners", ...figures(o.total)]);
  const money = discounted ? 7 : 4;
  blocks.push({ row: row + 2, col: 0, values: body, formats: [null, ...Array<string>(money).fill(MONEY_FORMAT), null] });
  blocks.push({
    row: row + 3 + body.length,
    col: 0,
    values: [
      [
        `Cloud: ${formatMoney(o.subscription)} a year, set-up ${formatMoney(o.setUp)} in the first year, exit ` +
          `${formatMoney(o.exit)} in the last, shared as the capital is. Capital: MRP plus interest in the years compared.`,
      ],
    ],
    style: "note",
  });
  return row + body.length + 6;
}

/**
 * The Capital financing sheet of a run without capital financing, written in
 * place of one an earlier run left, so its figures cannot be taken for this run's.
 */
export function capitalFinancingRetiredSheet(): SheetSpec {
  return outputSheet("capitalFinancing", {
    blocks: [
      { row: 0, col: 0, values: [["Capital financing: none in the latest run"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "The model (or the scenario run) has no financed capital lines and no options, so there is nothing to show. This " +
              "sheet held an earlier run's figures; they were removed so they cannot be taken for the latest run's (see the Run log).",
          ],
        ],
        style: "note",
      },
    ],
    freezeRows: 0,
    columnWidths: [400],
  });
}
