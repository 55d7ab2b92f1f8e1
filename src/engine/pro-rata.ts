import { dayNumber, daysInMonth, type DayNumber } from "./dates";
import { frac, fracAdd, type Fraction } from "./fraction";
import { fyDays, fyEnd, fyStart, type FinancialYear } from "./financial-year";

/**
 * How a part year is measured, chosen per model and recorded with the result.
 * - `days`: days covered ÷ days in the financial year (365 or 366). The default,
 *   because it is exact for any start date: 1 January 2021 gives 90/365 of 2020/21.
 * - `months`: months covered ÷ 12, a part month counting as its days covered ÷
 *   days in that month. Whole months agree with the usual "3 of 12 months".
 */
export type ProRataBasis = "days" | "months";

/** The pro-rata conventions, in the order offered to users. */
export const PRO_RATA_BASES: readonly ProRataBasis[] = ["days", "months"];

/**
 * The fraction of financial year `fy` covered by a charge running from
 * `start` to `end` inclusive (`end` undefined means it continues).
 * Returns exactly 0 when there is no overlap and exactly 1 for a whole year.
 */
export function yearFraction(fy: FinancialYear, start: DayNumber, end: DayNumber | undefined, basis: ProRataBasis): Fraction {
  const from = Math.max(start, fyStart(fy));
  const to = Math.min(end ?? Number.MAX_SAFE_INTEGER, fyEnd(fy));
  if (to < from) return frac(0n);
  if (basis === "days") return frac(BigInt(to - from + 1), BigInt(fyDays(fy)));
  let months = frac(0n);
  // Walk the twelve months April..March and add each month's covered share.
  for (let i = 0; i < 12; i++) {
    const year = i < 9 ? fy : fy + 1;
    const month = ((i + 3) % 12) + 1;
    const first = dayNumber(year, month, 1);
    const dim = daysInMonth(year, month);
    const last = first + dim - 1;
    const a = Math.max(from, first);
    const b = Math.min(to, last);
    if (b >= a) months = fracAdd(months, frac(BigInt(b - a + 1), BigInt(dim)));
  }
  return frac(months.n, months.d * 12n);
}

/** The covered span in words for a trace, e.g. "90/365 days" or "3/12 months". */
export function describeFraction(fy: FinancialYear, start: DayNumber, end: DayNumber | undefined, basis: ProRataBasis): string {
  const from = Math.max(start, fyStart(fy));
  const to = Math.min(end ?? Number.MAX_SAFE_INTEGER, fyEnd(fy));
  if (basis === "days") return `${Math.max(0, to - from + 1)}/${fyDays(fy)} days`;
  const f = yearFraction(fy, start, end, basis);
  const months = frac(f.n * 12n, f.d);
  return months.d === 1n ? `${months.n}/12 months` : `${months.n}/${months.d} of 12 months`;
}
