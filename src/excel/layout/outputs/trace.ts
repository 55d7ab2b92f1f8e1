import {
  exactYearAmountText,
  fracToDecimalText,
  formatMoney,
  partnerNames,
  type ChargeTrace,
  type LineYear,
  type ModelRun,
  type WithinSplit,
} from "../../../engine";
import type { CellValue, SheetSpec } from "../cells";
import { OUTPUT_TABLES } from "../names";
import { chargeFormat, outputSheet, pounds, tableBlocks } from "./common";
import { withinSplitsByLineYear } from "./partners";
import { CATEGORY_WORDS, NATURE_WORDS, basisInWords } from "./words";

/** The Trace table's headers: one row per cost line and year (and one per division of a parent's share with the partners within it). */
export const TRACE_HEADERS = [
  "Ref",
  "Year",
  "Category",
  "Nature",
  "Basis",
  "Basis code",
  "Line amount in year (£)",
  "Exact line amount (£)",
  "Coverage",
  "Index factor",
  "Partners sharing",
  "Membership",
  "Basis totals",
  "Total weight",
  "Notes",
] as const;

/** The Trace table's header row (zero-based), under a note on how to read it. */
export const TRACE_HEADER_ROW = 1;

/** What the note above the Trace table says. */
export const TRACE_NOTE =
  "One row per cost line and year: how its amount in the year was worked out and how it was split. Each partner's share = amount " +
  "× its weight ÷ total weight, rounded once by largest remainder. One charge's working: select its cell on Allocations and " +
  "choose Explain, or run shared-apportion <model.xlsx> --explain <ref> --partner <id> --year <year>.";

/** A basis's figures for one partner in words: "Users (illustrative): 2600 of 7000; 50% Tickets: …". */
export function basisFigures(t: ChargeTrace): string {
  // A support service's weights are whole numbers standing for exact parts of £1: its working (t.support) says it in words.
  if (t.support !== undefined) return t.components.map((c) => c.label).join("; ");
  return t.components
    .map((c) => `${c.weightPercent === undefined ? "" : `${c.weightPercent}% `}${c.label}: ${c.value} of ${c.total}`)
    .join("; ");
}

/** A line-year's basis totals in words: "60% Users: 7000; 40% Tickets: 12000". */
export function basisTotals(ly: LineYear): string {
  return ly.components
    .map((c) =>
      c.support === undefined
        ? `${c.weightPercent === undefined ? "" : `${c.weightPercent}% `}${c.label}: ${c.total}`
        : `${c.label}: of each £1, ${ly.partners.map((p, i) => `${p} ${c.support?.percents[i] ?? "0"}%`).join(", ")}`,
    )
    .join("; ");
}

const DP = 10;

/**
 * Who was a member for only part of a line-year, in words: "Lewisham Homes
 * 59/90; Southwark 0" by the partners' names (their ids without `names`; ""
 * when every partner sharing it was a member throughout). Each share is
 * weighted by its partner's membership (docs/membership.md).
 */
export function membershipText(ly: LineYear, names: ReadonlyMap<string, string> = new Map()): string {
  const m = ly.membership;
  if (m === undefined) return "";
  return ly.partners
    .map((p, i) => [p, m[i] ?? "1"] as const)
    .filter(([, f]) => f !== "1")
    .map(([p, f]) => `${names.get(p) ?? p} ${f}`)
    .join("; ");
}

/** What a row needs to name partners and bases in words. */
interface Words {
  readonly model: ModelRun["model"];
  readonly names: ReadonlyMap<string, string>;
}

function lineYearRow(ly: LineYear, exactLineAmount: string, w: Words): CellValue[] {
  return [
    ly.lineRef,
    ly.yearLabel,
    CATEGORY_WORDS[ly.category],
    NATURE_WORDS[ly.nature],
    basisInWords(ly, w.model, w.names),
    ly.basis,
    pounds(ly.profile.amount),
    exactLineAmount,
    ly.profile.factor.coverage,
    ly.profile.factor.indexFactor,
    ly.partners.length,
    membershipText(ly, w.names),
    basisTotals(ly),
    ly.totalWeight,
    // A leaver's share of a variable line cut to the end of its charges: the shares no longer add up to the line's amount.
    ly.exit ?? "",
  ];
}

function splitRow(ly: LineYear, s: WithinSplit, exactLineAmount: string, w: Words): CellValue[] {
  const name = (id: string): string => w.names.get(id) ?? id;
  const parent = name(s.parent);
  const parts = [
    `${parent} keeps ${formatMoney(s.parentAmount)} (${fracToDecimalText(s.parentProportion, DP)} of the line)`,
    ...s.parts.map((p) =>
      p.membership.n === 0n
        ? `${name(p.partner)} nothing (not a member in ${s.yearLabel})`
        : `${name(p.partner)} ${formatMoney(p.amount)} (${fracToDecimalText(p.proportion, DP)} of the line)`,
    ),
  ];
  const partial = s.parts
    .filter((p) => p.membership.n !== p.membership.d)
    .map(
      (p) =>
        `${name(p.partner)} ${p.membership.d === 1n ? p.membership.n.toString() : `${p.membership.n}/${p.membership.d}`} of ${parent}'s`,
    );
  return [
    ly.lineRef,
    ly.yearLabel,
    CATEGORY_WORDS[ly.category],
    NATURE_WORDS[ly.nature],
    `Divided within ${parent}'s share`,
    `within:${s.parent}`,
    pounds(ly.profile.amount),
    exactLineAmount,
    ly.profile.factor.coverage,
    ly.profile.factor.indexFactor,
    s.parts.length + 1,
    partial.join("; "),
    "",
    "",
    `${parent}'s share ${formatMoney(s.parentShare)} divided by largest remainder: ${parts.join("; ")}.`,
  ];
}

/**
 * The Trace sheet: for every cost line and year, how its amount was
 * derived (part-year coverage and indexation, exactly) and how it was
 * split: the basis, the totals of its figures, the total weight and the
 * rule. A division of a parent's share with the partners within it gets a
 * row of its own. One charge's working (the partner's figures, weight,
 * exact share and rounding adjustment) is built when asked for — the task
 * pane's Explain, or `shared-apportion --explain` — rather than written for
 * every charge (a million rows for a county-sized model). Exact figures
 * are text, so no digit is lost to floating point.
 */
export function traceSheet(run: ModelRun): SheetSpec {
  const result = run.result;
  const splitsOf = withinSplitsByLineYear(run);
  const body: CellValue[][] = [];
  const words: Words = { model: run.model, names: partnerNames(run.model) };
  for (const ly of result.lineYears) {
    const exact = exactYearAmountText(ly.lineAmount, ly.profile.factor);
    body.push(lineYearRow(ly, exact, words));
    for (const s of splitsOf(ly)) body.push(splitRow(ly, s, exact, words));
  }
  const amount = TRACE_HEADERS.indexOf("Line amount in year (£)");
  const money = chargeFormat(result.settings.unit, body, [amount]);
  const formats = TRACE_HEADERS.map((_, i) => (i === amount ? money : null));
  const t = tableBlocks(OUTPUT_TABLES.trace, TRACE_HEADER_ROW, TRACE_HEADERS, body, formats);
  return outputSheet("trace", {
    blocks: [{ row: 0, col: 0, values: [[TRACE_NOTE]], style: "note" }, ...t.blocks],
    tables: [t.table],
    freezeRows: TRACE_HEADER_ROW + 1,
    columnWidths: [70, 60, 70, 70, 200, 110, 110, 130, 90, 80, 70, 120, 260, 110, 420],
  });
}
