import { Decimal, toScaledBigInt } from "./decimal";
import { frac, fracAdd, fracFromDecimal, fracMul, gcd, type Fraction } from "./fraction";
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
  readonly values: readonly Decimal[];
}

/**
 * Whole-number weights for a weighted mix: partner i's exact proportion is
 * Σⱼ weightⱼ × valueᵢⱼ ÷ Σᵢ valueᵢⱼ. Computed as exact fractions and brought
 * to a common denominator, so a mix is rounded once, never per driver.
 * Every column must have a positive total.
 */
export function mixWeights(columns: readonly MixColumn[], partners: number): Weight[] {
  let combined: Fraction[] = Array.from({ length: partners }, () => frac(0n));
  for (const col of columns) {
    const total = fracFromDecimal(col.values.reduce((s, x) => s.plus(x), new Decimal(0)));
    const scale = fracMul(fracFromDecimal(col.weight), frac(total.d, total.n));
    combined = combined.map((acc, i) => {
      const v = col.values[i];
      return v === undefined || v.isZero() ? acc : fracAdd(acc, fracMul(scale, fracFromDecimal(v)));
    });
  }
  let lcm = 1n;
  for (const f of combined) lcm = (lcm * f.d) / gcd(lcm, f.d);
  return reduceWeights(combined.map((f) => f.n * (lcm / f.d)));
}
