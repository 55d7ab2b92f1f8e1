/**
 * The competitors of the engine's largest remainder, each doing the same
 * allocations: a naive floating-point loop (the speed of light, and lossy),
 * dinero.js v2 `allocate`, and a straightforward decimal.js largest remainder.
 */
import DecimalJs from "decimal.js";
import { allocate, dinero, toSnapshot, type Dinero } from "dinero.js";
import { GBP } from "dinero.js/currencies";

/**
 * What most spreadsheets and quick scripts do: each share is amount × w ÷ W
 * rounded to the penny with Math.round, on doubles. Allocates the result
 * array, like the engine. The shares need not add up to the amount.
 */
export function floatSplit(pounds: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = Math.round(((pounds * (weights[i] as number)) / total) * 100) / 100;
  return out;
}

/** Pennies by which a float split misses its amount (0 when it happens to add up). */
export function floatPenniesLost(pence: number, shares: readonly number[]): number {
  let sum = 0;
  for (const s of shares) sum += Math.round(s * 100);
  return Math.abs(sum - pence);
}

/** dinero.js v2: `allocate` a Dinero of `pence` by the weights; returns the shares in pence. */
export function dineroSplit(pence: number, weights: readonly number[]): number[] {
  const shares: Dinero<number>[] = allocate(dinero({ amount: pence, currency: GBP }), weights as number[]);
  const out = new Array<number>(shares.length);
  for (let i = 0; i < shares.length; i++) out[i] = toSnapshot(shares[i] as Dinero<number>).amount;
  return out;
}

const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
const PENNY = new D("0.01");
const ZERO = new D(0);

/**
 * Largest remainder written the obvious way with decimal.js: exact shares to
 * 40 significant digits, floor to the penny, sort the remainders (larger
 * remainder, then larger weight, then earlier position) and hand out the
 * pennies left. Returns Decimals of pounds.
 */
export function decimalSplit(amount: string, weights: readonly number[]): DecimalJs[] {
  const a = new D(amount);
  const mag = a.abs();
  const w = weights.map((x) => new D(x));
  const total = w.reduce((s, x) => s.plus(x), ZERO);
  const floors: DecimalJs[] = [];
  const rems: DecimalJs[] = [];
  let given = ZERO;
  for (const x of w) {
    const exact = mag.times(x).div(total);
    const floor = exact.toDecimalPlaces(2, D.ROUND_DOWN);
    floors.push(floor);
    rems.push(exact.minus(floor));
    given = given.plus(floor);
  }
  const left = mag.minus(given).div(PENNY).toNumber();
  const order = rems
    .map((r, i) => i)
    .filter((i) => !(rems[i] as DecimalJs).isZero())
    .sort((i, j) => (rems[j] as DecimalJs).comparedTo(rems[i] as DecimalJs) || (weights[j] as number) - (weights[i] as number) || i - j);
  for (let k = 0; k < left; k++) {
    const i = order[k] as number;
    floors[i] = (floors[i] as DecimalJs).plus(PENNY);
  }
  return a.isNegative() ? floors.map((f) => f.negated()) : floors;
}

/** Pence of a decimal.js amount of pounds (exact: the shares are whole pennies). */
export function decimalPence(d: DecimalJs): number {
  return d.times(100).toNumber();
}
