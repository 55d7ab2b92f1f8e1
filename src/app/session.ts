import type { ModelBudgetReport, ModelInput, ModelRun, Result, ScenarioInput, SupportMethodComparison } from "../engine";
import type { ModelRead } from "../excel";
import type { EngineApi } from "./engine-api";
import { FINGERPRINT_RECIPE, fingerprintInputs, type FingerprintRecipe, type InputsFingerprint } from "./fingerprint";

/** The base model's name in run requests and run settings: blank. */
export const BASE = "";

/**
 * A model read from a workbook, with every run of it worked out at most once.
 * One session serves one request (a check, a run, a comparison) or one
 * read of the workbook in the task pane: the check runs the base model and
 * each scenario, and the run and its comparison reuse those runs instead of
 * running them again.
 */
export interface ModelSession {
  readonly read: ModelRead;
  /** The base model (as read). */
  readonly model: ModelInput;
  /** The scenarios stored with the model. */
  readonly scenarios: readonly ScenarioInput[];
  readonly engine: EngineApi;
  /** The stored scenario of that name, `null` for the base model ("") and `undefined` when there is none. */
  scenario(name: string): ScenarioInput | null | undefined;
  /** The base model ("") or a scenario with its budget check; computed once. */
  report(name: string): Result<ModelBudgetReport>;
  /** The base model ("") or a scenario, run; reuses {@link report} when it was computed. Computed once. */
  run(name: string): Result<ModelRun>;
  /**
   * The fingerprint of the inputs as read, under a recipe (the current one by
   * default; a recorded run's own to compare with it); computed once each.
   */
  fingerprint(recipe?: FingerprintRecipe): InputsFingerprint;
  /** The scenario applied to the base (validation of its changes only); computed once. */
  applied(name: string): Result<ModelInput>;
  /**
   * The base model or a scenario under each support-service method, side by
   * side (undefined without support services, or when it does not run); computed once.
   */
  supportMethods(name: string): SupportMethodComparison | undefined;
}

/** Starts a session over a model read from the workbook. */
export function createSession(read: ModelRead, scenarios: readonly ScenarioInput[], engine: EngineApi): ModelSession {
  const model = read.model;
  const reports = new Map<string, Result<ModelBudgetReport>>();
  const runs = new Map<string, Result<ModelRun>>();
  const applications = new Map<string, Result<ModelInput>>();
  const methods = new Map<string, SupportMethodComparison | undefined>();
  const fps = new Map<FingerprintRecipe, InputsFingerprint>();
  const scenario = (name: string): ScenarioInput | null | undefined => (name === BASE ? null : scenarios.find((s) => s.name === name));
  const known = (name: string): ScenarioInput | null => {
    const s = scenario(name);
    if (s === undefined) throw new Error(`session: no scenario named "${name}" (callers check names first)`);
    return s;
  };
  const session: ModelSession = {
    read,
    model,
    scenarios,
    engine,
    scenario,
    fingerprint(recipe = FINGERPRINT_RECIPE) {
      let f = fps.get(recipe);
      if (f === undefined) {
        f = fingerprintInputs(model, read.runSettings, recipe);
        fps.set(recipe, f);
      }
      return f;
    },
    applied(name) {
      let r = applications.get(name);
      if (r === undefined) {
        const s = known(name);
        r = s === null ? { ok: true, value: model } : engine.applyScenario(model, s);
        applications.set(name, r);
      }
      return r;
    },
    report(name) {
      let r = reports.get(name);
      if (r === undefined) {
        const applied = session.applied(name);
        r = applied.ok ? engine.checkModelBudgets(applied.value) : applied;
        reports.set(name, r);
      }
      return r;
    },
    run(name) {
      let r = runs.get(name);
      if (r === undefined) {
        const report = reports.get(name);
        const applied = session.applied(name);
        if (report !== undefined) r = report.ok ? { ok: true, value: report.value.run } : report;
        // A "partnerLeaves" scenario's run is the model after the exit, each line settled by its exit rule (docs/exits.md).
        else if (applied.ok && (applied.value.exits?.applied ?? "") !== "") r = engine.exitRun(applied.value);
        else r = applied.ok ? engine.runModel(applied.value) : applied;
        runs.set(name, r);
      }
      return r;
    },
    supportMethods(name) {
      if (!methods.has(name)) {
        const applied = session.applied(name);
        const run = session.run(name);
        methods.set(name, applied.ok && run.ok ? engine.compareSupportMethods(applied.value, run.value) : undefined);
      }
      return methods.get(name);
    },
  };
  return session;
}
