import { Decimal, isBlank, parseDecimal, showInput } from "../decimal";
import type { EngineError, Where } from "../errors";
import { parseMoney, penceToDecimal, type Pence } from "../money";
import { errs, ok, type Result } from "../result";

/**
 * Budget variance for one recharge against its budget, as a worksheet shows
 * it: the variance in £ (recharge − budget, so positive means over budget),
 * the variance as a fraction of the budget (an Excel percentage) and a status
 * against an optional tolerance.
 */

/** The status words, as they appear in a cell. */
export const VARIANCE_STATUSES = ["On budget", "Within tolerance", "Over budget", "Under budget"] as const;

/** A variance status. */
export type VarianceStatus = (typeof VARIANCE_STATUSES)[number];

/**
 * How far a recharge may differ from its budget and still count as within
 * it. When both are given, a variance must be within both.
 */
export interface VarianceTolerance {
  /** A fraction of the budget (0.05 for 5%), or undefined for none. */
  readonly fraction: Decimal | undefined;
  /** An amount in pence, or undefined for none. */
  readonly amount: Pence | undefined;
}

/** One variance. */
export interface Variance {
  /** Recharge − budget, in pence. Exact: no rounding happens. */
  readonly variance: Pence;
  /** Variance ÷ |budget| as an exact decimal fraction, or a divide-by-zero error when the budget is zero. */
  readonly fraction: Result<Decimal>;
  readonly status: VarianceStatus;
}

function arg(field: string, index?: number): Where {
  return index === undefined ? { entity: "argument", field } : { entity: "argument", field, index };
}

/**
 * Reads the optional tolerances: a percentage of budget (an Excel percentage,
 * 5% = 0.05, zero or more) and an amount in pounds (zero or more).
 */
export function parseTolerance(percent: unknown, amount: unknown, names = { percent: "tolerance_pct", amount: "tolerance_amount" }): Result<VarianceTolerance> {
  const problems: EngineError[] = [];
  let fraction: Decimal | undefined;
  let pence: Pence | undefined;
  if (!isBlank(percent)) {
    const d = parseDecimal(percent);
    if (d === undefined) problems.push({ kind: "notANumber", value: showInput(percent), at: arg(names.percent) });
    else if (d.isNegative() && !d.isZero()) problems.push({ kind: "negativeValue", value: d.toFixed(), at: arg(names.percent) });
    else fraction = d.abs();
  }
  if (!isBlank(amount)) {
    const m = parseMoney(amount as string | number, arg(names.amount));
    if (!m.ok) problems.push(...m.errors);
    else if (m.value < 0) problems.push({ kind: "negativeValue", value: showInput(amount), at: arg(names.amount) });
    else pence = m.value;
  }
  return problems.length > 0 ? errs(problems) : ok({ fraction, amount: pence });
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
  const b = parseMoney(budget as string | number | null | undefined, arg(names.budget, index));
  if (!r.ok || !b.ok) return errs([...(r.ok ? [] : r.errors), ...(b.ok ? [] : b.errors)]);
  const variance = r.value - b.value;
  const magnitude = penceToDecimal(Math.abs(variance));
  const base = penceToDecimal(Math.abs(b.value));
  const fraction: Result<Decimal> = b.value === 0 ? errs([{ kind: "divideByZero", at: arg(names.budget, index) }]) : ok(penceToDecimal(variance).div(base));
  let status: VarianceStatus;
  if (variance === 0) status = "On budget";
  else if (withinTolerance(magnitude, base, tolerance)) status = "Within tolerance";
  else status = variance > 0 ? "Over budget" : "Under budget";
  return ok({ variance, fraction, status });
}

/** True when a non-zero variance is inside every tolerance given (and at least one is given). */
function withinTolerance(magnitude: Decimal, base: Decimal, t: VarianceTolerance): boolean {
  if (t.fraction === undefined && t.amount === undefined) return false;
  if (t.fraction !== undefined && magnitude.gt(t.fraction.times(base))) return false;
  if (t.amount !== undefined && magnitude.gt(penceToDecimal(t.amount))) return false;
  return true;
}
