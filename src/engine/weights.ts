import { Decimal, toScaledBigInt } from "./decimal";
import { frac, fracFromDecimal, gcd } from "./fraction";
import type { Weight } from "./largest-remainder";

/**
 * Turns non-negative decimal driver values into whole-number weights in the
 * same proportions: 12.5 and 7 become 25 and 14. Dividing by the common
 * factor keeps the numbers small, so the fast integer path applies more often.
 */
export function decimalsToWeights(values: readonly Decimal[]): Weight[] {
  const small = smallIntegerWeights(values);
  if (small !== undefined) return small;
  const scaled = values.map(toScaledBigInt);
  const scale = scaled.reduce((m, s) => Math.max(m, s.scale), 0);
  return reduceWeights(scaled.map((s) => s.int * 10n ** BigInt(scale - s.scale)));
}

/**
 * {@link decimalsToWeights} for the usual driver values, whole numbers whose
 * total is a safe integer (tickets, users, homes): the same weights, found
 * with JS numbers instead of BigInt. Undefined otherwise.
 */
function smallIntegerWeights(values: readonly Decimal[]): number[] | undefined {
  const ints = new Array<number>(values.length);
  // The sum of magnitudes bounds every partial sum: within 2^53, all of it is exact.
  let magnitudes = 0;
  let g = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] as Decimal;
    if (!d.isInteger()) return undefined;
    const v = d.toNumber() || 0; // −0 → 0, as BigInt has no −0
    const m = Math.abs(v);
    magnitudes += m;
    if (!Number.isSafeInteger(magnitudes)) return undefined;
    ints[i] = v;
    let a = g;
    let b = m;
    while (b !== 0) {
      const t = a % b;
      a = b;
      b = t;
    }
    g = a;
  }
  if (g > 1) for (let i = 0; i < ints.length; i++) ints[i] = (ints[i] as number) / g;
  return ints;
}

/** Divides whole-number weights by their common factor and uses JS numbers where they are safe. */
export function reduceWeights(ints: readonly bigint[]): Weight[] {
  let g = 0n;
  for (const v of ints) g = gcd(g, v < 0n ? -v : v);
  const reduced = g > 1n ? ints.map((v) => v / g) : ints;
  let total = 0n;
  for (const v of reduced) total += v;
  const safe = total <= BigInt(Number.MAX_SAFE_INTEGER);
  return reduced.map((v) => (safe ? Number(v) : v));
}

/** One driver of a weighted mix: its weight in percent and each partner's value. */
export interface MixColumn {
  readonly weight: Decimal;
  /** Each partner's value; or, for whole numbers, `ints` instead (no Decimal per cell). */
  readonly values: readonly Decimal[];
  /** The values as whole numbers, when they all are: read instead of `values`. */
  readonly ints?: readonly bigint[];
}

/**
 * Whole-number weights for a weighted mix: partner i's exact proportion is
 * Σⱼ weightⱼ × valueᵢⱼ ÷ Σᵢ valueᵢⱼ, so a mix is rounded once, never per driver.
 * Every column must have a positive total.
 *
 * Each column's factor weightⱼ ÷ totalⱼ is reduced to aⱼ/bⱼ once, and every
 * partner's weight is Σⱼ aⱼ × (L ÷ bⱼ) × valueᵢⱼ over the one common
 * denominator L = lcm(bⱼ): one multiply-add per cell. (Adding the cells as
 * fractions, each addition reducing by a gcd of ever larger numbers, took
 * over a minute for 1,000 partners × 1,000 drivers.) The weights are exactly
 * L times the proportions, so after {@link reduceWeights} they are the same
 * whichever way they were found.
 */
export function mixWeights(columns: readonly MixColumn[], partners: number): Weight[] {
  const factors: { readonly a: bigint; readonly b: bigint; readonly ints: readonly bigint[] }[] = [];
  for (const col of columns) {
    if (col.weight.isZero()) continue;
    let ints = col.ints;
    if (ints === undefined) {
      const scaled = col.values.map(toScaledBigInt);
      const scale = scaled.reduce((m, s) => Math.max(m, s.scale), 0);
      ints = scaled.map((s) => (s.scale === scale ? s.int : s.int * 10n ** BigInt(scale - s.scale)));
    }
    let total = 0n;
    for (const v of ints) total += v;
    // valueᵢ ÷ total = intᵢ ÷ Σ int (the scale cancels), so the factor is weight ÷ Σ int, in lowest terms.
    const w = fracFromDecimal(col.weight);
    const f = frac(w.n, w.d * total);
    factors.push({ a: f.n, b: f.d, ints });
  }
  let lcm = 1n;
  for (const f of factors) lcm = (lcm / gcd(lcm, f.b)) * f.b;
  const weights = new Array<bigint>(partners).fill(0n);
  for (const f of factors) {
    const c = f.a * (lcm / f.b);
    for (let i = 0; i < partners; i++) {
      const v = f.ints[i];
      if (v !== undefined && v !== 0n) weights[i] = (weights[i] as bigint) + c * v;
    }
  }
  return reduceWeights(weights);
}
