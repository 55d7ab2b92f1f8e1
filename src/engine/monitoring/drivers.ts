import type { Where } from "../errors";
import type { FinancialYear } from "../financial-year";
import { patternMatches, patternScore } from "./patterns";
import { PERIODS, type Period } from "./periods";

/** One row of a usage export (a ticket), already read. */
export interface UsageRow {
  /** The file line (1-based, the header is line 1). */
  readonly fileLine: number;
  /** The financial year of its date; undefined when the file gives a period and no date. */
  readonly year: FinancialYear | undefined;
  readonly period: Period;
  /** The requesting council or department, as the export writes it. */
  readonly requester: string;
  readonly category: string;
}

/** A requester pattern ("Lewisham*", "LBL - Housing") and the partner it counts for. */
export interface RequesterRule {
  readonly pattern: string;
  readonly partner: string;
}

/** A change to a count, with the reason the finance lead gave for it. */
export interface DriverAdjustment {
  readonly partner: string;
  /** Blank: the adjustment is to the year's total (shown in no period). */
  readonly period?: Period;
  /** Whole units added (negative to take away). */
  readonly amount: number;
  readonly reason: string;
  /** Where the adjustment was typed, to name in messages. */
  readonly at?: Where;
}

/** What to count and how. */
export interface DriverCountOptions {
  readonly year: FinancialYear;
  /** Partners by id, with their names: a requester naming a partner's id or name counts for it without a rule. */
  readonly partners: readonly { readonly id: string; readonly name?: string }[];
  readonly requesters?: readonly RequesterRule[];
  /** Categories left out (non-ICT work logged on the ICT tool), compared ignoring case. */
  readonly excludeCategories?: readonly string[];
  readonly adjustments?: readonly DriverAdjustment[];
}

/** Counts per partner: by period, the export's count, the adjustments, and the total counted. */
export interface DriverCount {
  readonly partner: string;
  /** Twelve counts from the export (April first), before adjustments. */
  readonly periods: readonly number[];
  readonly counted: number;
  readonly adjusted: number;
  /** Counted + adjustments. */
  readonly total: number;
}

/** The counts, and every row not counted and why. */
export interface DriverCounts {
  readonly counts: readonly DriverCount[];
  /** Rows left out by category, per category (ordered by the category as written). */
  readonly excluded: readonly { readonly category: string; readonly rows: number }[];
  /** Rows whose requester matches no partner: listed, never dropped. */
  readonly unmatched: readonly UsageRow[];
  /** Rows dated in another financial year. */
  readonly otherYear: readonly UsageRow[];
  readonly adjustments: readonly DriverAdjustment[];
}

/**
 * Counts a usage export per partner and period: rows in the excluded
 * categories are left out (and counted as such), each other row counts for
 * the partner its requester names (its id or name, or the most specific
 * requester rule), and the recorded adjustments are added with their
 * reasons. Nothing is dropped without being listed.
 */
export function countDrivers(rows: readonly UsageRow[], options: DriverCountOptions): DriverCounts {
  const excludedSet = new Set((options.excludeCategories ?? []).map((c) => c.trim().toLowerCase()));
  const direct = new Map<string, string>();
  for (const p of options.partners) {
    direct.set(p.id.trim().toLowerCase(), p.id);
    if (p.name !== undefined && p.name.trim() !== "") direct.set(p.name.trim().toLowerCase(), p.id);
  }
  const counts = new Map<string, number[]>(options.partners.map((p) => [p.id, PERIODS.map(() => 0)]));
  const excluded = new Map<string, number>();
  const unmatched: UsageRow[] = [];
  const otherYear: UsageRow[] = [];
  const cache = new Map<string, string | undefined>();
  for (const r of rows) {
    if (r.year !== undefined && r.year !== options.year) {
      otherYear.push(r);
      continue;
    }
    const cat = r.category.trim();
    if (excludedSet.has(cat.toLowerCase())) {
      excluded.set(cat, (excluded.get(cat) ?? 0) + 1);
      continue;
    }
    let partner = cache.get(r.requester);
    if (!cache.has(r.requester)) {
      partner = requesterPartner(r.requester, direct, options.requesters ?? []);
      cache.set(r.requester, partner);
    }
    const c = partner === undefined ? undefined : counts.get(partner);
    if (c === undefined) {
      unmatched.push(r);
      continue;
    }
    c[r.period - 1] = (c[r.period - 1] ?? 0) + 1;
  }
  const adjustments = options.adjustments ?? [];
  return {
    counts: options.partners.map((p) => {
      const periods = counts.get(p.id) ?? [];
      const counted = periods.reduce((s, x) => s + x, 0);
      const adjusted = adjustments.filter((a) => a.partner === p.id).reduce((s, a) => s + a.amount, 0);
      return { partner: p.id, periods, counted, adjusted, total: counted + adjusted };
    }),
    excluded: [...excluded.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([category, n]) => ({ category, rows: n })),
    unmatched,
    otherYear,
    adjustments,
  };
}

function requesterPartner(requester: string, direct: ReadonlyMap<string, string>, rules: readonly RequesterRule[]): string | undefined {
  const exact = direct.get(requester.trim().toLowerCase());
  if (exact !== undefined) return exact;
  let best: RequesterRule | undefined;
  let bestScore = -1;
  for (const r of rules) {
    if (!patternMatches(r.pattern, requester)) continue;
    const s = patternScore(r.pattern);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best?.partner.trim();
}

/** An estimate beside the actual count: the driver the model splits by, against what the export counted. */
export interface DriverComparison {
  readonly partner: string;
  readonly estimate: string;
  readonly actual: number;
}

/** The model's driver values beside the counts (partners in the counts' order; a missing estimate is "0"). */
export function compareDrivers(
  estimates: readonly { readonly partner: string; readonly value: unknown }[],
  counts: DriverCounts,
): DriverComparison[] {
  const est = new Map(estimates.map((e) => [e.partner.trim(), String(e.value ?? "0").trim() || "0"]));
  return counts.counts.map((c) => ({ partner: c.partner, estimate: est.get(c.partner) ?? "0", actual: c.total }));
}
