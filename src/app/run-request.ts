import { scenarioNameList } from "../engine";
import { BASE, type ModelSession } from "./session";
import { SCENARIO_OPTION_AT, SETTING_AT, type NamedScenario } from "./scenario-names";

/** What a client asks to run; blank fields come from the Settings table's run settings. */
export interface RunRequest {
  /**
   * A scenario to run instead of the one in the run settings ("" for the base
   * model): the command line's `--scenario`. When the run settings name no
   * comparison, the base model is compared with it.
   */
  readonly scenario?: string;
  /** Scenarios to compare side by side with the base model instead of the run settings' comparison: `--compare`, repeated. */
  readonly compare?: readonly string[];
  /** A comparison of two (first, second) instead of the run settings': reproducing a recorded run. */
  readonly pair?: readonly [string, string];
  /** No comparison of two, whatever the run settings say: reproducing a recorded run that made none. */
  readonly noPair?: boolean;
}

/** Where a `--compare` name was given. */
export const COMPARE_OPTION_AT = { entity: "argument", field: "--compare" } as const;

/** The scenarios a request resolves to, each with where its name was given. */
export interface ResolvedRun {
  /** The scenario to run ("" for the base model). */
  readonly run: NamedScenario;
  /** Two sides of a comparison, or undefined for none (or for a comparison of several: `many`). */
  readonly compare: readonly [NamedScenario, NamedScenario] | undefined;
  /** Several scenarios compared side by side with the base model, or undefined. */
  readonly many: readonly NamedScenario[] | undefined;
}

/**
 * Which scenario to run and which to compare: the request's scenario, else
 * the run settings' "Run scenario". The comparison is the request's
 * `compare` list (each side by side with the base), else the run settings':
 * "Compare: second" may list several scenarios (comma-separated), and then
 * they are compared side by side with the base model (with "Compare: first"
 * among them when it names a scenario); one name is a comparison of two, as
 * before. With a requested scenario and no comparison set, the base model is
 * compared with it.
 */
export function resolveRun(session: ModelSession, request: RunRequest): ResolvedRun {
  const settings = session.read.runSettings;
  const known = session.scenarios.map((s) => s.name);
  const run: NamedScenario =
    request.scenario !== undefined
      ? { name: request.scenario, at: SCENARIO_OPTION_AT }
      : { name: settings.scenario, at: SETTING_AT.runScenario };
  if (request.compare !== undefined && request.compare.length > 0) {
    const names = scenarioNameList(request.compare, known).filter((n) => n !== BASE);
    return { run, compare: undefined, many: names.map((name) => ({ name, at: COMPARE_OPTION_AT })) };
  }
  if (request.pair !== undefined)
    return {
      run,
      compare: [
        { name: request.pair[0], at: SETTING_AT.compareFirst },
        { name: request.pair[1], at: SETTING_AT.compareSecond },
      ],
      many: undefined,
    };
  if (request.noPair === true) return { run, compare: undefined, many: undefined };
  const seconds = scenarioNameList([settings.compareSecond], known);
  if (seconds.length > 1) {
    const first = settings.compareFirst.trim() === "" ? [] : [{ name: settings.compareFirst.trim(), at: SETTING_AT.compareFirst }];
    const many = [...first, ...seconds.map((name) => ({ name, at: SETTING_AT.compareSecond }))].filter(
      (n, i, all) => all.findIndex((m) => m.name === n.name) === i,
    );
    return { run, compare: undefined, many };
  }
  const compare: ResolvedRun["compare"] =
    settings.compareSecond !== ""
      ? [
          { name: settings.compareFirst, at: SETTING_AT.compareFirst },
          { name: settings.compareSecond, at: SETTING_AT.compareSecond },
        ]
      : request.scenario !== undefined && request.scenario !== BASE
        ? [{ name: BASE, at: SETTING_AT.compareFirst }, run]
        : undefined;
  return { run, compare, many: undefined };
}
