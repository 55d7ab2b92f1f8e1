import { isBlank, showInput } from "./decimal";
import type { Where } from "./errors";
import { err, ok, type Result } from "./result";

/**
 * Dates in the engine are whole day numbers (days since 1970-01-01, UTC).
 * Arithmetic on plain integers avoids time zones and daylight saving, which
 * would otherwise move a 1 April start into 31 March on some machines.
 */
export type DayNumber = number;

/** A date as it arrives: ISO text (YYYY-MM-DD) or an Excel serial number (1900 date system). */
export type DateInput = string | number;

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  if (year >= 100) return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  // Date.UTC reads years 0–99 as 1900–1999: set the full year explicitly.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The calendar date of a day number. */
export function calendarDate(d: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO text of a day number: 18628 → "2021-01-01". */
export function isoDate(d: DayNumber): string {
  const { year, month, day } = calendarDate(d);
  return `${year.toString().padStart(4, "0")}-${month.toString().padStart(2, "0")}-${day.toString().padStart(2, "0")}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The en-GB long form: "1 April 2020". */
export function longDate(d: DayNumber): string {
  const { year, month, day } = calendarDate(d);
  return `${day} ${MONTHS[month - 1] ?? "?"} ${year}`;
}

/** True for years with a 29 February. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a calendar month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

// Excel's serial 1 is 1900-01-01 and serial 60 is its fictitious 29 February 1900
// (kept from Lotus 1-2-3), so real dates from 1 March 1900 on are one day later.
const EXCEL_EPOCH_BEFORE_MARCH_1900 = dayNumber(1899, 12, 31);
const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

/**
 * Converts an Excel serial date (1900 date system) to a day number.
 * A time of day (the fraction) is ignored. Serial 60, Excel's 29 February
 * 1900, never existed and is rejected rather than silently moved.
 */
export function fromExcelSerial(serial: number, at: Where): Result<DayNumber> {
  const whole = Math.floor(serial);
  // NaN or infinity is not a serial at all (a cell whose date Excel could not show, read back as NaN).
  if (!Number.isFinite(serial)) return err({ kind: "invalidDate", text: "(an invalid number)", at });
  if (whole < 1 || whole > EXCEL_MAX_SERIAL) return err({ kind: "dateOutOfRange", text: `serial ${serial}`, at });
  if (whole === 60) return err({ kind: "invalidDate", text: "60 (29 February 1900, a day that never existed)", at });
  return ok(whole < 60 ? EXCEL_EPOCH_BEFORE_MARCH_1900 + whole : EXCEL_EPOCH + whole);
}

/** Converts a day number to an Excel serial date (1900 date system). */
export function toExcelSerial(d: DayNumber): number {
  const serial = d - EXCEL_EPOCH;
  return serial < 61 ? d - EXCEL_EPOCH_BEFORE_MARCH_1900 : serial;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/;

/** Reads a date from ISO text (YYYY-MM-DD) or an Excel serial number. */
export function parseDate(input: unknown, at: Where): Result<DayNumber> {
  if (typeof input === "number") return fromExcelSerial(input, at);
  if (typeof input !== "string" || isBlank(input)) {
    return isBlank(input) ? err({ kind: "missingValue", at }) : err({ kind: "invalidDate", text: showInput(input), at });
  }
  const m = ISO.exec(input.trim());
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      // Excel's dates start on 1 January 1900: an earlier year is a typing slip, not a date to model.
      return year >= 1900 ? ok(dayNumber(year, month, day)) : err({ kind: "dateOutOfRange", text: input.trim(), at });
    }
  }
  return err({ kind: "invalidDate", text: input, at });
}
