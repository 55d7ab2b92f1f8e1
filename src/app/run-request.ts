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
}

/** The scenarios a request resolves to, each with where its name was given. */
export interface ResolvedRun {
  /** The scenario to run ("" for the base model). */
  readonly run: NamedScenario;
  /** The two sides of the comparison, or undefined for none. */
  readonly compare: readonly [NamedScenario, NamedScenario] | undefined;
}

/**
 * Which scenario to run and which to compare: the request's scenario, else
 * the run settings' "Run scenario"; the run settings' comparison, else (with
 * a requested scenario) the base model against it.
 */
export function resolveRun(session: ModelSession, request: RunRequest): ResolvedRun {
  const settings = session.read.runSettings;
  const run: NamedScenario = request.scenario !== undefined ? { name: request.scenario, at: SCENARIO_OPTION_AT } : { name: settings.scenario, at: SETTING_AT.runScenario };
  const compare: ResolvedRun["compare"] =
    settings.compareSecond !== ""
      ? [
          { name: settings.compareFirst, at: SETTING_AT.compareFirst },
          { name: settings.compareSecond, at: SETTING_AT.compareSecond },
        ]
      : request.scenario !== undefined && request.scenario !== BASE
        ? [{ name: BASE, at: SETTING_AT.compareFirst }, run]
        : undefined;
  return { run, compare };
}
