import { calendarDate, dayNumber, daysInMonth, type DayNumber } from "../dates";
import { largestRemainder } from "../largest-remainder";
import type { Pence } from "../money";

/** How often the host invoices a partner, each instalment in advance. */
export type InvoiceFrequency = "annual" | "quarterly" | "monthly";

/** The frequencies, in display order. */
export const INVOICE_FREQUENCIES: readonly InvoiceFrequency[] = ["annual", "quarterly", "monthly"];

/** How many instalments a year each frequency raises. */
export const INSTALMENTS_PER_YEAR: Readonly<Record<InvoiceFrequency, number>> = { annual: 1, quarterly: 4, monthly: 12 };

/**
 * Splits an amount into `count` instalments that add up to it exactly: equal
 * weights by the largest-remainder method, so the spare pennies go to the
 * earliest instalments (the documented tie-break: earlier position first)
 * and no instalment is more than a penny from another.
 */
export function splitInstalments(amount: Pence, count: number): Pence[] {
  return largestRemainder(amount, new Array<number>(count).fill(1));
}

/**
 * The dates of a year's instalments: the first date, then every 12/count
 * months after it on the same day of the month (the month's last day where
 * it is shorter: 31 May, 31 August, 30 November, 28 or 29 February).
 */
export function instalmentDates(first: DayNumber, count: number): DayNumber[] {
  const start = calendarDate(first);
  const step = 12 / count;
  return Array.from({ length: count }, (_, i) => {
    const months = start.month - 1 + i * step;
    const year = start.year + Math.floor(months / 12);
    const month = (months % 12) + 1;
    return dayNumber(year, month, Math.min(start.day, daysInMonth(year, month)));
  });
}
