import { checkModel } from "./check-model";
import { monitoringWarnings } from "./monitoring";
import { dedupeProblems, type Problem } from "./problems";
import { resolveRun, type RunRequest } from "./run-request";
import { BASE, type ModelSession } from "./session";

/**
 * {@link checkModel}'s problems and the monitoring inputs' (docs/monitoring.md): an actual for a line not in the
 * model, a period out of range, a Monitoring year outside the model's years… each a warning at its cell, as a run
 * reports them (the run's charges stand; its Monitoring sheet says why there is no monitoring). Kept out of
 * checkModel itself, which the task pane's run path loads first: the pane's Check screen calls this from the module
 * it loads on its first read, so the monitoring code never joins the pane's first load.
 */
export function checkModelWithMonitoring(session: ModelSession, readProblems: readonly Problem[], request: RunRequest = {}): Problem[] {
  const problems = checkModel(session, readProblems, request);
  const { run } = resolveRun(session, request);
  const known = run.name === BASE || session.scenarios.some((s) => s.name === run.name);
  const chosen = known ? session.report(run.name) : undefined;
  if (chosen?.ok !== true || chosen.value.run.model.monitoring === undefined) return problems;
  return dedupeProblems([...problems, ...monitoringWarnings(chosen.value.run, session.read.locate)]);
}
