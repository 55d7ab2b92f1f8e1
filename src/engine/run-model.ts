import { apportionModel, apportionPrepared, type ApportionResult } from "./apportion";
import {
  categoryTotals,
  categoryTotalsOf,
  chargeRows,
  lineYearGroups,
  rowGroups,
  tableGroups,
  type CategoryTotal,
  type ChargeGroups,
  type ChargeRow,
} from "./budget/charge-rows";
import { settleYearEnd, withCarryForward, type YearEndReport } from "./budget/year-end";
import type { ModelInput, ScenarioInput } from "./model";
import type { PreparedModel } from "./prepared";
import { ok, type Result } from "./result";
import { applyScenario } from "./scenarios/apply";
import { splitWithin, type WithinSplit } from "./scenarios/within";
import { validateModel } from "./validate";
import { TRUE_UP_PREFIX, trueUpLines, trueUpOf, type TrueUpReport } from "./versions/true-up";

/** A model apportioned in full: the core result, then any partners within others carved out. */
export interface ModelRun {
  readonly model: ModelInput;
  /** The core apportionment (parents still holding their within partners' parts). */
  readonly result: ApportionResult;
  /** Every charge after the carve-out: what each partner, within partners included, actually pays. */
  readonly rows: readonly ChargeRow[];
  /** Totals by partner × year × capital/revenue from `rows`. */
  readonly totals: readonly CategoryTotal[];
  /** How each parent's share was divided. */
  readonly within: readonly WithinSplit[];
  /**
   * The year-end settlement, when the model carries it forward (outturns
   * given and "carry forward" chosen): its lines are already in this run's
   * charges. Undefined otherwise.
   */
  readonly yearEnd?: YearEndReport;
  /**
   * The true-up on actual drivers (docs/versions.md), when the model has
   * actuals: its adjustment lines are already in this run's charges.
   */
  readonly trueUp?: TrueUpReport;
  /** The charges as groups for the aggregations, when they are the core result's (see {@link chargeGroupsOf}). */
  readonly groups?: ChargeGroups;
}

/**
 * Apportions a model and divides each parent's share with the partners
 * within it. This, not `apportionModel` alone, is what a model with
 * `withinPartners` (for example one a scenario added Lewisham Homes to)
 * should be run through; without within partners the two agree exactly.
 */
export function runModel(model: ModelInput): Result<ModelRun> {
  const result = apportionModel(model);
  return result.ok ? trued(model, carried(model, runResult(model, result.value))) : result;
}

/** {@link runModel} of a model already validated (the same model, prepared by `validateModel`). */
export function runPrepared(model: ModelInput, prepared: PreparedModel): Result<ModelRun> {
  const result = apportionPrepared(prepared);
  return result.ok ? trued(model, carried(model, runResult(model, result.value)), prepared) : result;
}

/** True when some driver value is marked Actual: the only models a true-up can apply to. */
function hasActuals(model: ModelInput): boolean {
  return (model.drivers ?? []).some((d) => d.values.some((v) => typeof v.status === "string" && /^\s*actuals?\s*$/i.test(v.status)));
}

/**
 * The true-up (docs/versions.md), applied to the run itself as year-end
 * carry-forward is: each line-year charged on estimated drivers that has
 * actuals is compared with its split on them, and the adjustments beyond the
 * tolerance become one-off lines of the year (or the next) charged directly
 * to each partner; the model with those lines is run. The charges it compares
 * are the run's before any true-up, so an adjustment is never trued up again.
 */
function trued(model: ModelInput, run: Result<ModelRun>, prepared?: PreparedModel): Result<ModelRun> {
  if (!run.ok || !hasActuals(model)) return run;
  if (run.value.model.costLines.some((l) => l.ref.startsWith(TRUE_UP_PREFIX) && l.settlement !== undefined)) return run;
  let p = prepared;
  if (p === undefined) {
    const v = validateModel(run.value.model);
    if (!v.ok) return run;
    p = v.value;
  }
  const report = trueUpOf(p, run.value.result);
  if (!report.ok) return report;
  if (report.value === undefined) return run;
  const lines = trueUpLines(report.value, p.settings.lastYear);
  const withTrueUp = (inner: ModelRun): ModelRun => withReports(inner, inner.yearEnd ?? run.value.yearEnd, report.value);
  if (lines.length === 0) return ok(withTrueUp(run.value));
  const withLines = { ...run.value.model, costLines: [...run.value.model.costLines, ...lines] };
  const result = apportionModel(withLines);
  if (!result.ok) return result;
  const again = runResult(withLines, result.value);
  return again.ok ? ok(withTrueUp(again.value)) : again;
}

/**
 * Year-end carry-forward, applied to the run itself so every output (and every
 * comparison) sees the same charges: with outturns and "carry forward"
 * chosen, each year is settled on the charges before anything is carried (a
 * carried credit never counts as spend of the year it lands in), each share
 * becomes a line of the next year, and the model with those lines is run. A
 * model whose carried lines are already in it is not carried again.
 */
function carried(model: ModelInput, run: Result<ModelRun>): Result<ModelRun> {
  if (!run.ok || model.yearEnd?.carryForward !== true || (model.outturns ?? []).length === 0) return run;
  if (model.costLines.some((l) => l.settlement !== undefined)) return run;
  const yearEnd = settleYearEnd(model, run.value.rows);
  if (!yearEnd.ok) return yearEnd;
  const withLines = withCarryForward(model, yearEnd.value);
  if (withLines === model) return ok(withYearEnd(run.value, yearEnd.value));
  const result = apportionModel(withLines);
  if (!result.ok) return result;
  const again = runResult(withLines, result.value);
  return again.ok ? ok(withYearEnd(again.value, yearEnd.value)) : again;
}

/** The run with its settlement recorded; its rows are still built only when first read. */
function withYearEnd(inner: ModelRun, yearEnd: YearEndReport): ModelRun {
  return withReports(inner, yearEnd, inner.trueUp);
}

/** The run with its settlement and true-up recorded; its rows are still built only when first read. */
function withReports(inner: ModelRun, yearEnd: YearEndReport | undefined, trueUp: TrueUpReport | undefined): ModelRun {
  const out: ModelRun = {
    model: inner.model,
    result: inner.result,
    get rows(): readonly ChargeRow[] {
      return inner.rows;
    },
    totals: inner.totals,
    within: inner.within,
    ...(yearEnd === undefined ? {} : { yearEnd }),
    ...(trueUp === undefined ? {} : { trueUp }),
    ...(inner.groups === undefined ? {} : { groups: inner.groups }),
  };
  return out;
}

function runResult(model: ModelInput, result: ApportionResult): Result<ModelRun> {
  if ((model.withinPartners ?? []).length === 0) {
    // Nobody within anybody: the rows are the core charges. They are built
    // when first read (a million objects for a county-wide model); totals
    // and budget checks read the result's charge table instead.
    let rows: readonly ChargeRow[] | undefined;
    const groups = result.table === undefined ? lineYearGroups(result) : tableGroups(result.table);
    const run: ModelRun = {
      model,
      result,
      get rows(): readonly ChargeRow[] {
        return (rows ??= chargeRows(result));
      },
      totals: categoryTotalsOf(groups),
      within: [],
      groups,
    };
    return ok(run);
  }
  const split = splitWithin(model, result);
  if (!split.ok) return split;
  return ok({ model, result, rows: split.value.rows, totals: categoryTotals(split.value.rows), within: split.value.splits });
}

/** A run's charges (its `rows`) as groups, without building the rows when they are the core result's charges. */
export function chargeGroupsOf(run: ModelRun): ChargeGroups {
  return run.groups ?? rowGroups(run.rows);
}

/** Applies a scenario to a base model and runs the result. */
export function runScenario(base: ModelInput, scenario: ScenarioInput): Result<ModelRun> {
  const model = applyScenario(base, scenario);
  return model.ok ? runModel(model.value) : model;
}
