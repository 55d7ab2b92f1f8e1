import type { EngineError, ModelInput, ScenarioInput } from "../engine";
import type { RunOutputs } from "../excel/layout/outputs";
import type { RunSettings } from "../excel/layout/run-settings";
import type { EngineApi } from "./engine-api";

/** A scenario by name; "" (or an unknown name) is the base model, `null`. */
export function scenarioNamed(scenarios: readonly ScenarioInput[], name: string): ScenarioInput | null {
  return name === "" ? null : (scenarios.find((s) => s.name === name) ?? null);
}

/** True when a scenario adds a partner (the "do no harm" check applies). */
export function addsPartner(scenario: ScenarioInput | null): boolean {
  return scenario !== null && scenario.changes.some((c) => c.kind === "addPartner");
}

/** One step of a run, for the progress display. */
export type RunStep = "model" | "comparison";

/**
 * The steps of a run as engine calls, each separately so the pane can show
 * progress and stop between them. Step 1 applies the run's scenario (if any)
 * and runs the model with its budget check; step 2 compares the two
 * scenarios chosen in the run settings and, when the second adds a partner,
 * runs the "do no harm" check. The result is exactly what the workbook
 * layer's `writeOutputs` takes.
 */
export interface RunPlan {
  readonly steps: readonly RunStep[];
  /** Runs one step; returns engine errors if it fails. */
  run(step: RunStep): readonly EngineError[] | undefined;
  /** The outputs after every step succeeded. */
  outputs(): RunOutputs;
}

/** Plans a run of the base model and the run settings' scenario and comparison. */
export function planRun(base: ModelInput, scenarios: readonly ScenarioInput[], settings: RunSettings, engine: EngineApi): RunPlan {
  const scenario = scenarioNamed(scenarios, settings.scenario);
  const compare = settings.compareSecond !== "";
  const first = scenarioNamed(scenarios, settings.compareFirst);
  const second = scenarioNamed(scenarios, settings.compareSecond);
  let outputs: Partial<Omit<RunOutputs, "run">> & { run?: RunOutputs["run"] } = scenario ? { scenario: scenario.name } : {};
  return {
    steps: compare ? ["model", "comparison"] : ["model"],
    run(step) {
      if (step === "model") {
        const model = scenario ? engine.applyScenario(base, scenario) : { ok: true as const, value: base };
        if (!model.ok) return model.errors;
        const checked = engine.checkModelBudgets(model.value);
        if (!checked.ok) return checked.errors;
        outputs = { ...outputs, run: checked.value.run, budget: checked.value };
        return undefined;
      }
      const comparison = engine.compareScenarios(base, first, second);
      if (!comparison.ok) return comparison.errors;
      outputs = { ...outputs, comparison: comparison.value };
      if (second !== null && addsPartner(second)) {
        const harm = engine.doNoHarm(base, second);
        if (!harm.ok) return harm.errors;
        outputs = { ...outputs, doNoHarm: harm.value };
      }
      return undefined;
    },
    outputs() {
      if (outputs.run === undefined) throw new Error("planRun: outputs() before the model step");
      return { ...outputs, run: outputs.run };
    },
  };
}
