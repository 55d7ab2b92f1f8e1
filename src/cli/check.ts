import { runScenario, warningMessage, type ApportionResult } from "../engine";
import type { ModelRead } from "../excel/port";
import { fromEngine, problemLine, type CliProblem } from "./run-model";

/**
 * Scenarios other than the one run that cannot be applied to the model, as
 * warnings (as the task pane shows them): a stored scenario that no longer
 * fits the model is worth knowing about before someone picks it.
 */
export function scenarioWarnings(read: ModelRead, ran: string | undefined): CliProblem[] {
  const out: CliProblem[] = [];
  for (const s of read.model.scenarios ?? []) {
    if (s.name === ran) continue;
    const r = runScenario(read.model, s);
    if (!r.ok) out.push(...fromEngine(r.errors, read.locate).map((p) => ({ ...p, message: `scenario "${s.name}": ${p.message}` })));
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(problemLine(p)) && seen.add(problemLine(p)) !== undefined);
}

/**
 * Lines in the run that lie wholly outside the model's years (a one-off
 * dated before the first year, an ongoing charge that ended before it…), as
 * warnings at the line's date cell: they are in the model but charged to no
 * one, which a finance officer must know before trusting the totals.
 */
export function outsideYearWarnings(read: ModelRead, result: ApportionResult): CliProblem[] {
  return result.outsideYears.map((o) => {
    const at = read.locate(o.warning.at);
    return { message: warningMessage(o.warning), ...(at === undefined ? {} : { address: at.address }) };
  });
}
