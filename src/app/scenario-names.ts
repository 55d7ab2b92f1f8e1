import type { EngineError, Where } from "../engine";
import type { ModelSession } from "./session";

/** A scenario name to use, and where it was given (a Settings cell or a command-line option). */
export interface NamedScenario {
  readonly name: string;
  readonly at: Where;
}

/** The run settings' cells, as engine locations the workbook layer can turn into addresses. */
export const SETTING_AT = {
  runScenario: { entity: "settings", key: "Run scenario" },
  compareFirst: { entity: "settings", key: "Compare: first" },
  compareSecond: { entity: "settings", key: "Compare: second" },
} as const satisfies Record<string, Where>;

/** A name given on the command line with `--scenario`. */
export const SCENARIO_OPTION_AT: Where = { entity: "argument", field: "--scenario" };

/** `unknownScenario` for each name that is neither blank (the base model) nor a stored scenario. */
export function unknownScenarios(session: ModelSession, names: readonly NamedScenario[]): EngineError[] {
  const known = session.scenarios.map((s) => s.name);
  const seen = new Set<string>();
  const out: EngineError[] = [];
  for (const n of names) {
    if (session.scenario(n.name) !== undefined) continue;
    const key = `${n.name}\u0000${JSON.stringify(n.at)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: "unknownScenario", scenario: n.name, known, at: n.at });
  }
  return out;
}
