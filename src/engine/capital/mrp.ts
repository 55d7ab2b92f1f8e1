import type { Decimal } from "../decimal";
import { toScaledBigInt } from "../decimal";
import { largestRemainder } from "../largest-remainder";
import type { Pence } from "../money";
import type { MrpMethod } from "./financing";

/**
 * Each year's weight in an MRP schedule of `life` years, as whole numbers
 * (the schedule is the principal shared by these weights, so only their
 * proportions matter).
 *
 * - Equal instalments: every year weighs 1, so each year sets aside principal ÷ life.
 * - Annuity at rate r: the annuity payment A = P·r ÷ (1 − (1 + r)^−n) is
 *   level; year k's MRP is its principal part, A − r × (the balance at the
 *   start of year k), which works out as P·(1 + r)^(k−1) ÷ Σⱼ(1 + r)^(j−1).
 *   With r = a ÷ b (a decimal, so b a power of ten) the weight
 *   (1 + r)^(k−1) × b^(n−1) = (b + a)^(k−1) × b^(n−k) is a whole number, so
 *   the split is exact (BigInt; no power is ever rounded).
 *
 * An annuity at 0% is equal instalments.
 */
export function mrpWeights(method: MrpMethod, rate: Decimal | undefined, life: number): bigint[] {
  if (method === "equal instalments" || rate === undefined || rate.isZero()) return new Array<bigint>(life).fill(1n);
  const { int: a, scale } = toScaledBigInt(rate);
  const b = 10n ** BigInt(scale);
  const weights: bigint[] = [];
  for (let k = 1; k <= life; k++) weights.push((b + a) ** BigInt(k - 1) * b ** BigInt(life - k));
  return weights;
}

/**
 * The total MRP schedule: `principal` pence shared over the years by their
 * weights, by largest remainder, so the years add up exactly to the
 * principal and each is within a penny of its exact figure.
 */
export function mrpSchedule(principal: Pence, weights: readonly bigint[]): Pence[] {
  if (weights.length === 0) return [];
  return largestRemainder(principal, weights);
}
