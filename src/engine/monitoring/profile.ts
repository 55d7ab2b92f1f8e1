import { fyEnd, fyStart, type FinancialYear } from "../financial-year";
import { calendarDate, dayNumber, daysInMonth } from "../dates";
import { largestRemainder, type Weight } from "../largest-remainder";
import type { Pence, UnitPence } from "../money";
import type { Line } from "../prepared";
import { PERIODS } from "./periods";

/** Even weights: twelve equal twelfths. */
export const EVEN_TWELFTHS: readonly Weight[] = PERIODS.map(() => 1);

/**
 * Splits a year's amount over the twelve periods by weights, by largest
 * remainder in whole rounding units: the twelve parts always add up to the
 * amount exactly (£100 in twelfths is eight £8.33s and four £8.34s).
 */
export function profileAmounts(amount: Pence, weights: readonly Weight[], unit: UnitPence): Pence[] {
  return largestRemainder(amount / unit, weights).map((u) => u * unit);
}

/**
 * The default profile of a line in a year: even over the periods the line
 * runs in. An ongoing charge for the whole year is twelve even twelfths; one
 * that starts in May or ends in October weighs only its months (a month it
 * runs part of counts whole: the ledger posts it in that month); a one-off
 * cost falls wholly in the period of its date. A line that does not run in
 * the year at all gets even twelfths (its budget is then nothing anyway).
 */
export function defaultWeights(line: Line, year: FinancialYear): Weight[] {
  const first = fyStart(year);
  const last = fyEnd(year);
  if (line.nature === "one-off") {
    if (line.start < first || line.start > last) return [...EVEN_TWELFTHS];
    const { month } = calendarDate(line.start);
    return PERIODS.map((p) => (((month + 8) % 12) + 1 === p ? 1 : 0));
  }
  const weights = PERIODS.map((p) => {
    const calYear = p <= 9 ? year : year + 1;
    const month = ((p + 2) % 12) + 1;
    const from = dayNumber(calYear, month, 1);
    const to = dayNumber(calYear, month, daysInMonth(calYear, month));
    return line.start <= to && (line.end === undefined || line.end >= from) ? 1 : 0;
  });
  return weights.some((w) => w > 0) ? weights : [...EVEN_TWELFTHS];
}
