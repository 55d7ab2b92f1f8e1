import type { ScenarioInput } from "../engine";
import type { ModelRead } from "../excel/port";
import type { EngineApi } from "./engine-api";
import { engineProblems, shownProblems, type ShownProblem } from "./messages";

/**
 * Every problem with the model in the workbook, in the order a user would fix
 * them: what the workbook layer could not read (tables, headers, cells), then
 * what the engine rejects when it runs the model and its budget checks, then
 * each scenario that cannot be applied. Problems with the scenario chosen for
 * the run are errors (they stop the run); problems with other scenarios are
 * warnings. All of it comes from the port and the engine: nothing is checked
 * here twice.
 */
export function checkModel(read: ModelRead, scenarios: readonly ScenarioInput[], engine: EngineApi): ShownProblem[] {
  const base = engine.checkModelBudgets(read.model);
  const problems: ShownProblem[] = shownProblems(read.problems, base.ok ? [] : base.errors, read.locate, "error", "model");
  const chosen = read.runSettings.scenario;
  scenarios.forEach((s, i) => {
    const isChosen = s.name === chosen;
    const applied = isChosen && base.ok ? engine.runScenario(read.model, s) : engine.applyScenario(read.model, s);
    if (!applied.ok) problems.push(...engineProblems(applied.errors, read.locate, isChosen ? "error" : "warning", `scenario-${i}`));
  });
  // Run settings naming a scenario that is not there (the workbook layer reads them as text and does not check them).
  const settings = read.runSettings;
  const named: readonly (readonly [string, string])[] = [
    ["the run", settings.scenario],
    ["the comparison", settings.compareFirst],
    ["the comparison", settings.compareSecond],
  ];
  for (const [use, name] of named) {
    if (name !== "" && !scenarios.some((s) => s.name === name)) {
      problems.push({ key: `scenario-missing-${use}-${name}`, severity: "error", message: `The Settings table names the scenario "${name}" for ${use}, but it is not in the Scenarios table.` });
    }
  }
  return problems;
}

/** True when any problem is an error (a run must not start). */
export function hasErrors(problems: readonly ShownProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
