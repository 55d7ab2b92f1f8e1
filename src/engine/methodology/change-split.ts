import { frac, type Fraction } from "../fraction";
import { roundHalfAwayFromZero } from "../rounding";
import type { Pence, UnitPence } from "../money";

/** A partner's share of a line-year as an exact fraction (its weight over the total weight), or none when it did not share it. */
export type ExactShare = Fraction;

/** One side of a comparison for one partner and one cost line: the line's amount, the partner's exact share and rounded charge. */
export interface ChargeSide {
  /** The line's amount in the year (what was split), in pence; 0 when the line had no part of the year. */
  readonly amount: Pence;
  /** The partner's exact share of it (0/1 when it did not share it). */
  readonly share: ExactShare;
  /** The partner's rounded charge, as the run reported it. */
  readonly charge: Pence;
}

/**
 * A partner's change in charge on one line, split into a change of cost and a
 * change of share. Every figure is a whole number of rounding units, and
 * `costEffect + shareEffect === change` exactly.
 */
export interface ChangeSplit {
  /** The new charge less the old, as reported (both rounded). */
  readonly change: Pence;
  /** What the change of the line's cost did at last year's share: old share × (new cost − old cost), rounded. */
  readonly costEffect: Pence;
  /** The rest of the change: (new share − old share) × new cost, plus the two charges' rounding adjustments. */
  readonly shareEffect: Pence;
}

/**
 * Splits a partner's change in charge exactly into a change of cost and a
 * change of share:
 *
 *   Δcharge = old share × Δcost + Δshare × new cost
 *
 * holds exactly for the unrounded charges (s₁A₁ − s₀A₀ = s₀(A₁ − A₀) + (s₁ − s₀)A₁).
 * The cost effect is computed exactly and rounded once, half away from zero,
 * to the rounding unit; the share effect is the reported change less the cost
 * effect, so it carries the two charges' rounding adjustments (each within one
 * unit) and the two parts always add up to the change in the rounded charges.
 *
 * A line new this year (no amount last year) has no old share: its whole
 * charge is a change of cost (the old share is taken to be the new one). A
 * line gone this year is a change of cost of minus last year's charge.
 */
export function splitChange(before: ChargeSide, after: ChargeSide, unit: UnitPence): ChangeSplit {
  const change = after.charge - before.charge;
  const oldShare = before.amount === 0 ? after.share : before.share;
  const deltaCost = BigInt(after.amount - before.amount);
  const exactCost = frac(oldShare.n * deltaCost, oldShare.d);
  const costEffect = roundToUnitPence(exactCost, unit);
  return { change, costEffect, shareEffect: change - costEffect };
}

/** An exact number of pence rounded half away from zero to a whole number of units (in pence). */
function roundToUnitPence(p: Fraction, unit: UnitPence): Pence {
  return Number(roundHalfAwayFromZero(frac(p.n, p.d * BigInt(unit)))) * unit;
}
