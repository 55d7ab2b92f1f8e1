import type { Fraction } from "./fraction";
import type { Pence, UnitPence } from "./money";

// The one rounding rule of the add-in, written once: half away from zero, so a credit rounds as
// the mirror of the charge it reverses (−2.5 → −3 as 2.5 → 3). Everything that rounds an exact
// amount comes here (profile's double-precision fast path checks itself against the same rule).

/** Rounds n ÷ d half away from zero to a whole number; d may be negative but not zero. */
export function roundDivHalfAway(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const mag = n < 0n ? -n : n;
  const den = d < 0n ? -d : d;
  const q = mag / den;
  const up = 2n * (mag - q * den) >= den ? q + 1n : q;
  return negative ? -up : up;
}

/** Rounds a fraction half away from zero to a whole number (so −2.5 → −3, matching 2.5 → 3). */
export function roundHalfAwayFromZero(f: Fraction): bigint {
  return roundDivHalfAway(f.n, f.d);
}

/** Rounds n ÷ d pence half away from zero to a whole number of units, returned in pence. */
export function roundDivToUnit(n: bigint, d: bigint, unit: UnitPence): Pence {
  return Number(roundDivHalfAway(n, d * BigInt(unit))) * unit;
}

/** Rounds an exact amount of pence half away from zero to a whole number of units. */
export function roundToUnit(exactPence: Fraction, unit: UnitPence): Pence {
  return roundDivToUnit(exactPence.n, exactPence.d, unit);
}
