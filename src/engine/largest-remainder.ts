/**
 * The largest-remainder (Hamilton) method, DOMAIN.md money rule 2.
 *
 * Each exact share `amount × wᵢ / W` is rounded towards zero to a whole unit;
 * the units left over go one each to the largest remainders. Ties between
 * equal remainders go to the larger weight, then to the earlier position.
 * Negative amounts are split as their magnitude and negated, so −£100 three
 * ways mirrors +£100 exactly.
 *
 * Consequences relied on everywhere (and property-tested):
 * - the shares sum exactly to the amount;
 * - each share is within one unit of its exact value;
 * - a zero weight gets exactly zero (its remainder is 0, and there are always
 *   more non-zero remainders than units to hand out);
 * - scaling every weight by the same factor changes nothing.
 *
 * Callers must pass non-negative whole-number weights with a positive total;
 * validation upstream turns anything else into an error value.
 */

/** A whole-number weight: a JS safe integer or a BigInt when products would overflow. */
export type Weight = number | bigint;

/** Splits `amount` whole units by whole-number `weights`. Returns whole units per position. */
export function largestRemainder(amount: number, weights: readonly Weight[]): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not a whole number of units`);
  if (weights.every((w) => typeof w === "number")) {
    const nums = weights as readonly number[];
    let total = 0;
    let max = 0;
    for (const w of nums) {
      total += w;
      if (w > max) max = w;
    }
    // Fast path: every product amount × w and the total are exact in a double.
    if (Number.isSafeInteger(total) && Math.abs(amount) * Math.max(max, total) <= Number.MAX_SAFE_INTEGER) {
      return splitNumber(amount, nums, total);
    }
  }
  return splitBig(amount, weights.map((w) => BigInt(w)));
}

function splitNumber(amount: number, weights: readonly number[], total: number): number[] {
  if (total <= 0) throw new RangeError("weights must have a positive total");
  const n = weights.length;
  const magnitude = Math.abs(amount);
  const sign = amount < 0 ? -1 : 1;
  const shares = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (w < 0 || !Number.isInteger(w)) throw new RangeError(`weight ${w} is not a non-negative whole number`);
    const p = magnitude * w;
    // Division of exact integers can land one off after rounding; correct it.
    let q = Math.floor(p / total);
    let r = p - q * total;
    if (r < 0) {
      q -= 1;
      r += total;
    } else if (r >= total) {
      q += 1;
      r -= total;
    }
    shares[i] = q;
    remainders[i] = r;
    given += q;
  }
  distribute(magnitude - given, shares, remainders, weights);
  if (sign < 0) for (let i = 0; i < n; i++) shares[i] = -(shares[i] as number) || 0;
  return shares;
}

function splitBig(amount: number, weights: readonly bigint[]): number[] {
  const n = weights.length;
  let total = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError(`weight ${w} is negative`);
    total += w;
  }
  if (total <= 0n) throw new RangeError("weights must have a positive total");
  const magnitude = BigInt(Math.abs(amount));
  const shares = new Array<number>(n);
  const remainders = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const p = magnitude * (weights[i] as bigint);
    const q = p / total;
    shares[i] = Number(q);
    remainders[i] = p - q * total;
    given += q;
  }
  distribute(Number(magnitude - given), shares, remainders, weights);
  if (amount < 0) for (let i = 0; i < n; i++) shares[i] = -(shares[i] as number) || 0;
  return shares;
}

/** Gives one unit to each of the `left` largest remainders, with the documented tie-break. */
function distribute<T extends number | bigint>(left: number, shares: number[], remainders: readonly T[], weights: readonly T[]): void {
  if (left <= 0) return;
  const order: number[] = [];
  for (let i = 0; i < remainders.length; i++) if ((remainders[i] as T) > 0) order.push(i);
  order.sort((a, b) => {
    const ra = remainders[a] as T;
    const rb = remainders[b] as T;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = weights[a] as T;
    const wb = weights[b] as T;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; k < left; k++) {
    const i = order[k] as number;
    shares[i] = (shares[i] as number) + 1;
  }
}
