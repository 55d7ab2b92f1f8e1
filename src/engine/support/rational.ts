import { frac, fracMul, gcd, type Fraction } from "../fraction";

/**
 * The few rational operations the engine core's fraction module does not
 * need but support-service allocation does: subtraction, division, and an
 * exact solver for simultaneous linear equations.
 */

/** a − b */
export function fracSub(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a ÷ b (b must not be zero). */
export function fracDiv(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError("division of a fraction by zero");
  return frac(a.n * b.d, a.d * b.n);
}

/**
 * The least common multiple of the denominators: multiplying every fraction
 * by it gives whole numbers in the same proportions, which is what
 * largest-remainder weights must be.
 */
export function lcmOfDenominators(list: readonly Fraction[]): bigint {
  let l = 1n;
  for (const f of list) l = (l * f.d) / gcd(l, f.d);
  return l;
}

/**
 * Solves A·x = b exactly by Gaussian elimination on rationals (no rounding
 * anywhere, so no iteration count to choose and no convergence to hope
 * for). Rows are swapped to find a non-zero pivot; returns undefined when the
 * system is singular (no unique solution).
 */
export function solveExact(a: readonly (readonly Fraction[])[], b: readonly Fraction[]): Fraction[] | undefined {
  const n = b.length;
  const m: Fraction[][] = a.map((row, i) => [...row.slice(0, n), b[i] ?? frac(0n)]);
  const at = (i: number, j: number): Fraction => m[i]?.[j] ?? frac(0n);
  for (let col = 0; col < n; col++) {
    let pivot = -1;
    for (let r = col; r < n; r++) {
      if (at(r, col).n !== 0n) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) return undefined;
    if (pivot !== col) [m[col], m[pivot]] = [m[pivot] as Fraction[], m[col] as Fraction[]];
    const p = at(col, col);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = fracDiv(at(r, col), p);
      if (factor.n === 0n) continue;
      const row = m[r] as Fraction[];
      for (let j = col; j <= n; j++) row[j] = fracSub(at(r, j), fracMul(factor, at(col, j)));
    }
  }
  return Array.from({ length: n }, (_, i) => fracDiv(at(i, n), at(i, i)));
}
