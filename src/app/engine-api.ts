import { applyScenario, checkModelBudgets, compareSupportMethods, explainCharge, runModel, runScenario } from "../engine";

/**
 * The engine functions the application layer calls, gathered in one object so
 * that clients and tests can pass another (a slow one, or one that counts its
 * calls). Nothing here re-implements the engine.
 */
export interface EngineApi {
  readonly runModel: typeof runModel;
  readonly runScenario: typeof runScenario;
  readonly applyScenario: typeof applyScenario;
  readonly checkModelBudgets: typeof checkModelBudgets;
  readonly explainCharge: typeof explainCharge;
  readonly compareSupportMethods: typeof compareSupportMethods;
}

/** The real engine. */
export const ENGINE: EngineApi = { runModel, runScenario, applyScenario, checkModelBudgets, explainCharge, compareSupportMethods };
