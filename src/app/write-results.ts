import type { RunOutputs, WorkbookPort, WorkbookProblem, WriteReport } from "../excel";
import { workbookProblems, type Problem } from "./problems";

/** Options for {@link writeResults}. */
export interface WriteResultsOptions {
  /** The user confirmed replacing output sheets edited by hand (the task pane's dialog, the command line's `--force`). */
  readonly replaceEdited?: boolean;
  /** Cancels the write before the new sheets are swapped in. */
  readonly signal?: AbortSignal;
  /** Called after each request with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What writing the results did. Nothing is written unless `kind` is "written". */
export type WriteOutcome =
  | { readonly kind: "written"; readonly report: WriteReport }
  /** Output sheets were edited by hand: nothing was written; ask the user, then write with `replaceEdited`. */
  | { readonly kind: "needsConsent"; readonly sheets: readonly string[]; readonly problems: readonly Problem[] }
  | { readonly kind: "cancelled"; readonly problems: readonly Problem[] }
  | { readonly kind: "failed"; readonly problems: readonly Problem[] };

/**
 * Writes a run's output sheets through the port, and says in one shape what
 * happened. A model with monitoring inputs gets its Monitoring sheet laid out
 * first, by a module loaded only then (so the task pane's first load does not
 * carry the monitoring code; `verifyWorkbook` lays it out the same way).
 */
export async function writeResults(port: WorkbookPort, given: RunOutputs, options: WriteResultsOptions = {}): Promise<WriteOutcome> {
  const outputs = given.run.model.monitoring === undefined ? given : (await import("./monitoring")).withMonitoringSheet(given);
  const r = await port.writeOutputs(outputs, {
    ...(options.replaceEdited === undefined ? {} : { replaceEdited: options.replaceEdited }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  if (r.ok) return { kind: "written", report: r.value };
  return outcomeOf(r.problems, options.replaceEdited === true);
}

function outcomeOf(problems: readonly WorkbookProblem[], consented: boolean): WriteOutcome {
  const shown = workbookProblems(problems);
  if (problems.some((p) => p.kind === "cancelled")) return { kind: "cancelled", problems: shown };
  const edited = problems.find((p) => p.kind === "outputsEdited");
  if (!consented && edited !== undefined && edited.kind === "outputsEdited")
    return { kind: "needsConsent", sheets: edited.sheets, problems: shown };
  return { kind: "failed", problems: shown };
}
