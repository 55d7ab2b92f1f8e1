import type { Category, Nature, Pence } from "../engine";
import { CATEGORIES, NATURES } from "../app";

/** Anything with a partner, year, category, nature and amount: the engine's `TotalRow`s or a run's `ChargeRow`s. */
export interface Classified {
  readonly partner: string;
  readonly year: number;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly amount: Pence;
}

/** One column of the totals pivot. */
export interface PivotColumn {
  readonly category: Category;
  readonly nature: Nature;
}

/** The four columns, capital before revenue, one-off before ongoing. */
export const PIVOT_COLUMNS: readonly PivotColumn[] = CATEGORIES.flatMap((category) => NATURES.map((nature) => ({ category, nature })));

/** One financial year of one partner's pivot. */
export interface PivotYear {
  readonly yearLabel: string;
  /** Aligned with {@link PIVOT_COLUMNS}. */
  readonly cells: readonly Pence[];
  readonly total: Pence;
}

/** One partner's totals laid out for display. */
export interface PartnerPivot {
  readonly partner: string;
  readonly years: readonly PivotYear[];
  readonly total: Pence;
}

/**
 * Lays the engine's totals (or a run's charge rows) out per partner × year ×
 * column for display. Every partner gets every year present (zeros where it
 * has no charge), in the given partner order, then any others. Adds whole
 * pence only; nothing is re-apportioned.
 */
export function pivotTotals(totals: readonly Classified[], partnerOrder: readonly string[]): PartnerPivot[] {
  const years = [...new Map(totals.map((t) => [t.year, t.yearLabel])).entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  const cells = new Map<string, Pence>();
  const seen = new Set<string>();
  for (const t of totals) {
    seen.add(t.partner);
    const key = `${t.partner}\u0000${t.yearLabel}\u0000${t.category}\u0000${t.nature}`;
    cells.set(key, (cells.get(key) ?? 0) + t.amount);
  }
  const known = new Set(partnerOrder);
  const order = [...partnerOrder.filter((id) => seen.has(id)), ...[...seen].filter((id) => !known.has(id))];
  return order.map((partner) => {
    const rows = years.map((yearLabel): PivotYear => {
      const row = PIVOT_COLUMNS.map((c) => cells.get(`${partner}\u0000${yearLabel}\u0000${c.category}\u0000${c.nature}`) ?? 0);
      return { yearLabel, cells: row, total: row.reduce((a, b) => a + b, 0) };
    });
    return { partner, years: rows, total: rows.reduce((a, r) => a + r.total, 0) };
  });
}
