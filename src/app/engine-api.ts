import { applyScenario, checkModelBudgets, compareSupportMethods, exitRun, explainCharge, runModel, runScenario } from "../engine";

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
  /** The run of a "partnerLeaves" scenario: the model after the exit, each line settled by its exit rule. */
  readonly exitRun: typeof exitRun;
}

/** The real engine. */
export const ENGINE: EngineApi = { runModel, runScenario, applyScenario, checkModelBudgets, explainCharge, compareSupportMethods, exitRun };
