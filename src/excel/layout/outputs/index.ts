import type { Comparison, DoNoHarmReport, ModelBudgetReport, ModelRun } from "../../../engine";
import type { SheetSpec } from "../cells";
import { allocationsSheet } from "./allocations";
import { budgetCheckSheet } from "./budget-check";
import { chartsSheet } from "./charts";
import { comparisonSheet } from "./comparison";
import { summarySheet } from "./summary";
import { traceSheet } from "./trace";

/**
 * What a run hands the workbook to write. Only `run` is required; a run
 * without a budget check or comparison writes those sheets as "not run", so
 * stale figures from an earlier run never survive.
 */
export interface RunOutputs {
  /** The model run (from the engine's `runModel`/`runScenario`, or `checkModelBudgets(...).run`). */
  readonly run: ModelRun;
  /** The scenario the run applied ("" or undefined for the base model). */
  readonly scenario?: string;
  /** The budget check of the same run (`checkModelBudgets`). */
  readonly budget?: ModelBudgetReport;
  /** Two runs compared (`compareScenarios`/`compareResults`). */
  readonly comparison?: Comparison;
  /** The "do no harm" verdict for a joining partner (`doNoHarm`). */
  readonly doNoHarm?: DoNoHarmReport;
}

/** Every output sheet for a run, in workbook order: Summary, Allocations, Budget check, Scenario comparison, Trace, Charts. */
export function buildOutputSheets(outputs: RunOutputs): SheetSpec[] {
  const { run, scenario } = outputs;
  return [
    summarySheet(run, scenario),
    allocationsSheet(run),
    budgetCheckSheet(run, outputs.budget, scenario),
    comparisonSheet(run, outputs.comparison, outputs.doNoHarm, scenario),
    traceSheet(run),
    chartsSheet(run),
  ];
}
