import { isBlank, parseDecimal, showInput, messageText } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fracFromDecimal, type Fraction } from "../fraction";
import type { ToleranceInput } from "../model";
import { parseMoney, type Pence } from "../money";
import { errs, ok, type Result } from "../result";

/**
 * The budget tolerance, read exactly.
 *
 * The rule (the same one the worksheet VARIANCE function uses, so a cell and
 * the budget check never disagree):
 * - a zero variance is always within budget;
 * - with no tolerance given, any other variance is over or under;
 * - with a £ tolerance, |variance| must be at most that amount;
 * - with a % tolerance, |variance| must be at most that percent of |budget|
 *   (so against a zero budget only a zero variance is within);
 * - with both, it must be within both. The stricter reading is deliberate: a
 *   £40k variance on a £50k budget is not "within" just because it is under a
 *   £50k materiality threshold.
 */
export interface BudgetTolerance {
  /** In pence; undefined for no £ tolerance. */
  readonly amount: Pence | undefined;
  /** In percent of budget as an exact fraction (5 for 5%); undefined for none. */
  readonly percent: Fraction | undefined;
}

/** No tolerance: only an exact match is within budget. */
export const NO_TOLERANCE: BudgetTolerance = { amount: undefined, percent: undefined };

/** Reads the model's tolerance; both parts are optional and must be zero or more. */
export function readBudgetTolerance(input: ToleranceInput | undefined): Result<BudgetTolerance> {
  if (input === undefined) return ok(NO_TOLERANCE);
  const problems: EngineError[] = [];
  const at = (field: string): Where => ({ entity: "budget", key: "tolerance", field });
  let amount: Pence | undefined;
  let percent: Fraction | undefined;
  if (!isBlank(input.amount)) {
    const m = parseMoney(input.amount, at("amount"));
    if (!m.ok) problems.push(...m.errors);
    else if (m.value < 0) problems.push({ kind: "negativeValue", value: showInput(input.amount), at: at("amount") });
    else amount = m.value;
  }
  if (!isBlank(input.percent)) {
    const d = parseDecimal(input.percent);
    if (d === undefined) problems.push({ kind: "notANumber", value: showInput(input.percent), at: at("percent") });
    else if (d.isNegative() && !d.isZero()) problems.push({ kind: "negativeValue", value: messageText(d), at: at("percent") });
    else percent = fracFromDecimal(d.abs());
  }
  return problems.length > 0 ? errs(problems) : ok({ amount, percent });
}

/** True when a variance is within budget under the tolerance rule above. Exact: integer and BigInt comparisons only. */
export function withinTolerance(variance: Pence, budget: Pence, t: BudgetTolerance): boolean {
  if (variance === 0) return true;
  if (t.amount === undefined && t.percent === undefined) return false;
  const magnitude = BigInt(Math.abs(variance));
  if (t.amount !== undefined && magnitude > BigInt(t.amount)) return false;
  // |v| ≤ |b| × n/d / 100  ⇔  100·d·|v| ≤ n·|b|, all whole numbers.
  if (t.percent !== undefined && 100n * t.percent.d * magnitude > t.percent.n * BigInt(Math.abs(budget))) return false;
  return true;
}
