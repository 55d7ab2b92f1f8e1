import * as React from "react";
import type { EngineError } from "../../engine";
import type { RunOutputs } from "../../excel";
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
    const report = session.report(scenario);
    if (!report.ok) return { kind: "errors", errors: report.errors };
    const supportMethods = session.supportMethods(scenario);
    return {
      kind: "ready",
      outputs: {
        run: report.value.run,
        budget: report.value,
        ...(scenario === "" ? {} : { scenario }),
        ...(supportMethods === undefined ? {} : { supportMethods }),
      },
      written: false,
    };
  }, [session, hasErrors, lastRun]);
}
