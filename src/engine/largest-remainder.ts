/**
 * The largest-remainder (Hamilton) method, docs/domain.md money rule 2.
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
  let total = 0;
  let allNumbers = true;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== "number") {
      allNumbers = false;
      break;
    }
    if (!(w >= 0) || w !== Math.floor(w)) throw new RangeError(`weight ${w} is not a non-negative whole number`);
    total += w;
  }
  if (allNumbers && Number.isSafeInteger(total)) {
    const magnitude = Math.abs(amount);
    // Fast path: every product amount × w (w ≤ total) and the total are exact in a double.
    if (magnitude * total <= Number.MAX_SAFE_INTEGER) return splitNumber(amount, weights as readonly number[], total, false);
    // Products past 2^53 (a weighted mix's weights, large amounts): exact two-double products.
    if (magnitude <= WIDE_MAX_AMOUNT && total <= WIDE_MAX_TOTAL) return splitNumber(amount, weights as readonly number[], total, true);
  }
  return splitBig(
    amount,
    weights.map((w) => BigInt(w)),
  );
}

/**
 * {@link largestRemainder} by fixed weights, checked and totalled once: for
 * the many amounts a model splits by the same basis, partners and year.
 * Gives exactly what `largestRemainder(amount, weights)` gives (and throws
 * where it throws).
 */
export function largestRemainderBy(weights: readonly Weight[]): (amount: number) => number[] {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !(w >= 0) || w !== Math.floor(w)) return (amount) => largestRemainder(amount, weights);
    total += w;
  }
  if (!Number.isSafeInteger(total)) return (amount) => largestRemainder(amount, weights);
  const numbers = weights as readonly number[];
  const n = numbers.length;
  if (n > 0 && (numbers[0] as number) > 0 && numbers.every((w) => w === numbers[0]))
    return (amount) => equalShares(amount, n) ?? largestRemainder(amount, weights);
  let big: bigint[] | undefined;
  return (amount) => {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not a whole number of units`);
    const magnitude = Math.abs(amount);
    if (magnitude * total <= Number.MAX_SAFE_INTEGER) return splitNumber(amount, numbers, total, false);
    if (magnitude <= WIDE_MAX_AMOUNT && total <= WIDE_MAX_TOTAL) return splitNumber(amount, numbers, total, true);
    return splitBig(amount, (big ??= numbers.map((w) => BigInt(w))));
  };
}

/**
 * Largest remainder by n equal, non-zero weights (equal shares; equal
 * percentages): every remainder ties, so the first (|amount| mod n)
 * positions get the extra unit. Undefined past 2^52 (the general path then).
 */
function equalShares(amount: number, n: number): number[] | undefined {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount ${amount} is not a whole number of units`);
  const magnitude = Math.abs(amount);
  if (magnitude > 2 ** 52) return undefined;
  let q = Math.floor(magnitude / n);
  let k = magnitude - q * n;
  while (k < 0) {
    q -= 1;
    k += n;
  }
  while (k >= n) {
    q += 1;
    k -= n;
  }
  const shares = new Array<number>(n);
  const sign = amount < 0 ? -1 : 1;
  for (let i = 0; i < n; i++) shares[i] = sign * (i < k ? q + 1 : q) || 0;
  return shares;
}

// Scratch space reused across calls: this is the engine's innermost loop, run
// once per cost line × year, so it allocates nothing but the result.
let remainders = new Float64Array(64);
let chosen = new Uint8Array(64);

/**
 * Bounds of the wide number path. With |amount| ≤ 2^47 the estimated quotient
 * ⌊amount × w ÷ total⌋ is off by at most one; with total ≤ 2^50 the exact
 * remainder, before and after correcting it, stays within 2^53.
 */
const WIDE_MAX_AMOUNT = 2 ** 47;
const WIDE_MAX_TOTAL = 2 ** 50;
/** Veltkamp's splitting constant for doubles, 2^27 + 1. */
const SPLIT = 134_217_729;

/**
 * The low part of the exact product a × b = hi + lo (Dekker's TwoProduct),
 * where hi = fl(a × b); a and b are whole numbers within 2^53.
 */
function productLow(a: number, b: number, hi: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - hi + ah * bl + al * bh + al * bl;
}

/**
 * The number paths. Instead of sorting remainders, they first give a unit to
 * every remainder of at least half the total: that set always consists of the
 * largest remainders, with no tie split at its edge, so when its size is the
 * number of units left over it is exactly Hamilton's choice. Otherwise it is
 * off by a unit or two, fixed by moving single units with the documented
 * tie-break. Same result as sorting (the BigInt path sorts; tests compare).
 *
 * The first such move needs no extra pass: the best remainder left out and
 * the worst one let in are tracked on the way (in about three allocations of
 * four no more than one move is needed).
 *
 * `wide`: the products amount × w may exceed 2^53. Each is then held exactly
 * as two doubles (hi + lo), and so is quotient × total, so the remainder —
 * their small difference — is computed exactly; no BigInt is needed.
 */
function splitNumber(amount: number, weights: readonly number[], total: number, wide: boolean): number[] {
  if (total <= 0) throw new RangeError("weights must have a positive total");
  const n = weights.length;
  if (remainders.length < n) {
    remainders = new Float64Array(n * 2);
    chosen = new Uint8Array(n * 2);
  }
  return firstPass(amount, weights, total, n, wide);
}

// What the first pass found, for settle(): module scratch rather than an object per call.
let passFloors = 0;
let passCount = 0;
let passBest = -1;
let passWorst = -1;

/**
 * The first pass: each share's floor and remainder, a unit for every
 * remainder of at least half the total, and the best left out / worst let in.
 * Narrow: every product magnitude × w is exact in a double, and ⌊p ÷ total⌋ is
 * estimated as p × (1 ÷ total), within one of the truth (p ÷ total ≤ 2^53 ÷
 * total). Wide: products may pass 2^53, so p and quotient × total are each
 * held exactly as two doubles (hi + lo) and the remainder is their exact
 * difference. Either estimate is corrected below.
 */
function firstPass(amount: number, weights: readonly number[], total: number, n: number, wide: boolean): number[] {
  const rem = remainders;
  const picked = chosen;
  const magnitude = Math.abs(amount);
  const inverse = 1 / total;
  const shares = new Array<number>(n);
  let floors = 0;
  let count = 0;
  // Best unchosen (larger remainder, then larger weight, then earlier) and worst chosen (the reverse order).
  let best = -1;
  let bestR = 0;
  let bestW = 0;
  let worst = -1;
  let worstR = 0;
  let worstW = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const p = magnitude * w;
    let q: number;
    let r: number;
    if (wide) {
      q = Math.floor(p / total);
      const qt = q * total;
      r = p - qt + (productLow(magnitude, w, p) - productLow(q, total, qt));
    } else {
      q = Math.floor(p * inverse);
      r = p - q * total;
    }
    while (r < 0) {
      q -= 1;
      r += total;
    }
    while (r >= total) {
      q += 1;
      r -= total;
    }
    floors += q;
    rem[i] = r;
    if (r + r >= total) {
      picked[i] = 1;
      count++;
      q += 1;
      if (worst < 0 || r < worstR || (r === worstR && w <= worstW)) {
        worst = i;
        worstR = r;
        worstW = w;
      }
    } else {
      picked[i] = 0;
      if (r !== 0 && (best < 0 || r > bestR || (r === bestR && w > bestW))) {
        best = i;
        bestR = r;
        bestW = w;
      }
    }
    shares[i] = q;
  }
  passFloors = floors;
  passCount = count;
  passBest = best;
  passWorst = worst;
  return settle(amount, magnitude, shares, weights, n);
}

/** Hands out or takes back the units the first pass left over, then applies the sign. */
function settle(amount: number, magnitude: number, shares: number[], weights: readonly number[], n: number): number[] {
  let diff = magnitude - passFloors - passCount;
  if (diff > 0) {
    chosen[passBest] = 1;
    shares[passBest] = (shares[passBest] as number) + 1;
    diff--;
  } else if (diff < 0) {
    chosen[passWorst] = 0;
    shares[passWorst] = (shares[passWorst] as number) - 1;
    diff++;
  }
  if (diff !== 0) moveUnits(diff, shares, weights, remainders, chosen, n);
  if (amount < 0) for (let i = 0; i < n; i++) shares[i] = -(shares[i] as number) || 0;
  return shares;
}

/**
 * Moves the units still owed after the first move: `diff` > 0 gives one each
 * to the best unchosen remainders (larger remainder, larger weight, earlier
 * position); `diff` < 0 takes one each from the worst chosen (the reverse
 * order). A scan per unit is cheapest for a few dozen partners; many units
 * among many partners (ties) sort the candidates once instead.
 */
function moveUnits(diff: number, shares: number[], weights: readonly number[], rem: Float64Array, picked: Uint8Array, n: number): void {
  if (Math.abs(diff) * n > 4096) {
    sortAndMove(diff, shares, weights, rem, picked, n);
    return;
  }
  while (diff > 0) {
    let b = -1;
    for (let i = 0; i < n; i++) {
      if (picked[i] === 1) continue;
      const r = rem[i] as number;
      if (r === 0) continue;
      if (b < 0) {
        b = i;
        continue;
      }
      const rb = rem[b] as number;
      if (r > rb || (r === rb && (weights[i] as number) > (weights[b] as number))) b = i;
    }
    picked[b] = 1;
    shares[b] = (shares[b] as number) + 1;
    diff--;
  }
  while (diff < 0) {
    let w = -1;
    for (let i = 0; i < n; i++) {
      if (picked[i] !== 1) continue;
      if (w < 0) {
        w = i;
        continue;
      }
      const r = rem[i] as number;
      const rw = rem[w] as number;
      if (r < rw || (r === rw && (weights[i] as number) <= (weights[w] as number))) w = i;
    }
    picked[w] = 0;
    shares[w] = (shares[w] as number) - 1;
    diff++;
  }
}

/** {@link moveUnits} by sorting the candidates once, in the same order. */
function sortAndMove(diff: number, shares: number[], weights: readonly number[], rem: Float64Array, picked: Uint8Array, n: number): void {
  const candidates: number[] = [];
  if (diff > 0) {
    for (let i = 0; i < n; i++) if (picked[i] !== 1 && rem[i] !== 0) candidates.push(i);
    candidates.sort((a, b) => (rem[b] as number) - (rem[a] as number) || (weights[b] as number) - (weights[a] as number) || a - b);
    for (let k = 0; k < diff; k++) shares[candidates[k] as number] = (shares[candidates[k] as number] as number) + 1;
  } else {
    for (let i = 0; i < n; i++) if (picked[i] === 1) candidates.push(i);
    candidates.sort((a, b) => (rem[a] as number) - (rem[b] as number) || (weights[a] as number) - (weights[b] as number) || b - a);
    for (let k = 0; k < -diff; k++) shares[candidates[k] as number] = (shares[candidates[k] as number] as number) - 1;
  }
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
  const rems = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const p = magnitude * (weights[i] as bigint);
    const q = p / total;
    shares[i] = Number(q);
    rems[i] = p - q * total;
    given += q;
  }
  distribute(Number(magnitude - given), shares, rems, weights);
  if (amount < 0) for (let i = 0; i < n; i++) shares[i] = -(shares[i] as number) || 0;
  return shares;
}

/** Gives one unit to each of the `left` largest remainders, with the documented tie-break. */
function distribute(left: number, shares: number[], remainders: readonly bigint[], weights: readonly bigint[]): void {
  if (left <= 0) return;
  const ranked: number[] = [];
  for (let i = 0; i < remainders.length; i++) if ((remainders[i] as bigint) > 0n) ranked.push(i);
  ranked.sort((a, b) => {
    const ra = remainders[a] as bigint;
    const rb = remainders[b] as bigint;
    if (ra !== rb) return ra > rb ? -1 : 1;
    const wa = weights[a] as bigint;
    const wb = weights[b] as bigint;
    if (wa !== wb) return wa > wb ? -1 : 1;
    return a - b;
  });
  for (let k = 0; k < left; k++) {
    const i = ranked[k] as number;
    shares[i] = (shares[i] as number) + 1;
  }
}
