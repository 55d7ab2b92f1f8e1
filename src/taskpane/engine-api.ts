import {
  applyScenario,
  checkModelBudgets,
  compareScenarios,
  doNoHarm,
  explainCharge,
  runModel,
  runScenario,
} from "../engine";

/**
 * The engine functions the task pane calls, gathered so screens receive them
 * through context (tests can wrap or slow them) rather than importing them.
 * The pane never re-implements any of them.
 */
export interface EngineApi {
  readonly runModel: typeof runModel;
  readonly runScenario: typeof runScenario;
  readonly applyScenario: typeof applyScenario;
  readonly checkModelBudgets: typeof checkModelBudgets;
  readonly compareScenarios: typeof compareScenarios;
  readonly doNoHarm: typeof doNoHarm;
  readonly explainCharge: typeof explainCharge;
}

/** The real engine. */
export const ENGINE: EngineApi = {
  runModel,
  runScenario,
  applyScenario,
  checkModelBudgets,
  compareScenarios,
  doNoHarm,
  explainCharge,
};
