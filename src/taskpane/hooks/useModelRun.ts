import * as React from "react";
import type { EngineError } from "../../engine";
import type { RunOutputs } from "../../excel/layout/outputs";
import { planRun } from "../run-outputs";
import { useServices } from "../services";
import { useWorkbook } from "./useWorkbook";

/** The run a screen shows: the one last written this session, else the current model worked out afresh. */
export type ModelRunState =
  | { readonly kind: "none" }
  | { readonly kind: "errors"; readonly errors: readonly EngineError[] }
  | { readonly kind: "ready"; readonly outputs: RunOutputs; readonly written: boolean };

/**
 * The outputs of the run the result sheets show: those last written in this
 * session, or (after reopening the workbook) the same run worked out again
 * from the model and its stored run settings, which reproduces it exactly.
 * Only the model step is run (charges and budget check), not the comparison.
 */
export function useModelRun(): ModelRunState {
  const { engine } = useServices();
  const { state } = useWorkbook();
  const { read, scenarios, hasErrors, lastRun } = state;
  return React.useMemo<ModelRunState>(() => {
    if (lastRun !== undefined) return { kind: "ready", outputs: lastRun, written: true };
    if (read === undefined || hasErrors) return { kind: "none" };
    const plan = planRun(read.model, scenarios, { ...read.runSettings, compareSecond: "" }, engine);
    const errors = plan.run("model");
    return errors !== undefined ? { kind: "errors", errors } : { kind: "ready", outputs: plan.outputs(), written: false };
  }, [engine, read, scenarios, hasErrors, lastRun]);
}
