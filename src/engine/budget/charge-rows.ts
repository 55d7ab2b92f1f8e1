import type { ApportionResult } from "../apportion";
import type { FinancialYear } from "../financial-year";
import type { Category, Nature } from "../model";
import type { Pence } from "../money";
import { compareIds } from "../validate";

/**
 * One partner's charge for one cost line in one year, with the line's
 * service: the flat form the budget check, the year-end settlement and the
 * scenario comparisons all read. It does not point back into an
 * {@link ApportionResult} (unlike `Charge`), because a partner within another
 * partner's share has charges that no line-year of the core result holds.
 */
export interface ChargeRow {
  readonly lineRef: string;
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  /** The cost line's service ("" when the line names none). */
  readonly service: string;
  readonly amount: Pence;
}

/** The charges of a core result as {@link ChargeRow}s, in the result's order. */
export function chargeRows(result: ApportionResult): ChargeRow[] {
  return result.charges.map((c) => ({
    lineRef: c.lineRef,
    partner: c.partner,
    year: c.year,
    yearLabel: c.yearLabel,
    category: c.category,
    nature: c.nature,
    service: result.lineYears[c.lineYear]?.service.trim() ?? "",
    amount: c.amount,
  }));
}

/** A partner's total for one year and category (one-off and ongoing together). */
export interface CategoryTotal {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly amount: Pence;
}

/**
 * Totals by partner × year × capital/revenue, sorted by partner, year, then
 * category. Capital and revenue are always separate rows: they come from
 * different budgets and never net off.
 */
export function categoryTotals(rows: readonly ChargeRow[]): CategoryTotal[] {
  const map = new Map<string, CategoryTotal>();
  for (const r of rows) {
    const key = `${r.partner}\u0000${r.year}\u0000${r.category}`;
    const prev = map.get(key);
    map.set(key, { partner: r.partner, year: r.year, yearLabel: r.yearLabel, category: r.category, amount: (prev?.amount ?? 0) + r.amount });
  }
  return [...map.values()].sort((a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category));
}
