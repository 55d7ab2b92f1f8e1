import type { DayNumber } from "../engine";
import { calendarDate, dayNumber, isoDate, longDate, parseDate } from "../app";

const AT = { entity: "scenario", field: "date" } as const;

/** The day a stored date stands for (ISO text or an Excel serial number), or undefined for blank or unreadable input. */
export function storedDay(value: unknown): DayNumber | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  // A date cell read back from the Scenarios sheet can arrive as its serial number in text ("44287").
  const serial = typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  const r = parseDate(serial, AT);
  return r.ok ? r.value : undefined;
}

/** A stored date as a UK reader types it, "01/04/2021"; anything unreadable is shown as it is, so nothing typed is lost. */
export function dateEntryText(value: unknown): string {
  const d = storedDay(value);
  if (d === undefined) return value === undefined || value === null ? "" : String(value);
  const { year, month, day } = calendarDate(d);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/**
 * What to store for a date typed the UK way (day/month/year, "1/4/2021" or "01-04-2021"): the
 * ISO date ("2021-04-01") the engine and the Scenarios table read; ISO typed in stays ISO; blank
 * stays blank; anything else is kept as typed, for the engine to report.
 */
export function dateEntryValue(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = Number(m[3]);
    const d = dayNumber(year, month, day);
    const back = calendarDate(d);
    // A real day only (31/02 would roll into March): checked by turning it back into a calendar date.
    if (back.year === year && back.month === month && back.day === day) return isoDate(d);
  }
  return t;
}

/** The date in words under the field ("1 April 2021"), or how to type one. */
export function dateEntryHint(text: string): string {
  const d = storedDay(dateEntryValue(text));
  return d === undefined ? "Day/month/year, e.g. 01/04/2021" : longDate(d);
}
