import {
  BUDGET_STATUS_TEXT,
  budgetFlagMessage,
  formatMoney,
  fracToDecimalText,
  partnerNames,
  type BudgetFlag,
  type BudgetStatus,
  type ModelBudgetReport,
  type ModelRun,
} from "../../../engine";
import type { Block, CellValue, ConditionalFormatSpec, SheetSpec, TableSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES, PERCENT_FIGURE_FORMAT } from "../names";
import { notRunSheet, outputSheet, pounds, runNotes, tableBlocks } from "./common";
import { fitFigures } from "./paper";
import { BAD, CAUTION, GOOD } from "./status-colours";
import { categoryWords, partnerWords } from "./words";

/**
 * Status words in the Budget check's Status column (the engine's one
 * vocabulary), each with its conditional format colours.
 */
export const BUDGET_STATUS: Readonly<Record<BudgetStatus, { readonly text: string; readonly fill: string; readonly font: string }>> = {
  onBudget: { text: BUDGET_STATUS_TEXT.onBudget, ...GOOD },
  withinUnder: { text: BUDGET_STATUS_TEXT.withinUnder, ...GOOD },
  withinOver: { text: BUDGET_STATUS_TEXT.withinOver, ...GOOD },
  under: { text: BUDGET_STATUS_TEXT.under, ...CAUTION },
  over: { text: BUDGET_STATUS_TEXT.over, ...BAD },
  noBudget: { text: BUDGET_STATUS_TEXT.noBudget, ...BAD },
};

/** Flag words in the Flags section, with their colours. */
export const FLAG_STATUS = {
  noBudget: { text: BUDGET_STATUS_TEXT.noBudget, ...BAD },
  wrongBudgetKind: { text: "Wrong kind of budget", ...BAD },
  settlementNotCarried: { text: "Not carried forward", ...BAD },
  statedTotalDiffers: { text: "Stated total differs", ...CAUTION },
  statedTotalMixesCategories: { text: "Mixes capital and revenue", ...CAUTION },
  statedTotalMixesNatures: { text: "Mixes one-off and ongoing", ...CAUTION },
} as const;

/** The Budget check table's headers. */
export const BUDGET_HEADERS = [
  "Partner",
  "Name",
  "Year",
  "Category",
  "Service",
  "Budget (£)",
  "Recharge (£)",
  "Variance (£)",
  "Variance %",
  "Status",
] as const;

function flagRow(f: BudgetFlag, names: ReadonlyMap<string, string>): CellValue[] {
  const status = FLAG_STATUS[f.kind].text;
  switch (f.kind) {
    case "noBudget":
    case "wrongBudgetKind":
      return [
        status,
        partnerWords(f.partner, names),
        f.yearLabel,
        categoryWords(f.category),
        f.service,
        pounds(f.amount),
        budgetFlagMessage(f),
      ];
    case "settlementNotCarried":
      return [status, "", f.yearLabel, categoryWords(f.category), f.service, pounds(f.variance), budgetFlagMessage(f)];
    case "statedTotalDiffers":
      return [status, "", f.yearLabel ?? "", "", f.label, pounds(f.difference), budgetFlagMessage(f)];
    case "statedTotalMixesCategories":
    case "statedTotalMixesNatures":
      return [status, "", "", "", f.label, "", budgetFlagMessage(f)];
  }
}

/**
 * What each partner's recharge is compared on, for a model with journals
 * inputs: net for a section 33 body, gross (net + the VAT it cannot recover)
 * for any other; nothing is said for a model without them (all net, as ever).
 */
export function vatBasisNotes(report: ModelBudgetReport, names: ReadonlyMap<string, string>): string[] {
  const basis = report.vatBasis;
  if (basis === undefined) return [];
  if (basis.unavailable)
    return ["Recharge is net of VAT for every partner: VAT could not be worked out (the Coding and Ledgers sheets have errors)."];
  if (basis.gross.length === 0) return ["Recharge is net of VAT: every partner is a section 33 body and recovers the VAT it is charged."];
  return [
    `Recharge is gross (net + VAT it cannot recover) for ${basis.gross.map((p) => partnerWords(p, names)).join(", ")}, ` +
      "not section 33 bodies; net of VAT for every other partner.",
  ];
}

/**
 * The Budget check sheet: each partner's recharge against its budget by year,
 * capital/revenue (and service), with the variance in £ and % and a status
 * coloured by conditional formatting; then the flags (charges with no budget
 * or the wrong kind of budget, stated totals that do not add up or that mix
 * categories), the stated totals themselves and any year-end settlement.
 */
export function budgetCheckSheet(run: ModelRun, report: ModelBudgetReport | undefined, scenario: string | undefined): SheetSpec {
  if (report === undefined) {
    return notRunSheet(
      "budgetCheck",
      "Budget check",
      "No budget check was run with these results. Add budgets on the Budgets sheet and run again.",
      run.result,
      scenario,
    );
  }
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["Budget check"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
  ];
  const tol = report.budgets.tolerance;
  blocks.push({
    row: 3,
    col: 0,
    values: [
      [
        `Tolerance: ${tol.amount === undefined ? "no £ tolerance" : formatMoney(tol.amount)}; ` +
          `${tol.percent === undefined ? "no % tolerance" : `${fracToDecimalText(tol.percent, 4)}% of budget`}.`,
      ],
      ...vatBasisNotes(report, partnerNames(run.model)).map((n) => [n]),
    ],
    style: "note",
  });
  const top = 5;
  const names = partnerNames(run.model);
  const body: CellValue[][] = report.budgets.lines.map((l) => [
    l.partner,
    names.get(l.partner) ?? l.partner,
    l.yearLabel,
    categoryWords(l.category),
    l.service,
    l.budget === undefined ? "" : pounds(l.budget),
    pounds(l.recharge),
    l.variance === undefined ? "" : pounds(l.variance),
    // The percentage to two places (the engine's rounding of the exact fraction) as a number: 12.5 shows "12.50%".
    l.percentText === undefined ? "" : Number(l.percentText),
    BUDGET_STATUS[l.status].text,
  ]);
  const t = tableBlocks(OUTPUT_TABLES.budgetCheck, top, BUDGET_HEADERS, body, [
    null,
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
  const tables: TableSpec[] = [t.table];
  const cf: ConditionalFormatSpec[] = [
    { row: top + 1, col: BUDGET_HEADERS.indexOf("Status"), rows: t.bodyRows, cols: 1, rules: Object.values(BUDGET_STATUS) },
  ];
  let row = top + t.bodyRows + 2;
  blocks.push({ row, col: 0, values: [["Flags"]], style: "header" });
  if (report.flags.length === 0) {
    blocks.push({ row: row + 1, col: 0, values: [["None: every charge has a budget of the right kind and every stated total adds up."]] });
    row += 3;
  } else {
    blocks.push({
      row: row + 1,
      col: 0,
      values: [["Flag", "Partner", "Year", "Category", "Service or total", "Amount (£)", "Message"]],
      style: "header",
    });
    blocks.push({
      row: row + 2,
      col: 0,
      values: report.flags.map((f) => flagRow(f, names)),
      formats: [null, null, null, null, null, MONEY_FORMAT, null],
    });
    cf.push({ row: row + 2, col: 0, rows: report.flags.length, cols: 1, rules: Object.values(FLAG_STATUS) });
    row += report.flags.length + 4;
  }
  // The stated totals and the year-end settlement reuse the budget table's columns (its name, year, category and
  // service columns for text, its three £ columns for figures), so the sheet stays within an A4 landscape page
  // without shrinking: their figures beyond three go in a second table rather than in further columns.
  if (report.statedTotals.length > 0) {
    // A titled table whose rows start in column B: label and year, two text columns, then £ figures.
    const titled = (title: string, headers: readonly string[], rows: readonly CellValue[][], figures: number): void => {
      blocks.push({ row, col: 0, values: [[title]], style: "header" });
      blocks.push({ row: row + 1, col: 1, values: [[...headers]], style: "header" });
      blocks.push({
        row: row + 2,
        col: 1,
        values: [...rows],
        formats: [null, null, null, null, ...Array<string>(figures).fill(MONEY_FORMAT)],
      });
    };
    const labelled = (s: (typeof report.statedTotals)[number]): CellValue[] => [s.label, s.yearLabel ?? "Full amounts"];
    titled(
      "Stated totals",
      ["Label", "Year", "Matches", "Lines", "Stated (£)", "Lines add to (£)", "Difference (£)"],
      report.statedTotals.map((s) => [
        ...labelled(s),
        s.matches ? "Yes" : "No",
        s.lines.join(", "),
        pounds(s.stated),
        pounds(s.linesTotal),
        pounds(s.difference),
      ]),
      3,
    );
    row += report.statedTotals.length + 3;
    titled(
      "Stated totals' lines by category and nature",
      ["Label", "Year", "", "", "Capital (£)", "Revenue (£)", "One-off (£)", "Ongoing (£)"],
      report.statedTotals.map((s) => [...labelled(s), "", "", pounds(s.capital), pounds(s.revenue), pounds(s.oneOff), pounds(s.ongoing)]),
      4,
    );
    row += report.statedTotals.length + 4;
  }
  if (report.yearEnd !== undefined) {
    const ye = report.yearEnd;
    blocks.push({ row, col: 0, values: [[`Year-end settlement (shared by ${ye.basis})`]], style: "header" });
    blocks.push({
      row: row + 1,
      col: 2,
      values: [["Year", "Category", "Service", "Outturn (£)", "Charged (£)", "Variance (£)", "", "Kind"]],
      style: "header",
    });
    blocks.push({
      row: row + 2,
      col: 2,
      values: ye.settlements.map((s) => [
        s.yearLabel,
        categoryWords(s.category),
        s.service,
        pounds(s.outturn),
        pounds(s.charged),
        pounds(s.variance),
        "",
        s.kind,
      ]),
      formats: [null, null, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, null, null],
    });
    row += ye.settlements.length + 3;
    blocks.push({ row, col: 0, values: [["Each partner's share of the settlement"]], style: "header" });
    blocks.push({
      row: row + 1,
      col: 1,
      values: [["Partner", "Year", "Category", "Service", "Contribution (£)", "Share (£)", "Carried forward"]],
      style: "header",
    });
    const rows: CellValue[][] = [];
    for (const s of ye.settlements) {
      // Says only what happened: the share's line in the next year, or why there is none.
      const carried = (share: number, partner: string): string => {
        if (!ye.carryForward) return "No (not chosen)";
        if (s.notCarried !== undefined) return `No: ${s.notCarried} is not one of the model's years`;
        if (share === 0) return "Nothing to carry";
        const line = s.carryForward.find((l) => l.ref.endsWith(`(${partner})`));
        return line === undefined ? "No" : `Into ${s.carriedTo ?? ""} as "${line.ref}"`;
      };
      const head: CellValue[] = [s.yearLabel, categoryWords(s.category), s.service];
      for (const sh of s.shares)
        rows.push([partnerWords(sh.partner, names), ...head, pounds(sh.contribution), pounds(sh.share), carried(sh.share, sh.partner)]);
      if (s.shares.length === 0) rows.push(["", ...head, "", "", carried(0, "")]);
    }
    if (rows.length > 0) {
      blocks.push({
        row: row + 2,
        col: 1,
        values: rows,
        formats: [null, null, null, null, MONEY_FORMAT, MONEY_FORMAT, null],
      });
    }
  }
  return outputSheet("budgetCheck", {
    blocks,
    tables,
    conditionalFormats: cf,
    freezeRows: top + 1,
    // Fitted to an A4 landscape page: text wraps, each column of figures as wide as its widest figure.
    columnWidths: fitFigures(blocks, [48, 130, 45, 55, 55, 60, 60, 60, 50, 105]),
  });
}
