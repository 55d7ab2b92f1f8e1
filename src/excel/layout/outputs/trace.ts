import { exactYearAmountText, explainCharge, fracToDecimalText, formatMoney, frac, type ChargeTrace, type LineYear, type ModelRun } from "../../../engine";
import type { CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES } from "../names";
import { outputSheet, pounds, tableBlocks } from "./common";

/** The Trace table's headers. */
export const TRACE_HEADERS = [
  "Ref",
  "Year",
  "Partner",
  "Category",
  "Nature",
  "Line amount in year (£)",
  "Exact line amount (£)",
  "Coverage",
  "Index factor",
  "Membership",
  "Basis",
  "Basis figures",
  "Partner weight",
  "Total weight",
  "Exact share (£)",
  "Charge (£)",
  "Rounding adjustment (£)",
  "Working",
] as const;

/** A basis's figures in words: "Users (illustrative): 2600 of 7000; 50% Tickets: …". */
export function basisFigures(t: ChargeTrace): string {
  return t.components.map((c) => `${c.weightPercent === undefined ? "" : `${c.weightPercent}% `}${c.label}: ${c.value} of ${c.total}`).join("; ");
}

const DP = 10;

/** A partner's membership fraction in a line-year ("1" when everyone was a member throughout). */
function membershipOf(ly: LineYear, partner: string): string {
  const i = ly.partners.indexOf(partner);
  return i < 0 ? "1" : (ly.membership?.[i] ?? "1");
}

/**
 * The Trace sheet: for every charge, how it was derived — the amount of the
 * line in the year (part-year coverage and indexation), the basis and the
 * figures behind it, the exact share and the rounding adjustment. A partner
 * within another gets a row saying how its part was carved out of the
 * parent's share. Exact figures are text, so no digit is lost to floating point.
 */
export function traceSheet(run: ModelRun): SheetSpec {
  const result = run.result;
  const body: CellValue[][] = result.charges.map((c) => {
    const t = explainCharge(result, c);
    return [
      t.lineRef,
      t.yearLabel,
      t.partner,
      t.category,
      t.nature,
      pounds(t.lineAmount),
      t.exactLineAmount,
      t.coverage,
      t.indexFactor,
      t.membership,
      t.basis,
      basisFigures(t),
      t.weight,
      t.totalWeight,
      t.exactShare,
      pounds(t.share),
      t.adjustment,
      t.working,
    ];
  });
  const lineYears = new Map(result.lineYears.map((ly) => [`${ly.lineRef}\u0000${ly.yearLabel}`, ly]));
  for (const s of run.within) {
    const ly = lineYears.get(`${s.lineRef}\u0000${s.yearLabel}`);
    if (ly === undefined) continue;
    const amount = BigInt(ly.profile.amount);
    const carve = (partner: string, proportion: { n: bigint; d: bigint }, share: number, role: string, membership: string): CellValue[] => {
      const exact = frac(proportion.n * amount, proportion.d * 100n);
      const adj = frac(BigInt(share) * exact.d - exact.n * 100n, exact.d * 100n);
      const adjText = fracToDecimalText(adj, DP);
      return [
        s.lineRef,
        s.yearLabel,
        partner,
        ly.category,
        ly.nature,
        pounds(ly.profile.amount),
        exactYearAmountText(ly.lineAmount, ly.profile.factor),
        ly.profile.factor.coverage,
        ly.profile.factor.indexFactor,
        membership,
        `within:${s.parent}`,
        `${role}; proportion of the line ${fracToDecimalText(proportion, DP)}`,
        "",
        "",
        fracToDecimalText(exact, DP),
        pounds(share),
        adjText.startsWith("-") ? adjText : `+${adjText}`,
        `${s.parent}'s share ${formatMoney(s.parentShare)} divided by largest remainder: ${partner} ${formatMoney(share)}`,
      ];
    };
    body.push(carve(s.parent, s.parentProportion, s.parentAmount, `${s.parent} keeps the rest of its share`, membershipOf(ly, s.parent)));
    for (const p of s.parts) {
      // Not a member for any of the line-year: no charge, so no row (as on Allocations).
      if (p.membership.n === 0n) continue;
      const m = p.membership.d === 1n ? p.membership.n.toString() : `${p.membership.n}/${p.membership.d} of ${s.parent}'s`;
      body.push(carve(p.partner, p.proportion, p.amount, `part of ${s.parent}'s share`, m));
    }
  }
  const formats = TRACE_HEADERS.map((h) => (h === "Line amount in year (£)" || h === "Charge (£)" ? MONEY_FORMAT : null));
  const t = tableBlocks(OUTPUT_TABLES.trace, 0, TRACE_HEADERS, body, formats);
  return outputSheet("trace", {
    blocks: t.blocks,
    tables: [t.table],
    freezeRows: 1,
    columnWidths: [70, 60, 60, 70, 70, 110, 130, 90, 80, 80, 110, 260, 90, 90, 130, 100, 120, 380],
  });
}
