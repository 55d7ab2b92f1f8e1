import { calendarDate, dayNumber, type DayNumber } from "./dates";
import { showInput } from "./decimal";
import type { Where } from "./errors";
import { err, ok, type Result } from "./result";

/**
 * A UK local-government financial year, 1 April to 31 March, held as the
 * calendar year it starts in: 2020 is 2020/21.
 */
export type FinancialYear = number;

/** The label a finance officer writes: 2020 → "2020/21". */
export function fyLabel(fy: FinancialYear): string {
  return `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`;
}

const FY_TEXT = /^(?:FY\s*)?(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** Reads "2020/21" (also "2020-21" and "2020/2021"); the second year must follow the first. */
export function parseFinancialYear(input: unknown, at: Where): Result<FinancialYear> {
  const text = typeof input === "string" ? input.trim() : showInput(input);
  const m = FY_TEXT.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = m[2] ?? "";
    const expected = second.length === 2 ? (first + 1) % 100 : first + 1;
    if (Number(second) === expected && first >= 1900 && first <= 9998) return ok(first);
  }
  return err({ kind: "unknownYear", text, at });
}

/** The financial year a date falls in: January–March belong to the year that began the previous April. */
export function fyOfDay(d: DayNumber): FinancialYear {
  const { year, month } = calendarDate(d);
  return month >= 4 ? year : year - 1;
}

/** 1 April of the year. */
export function fyStart(fy: FinancialYear): DayNumber {
  return dayNumber(fy, 4, 1);
}

/** 31 March of the following calendar year. */
export function fyEnd(fy: FinancialYear): DayNumber {
  return dayNumber(fy + 1, 3, 31);
}

/** 365, or 366 when the year holds a 29 February (2023/24, 2027/28…). */
export function fyDays(fy: FinancialYear): number {
  return fyEnd(fy) - fyStart(fy) + 1;
}

/** The years from `from` to `to` inclusive. */
export function fyRange(from: FinancialYear, to: FinancialYear): FinancialYear[] {
  const out: FinancialYear[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
