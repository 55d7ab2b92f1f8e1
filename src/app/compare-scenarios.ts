import { compareResults, judgeDoNoHarm, BASE_NAME, type Comparison, type DoNoHarmReport } from "../engine";
import { engineProblems, type Problem } from "./problems";
import { addsPartner, unknownScenarios } from "./scenario-names";
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
  const comparison = compareResults(a.value, b.value, { from: first === BASE ? BASE_NAME : first, to: second === BASE ? BASE_NAME : second });
  if (!addsPartner(session.scenario(second))) return { ok: true, comparison, doNoHarm: undefined };
  const before = session.run(BASE);
  if (!before.ok) return { ok: false, problems: engineProblems(before.errors, locate) };
  return { ok: true, comparison, doNoHarm: judgeDoNoHarm(before.value, b.value, second) };
}
