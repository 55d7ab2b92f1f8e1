import * as React from "react";
import type { EngineError } from "../../engine";
import type { RunOutputs } from "../../excel";
import { modelStep } from "../../app";
import { useWorkbook } from "./useWorkbook";

/** The run a screen shows: the one last written this session, else the current model worked out afresh. */
export type ModelRunState =
  | { readonly kind: "none" }
  | { readonly kind: "errors"; readonly errors: readonly EngineError[] }
  | { readonly kind: "ready"; readonly outputs: RunOutputs; readonly written: boolean };

/**
 * The outputs of the run the result sheets show: those last written in this
 * session, or (after reopening the workbook) the run settings' scenario with
 * its budget check, as the check of the workbook already worked it out (the
 * session keeps it), which reproduces it exactly. The comparison is not run.
 */
export function useModelRun(): ModelRunState {
  const { state } = useWorkbook();
  const { session, hasErrors, lastRun } = state;
  return React.useMemo<ModelRunState>(() => {
    if (lastRun !== undefined) return { kind: "ready", outputs: lastRun, written: true };
    if (session === undefined || hasErrors) return { kind: "none" };
    const scenario = session.read.runSettings.scenario;
    const step = modelStep(session, scenario);
    if (!step.ok) return { kind: "errors", errors: step.errors };
    return { kind: "ready", outputs: { ...step.value, ...(scenario === "" ? {} : { scenario }) }, written: false };
  }, [session, hasErrors, lastRun]);
}
