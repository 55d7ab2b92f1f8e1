import type { WorkbookPort } from "../excel";
import { ENGINE, type EngineApi } from "./engine-api";
import { monitoringWarnings } from "./monitoring";
import { openModel } from "./open-model";
import type { Problem } from "./problems";
import { planRun, runPlanned, type FinishedOutputs } from "./run-model";
import type { RunRequest } from "./run-request";
import type { ModelSession } from "./session";

/** A workbook's model run in one go: what {@link runWorkbook} gives back. */
export type WorkbookRun =
  | { readonly ok: true; readonly session: ModelSession; readonly outputs: FinishedOutputs; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly kind: "noModel"; readonly message: string }
  /** The model has problems; `session` is there when the model could be read (to compare with the last run). */
  | { readonly ok: false; readonly kind: "problems"; readonly problems: readonly Problem[]; readonly session?: ModelSession };

/**
 * Opens the model in a workbook, checks it and runs it with every step (the
 * chosen scenario with its budget check, then any comparison and "do no
 * harm"), as the task pane's Run does step by step. Used by the command line
 * and the tests; nothing is written.
 */
export async function runWorkbook(port: WorkbookPort, request: RunRequest = {}, engine: EngineApi = ENGINE): Promise<WorkbookRun> {
  const opened = await openModel(port, engine);
  if (opened.kind === "noModel") return { ok: false, kind: "noModel", message: opened.message };
  if (opened.kind === "failed") return { ok: false, kind: "problems", problems: opened.problems };
  const done = runPlanned(planRun(opened.session, opened.problems, request));
  if (!done.ok) return { ok: false, kind: "problems", problems: done.problems, session: opened.session };
  // The monitoring inputs are checked here, with the run (not in checkModel, which the task pane loads first).
  const warnings = [...done.warnings, ...monitoringWarnings(done.outputs.run, opened.session.read.locate)];
  return { ok: true, session: opened.session, outputs: done.outputs, warnings };
}
