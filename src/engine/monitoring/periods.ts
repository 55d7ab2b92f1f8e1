import { calendarDate, type DayNumber } from "../dates";
import { showInput, parseDecimal, isBlank } from "../decimal";
import type { Where } from "../errors";
import { fyOfDay, type FinancialYear } from "../financial-year";
import { err, ok, type Result } from "../result";

/** A period of the financial year: 1 (April) to 12 (March). */
export type Period = number;

/** The twelve periods in order. */
export const PERIODS: readonly Period[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Each period's month, for column headings: period 1 is April. */
export const PERIOD_MONTHS: readonly string[] = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

/** "P1 Apr" style label. */
export function periodLabel(p: Period): string {
  return `P${p} ${PERIOD_MONTHS[p - 1] ?? "?"}`;
}

/** The financial year and period a day falls in: 15 May 2020 → 2020/21 period 2; 3 January 2021 → 2020/21 period 10. */
export function periodOfDay(d: DayNumber): { readonly year: FinancialYear; readonly period: Period } {
  const { month } = calendarDate(d);
  return { year: fyOfDay(d), period: ((month + 8) % 12) + 1 };
}

/** Reads a period: a whole number 1–12 (also "P8" as ledgers print it). */
export function parsePeriod(input: unknown, at: Where): Result<Period> {
  if (isBlank(input)) return err({ kind: "missingValue", at });
  const text = typeof input === "string" ? input.trim().replace(/^p(?:eriod)?\s*/i, "") : input;
  const d = parseDecimal(text);
  if (d === undefined || !d.isInteger() || d.lt(1) || d.gt(12)) {
    return err({ kind: "invalidChoice", value: showInput(input), allowed: PERIODS.map(String), at });
  }
  return ok(d.toNumber());
}
