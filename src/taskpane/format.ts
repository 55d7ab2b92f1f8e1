/**
 * en-GB display helpers for the task pane. Money, dates and years come from
 * the engine's own formatters so the pane, the sheets and the custom
 * functions always print the same figure the same way.
 */
import type { BudgetTolerance, Pence } from "../engine";
import { categoryWords, Decimal, formatMoney, fracToDecimalText, fyLabel, longDate, natureWords, parseDecimal, partnerWords } from "../app";

// Categories, natures and partners in words are the sheets' own (src/excel/layout/outputs/words.ts), one vocabulary.
export { categoryWords, formatMoney, fyLabel, longDate, natureWords, partnerWords };

/** A signed money difference: "+£1,234.56", "-£5.00", "£0.00". */
export function formatDifference(p: Pence): string {
  return p > 0 ? `+${formatMoney(p)}` : formatMoney(p);
}

/** A percentage already computed as decimal text by the engine ("12.34") shown as "12.34%"; blank when undefined. */
export function formatPercentText(text: string | undefined): string {
  if (text === undefined || text === "") return "–";
  return `${text}%`;
}

/**
 * Exact decimal text of pounds from the engine's trace ("2040952.3809523809…",
 * "-0.0009523809…", "+0.01") shown the en-GB way with the sign before the £
 * and thousands grouped: "£2,040,952.3809523809…", "-£0.0009523809…", "+£0.01".
 * The digits are the engine's; nothing is rounded here.
 */
export function formatExactPounds(text: string): string {
  const m = /^([+-]?)(\d+)(.*)$/.exec(text.trim());
  if (!m) return text;
  const [, sign = "", int = "", rest = ""] = m;
  return `${sign}£${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${rest}`;
}

/** A decimal figure from the engine ("2143", "1234.5") grouped the en-GB way: "2,143", "1,234.5". */
export function formatFigure(text: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?(.*)$/.exec(text.trim());
  if (!m) return text;
  const [, sign = "", int = "", frac = "", rest = ""] = m;
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac}${rest}`;
}

/** part ÷ whole as a percentage to 2 places ("21.26%"), exactly from the engine's decimal text; "–" when whole is zero. */
export function formatShare(part: string, whole: string): string {
  const p = parseDecimal(part);
  const w = parseDecimal(whole);
  if (p === undefined || w === undefined || w.isZero()) return "–";
  return `${p.div(w).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

/** A rounding adjustment in pounds from the engine's trace ("+0.0047619047…") as pence to 2 places: "+0.48p". */
export function formatAdjustmentPence(text: string): string {
  const d = parseDecimal(text.replace("…", "").replace(/^\+/, ""));
  if (d === undefined) return text;
  const pence = d.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return `${pence.isNegative() ? "-" : "+"}${pence.abs().toFixed(2)}p`;
}

/**
 * The budget tolerance in words, as the Budget screen states it: "Within tolerance means a
 * variance of at most £500.00 and at most 2% of the budget." The % is the engine's exact
 * fraction to 4 places (a repeating one marked "…", never silently rounded).
 */
export function toleranceText(t: BudgetTolerance): string {
  const parts = [
    ...(t.amount === undefined ? [] : [formatMoney(t.amount)]),
    ...(t.percent === undefined ? [] : [`${fracToDecimalText(t.percent, 4)}% of the budget`]),
  ];
  if (parts.length === 0) return "No tolerance is set: only a recharge equal to its budget is on budget.";
  return `Tolerance: a variance of at most ${parts.join(" and at most ")} is within tolerance.`;
}
