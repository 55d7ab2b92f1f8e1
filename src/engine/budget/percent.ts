import { frac, type Fraction } from "../fraction";
import { roundHalfAwayFromZero } from "../rounding";
import type { Pence } from "../money";

/**
 * Percentages for variances and differences. They are kept as exact
 * fractions (a variance of £1 on a budget of £3 is 33⅓%, which no decimal
 * holds) and only turned into text, rounded, at the point of display.
 */

/** The places a percentage is shown to by default. */
export const PERCENT_DP = 2;

/**
 * `part` as a percentage of `whole`, exactly: part ÷ |whole| × 100. Dividing by
 * the magnitude keeps the sign of `part`, so a negative variance stays
 * negative even against a negative (income) budget. Undefined when `whole` is
 * zero: a percentage of nothing has no meaning, and inventing 100% or ∞ would
 * mislead.
 */
export function percentOf(part: Pence, whole: Pence): Fraction | undefined {
  if (whole === 0) return undefined;
  return frac(BigInt(part) * 100n, BigInt(Math.abs(whole)));
}

/**
 * A percentage as decimal text rounded half away from zero to `dp` places
 * (2 by default): 100/3 → "33.33", −2/3 → "-0.67", 1/1000 → "0.00" (never
 * "-0.00"). Half away from zero so that a credit and a charge of the same
 * size show the same figure with opposite signs.
 */
export function percentText(p: Fraction, dp: number = PERCENT_DP): string {
  const scale = 10n ** BigInt(dp);
  const r = roundHalfAwayFromZero(frac(p.n * scale, p.d));
  const neg = r < 0n;
  const abs = neg ? -r : r;
  const whole = abs / scale;
  const digits = (abs % scale).toString().padStart(dp, "0");
  return `${neg ? "-" : ""}${whole}${dp > 0 ? `.${digits}` : ""}`;
}
