import type { Category, Nature } from "../model";
import type { CodingRow } from "./prepare";

/** What a charge is, for coding: whose it is, its line and service, capital/revenue, one-off/ongoing. */
export interface CodingKey {
  readonly partner: string;
  /** "" for a year-end accrual, which belongs to no one line. */
  readonly line: string;
  readonly service: string;
  readonly category: Category;
  readonly nature: Nature;
}

/** The codes a charge goes to, and the row that gave them. */
export interface Coding {
  readonly costCentre: string;
  readonly account: string;
  readonly row: number;
}

/** A coding that could not be resolved: none matches, or equally specific rows disagree. */
export type CodingOutcome =
  | { readonly ok: true; readonly coding: Coding }
  | { readonly ok: false; readonly reason: "missing" }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly rows: readonly number[] };

/** How specific a row is: a line beats a service beats neither; then a category; then a nature. */
function specificity(r: CodingRow): number {
  return (
    (r.line !== undefined ? 8 : 0) +
    (r.service !== undefined ? 4 : 0) +
    (r.category !== undefined ? 2 : 0) +
    (r.nature !== undefined ? 1 : 0)
  );
}

function matches(r: CodingRow, k: CodingKey): boolean {
  return (
    r.partner === k.partner &&
    (r.line === undefined || r.line === k.line) &&
    (r.service === undefined || r.service === k.service) &&
    (r.category === undefined || r.category === k.category) &&
    (r.nature === undefined || r.nature === k.nature)
  );
}

/**
 * The partner's cost centre and account for a charge: the most specific
 * matching row. Two equally specific rows that give different codes are
 * ambiguous (the user must say which); giving the same codes twice is
 * harmless.
 */
export function resolveCoding(rows: readonly CodingRow[], key: CodingKey): CodingOutcome {
  let best: CodingRow[] = [];
  let bestScore = -1;
  for (const r of rows) {
    if (!matches(r, key)) continue;
    const s = specificity(r);
    if (s > bestScore) {
      best = [r];
      bestScore = s;
    } else if (s === bestScore) best.push(r);
  }
  const first = best[0];
  if (first === undefined) return { ok: false, reason: "missing" };
  const disagree = best.filter((r) => r.costCentre !== first.costCentre || r.account !== first.account);
  if (disagree.length > 0) return { ok: false, reason: "ambiguous", rows: best.map((r) => r.row) };
  return { ok: true, coding: { costCentre: first.costCentre, account: first.account, row: first.row } };
}
