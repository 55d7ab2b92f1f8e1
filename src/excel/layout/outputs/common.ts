import { fyLabel, formatMoney, membershipText, penceToNumber, TIE_BREAK_RULE, unitName, type ApportionResult } from "../../../engine";
import {
  PRINT_SIDE_MARGIN,
  type Block,
  type CellValue,
  type ChartSpec,
  type ConditionalFormatSpec,
  type PrintSpec,
  type SheetSpec,
  type TableSpec,
} from "../cells";
import { layoutText } from "./paper";
import { MONEY_FORMAT, OUTPUT_SHEETS, TAB_COLORS, TABLE_STYLE, type OutputSheetKind } from "../names";
import { fitColumnNames } from "../sheet-limits";

/** Pence as the number a cell holds: pounds, exact to the penny when shown to two places (the engine's `penceToNumber`). */
export const pounds = penceToNumber;

/** Whole pounds, negatives with a minus sign: £1,234 and -£1,234. */
export const WHOLE_POUNDS_FORMAT = "£#,##0;-£#,##0";

/**
 * The number format of charges rounded to the model's unit: whole pounds when
 * the unit is a whole number of pounds (£1, £000) and every figure in the
 * given columns of `rows` is a whole number of pounds (so no penny is ever
 * hidden by the format), pounds and pence otherwise.
 */
export function chargeFormat(unitPence: number, rows: readonly (readonly CellValue[])[], columns: readonly number[]): string {
  if (!(unitPence > 0 && unitPence % 100 === 0)) return MONEY_FORMAT;
  for (const row of rows)
    for (const c of columns) {
      const v = row[c];
      if (typeof v === "number" && !Number.isInteger(v)) return MONEY_FORMAT;
    }
  return WHOLE_POUNDS_FORMAT;
}

/** The scenario a run used, in words. */
export function scenarioText(scenario: string | undefined): string {
  return scenario === undefined || scenario === "" ? "Base model" : `Scenario "${scenario}"`;
}

/**
 * Lines describing how a result was produced, written under each output's
 * title. On the committee pack's sheets (`paper`) the rounding, part years and
 * tie-break rule are left to the pack's "About these figures" note.
 */
export function runNotes(result: ApportionResult, scenario: string | undefined, paper = false): string[] {
  const s = result.settings;
  const b = result.balance;
  // Partners that join or leave, so a reader knows why they pay nothing in some years.
  const members = result.partners.filter((p) => p.joins !== undefined || p.leaves !== undefined).map((p) => `${p.id} ${membershipText(p)}`);
  if (paper)
    return [
      `${scenarioText(scenario)} · years ${fyLabel(s.firstYear)} to ${fyLabel(s.lastYear)}` +
        (members.length === 0 ? "" : ` · membership: ${members.join("; ")} (a partner pays only for costs while it is a member)`),
      `Balancing check: ${b.balanced ? "balanced" : "NOT BALANCED"} — ${formatMoney(b.totalIn)} apportioned, ` +
        `${formatMoney(b.totalOut)} charged.${outsideText(result)}`,
    ];
  return [
    `${scenarioText(scenario)} · years ${fyLabel(s.firstYear)} to ${fyLabel(s.lastYear)} · shares rounded to ${unitName(s.unit)} ` +
      `· part years by ${s.proRata}` +
      (members.length === 0 ? "" : ` · membership: ${members.join("; ")} (a partner pays only for costs while it is a member)`),
    `Balancing check: ${b.balanced ? "balanced" : "NOT BALANCED"} — ${formatMoney(b.totalIn)} apportioned, ` +
      `${formatMoney(b.totalOut)} charged.${outsideText(result)} Tie-break: ${TIE_BREAK_RULE}`,
  ];
}

/** How many lines outside the years a note names before counting the rest. */
const OUTSIDE_LISTED = 20;

/**
 * What the balancing check does not cover: lines dated wholly outside the
 * model's years, which are in the model but charged to no one. Empty when
 * there are none.
 */
export function outsideText(result: ApportionResult): string {
  const o = result.outsideYears;
  if (o.length === 0) return "";
  // A note is one cell: name the first few, count the rest (each has its own warning at its cell).
  const items = o
    .slice(0, OUTSIDE_LISTED)
    .map((l) => `${l.lineRef} (${l.nature === "one-off" ? formatMoney(l.amount) : `${formatMoney(l.amount)} a year`}, ${l.side})`);
  const more = o.length - items.length;
  return (
    ` Outside the model's years, not charged to anyone: ` +
    `${items.join("; ")}${more > 0 ? ` and ${more} more line${more === 1 ? "" : "s"}` : ""}.`
  );
}

/**
 * A table laid out from row `row`: header block, body block (at least one row),
 * and the table over both. The headers are fitted to Excel's rules for column
 * names ({@link fitColumnNames}).
 */
export function tableBlocks(
  name: string,
  row: number,
  headers: readonly string[],
  body: readonly (readonly CellValue[])[],
  formats: readonly (string | null)[],
): { blocks: Block[]; table: TableSpec; bodyRows: number } {
  const rows = body.length > 0 ? body : [headers.map(() => "")];
  return {
    blocks: [
      // The header cells are the table's column names, so they are written as Excel can keep them.
      { row, col: 0, values: [fitColumnNames(headers)] },
      { row: row + 1, col: 0, values: rows, formats },
    ],
    table: { name, row, col: 0, rows: rows.length + 1, cols: headers.length, style: TABLE_STYLE },
    bodyRows: rows.length,
  };
}

/** An output sheet from its parts. */
export function outputSheet(
  kind: OutputSheetKind,
  parts: {
    readonly blocks: readonly Block[];
    readonly tables?: readonly TableSpec[];
    readonly conditionalFormats?: readonly ConditionalFormatSpec[];
    readonly charts?: readonly ChartSpec[];
    readonly freezeRows: number;
    readonly columnWidths: readonly number[];
    /** Rows that start a new page when printed (see {@link PrintSpec.pageBreaks}). */
    readonly pageBreaks?: readonly number[];
    /** Portrait for a sheet laid out to a portrait page's width (a partner statement); landscape otherwise. */
    readonly orientation?: PrintSpec["orientation"];
  },
): SheetSpec {
  return withTextLayout({
    name: OUTPUT_SHEETS[kind],
    kind,
    role: "output",
    blocks: parts.blocks,
    tables: parts.tables ?? [],
    validations: [],
    conditionalFormats: parts.conditionalFormats ?? [],
    charts: parts.charts ?? [],
    freezeRows: parts.freezeRows,
    columnWidths: parts.columnWidths,
    tabColor: TAB_COLORS.output,
    print: {
      ...printSpec(parts.blocks, parts.charts ?? [], parts.freezeRows),
      ...(parts.orientation === undefined ? {} : { orientation: parts.orientation }),
      ...(parts.pageBreaks !== undefined && parts.pageBreaks.length > 0 ? { pageBreaks: parts.pageBreaks } : {}),
    },
  });
}

/**
 * The sheet with its text laid out for paper ({@link layoutText}): long notes
 * merged across the printed width and wrapped, rows tall enough for them,
 * headers and table text wrapped. Called again whenever a sheet's text
 * changes after it was laid out (the run stamp in a title).
 */
export function withTextLayout(sheet: SheetSpec): SheetSpec {
  const { text: _old, ...rest } = sheet;
  const text = layoutText(sheet.blocks, sheet.tables, sheet.columnWidths, sheet.print?.area.cols ?? 1);
  return text === undefined ? rest : { ...rest, text };
}

/** "Page n of m", in Excel's footer codes. */
export const PAGE_OF_PAGES = "Page &P of &N";

/**
 * How an output sheet prints: A4 landscape, one page wide, over exactly the
 * cells and charts the sheet holds, with its frozen header rows repeated on
 * every page. The footer says only "Page n of m" until
 * {@link withPrintFooter} adds what the run was.
 */
export function printSpec(blocks: readonly Block[], charts: readonly ChartSpec[], freezeRows: number): PrintSpec {
  let rows = 1;
  let cols = 1;
  for (const b of blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    cols = Math.max(cols, b.col + b.values.reduce((m, line) => Math.max(m, line.length), 0));
  }
  for (const c of charts) {
    rows = Math.max(rows, c.to.row + 1, c.data.row + c.data.rows);
    cols = Math.max(cols, c.to.col + 1, c.data.col + c.data.cols);
  }
  return {
    paper: "A4",
    orientation: "landscape",
    sideMargin: PRINT_SIDE_MARGIN,
    pagesWide: 1,
    area: { row: 0, col: 0, rows, cols },
    ...(freezeRows > 0 ? { titleRows: { row: 0, rows: freezeRows } } : {}),
    footer: { left: "", center: PAGE_OF_PAGES, right: "" },
  };
}

/** Text as it must be written in a header or footer: `&` starts a code there, so a literal one is doubled. */
export function footerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * The sheet with its footer saying what the pages are: the model's title on
 * the left, "Page n of m" in the centre, the scenario and, on a second line,
 * when it was run on the right. Each section is kept short enough to sit in
 * its third of an A4 landscape page without running into the next (a longer
 * title is shortened with "…"). A sheet that does not print is returned as it
 * is.
 */
export function withPrintFooter(
  sheet: SheetSpec,
  footer: {
    readonly title: string;
    readonly scenario: string | undefined;
    readonly when: string | undefined;
    /** False for a run not recorded in the Run log: "Calculated …", never "Run …". */
    readonly recorded?: boolean;
    /** Text for the centre of the page header (a partner statement's partner), shortened as the title is. */
    readonly header?: string;
  },
): SheetSpec {
  if (sheet.print === undefined) return sheet;
  const when =
    footer.when === undefined ? "" : footer.recorded === false ? `\nCalculated ${footer.when}, not in the Run log` : `\nRun ${footer.when}`;
  // A scenario name may be hundreds of characters: the footer names it in a third of the page, shortened the same way every time.
  const scenario =
    footer.scenario === undefined || footer.scenario === "" ? footer.scenario : shorten(footer.scenario, FOOTER_SECTION - 12);
  const right = footerText(`${scenarioText(scenario)}${when}`);
  // Excel refuses a header or footer longer than 255 characters (its three sections and their codes together).
  const room = Math.min(FOOTER_SECTION, FOOTER_LIMIT - "&L&C&R".length - PAGE_OF_PAGES.length - right.length);
  const header = footer.header === undefined ? {} : { header: fitted(footer.header, 2 * FOOTER_SECTION) };
  return {
    ...sheet,
    print: { ...sheet.print, ...header, footer: { left: fitted(footer.title, room), center: PAGE_OF_PAGES, right } },
  };
}

/** Text cut to at most `max` characters with "…" (whole when it fits), the same text every time. */
export function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Text for a header or footer section: shortened until, with every `&` doubled, it is at most `room` characters. */
function fitted(text: string, room: number): string {
  let t = text.trim();
  while (t.length > 1 && footerText(t).length > room) t = `${t.slice(0, Math.min(t.length - 2, room - 1)).trimEnd()}…`;
  return footerText(t);
}

/** The most characters a footer section holds before it would run into the next one on an A4 landscape page. */
export const FOOTER_SECTION = 60;

/** The most characters Excel takes in a header or a footer. */
export const FOOTER_LIMIT = 255;

/** A sheet saying an output was not produced by this run (so a stale one never survives a re-run). */
export function notRunSheet(
  kind: OutputSheetKind,
  title: string,
  reason: string,
  result: ApportionResult,
  scenario: string | undefined,
): SheetSpec {
  return outputSheet(kind, {
    blocks: [
      { row: 0, col: 0, values: [[title]], style: "title" },
      { row: 1, col: 0, values: runNotes(result, scenario).map((n) => [n]), style: "note" },
      { row: 4, col: 0, values: [[reason]] },
    ],
    freezeRows: 0,
    columnWidths: [600],
  });
}
