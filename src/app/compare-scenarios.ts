import {
  addsPartner,
  compareManyRuns,
  compareResults,
  judgeDoNoHarm,
  BASE_NAME,
  type Comparison,
  type DoNoHarmReport,
  type ManyComparison,
  type ModelRun,
  type ScenarioInput,
} from "../engine";
import { engineProblems, type Problem } from "./problems";
import { unknownScenarios } from "./scenario-names";
import { BASE, type ModelSession } from "./session";

/** Two scenarios compared, with the "do no harm" verdict when the second adds a partner. */
export type CompareOutcome =
  | { readonly ok: true; readonly comparison: Comparison; readonly doNoHarm: DoNoHarmReport | undefined }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Compares two scenarios of the session's model by name ("" is the base
 * model), reusing any run the session already made. When the second adds a
 * partner, the "do no harm" check judges it against the base model.
 */
export function compareScenarios(session: ModelSession, first: string, second: string): CompareOutcome {
  const locate = session.read.locate;
  const unknown = unknownScenarios(session, [
    { name: first, at: { entity: "scenario", key: first } },
    { name: second, at: { entity: "scenario", key: second } },
  ]);
  if (unknown.length > 0) return { ok: false, problems: engineProblems(unknown, locate) };
  const a = session.run(first);
  const b = session.run(second);
  if (!a.ok || !b.ok) return { ok: false, problems: engineProblems([...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)], locate) };
  const comparison = compareResults(a.value, b.value, {
    from: first === BASE ? BASE_NAME : first,
    to: second === BASE ? BASE_NAME : second,
  });
  const to = session.scenario(second);
  if (to === null || to === undefined || !addsPartner(to)) return { ok: true, comparison, doNoHarm: undefined };
  const before = session.run(BASE);
  if (!before.ok) return { ok: false, problems: engineProblems(before.errors, locate) };
  return { ok: true, comparison, doNoHarm: judgeDoNoHarm(before.value, b.value, second) };
}

/** Several scenarios side by side with the base model, with "do no harm" for each that adds a partner. */
export type ManyOutcome =
  { readonly ok: true; readonly many: ManyComparison } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Compares the base model with several scenarios at once ("which of these
 * options is fairest?"), reusing the session's runs: each is run once.
 */
export function compareManyScenarios(session: ModelSession, names: readonly string[]): ManyOutcome {
  const locate = session.read.locate;
  const unknown = unknownScenarios(
    session,
    names.map((name) => ({ name, at: { entity: "scenario", key: name } })),
  );
  if (unknown.length > 0) return { ok: false, problems: engineProblems(unknown, locate) };
  const base = session.run(BASE);
  const scenarios: ScenarioInput[] = [];
  const runs: ModelRun[] = [];
  const errors = base.ok ? [] : [...base.errors];
  for (const name of names) {
    const s = session.scenario(name);
    const r = session.run(name);
    if (!r.ok) errors.push(...r.errors);
    else if (s !== null && s !== undefined) {
      scenarios.push(s);
      runs.push(r.value);
    }
  }
  if (!base.ok || errors.length > 0) return { ok: false, problems: engineProblems(errors, locate) };
  return { ok: true, many: compareManyRuns(base.value, scenarios, runs) };
}
