import { fyLabel, formatMoney, membershipText, penceToNumber, TIE_BREAK_RULE, unitName, type ApportionResult } from "../../../engine";
import type { Block, CellValue, ChartSpec, ConditionalFormatSpec, SheetSpec, TableSpec } from "../cells";
import { OUTPUT_SHEETS, TAB_COLORS, TABLE_STYLE, type OutputSheetKind } from "../names";

/** Pence as the number a cell holds: pounds, exact to the penny when shown to two places (the engine's `penceToNumber`). */
export const pounds = penceToNumber;

/** The scenario a run used, in words. */
export function scenarioText(scenario: string | undefined): string {
  return scenario === undefined || scenario === "" ? "Base model" : `Scenario "${scenario}"`;
}

/** Lines describing how a result was produced, written under each output's title. */
export function runNotes(result: ApportionResult, scenario: string | undefined): string[] {
  const s = result.settings;
  const b = result.balance;
  // Partners that join or leave, so a reader knows why they pay nothing in some years.
  const members = result.partners.filter((p) => p.joins !== undefined || p.leaves !== undefined).map((p) => `${p.id} ${membershipText(p)}`);
  return [
    `${scenarioText(scenario)} · years ${fyLabel(s.firstYear)} to ${fyLabel(s.lastYear)} · shares rounded to ${unitName(s.unit)} · part years by ${s.proRata}${members.length === 0 ? "" : ` · membership: ${members.join("; ")} (a partner pays only for costs while it is a member)`}`,
    `Balancing check: ${b.balanced ? "balanced" : "NOT BALANCED"} — ${formatMoney(b.totalIn)} apportioned, ${formatMoney(b.totalOut)} charged.${outsideText(result)} Tie-break: ${TIE_BREAK_RULE}`,
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
  const items = o.slice(0, OUTSIDE_LISTED).map((l) => `${l.lineRef} (${l.nature === "one-off" ? formatMoney(l.amount) : `${formatMoney(l.amount)} a year`}, ${l.side})`);
  const more = o.length - items.length;
  return ` Outside the model's years, not charged to anyone: ${items.join("; ")}${more > 0 ? ` and ${more} more line${more === 1 ? "" : "s"}` : ""}.`;
}

/** A table laid out from row `row`: header block, body block (at least one row), and the table over both. */
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
      { row, col: 0, values: [headers] },
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
  },
): SheetSpec {
  return {
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
  };
}

/** A sheet saying an output was not produced by this run (so a stale one never survives a re-run). */
export function notRunSheet(kind: OutputSheetKind, title: string, reason: string, result: ApportionResult, scenario: string | undefined): SheetSpec {
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
