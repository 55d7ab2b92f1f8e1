import { toScaledBigInt, type Decimal } from "../decimal";
import { frac } from "../fraction";
import { roundHalfAwayFromZero } from "../rounding";
import type { Pence } from "../money";

/** The discount rate the Treasury's Green Book uses (3.5% a year), offered when the user asks for discounting. */
export const GREEN_BOOK_RATE = "3.5";

/**
 * The present value of a stream of yearly amounts at `rate` (a fraction of
 * one: 3.5% → 0.035): Σₜ amountₜ ÷ (1 + rate)^t, with t = 0 for the first
 * year (the Green Book's convention: the first year is not discounted).
 * Exact (with rate = a ÷ b, every term over the common denominator
 * (a + b)^(n−1) is whole), then rounded once, half away from zero, to the penny.
 */
export function presentValue(amounts: readonly Pence[], rate: Decimal): Pence {
  const n = amounts.length;
  if (n === 0) return 0;
  const { int: a, scale } = toScaledBigInt(rate);
  const b = 10n ** BigInt(scale);
  const c = a + b;
  let numerator = 0n;
  for (let t = 0; t < n; t++) numerator += BigInt(amounts[t] as number) * b ** BigInt(t) * c ** BigInt(n - 1 - t);
  return Number(roundHalfAwayFromZero(frac(numerator, c ** BigInt(n - 1))));
}
