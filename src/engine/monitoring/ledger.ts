import type { FinancialYear } from "../financial-year";
import { penceToText, type Pence } from "../money";
import type { ActualInput } from "./inputs";
import { patternMatches, patternScore } from "./patterns";
import type { Period } from "./periods";

/** One transaction of a ledger export, already read: where it is in the file, its period and codes, its amount. */
export interface LedgerTransaction {
  /** The file line it came from (1-based, the header is line 1). */
  readonly fileLine: number;
  /** The financial year of its date; undefined when the file gives a period and no date. */
  readonly year: FinancialYear | undefined;
  readonly period: Period;
  readonly costCentre: string;
  readonly account: string;
  readonly amount: Pence;
  readonly description: string;
}

/** A Mapping table row: a cost centre and account pattern, and the cost line that spend belongs to. */
export interface MappingRow {
  /** 1-based row of the Mapping table, to name in messages. */
  readonly row: number;
  readonly costCentre: string;
  readonly account: string;
  readonly line: string;
}

/** Why a transaction was not mapped to a cost line. It is listed, never dropped. */
export type UnmappedReason = "noMatch" | "ambiguous" | "otherYear";

/** A transaction that is not in the actuals, and why. */
export interface UnmappedTransaction {
  readonly transaction: LedgerTransaction;
  readonly reason: UnmappedReason;
  /** For "ambiguous": the equally specific Mapping rows that name different lines. */
  readonly rows?: readonly number[];
}

/** Transactions mapped onto cost lines by period. */
export interface MappedActuals {
  /** One per period and line, in period then line order. */
  readonly actuals: readonly ActualInput[];
  /** The periods the file holds mapped or unmapped transactions for (the periods an import replaces). */
  readonly periods: readonly Period[];
  readonly unmapped: readonly UnmappedTransaction[];
  readonly mappedTotal: Pence;
  readonly unmappedTotal: Pence;
}

/**
 * The Mapping row for a cost centre and account: the most specific match,
 * cost centre first, then account (as the journals' coding prefers the more
 * specific row). Equally specific rows naming different lines are ambiguous.
 */
export function resolveMapping(
  rows: readonly MappingRow[],
  costCentre: string,
  account: string,
): { readonly line: string; readonly row: number } | { readonly ambiguous: readonly number[] } | undefined {
  let best: MappingRow[] = [];
  let bestScore = -1;
  for (const r of rows) {
    if (!patternMatches(r.costCentre, costCentre) || !patternMatches(r.account, account)) continue;
    const s = patternScore(r.costCentre) * 10_000 + patternScore(r.account);
    if (s > bestScore) {
      best = [r];
      bestScore = s;
    } else if (s === bestScore) best.push(r);
  }
  const first = best[0];
  if (first === undefined) return undefined;
  if (best.some((r) => r.line.trim() !== first.line.trim())) return { ambiguous: best.map((r) => r.row) };
  return { line: first.line.trim(), row: first.row };
}

/**
 * Maps a ledger export's transactions onto cost lines, added up by period
 * and line. A transaction dated in another financial year, or matching no
 * Mapping row (or two that disagree), is listed among the unmapped with its
 * file line, never silently dropped. `source` is written on every actual.
 */
export function mapTransactions(
  transactions: readonly LedgerTransaction[],
  mapping: readonly MappingRow[],
  year: FinancialYear,
  source: string,
): MappedActuals {
  const sums = new Map<string, { period: Period; line: string; amount: Pence }>();
  const unmapped: UnmappedTransaction[] = [];
  const periods = new Set<Period>();
  let mappedTotal = 0;
  let unmappedTotal = 0;
  // Cost centre and account pairs repeat thousands of times in an export: resolve each pair once.
  const cache = new Map<string, ReturnType<typeof resolveMapping>>();
  for (const t of transactions) {
    if (t.year !== undefined && t.year !== year) {
      unmapped.push({ transaction: t, reason: "otherYear" });
      unmappedTotal += t.amount;
      continue;
    }
    periods.add(t.period);
    const key = `${t.costCentre}\u0000${t.account}`;
    let m = cache.get(key);
    if (!cache.has(key)) {
      m = resolveMapping(mapping, t.costCentre, t.account);
      cache.set(key, m);
    }
    if (m === undefined || "ambiguous" in m) {
      unmapped.push(m === undefined ? { transaction: t, reason: "noMatch" } : { transaction: t, reason: "ambiguous", rows: m.ambiguous });
      unmappedTotal += t.amount;
      continue;
    }
    const k = `${String(t.period).padStart(2, "0")}\u0000${m.line}`;
    const s = sums.get(k) ?? { period: t.period, line: m.line, amount: 0 };
    s.amount += t.amount;
    sums.set(k, s);
    mappedTotal += t.amount;
  }
  const actuals = [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, s]) => ({ period: s.period, line: s.line, amount: penceToText(s.amount), source }));
  return { actuals, periods: [...periods].sort((a, b) => a - b), unmapped, mappedTotal, unmappedTotal };
}

/**
 * The Actuals table after an import: every existing row of a period the
 * import covers is replaced by the import's rows, so importing the same
 * period twice leaves the table as importing it once; other periods are kept.
 */
export function replacePeriods(
  existing: readonly ActualInput[],
  imported: readonly ActualInput[],
  periods: readonly Period[],
): ActualInput[] {
  const replaced = new Set(periods);
  // A typed period may read "8" or "P8": compare the number either way.
  const kept = existing.filter(
    (a) =>
      !replaced.has(
        Number(
          String(a.period ?? "")
            .trim()
            .replace(/^p(?:eriod)?\s*/i, ""),
        ),
      ),
  );
  return [...kept, ...imported];
}
