import type { EngineError } from "../errors";
import type { ModelInput } from "../model";
import { errs, ok, type Result } from "../result";
import { chargeGroupsOf, runModel, runPrepared, type ModelRun } from "../scenarios/run";
import { validateModel } from "../validate";
import { checkBudgetsOf, type BudgetCheck } from "./budget-check";
import type { BudgetFlag } from "./flags";
import { checkStatedTotals, type StatedTotalCheck } from "./stated-totals";
import { settleYearEnd, withCarryForward, type YearEndReport } from "./year-end";

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
 * lines, and, where outturns are given, the year-end settlement. With
 * carry-forward chosen, the settlement's lines are part of the run that is
 * returned (and of the budget check); a settlement whose next year is not
 * modelled is flagged as not carried. Every problem with the inputs is
 * reported at once.
 */
export function checkModelBudgets(model: ModelInput): Result<ModelBudgetReport> {
  // Validated once for the run and the stated totals alike.
  const prepared = validateModel(model);
  if (!prepared.ok) return prepared;
  const settledRun = runPrepared(model, prepared.value);
  if (!settledRun.ok) return settledRun;
  const yearEnd = (model.outturns ?? []).length > 0 ? settleYearEnd(model, settledRun.value.rows) : undefined;
  if (yearEnd !== undefined && !yearEnd.ok) return yearEnd;
  // Carry-forward really happens: each share becomes a line of the next year, and the run
  // (allocations, totals, trace, and the budget check below) is the model with those lines.
  // Settlements are worked out on the charges before any line is carried, so a carried
  // credit never counts as spend of the year it lands in.
  const carried = yearEnd?.value === undefined ? model : withCarryForward(model, yearEnd.value);
  const run = carried === model ? settledRun : runModel(carried);
  if (!run.ok) return run;
  const budgets = checkBudgetsOf(carried, chargeGroupsOf(run.value));
  const stated = checkStatedTotals(model, prepared.value);
  const problems: EngineError[] = [...(budgets.ok ? [] : budgets.errors), ...(stated.ok ? [] : stated.errors)];
  if (problems.length > 0 || !budgets.ok || !stated.ok) return errs(problems);
  return ok({
    run: run.value,
    budgets: budgets.value,
    statedTotals: stated.value,
    yearEnd: yearEnd?.value,
    flags: [...budgets.value.flags, ...stated.value.flatMap((s) => s.flags), ...notCarriedFlags(yearEnd?.value)],
  });
}

/** A flag for each settlement that carry-forward could not carry (its next year is not modelled). */
function notCarriedFlags(report: YearEndReport | undefined): BudgetFlag[] {
  return (report?.settlements ?? []).flatMap((s): BudgetFlag[] =>
    s.notCarried === undefined ? [] : [{ kind: "settlementNotCarried", yearLabel: s.yearLabel, category: s.category, service: s.service, variance: s.variance, nextYear: s.notCarried }],
  );
}
