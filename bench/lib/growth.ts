/**
 * How a cost grows with the size of the model: the exponent k in cost ∝ size^k
 * between two measured sizes, k = log(c2/c1) / log(n2/n1). 1 is linear; a
 * figure above 1 means each line costs more in a larger model.
 */

/** The growth exponent between (n1, c1) and (n2, c2); NaN when either cost is missing or not positive. */
export function growthExponent(n1: number, c1: number | null, n2: number, c2: number | null): number {
  if (c1 === null || c2 === null || c1 <= 0 || c2 <= 0 || n1 <= 0 || n2 <= 0 || n1 === n2) return Number.NaN;
  return Math.log(c2 / c1) / Math.log(n2 / n1);
}
