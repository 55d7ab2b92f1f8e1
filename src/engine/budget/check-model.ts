import type { EngineError } from "../errors";
import type { ModelInput } from "../model";
import { errs, ok, type Result } from "../result";
import { chargeGroupsOf, runPrepared, type ModelRun } from "../scenarios/run";
import { validateModel } from "../validate";
import { checkBudgetsOf, type BudgetCheck } from "./budget-check";
import type { BudgetFlag } from "./flags";
import { checkStatedTotals, type StatedTotalCheck } from "./stated-totals";
import { settleYearEnd, type YearEndReport } from "./year-end";

/** Everything the budget side of the add-in reports for one model. */
export interface ModelBudgetReport {
  readonly run: ModelRun;
  readonly budgets: BudgetCheck;
  readonly statedTotals: readonly StatedTotalCheck[];
  /** Undefined when the model has no outturns. */
  readonly yearEnd: YearEndReport | undefined;
  /** Every flag from the budget check and the stated totals, budget flags first. */
  readonly flags: readonly BudgetFlag[];
}

/**
 * Runs a model (partners within others included) and checks it: each
 * partner's recharge against its budgets, each stated total against its
 * lines, and, where outturns are given, the year-end settlement. Every
 * problem with the inputs is reported at once.
 */
export function checkModelBudgets(model: ModelInput): Result<ModelBudgetReport> {
  // Validated once for the run and the stated totals alike.
  const prepared = validateModel(model);
  if (!prepared.ok) return prepared;
  const run = runPrepared(model, prepared.value);
  if (!run.ok) return run;
  const budgets = checkBudgetsOf(model, chargeGroupsOf(run.value));
  const stated = checkStatedTotals(model, prepared.value);
  const yearEnd = (model.outturns ?? []).length > 0 ? settleYearEnd(model, run.value.rows) : undefined;
  const problems: EngineError[] = [...(budgets.ok ? [] : budgets.errors), ...(stated.ok ? [] : stated.errors), ...(yearEnd === undefined || yearEnd.ok ? [] : yearEnd.errors)];
  if (problems.length > 0 || !budgets.ok || !stated.ok || (yearEnd !== undefined && !yearEnd.ok)) return errs(problems);
  return ok({
    run: run.value,
    budgets: budgets.value,
    statedTotals: stated.value,
    yearEnd: yearEnd?.value,
    flags: [...budgets.value.flags, ...stated.value.flatMap((s) => s.flags)],
  });
}
