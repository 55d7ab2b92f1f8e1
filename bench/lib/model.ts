/**
 * The full-run workload: 10,000 cost lines × 20 partners × 5 financial years,
 * the add-in's own large synthetic model (`syntheticScaleModel` in
 * src/samples, also written by `shared-apportion --sample synthetic`): every
 * line an ongoing charge from the first year (one in five starting on
 * 1 October), 3% annual indexation, budgets for every partner × year ×
 * capital/revenue, and two stated totals. Each line is split in each of the
 * five years: 50,000 allocations of 20, 1,000,000 charges.
 */
import type { ModelInput } from "../../src/engine";
import { syntheticScaleModel, type ScaleOptions } from "../../src/samples";

export type BenchModelOptions = ScaleOptions;

export function benchModel(options: BenchModelOptions = { lines: 10_000, partners: 20, years: 5 }): ModelInput {
  return syntheticScaleModel(options);
}
