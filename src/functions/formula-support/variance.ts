import {
  BUDGET_STATUS_TEXT,
  BUDGET_STATUSES,
  budgetVariance,
  errs,
  fracFromDecimal,
  fracToDecimal,
  isBlank,
  messageText,
  ok,
  parseDecimal,
  parseMoney,
  showInput,
  type BudgetTolerance,
  type Decimal,
  type EngineError,
  type Pence,
  type Result,
  type Where,
} from "../../engine";

/**
 * Budget variance for one recharge against its budget, as a worksheet shows
 * it: the variance in £ (recharge − budget, so positive means over budget),
 * the variance as a fraction of the budget (an Excel percentage) and a status
 * against an optional tolerance. The arithmetic and the tolerance rule are the
 * budget check's own ({@link budgetVariance}), so a cell and the task pane's
 * budget check never disagree; this file only reads cell values and words
 * the result for a cell.
 */

/** The status words, as they appear in a cell: the budget check's own words. */
export const VARIANCE_STATUSES: readonly string[] = BUDGET_STATUSES.map((s) => BUDGET_STATUS_TEXT[s]);

/** A variance status in words ("On budget", "Within tolerance (over)", …, "No budget"). */
export type VarianceStatus = string;

/**
 * How far a recharge may differ from its budget and still count as within
 * it (the budget check's tolerance: percent as an exact fraction, 5 for 5%,
 * and an amount in pence). When both are given, a variance must be within both.
 */
export type VarianceTolerance = BudgetTolerance;

/** One variance. */
export interface Variance {
  /** Recharge − budget, in pence. Exact: no rounding happens. Undefined when there is no budget (a blank cell). */
  readonly variance: Pence | undefined;
  /**
   * Variance ÷ |budget| as an exact decimal fraction, or a divide-by-zero error
   * when the budget is zero; undefined when there is no budget.
   */
  readonly fraction: Result<Decimal> | undefined;
  readonly status: VarianceStatus;
}

function arg(field: string, index?: number): Where {
  return index === undefined ? { entity: "argument", field } : { entity: "argument", field, index };
}

/**
 * Reads the optional tolerances: a percentage of budget (an Excel percentage,
 * 5% = 0.05, zero or more) and an amount in pounds (zero or more).
 */
export function parseTolerance(
  percent: unknown,
  amount: unknown,
  names = { percent: "tolerance_pct", amount: "tolerance_amount" },
): Result<VarianceTolerance> {
  const problems: EngineError[] = [];
  let percentOfBudget: VarianceTolerance["percent"];
  let pence: Pence | undefined;
  if (!isBlank(percent)) {
    const d = parseDecimal(percent);
    if (d === undefined) problems.push({ kind: "notANumber", value: showInput(percent), at: arg(names.percent) });
    else if (d.isNegative() && !d.isZero()) problems.push({ kind: "negativeValue", value: messageText(d), at: arg(names.percent) });
    // An Excel percentage (0.05) as the budget check's percent (5).
    else percentOfBudget = fracFromDecimal(d.abs().times(100));
  }
  if (!isBlank(amount)) {
    const m = parseMoney(amount as string | number, arg(names.amount));
    if (!m.ok) problems.push(...m.errors);
    else if (m.value < 0) problems.push({ kind: "negativeValue", value: showInput(amount), at: arg(names.amount) });
    else pence = m.value;
  }
  return problems.length > 0 ? errs(problems) : ok({ percent: percentOfBudget, amount: pence });
}

/**
 * The variance of one recharge against one budget. `index` is the 1-based
 * position when the values come from a list, so errors point at the cell.
 */
export function varianceOf(
  recharge: unknown,
  budget: unknown,
  tolerance: VarianceTolerance,
  names = { recharge: "recharge", budget: "budget" },
  index?: number,
): Result<Variance> {
  const r = parseMoney(recharge as string | number | null | undefined, arg(names.recharge, index));
  // A blank budget is no budget at all (not a budget of zero): the budget check's "No budget".
  if (isBlank(budget)) return r.ok ? ok({ variance: undefined, fraction: undefined, status: BUDGET_STATUS_TEXT.noBudget }) : r;
  const b = parseMoney(budget as string | number | null | undefined, arg(names.budget, index));
  if (!r.ok || !b.ok) return errs([...(r.ok ? [] : r.errors), ...(b.ok ? [] : b.errors)]);
  const v = budgetVariance(b.value, r.value, tolerance);
  const fraction: Result<Decimal> =
    v.percent === undefined ? errs([{ kind: "divideByZero", at: arg(names.budget, index) }]) : ok(fracToDecimal(v.percent).div(100));
  return ok({ variance: v.variance, fraction, status: BUDGET_STATUS_TEXT[v.status] });
}
