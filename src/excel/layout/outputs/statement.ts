import {
  BUDGET_STATUS_TEXT,
  CATEGORIES,
  Decimal,
  NATURES,
  fyLabel,
  parseDecimal,
  partnerNames,
  type Category,
  type LineYear,
  type Nature,
  type Pence,
} from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { pounds, printSpec, scenarioText, withPrintFooter } from "./common";
import { defaultTitle, type RunOutputs } from "./index";
import { CATEGORY_WORDS, NATURE_WORDS, basisInWords } from "./words";

/** The statement sheet's name in each partner's workbook. */
export const STATEMENT_SHEET = "Statement";

/** The headers of the charges by year. */
export const STATEMENT_YEAR_HEADERS = [
  "Year",
  "Capital one-off (£)",
  "Capital ongoing (£)",
  "Capital total (£)",
  "Revenue one-off (£)",
  "Revenue ongoing (£)",
  "Revenue total (£)",
  "Total (£)",
] as const;

/** The headers of the charges by cost line, each with its basis in words and the partner's share of it. */
export const STATEMENT_LINE_HEADERS = [
  "Ref",
  "Description",
  "Year",
  "Category",
  "Nature",
  "Basis",
  "Basis code",
  "Share of the line",
  "Charge (£)",
] as const;

/** The headers of the budget comparison. */
export const STATEMENT_BUDGET_HEADERS = [
  "Year",
  "Category",
  "Service",
  "Budget (£)",
  "Charged (£)",
  "Variance (£)",
  "Variance %",
  "Status",
] as const;

/** The label of the all-years row and of the total of the cost lines. */
export const STATEMENT_TOTAL = "Total";

/** Points per character of the default 11pt font, near enough to size a column to its text. */
const POINTS_PER_CHAR = 6.5;

/**
 * Column widths in points that fit what each column holds (money as shown,
 * "£1,234,567.89"), from 60 to 320 points. Text with nothing to its right (a
 * title, a note, a heading, a row's last cell) may run across the empty
 * columns beside it and does not widen its own.
 */
function fitWidths(blocks: readonly Block[]): number[] {
  const widths: number[] = [];
  for (const b of blocks) {
    if (b.values.length === 1 && b.values[0]?.length === 1) continue;
    for (const line of b.values) {
      line.forEach((v, i) => {
        // Text with nothing to its right spills over the empty cells, as Excel shows it.
        if (typeof v === "string" && (i === line.length - 1 || line[i + 1] === "")) return;
        const col = b.col + i;
        const text =
          typeof v === "number" ? `£${v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : String(v);
        widths[col] = Math.max(widths[col] ?? 60, Math.min(320, Math.ceil(text.length * POINTS_PER_CHAR) + 12));
      });
    }
  }
  return Array.from(widths, (w) => w ?? 60);
}

/** A decimal figure grouped the en-GB way: "56000" → "56,000". */
function grouped(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  return m === null ? text : `${m[1] ?? ""}${(m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** part ÷ whole as a percentage to 2 places, exactly from decimal text ("16.07%"); "–" for a zero whole. */
function percent(part: string, whole: string): string {
  const p = parseDecimal(part);
  const w = parseDecimal(whole);
  if (p === undefined || w === undefined || w.isZero()) return "–";
  return `${p.div(w).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** The partner's share of a line-year in words: "9,000 of 56,000 tickets = 16.07%" (a mix: its combined weight). */
function shareWords(ly: LineYear, position: number): string {
  const [only] = ly.components;
  if (ly.components.length === 1 && only !== undefined && only.weightPercent === undefined) {
    const value = only.values[position] ?? "0";
    return `${grouped(value)} of ${grouped(only.total)} ${only.label} = ${percent(value, only.total)}`;
  }
  const weight = ly.weights[position] ?? "0";
  return `${grouped(weight)} of ${grouped(ly.totalWeight)} (weighted) = ${percent(weight, ly.totalWeight)}`;
}

/**
 * A partner's recharge statement, to send to a partner council: plain values
 * (numbers formatted as pounds, words not codes) that open in any
 * spreadsheet, holding only this partner's figures. It shows the charges by
 * year, capital and revenue, one-off and ongoing; every charge by cost line
 * with its basis in words and the partner's share of the basis; its budgets
 * against its charges; and a balancing statement tying the statement to the
 * partner's total in the Summary and to the whole apportionment.
 */
export function partnerStatementSheet(outputs: RunOutputs, partner: string): SheetSpec {
  const { run, stamp } = outputs;
  const names = partnerNames(run.model);
  const name = names.get(partner) ?? partner;
  const rows = run.rows.filter((r) => r.partner === partner);
  const title = outputs.title === undefined || outputs.title.trim() === "" ? defaultTitle(run) : outputs.title.trim();
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`Recharge statement: ${name}${name === partner ? "" : ` (${partner})`}`]], style: "title" },
    {
      row: 1,
      col: 0,
      values: [
        [title],
        [
          `${scenarioText(outputs.scenario)} · years ${fyLabel(run.result.settings.firstYear)} to ` +
            `${fyLabel(run.result.settings.lastYear)}${stamp === undefined ? "" : ` · run ${stamp.when}, inputs ${stamp.fingerprint}`}`,
        ],
      ],
      style: "note",
    },
  ];
  let row = 4;

  // Charges by year, capital and revenue, one-off and ongoing.
  blocks.push({ row, col: 0, values: [["Charges by year"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [[...STATEMENT_YEAR_HEADERS]], style: "header" });
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const cell = (year: number | undefined, c: Category, n: Nature): Pence =>
    rows.filter((r) => (year === undefined || r.year === year) && r.category === c && r.nature === n).reduce((s, r) => s + r.amount, 0);
  const yearRow = (label: string, year: number | undefined): CellValue[] => {
    const values: CellValue[] = [label];
    let total = 0;
    for (const c of CATEGORIES) {
      let sub = 0;
      for (const n of NATURES) {
        const v = cell(year, c, n);
        values.push(pounds(v));
        sub += v;
      }
      values.push(pounds(sub));
      total += sub;
    }
    values.push(pounds(total));
    return values;
  };
  const moneyCols = (n: number): (string | null)[] => [null, ...Array.from({ length: n }, () => MONEY_FORMAT)];
  if (years.length > 0) blocks.push({ row: row + 2, col: 0, values: years.map((y) => yearRow(fyLabel(y), y)), formats: moneyCols(7) });
  blocks.push({
    row: row + 2 + years.length,
    col: 0,
    values: [yearRow(STATEMENT_TOTAL, undefined)],
    formats: moneyCols(7),
    style: "total",
  });
  row += years.length + 5;

  // Every charge by cost line, with its basis in words and the partner's share.
  const lineYears = new Map<string, LineYear>();
  for (const ly of run.result.lineYears) lineYears.set(`${ly.lineRef}\u0000${ly.yearLabel}`, ly);
  const parent = run.model.withinPartners?.find((w) => w.partner.id.trim() === partner)?.within.trim();
  blocks.push({ row, col: 0, values: [["Charges by cost line, with the basis of each"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [[...STATEMENT_LINE_HEADERS]], style: "header" });
  // A line that charges this partner nothing (a direct charge to another partner, say) is left out: it is not this partner's figure.
  const lineRows: CellValue[][] = rows
    .filter((r) => r.amount !== 0)
    .map((r) => {
      const ly = lineYears.get(`${r.lineRef}\u0000${r.yearLabel}`);
      const position = ly?.partners.indexOf(partner) ?? -1;
      const share =
        ly === undefined
          ? ""
          : position >= 0
            ? shareWords(ly, position)
            : parent !== undefined
              ? `Part of ${names.get(parent) ?? parent}'s share (${(() => {
                  const p = ly.partners.indexOf(parent);
                  return p >= 0 ? shareWords(ly, p) : "";
                })()}), divided within it`
              : "";
      return [
        r.lineRef,
        ly?.description ?? "",
        r.yearLabel,
        CATEGORY_WORDS[r.category],
        NATURE_WORDS[r.nature],
        ly === undefined ? "" : basisInWords(ly, run.model, names),
        ly?.basis ?? "",
        share,
        pounds(r.amount),
      ];
    });
  const lineFormats = [null, null, null, null, null, null, null, null, MONEY_FORMAT];
  if (lineRows.length > 0) blocks.push({ row: row + 2, col: 0, values: lineRows, formats: lineFormats });
  const charged = rows.reduce((s, r) => s + r.amount, 0);
  blocks.push({
    row: row + 2 + lineRows.length,
    col: 0,
    values: [[STATEMENT_TOTAL, "", "", "", "", "", "", "", pounds(charged)]],
    formats: lineFormats,
    style: "total",
  });
  blocks.push({
    row: row + 3 + lineRows.length,
    col: 0,
    values: [["Lines that charge this partner nothing are not listed."]],
    style: "note",
  });
  row += lineRows.length + 6;

  // The partner's budgets against its charges.
  blocks.push({ row, col: 0, values: [["Budget comparison"]], style: "header" });
  const budgets = outputs.budget?.budgets.lines.filter((l) => l.partner === partner);
  if (budgets === undefined || budgets.length === 0) {
    blocks.push({
      row: row + 1,
      col: 0,
      values: [[budgets === undefined ? "No budget check was run with these results." : "No budgets were entered for this partner."]],
    });
    row += 4;
  } else {
    blocks.push({ row: row + 1, col: 0, values: [[...STATEMENT_BUDGET_HEADERS]], style: "header" });
    blocks.push({
      row: row + 2,
      col: 0,
      values: budgets.map((l) => [
        l.yearLabel,
        CATEGORY_WORDS[l.category],
        l.service === "" ? "All services" : l.service,
        l.budget === undefined ? "" : pounds(l.budget),
        pounds(l.recharge),
        l.variance === undefined ? "" : pounds(l.variance),
        l.percentText === undefined ? "" : `${l.percentText}%`,
        BUDGET_STATUS_TEXT[l.status],
      ]),
      formats: [null, null, null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT, null, null],
    });
    row += budgets.length + 4;
  }

  // The balancing statement: this statement, the partner's total, and the whole apportionment.
  const summaryTotal = run.totals.filter((t) => t.partner === partner).reduce((s, t) => s + t.amount, 0);
  const b = run.result.balance;
  blocks.push({ row, col: 0, values: [["Balancing statement"]], style: "header" });
  blocks.push({
    row: row + 1,
    col: 0,
    // Figures in the third column, so the labels have the first two to themselves.
    values: [
      ["Charges on this statement", "", pounds(charged)],
      [`${name}'s total in the Summary`, "", pounds(summaryTotal)],
      ["All partners' charges", "", pounds(b.totalOut)],
      ["Costs apportioned", "", pounds(b.totalIn)],
      [
        "Balanced",
        "",
        b.balanced && charged === summaryTotal
          ? "Yes: this statement adds up to the partner's total, and every partner's charges add up to the costs apportioned."
          : "NO: see the Summary and Budget check.",
      ],
    ],
    formats: [null, null, MONEY_FORMAT],
  });

  const sheet: SheetSpec = {
    name: STATEMENT_SHEET,
    kind: "partnerStatement",
    role: "output",
    blocks,
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 0,
    columnWidths: fitWidths(blocks),
    print: printSpec(blocks, [], 0),
  };
  return withPrintFooter(sheet, { title: `${name}: recharge statement`, scenario: outputs.scenario, when: stamp?.when });
}

/**
 * What a statement sheet in the workbook is named before its partner's id: an en dash, which no one types by hand, so it
 * is not a user's sheet name (and a user's sheet of that name stops the write rather than being replaced).
 */
export const STATEMENT_SHEET_PREFIX = "Statement \u2013 ";

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * The name of a partner's statement sheet in the workbook, "Statement – LEW":
 * characters Excel refuses in a sheet name ([ ] : * ? / \) become "_", a long
 * id is shortened to fit Excel's 31 characters, and a name already in `taken`
 * (compared as Excel does, ignoring case) gets " 2", " 3"….
 */
export function statementSheetName(id: string, taken: ReadonlySet<string>): string {
  const safe = id.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  // Excel refuses a sheet name ending in an apostrophe, which shortening could leave.
  const fit = (suffix: string): string =>
    `${STATEMENT_SHEET_PREFIX}${safe}`.slice(0, SHEET_NAME_MAX - suffix.length).replace(/'+$/, "") + suffix;
  let name = fit("");
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(` ${n}`);
  return name;
}

/**
 * The statement sheets to write into the workbook for the given partners, in
 * the order given: each the layout `--statements` writes to a partner's own
 * workbook (one sheet of plain values), named by {@link statementSheetName}.
 */
export function buildStatementSheets(outputs: RunOutputs, partners: readonly string[]): SheetSpec[] {
  const taken = new Set<string>();
  return partners.map((id) => {
    const name = statementSheetName(id, taken);
    taken.add(name.toLowerCase());
    return { ...partnerStatementSheet(outputs, id), name };
  });
}
