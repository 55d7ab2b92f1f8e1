import type { ApportionResult, ChargeTable, LineYear } from "../apportion";
import type { FinancialYear } from "../financial-year";
import type { Category, Nature } from "../model";
import type { Pence } from "../money";
import type { ChargeRow } from "../charge-row";
import { compareIds } from "../parse-helpers";

// ChargeRow moved to charge-row.ts (apportion.ts needs it, and this module reads apportion's result); re-exported for existing importers.
export type { ChargeRow } from "../charge-row";

/** The charges of a core result as {@link ChargeRow}s, in the result's order: its charges themselves (a `Charge` is a `ChargeRow`). */
export function chargeRows(result: ApportionResult): readonly ChargeRow[] {
  return result.charges;
}

/**
 * Charges that share everything but partner and amount (one line-year's, or a
 * single row): the form the aggregations read, so a run never needs an
 * object per charge to be totalled or checked against budgets.
 */
export interface ChargeGroup {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  /** The cost line's service, trimmed ("" when the line names none). */
  readonly service: string;
  readonly partners: readonly string[];
  /** Aligned with `partners`. */
  readonly amounts: readonly Pence[];
}

/** Charge groups in order: the charges they hold, in order, are the rows. */
export type ChargeGroups = readonly ChargeGroup[];

/** The charges of a core result, one group per line-year: the same charges as {@link chargeRows}, in the same order. */
export function lineYearGroups(result: ApportionResult): ChargeGroups {
  return result.lineYears.map(groupOf);
}

function groupOf(ly: LineYear): ChargeGroup {
  return {
    year: ly.year,
    yearLabel: ly.yearLabel,
    category: ly.category,
    nature: ly.nature,
    service: ly.service.trim(),
    partners: ly.partners,
    amounts: ly.shares,
  };
}

/**
 * A charge table (a result's `table`) as groups of one: each partner's
 * charges for a year, service, category and nature, added up. Totals and
 * budget checks of these equal those of the charges themselves.
 */
export function tableGroups(t: ChargeTable): ChargeGroups {
  const out: ChargeGroup[] = [];
  const width = t.services.length * 4;
  for (let p = 0; p < t.partners.length; p++) {
    const partners = [t.partners[p] as string];
    for (let y = 0; y < t.years; y++) {
      for (let s = 0; s < t.services.length; s++) {
        for (let kind = 0; kind < 4; kind++) {
          const cell = (p * t.years + y) * width + s * 4 + kind;
          if (t.seen[cell] !== 1) continue;
          out.push({
            year: t.firstYear + y,
            yearLabel: t.yearLabels[y] as string,
            category: (kind & 2) === 0 ? "capital" : "revenue",
            nature: (kind & 1) === 0 ? "one-off" : "ongoing",
            service: t.services[s] as string,
            partners,
            amounts: [t.sums[cell] as number],
          });
        }
      }
    }
  }
  return out;
}

/** Rows as groups of one. */
export function rowGroups(rows: readonly ChargeRow[]): ChargeGroups {
  return rows.map((r) => ({
    year: r.year,
    yearLabel: r.yearLabel,
    category: r.category,
    nature: r.nature,
    service: r.service,
    partners: [r.partner],
    amounts: [r.amount],
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
  return categoryTotalsOf(rowGroups(rows));
}

/** {@link categoryTotals} of charge groups: each group's cells are looked up once, not once per charge. */
export function categoryTotalsOf(groups: ChargeGroups): CategoryTotal[] {
  const partnerSlot = new Map<string, number>();
  const cellOfKey = new Map<number, number>();
  const cells: { partner: string; year: FinancialYear; yearLabel: string; category: Category }[] = [];
  let sums = new Float64Array(64);
  const cellOf = (partner: string, g: ChargeGroup): number => {
    let slot = partnerSlot.get(partner);
    if (slot === undefined) {
      slot = partnerSlot.size;
      partnerSlot.set(partner, slot);
    }
    const key = (slot * YEAR_SPAN + (g.year - YEAR_BASE)) * 2 + (g.category === "capital" ? 0 : 1);
    let cell = cellOfKey.get(key);
    if (cell === undefined) {
      cell = cells.length;
      cells.push({ partner, year: g.year, yearLabel: g.yearLabel, category: g.category });
      cellOfKey.set(key, cell);
      if (cell >= sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
    }
    return cell;
  };
  // Line-years share a handful of partner lists: remember each list's cells per year and category.
  const byList = new Map<readonly string[], Map<number, Int32Array>>();
  for (const g of groups) {
    let list: Int32Array | undefined;
    if (g.partners.length === 1) {
      // A row: its total carries the year label of the last row added to it, as it always has.
      const cell = cellOf(g.partners[0] as string, g);
      sums[cell] = (sums[cell] as number) + (g.amounts[0] as number);
      (cells[cell] as { yearLabel: string }).yearLabel = g.yearLabel;
      continue;
    }
    let byTail = byList.get(g.partners);
    if (byTail === undefined) {
      byTail = new Map();
      byList.set(g.partners, byTail);
    }
    const tail = (g.year - YEAR_BASE) * 2 + (g.category === "capital" ? 0 : 1);
    list = byTail.get(tail);
    if (list === undefined) {
      list = Int32Array.from(g.partners, (p) => cellOf(p, g));
      byTail.set(tail, list);
    }
    const amounts = g.amounts;
    const into = sums;
    for (let i = 0; i < list.length; i++) {
      const cell = list[i] as number;
      into[cell] = (into[cell] as number) + (amounts[i] as number);
    }
  }
  return cells
    .map((c, i) => ({ partner: c.partner, year: c.year, yearLabel: c.yearLabel, category: c.category, amount: sums[i] as number }))
    .sort((a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category));
}

/** Financial years are held as their first calendar year; these bound the numeric keys (validation accepts 1900–9998). */
const YEAR_BASE = 1800;
const YEAR_SPAN = 10_000;
