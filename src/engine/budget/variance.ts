import type { Fraction } from "../fraction";
import type { Pence } from "../money";
import { percentOf, percentText } from "./percent";
import { withinTolerance, type BudgetTolerance } from "./tolerance";

/**
 * Where a recharge stands against its budget: one vocabulary for the task
 * pane, the output sheets, the command line and `SHARED.VARIANCE`.
 * - `onBudget`: recharge equals budget exactly.
 * - `withinOver` / `withinUnder`: over or under, but within the tolerance.
 * - `over` / `under`: outside the tolerance.
 * - `noBudget`: charged, but the partner set no budget for that year and category.
 */
export type BudgetStatus = "onBudget" | "withinOver" | "withinUnder" | "over" | "under" | "noBudget";

/** The statuses, in the order a reader meets them. */
export const BUDGET_STATUSES: readonly BudgetStatus[] = ["onBudget", "withinUnder", "withinOver", "under", "over", "noBudget"];

/** Each status in words: the only place the words are written. */
export const BUDGET_STATUS_TEXT: Readonly<Record<BudgetStatus, string>> = {
  onBudget: "On budget",
  withinOver: "Within tolerance (over)",
  withinUnder: "Within tolerance (under)",
  over: "Over budget",
  under: "Under budget",
  noBudget: "No budget",
};

/** True for the statuses that need no action: on budget or within the tolerance. */
export function isWithinBudget(status: BudgetStatus): boolean {
  return status === "onBudget" || status === "withinOver" || status === "withinUnder";
}

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
  /** On budget, within the tolerance (over or under), or over / under it. Never `noBudget` here: there is a budget. */
  readonly status: BudgetStatus;
  /** True only for an exact match (status `onBudget`). */
  readonly onBudget: boolean;
}

/** Works out the variance, its percentage and its status under a tolerance. */
export function budgetVariance(budget: Pence, recharge: Pence, tolerance: BudgetTolerance): BudgetVariance {
  const variance = recharge - budget;
  const percent = percentOf(variance, budget);
  const status: BudgetStatus =
    variance === 0
      ? "onBudget"
      : withinTolerance(variance, budget, tolerance)
        ? variance > 0
          ? "withinOver"
          : "withinUnder"
        : variance > 0
          ? "over"
          : "under";
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
