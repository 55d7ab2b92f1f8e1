import { Decimal, toScaledBigInt } from "./decimal";

/**
 * An exact rational number on BigInt. Pro-rating (days/365), month fractions
 * and compound indexation all produce repeating decimals; keeping them as
 * fractions means the single rounding at the end (DOMAIN rule 5) is exact.
 */
export interface Fraction {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

/** The greatest common divisor of two integers (non-negative; 0 when both are 0). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Makes a reduced fraction n/d (d must not be zero). */
export function frac(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError("fraction with zero denominator");
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** An exact decimal as a fraction. */
export function fracFromDecimal(d: Decimal): Fraction {
  const { int, scale } = toScaledBigInt(d);
  return frac(int, 10n ** BigInt(scale));
}

/** a + b */
export function fracAdd(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a × b */
export function fracMul(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.n, a.d * b.d);
}

/** a raised to a non-negative whole power. */
export function fracPow(a: Fraction, k: number): Fraction {
  let r = frac(1n);
  for (let i = 0; i < k; i++) r = fracMul(r, a);
  return r;
}

/**
 * Writes a fraction as decimal text with at most `dp` places, marking with
 * "…" when the true value has more digits (so a reviewer knows it repeats).
 */
export function fracToDecimalText(f: Fraction, dp: number): string {
  // Most traces involve small numbers: do the long division on doubles when every step is exact.
  const limit = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 10));
  if (f.n < limit && f.n > -limit && f.d < limit) return smallDecimalText(Number(f.n), Number(f.d), dp);
  const neg = f.n < 0n;
  const n = neg ? -f.n : f.n;
  const intPart = n / f.d;
  let rem = n % f.d;
  let digits = "";
  for (let i = 0; i < dp && rem !== 0n; i++) {
    rem *= 10n;
    digits += (rem / f.d).toString();
    rem %= f.d;
  }
  const body = digits.length > 0 ? `${intPart}.${digits}` : intPart.toString();
  return `${neg && (intPart !== 0n || digits.length > 0) ? "-" : ""}${body}${rem !== 0n ? "…" : ""}`;
}

/** The fraction as an engine Decimal (rounded to the Decimal's precision). */
export function fracToDecimal(f: Fraction): Decimal {
  return new Decimal(f.n.toString()).div(f.d.toString());
}

/** {@link fracToDecimalText} for numerator and denominator small enough that ×10 stays exact. */
function smallDecimalText(num: number, den: number, dp: number): string {
  const neg = num < 0;
  const n = Math.abs(num);
  const intPart = Math.floor(n / den);
  let rem = n - intPart * den;
  let digits = "";
  for (let i = 0; i < dp && rem !== 0; i++) {
    rem *= 10;
    const q = Math.floor(rem / den);
    digits += q;
    rem -= q * den;
  }
  const body = digits.length > 0 ? `${intPart}.${digits}` : `${intPart}`;
  return `${neg && (intPart !== 0 || digits.length > 0) ? "-" : ""}${body}${rem !== 0 ? "…" : ""}`;
}
