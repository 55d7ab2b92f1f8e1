import { capitalFinancing, hasCapitalFinancing, type CapitalFinancingReport } from "../capital/report";
import type { EngineError, EngineWarning } from "../errors";
import type { ModelInput } from "../model";
import { errs, ok, type Result } from "../result";
import { chargeGroupsOf, runPrepared, type ModelRun } from "../run-model";
import { validateModel } from "../validate";
import { modelWarnings } from "../model-warnings";
import { checkBudgetsOf, type BudgetCheck } from "./budget-check";
import type { BudgetFlag } from "./flags";
import { checkStatedTotals, type StatedTotalCheck } from "./stated-totals";
import { settleYearEnd, type YearEndReport } from "./year-end";
import { serviceRechargesOfRun, type ServiceRechargeReport } from "../services";
import { costRows, vatCosts } from "../journals/vat-cost";
import { rowGroups } from "./charge-rows";
import { exitRun, exitsReport, hasExits, type ExitsReport } from "../exits/exit";
import { disputeRegister, hasDisputes, type DisputeRegister } from "../exits/disputes";

/** Everything the budget side of the add-in reports for one model. */
export interface ModelBudgetReport {
  readonly run: ModelRun;
  readonly budgets: BudgetCheck;
  readonly statedTotals: readonly StatedTotalCheck[];
  /** Undefined when the model has no outturns. */
  readonly yearEnd: YearEndReport | undefined;
  /** Each partner's recharge spread onto its own services; undefined when the model has no service lists. */
  readonly services: ServiceRechargeReport | undefined;
  /** Every flag from the budget check and the stated totals, budget flags first. */
  readonly flags: readonly BudgetFlag[];
  /** Results that would surprise a reader if nothing were said, each located (see model-warnings.ts). */
  readonly warnings: readonly EngineWarning[];
  /** Capital financing and the capital-versus-cloud options (docs/capital.md); undefined when the model has neither. */
  readonly capital?: CapitalFinancingReport;
  /**
   * What the budgets were compared with, for a model with journals inputs
   * (undefined without: every partner's net). A section 33 body's budget is
   * compared with its net charge; any other body's with its charge plus the
   * VAT it cannot recover (gross), because that VAT is a real cost to it.
   */
  readonly vatBasis?: BudgetVatBasis;
  /** Each leaver's exit statement and the harm to the remaining partners (docs/exits.md); undefined without leavers. */
  readonly exits?: ExitsReport;
  /** The dispute register (docs/exits.md); undefined without disputes. */
  readonly disputes?: DisputeRegister;
}

/** Which partners' budgets were compared gross of VAT. */
export interface BudgetVatBasis {
  /** Partners compared with net + VAT (not section 33 bodies), in the model's order. */
  readonly gross: readonly string[];
  /** True when the journals inputs have errors, so VAT could not be worked out and every partner was compared net. */
  readonly unavailable: boolean;
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
  // With carry-forward chosen, the run already holds the carried lines (see runModel), so the
  // allocations, totals, trace and the budget check below all include them.
  // A "partnerLeaves" scenario's charges are the model after the exit, every line settled by its exit rule (docs/exits.md).
  const run = (model.exits?.applied ?? "") !== "" ? exitRun(model) : runPrepared(model, prepared.value);
  if (!run.ok) return run;
  const yearEnd =
    run.value.yearEnd !== undefined
      ? ok(run.value.yearEnd)
      : (model.outturns ?? []).length > 0
        ? settleYearEnd(model, run.value.rows)
        : undefined;
  if (yearEnd !== undefined && !yearEnd.ok) return yearEnd;
  // A partner that cannot recover VAT has its budget compared with its charges plus that VAT.
  const vat = vatCosts(run.value.model);
  // Only a model with VAT inputs reads the charge rows here: building them (one object per
  // charge, 10,000,000 at 100,000 lines) just to list the partners cost a run most of its memory.
  const gross = vat?.ok === true ? [...new Set(run.value.rows.map((r) => r.partner))].filter((p) => !vat.value.section33(p)) : [];
  const groups = vat?.ok === true && gross.length > 0 ? rowGroups(costRows(run.value.rows, vat.value)) : chargeGroupsOf(run.value);
  const budgets = checkBudgetsOf(run.value.model, groups);
  const stated = checkStatedTotals(model, prepared.value);
  // Each partner's share onto its own services (docs/service-recharges.md) and capital financing
  // (docs/capital.md): their problems stop the run too.
  const services = serviceRechargesOfRun(run.value);
  const capital = hasCapitalFinancing(model) ? capitalFinancing(model, run.value.rows) : undefined;
  // Leaving and disputes (docs/exits.md): their problems stop the run too.
  const exits = hasExits(model) || model.exits !== undefined ? exitsReport(model) : undefined;
  const disputes = hasDisputes(model) ? disputeRegister(model, run.value.rows) : undefined;
  const problems: EngineError[] = [
    ...(budgets.ok ? [] : budgets.errors),
    ...(stated.ok ? [] : stated.errors),
    ...(services === undefined || services.ok ? [] : services.errors),
    ...(capital === undefined || capital.ok ? [] : capital.errors),
    ...(exits === undefined || exits.ok ? [] : exits.errors),
    ...(disputes === undefined || disputes.ok ? [] : disputes.errors),
  ];
  if (problems.length > 0 || !budgets.ok || !stated.ok || (capital !== undefined && !capital.ok)) return errs(problems);
  return ok({
    run: run.value,
    budgets: budgets.value,
    statedTotals: stated.value,
    yearEnd: yearEnd?.value,
    services: services?.ok === true ? services.value : undefined,
    flags: [...budgets.value.flags, ...stated.value.flatMap((s) => s.flags), ...notCarriedFlags(yearEnd?.value)],
    warnings: [...modelWarnings(model, prepared.value), ...(services?.ok === true ? services.value.warnings : [])],
    ...(capital === undefined || !capital.ok ? {} : { capital: capital.value }),
    ...(vat === undefined ? {} : { vatBasis: { gross, unavailable: !vat.ok } }),
    ...(exits?.ok === true && exits.value.exits.length > 0 ? { exits: exits.value } : {}),
    ...(disputes?.ok === true ? { disputes: disputes.value } : {}),
  });
}

/** A flag for each settlement that carry-forward could not carry (its next year is not modelled). */
function notCarriedFlags(report: YearEndReport | undefined): BudgetFlag[] {
  return (report?.settlements ?? []).flatMap((s): BudgetFlag[] =>
    s.notCarried === undefined
      ? []
      : [
          {
            kind: "settlementNotCarried",
            yearLabel: s.yearLabel,
            category: s.category,
            service: s.service,
            variance: s.variance,
            nextYear: s.notCarried,
          },
        ],
  );
}
