import { runScenario } from "../engine";
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
