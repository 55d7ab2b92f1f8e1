import type { Fraction } from "../fraction";
import type { Pence } from "../money";
import { percentOf, percentText } from "./percent";
import { withinTolerance, type BudgetTolerance } from "./tolerance";

/** Where a recharge stands against its budget. */
export type BudgetStatus = "within" | "over" | "under";

/** The variance of a recharge against a budget. */
export interface BudgetVariance {
  readonly budget: Pence;
  readonly recharge: Pence;
  /**
   * Recharge − budget, exactly. Positive means the partner is charged more
   * than it set aside (over budget), negative less (under budget).
   */
  readonly variance: Pence;
  /** Variance ÷ |budget| × 100 as an exact fraction; undefined for a zero budget. */
  readonly percent: Fraction | undefined;
  /** The percentage rounded half away from zero to 2 places, e.g. "12.50"; undefined for a zero budget. */
  readonly percentText: string | undefined;
  /** Within the tolerance, or over / under it. */
  readonly status: BudgetStatus;
  /** True only for an exact match (status "within" with no variance at all). */
  readonly onBudget: boolean;
}

/** Works out the variance, its percentage and its status under a tolerance. */
export function budgetVariance(budget: Pence, recharge: Pence, tolerance: BudgetTolerance): BudgetVariance {
  const variance = recharge - budget;
  const percent = percentOf(variance, budget);
  const status: BudgetStatus = withinTolerance(variance, budget, tolerance) ? "within" : variance > 0 ? "over" : "under";
  return {
    budget,
    recharge,
    variance,
    percent,
    percentText: percent === undefined ? undefined : percentText(percent),
    status,
    onBudget: variance === 0,
  };
}
