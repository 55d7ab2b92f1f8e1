import { buildJournals, runReference, warningMessage, type EngineError } from "../engine";
import { journalsProblems } from "./journals";
import { dedupeProblems, engineProblems, type Problem, type Severity } from "./problems";
import { resolveRun, type RunRequest } from "./run-request";
import { unknownScenarios } from "./scenario-names";
import { BASE, type ModelSession } from "./session";

/**
 * Every problem with the model, in the order a user would fix them: what the
 * workbook layer could not read (`readProblems`), run settings or a request
 * naming a scenario that is not stored, what the engine rejects when it runs
 * the base model with its budget checks, then each scenario. Problems with the
 * scenario chosen for the run are errors (they stop the run); problems with
 * other scenarios are warnings; problems with the journals inputs (coding,
 * ledgers) are warnings, as a run reports them. (The monitoring inputs are
 * checked by `runWorkbook` and shown on the Monitoring sheet, so the task
 * pane's first load does not carry the monitoring code.) Every run made here
 * is kept in the session, so a run that follows reuses it.
 */
export function checkModel(session: ModelSession, readProblems: readonly Problem[], request: RunRequest = {}): Problem[] {
  const { run, compare, many } = resolveRun(session, request);
  const locate = session.read.locate;
  const problems: Problem[] = [...readProblems];
  problems.push(...engineProblems(unknownScenarios(session, [run, ...(compare ?? []), ...(many ?? [])]), locate, "error", "scenario-name"));
  // "Compare: first" and "Compare: second" naming one scenario would compare it with itself: every difference zero.
  if (compare !== undefined && compare[0].name.trim() === compare[1].name.trim())
    problems.push(
      ...engineProblems([{ kind: "sameComparison", scenario: compare[1].name.trim(), at: compare[1].at }], locate, "error", "compare-same"),
    );
  const base = session.report(BASE);
  if (!base.ok) problems.push(...engineProblems(base.errors, locate, "error", "model"));
  session.scenarios.forEach((s, i) => {
    const chosen = s.name === run.name || [...(compare ?? []), ...(many ?? [])].some((c) => c.name === s.name);
    const severity: Severity = chosen ? "error" : "warning";
    // With a broken base model, running a scenario would repeat its errors: only the scenario's own changes are checked.
    const result = !base.ok ? session.applied(s.name) : s.name === run.name ? session.report(s.name) : session.run(s.name);
    if (!result.ok) problems.push(...scenarioProblems(session, s.name, result.errors, severity, `scenario-${i}`));
  });
  // Lines of the run that lie wholly outside the model's years: charged to no one, so a warning at the line's date.
  const known = run.name === BASE || session.scenarios.some((s) => s.name === run.name);
  const chosen = !known ? undefined : run.name === BASE ? base : session.report(run.name);
  if (chosen?.ok === true) {
    // Results that would surprise: a partner never a member, a negative outturn, no cost lines, dates that have no effect.
    chosen.value.warnings.forEach((w, i) => {
      const at = locate(w.at);
      problems.push({
        key: `model-warning-${i}`,
        severity: "warning",
        message: warningMessage(w),
        ...(at === undefined ? {} : { address: at.address }),
      });
    });
    // Journals inputs (docs/journals.md): a charge without a code, a ledger layout short of a column… found here, at their
    // cells, before a run. Warnings, as a run treats them: the run's figures stand, its Journals sheet says why none were made.
    const journals = chosen.value.run.model.journals;
    if (journals !== undefined) {
      const made = buildJournals(chosen.value.run, journals, runReference(undefined), chosen.value.yearEnd ?? chosen.value.run.yearEnd);
      problems.push(
        ...journalsProblems(made, locate).map((p) => ({
          ...p,
          severity: "warning" as const,
          message: `The journals cannot be made: ${p.message}`,
        })),
      );
    }
    chosen.value.run.result.outsideYears.forEach((o, i) => {
      const at = locate(o.warning.at);
      problems.push({
        key: `outside-years-${i}`,
        severity: "warning",
        message: warningMessage(o.warning),
        ...(at === undefined ? {} : { address: at.address }),
      });
    });
  }
  return dedupeProblems(problems);
}

function scenarioProblems(session: ModelSession, name: string, errors: readonly EngineError[], severity: Severity, key: string): Problem[] {
  return engineProblems(errors, session.read.locate, severity, key).map((p) =>
    p.message.startsWith(`Scenario "${name}"`) ? p : { ...p, message: `Scenario "${name}": ${p.message}` },
  );
}
