import { apportionModel, type ApportionResult } from "../apportion";
import { categoryTotals, type CategoryTotal, type ChargeRow } from "../budget/charge-rows";
import type { ModelInput, ScenarioInput } from "../model";
import { ok, type Result } from "../result";
import { applyScenario } from "./apply";
import { splitWithin, type WithinSplit } from "./within";

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
}

/**
 * Apportions a model and divides each parent's share with the partners
 * within it. This, not `apportionModel` alone, is what a model with
 * `withinPartners` (for example one a scenario added Lewisham Homes to)
 * should be run through; without within partners the two agree exactly.
 */
export function runModel(model: ModelInput): Result<ModelRun> {
  const result = apportionModel(model);
  if (!result.ok) return result;
  const split = splitWithin(model, result.value);
  if (!split.ok) return split;
  return ok({ model, result: result.value, rows: split.value.rows, totals: categoryTotals(split.value.rows), within: split.value.splits });
}

/** Applies a scenario to a base model and runs the result. */
export function runScenario(base: ModelInput, scenario: ScenarioInput): Result<ModelRun> {
  const model = applyScenario(base, scenario);
  return model.ok ? runModel(model.value) : model;
}
