import * as React from "react";
import {
  planRun,
  problemsText,
  recordRun,
  RUN_STEP_LABELS,
  thrownText,
  workbookProblemsText,
  writeResults,
  type Problem,
  type RunStep,
} from "../../app";
import type { RunOutputs, WriteReport } from "../../excel";
import { useServices } from "../services";
import { useWorkbook } from "./useWorkbook";

/** Where a run is. Nothing reaches the workbook before "writing". */
export type RunPhase =
  | { readonly kind: "idle" }
  /** `step` counts from 1; `steps` is unknown until the model has been read. */
  | { readonly kind: "calculating"; readonly step: number; readonly steps: number | undefined; readonly label: string }
  | { readonly kind: "blocked"; readonly problems: readonly Problem[] }
  | { readonly kind: "preview"; readonly outputs: RunOutputs; readonly editedSheets: readonly string[] }
  | { readonly kind: "confirmReplace"; readonly outputs: RunOutputs; readonly message: string }
  | { readonly kind: "writing"; readonly outputs: RunOutputs; readonly done: number; readonly total: number }
  | { readonly kind: "written"; readonly outputs: RunOutputs; readonly report: WriteReport }
  | { readonly kind: "cancelled"; readonly message: string }
  | { readonly kind: "failed"; readonly message: string };

/** What the Run screen can do. */
export interface RunControls {
  readonly phase: RunPhase;
  /** Reads the model afresh and calculates, stopping before anything is written. */
  calculate(): Promise<void>;
  /** Writes the previewed outputs; `replaceEdited` after the user confirmed. */
  write(replaceEdited?: boolean): Promise<void>;
  /** Cancels a calculation, the preview, or a write before its swap: the workbook is left as it was. */
  cancel(): void;
  /** Back to idle. */
  reset(): void;
}

/**
 * Lets the browser paint (and a Cancel click land) between steps: waits for the next frame,
 * then a task after it, since a bare setTimeout(0) can run before the frame that shows the
 * progress. A hidden pane gets no frames, so 50 ms also does.
 */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

function cancelledText(): string {
  return workbookProblemsText([{ kind: "cancelled" }]);
}

/**
 * Runs the model in steps — read, calculate, compare, check the owned output
 * sheets — showing progress and yielding between steps so Cancel works; then
 * previews, and writes only when asked. Writing goes through the port with an
 * AbortSignal; the workbook layer swaps the new sheets in only at the end, so
 * a cancelled write leaves nothing half-written.
 */
export function useRun(): RunControls {
  const { port } = useServices();
  const { actions } = useWorkbook();
  const [phase, setPhase] = React.useState<RunPhase>({ kind: "idle" });
  const token = React.useRef(0);
  const abort = React.useRef<AbortController | undefined>(undefined);
  const phaseRef = React.useRef(phase);
  phaseRef.current = phase;

  const calculate = React.useCallback(async () => {
    const my = ++token.current;
    const live = (): boolean => token.current === my;
    try {
      setPhase({ kind: "calculating", step: 1, steps: undefined, label: "Reading the model from the workbook" });
      await yieldToBrowser();
      if (!live()) return;
      const state = await actions.refresh();
      if (!live()) return;
      if (state.session === undefined) {
        setPhase({ kind: "failed", message: state.failure ?? state.noModel ?? "The workbook could not be read." });
        return;
      }
      // The check just made ran the model and its scenarios; the plan reuses those runs.
      const plan = planRun(state.session, state.readProblems);
      if (plan.blocking.length > 0) {
        setPhase({ kind: "blocked", problems: plan.blocking });
        return;
      }
      const steps = plan.steps.length + 2;
      for (let i = 0; i < plan.steps.length; i++) {
        const step = plan.steps[i] as RunStep;
        setPhase({ kind: "calculating", step: i + 2, steps, label: RUN_STEP_LABELS[step] });
        await yieldToBrowser();
        if (!live()) return;
        const problems = plan.run(step);
        if (problems !== undefined) {
          setPhase({ kind: "blocked", problems });
          return;
        }
      }
      setPhase({ kind: "calculating", step: steps, steps, label: "Checking the result sheets" });
      const outputs = await port.checkOutputs();
      if (!live()) return;
      const edited = outputs.ok ? outputs.value.sheets.filter((s) => s.edited).map((s) => s.name) : [];
      // What is written carries its run record: titles stamped, the Run log carried forward with this run.
      const recorded = recordRun(state.session, plan.outputs(), plan.warnings.length, {
        by: state.session.read.preparedBy,
        now: new Date(),
      });
      setPhase({ kind: "preview", outputs: recorded, editedSheets: edited });
    } catch (e) {
      if (live()) setPhase({ kind: "failed", message: thrownText(e) });
    }
  }, [actions, port]);

  const write = React.useCallback(
    async (replaceEdited = false) => {
      const current = phaseRef.current;
      if (current.kind !== "preview" && current.kind !== "confirmReplace") return;
      const outputs = current.outputs;
      const my = ++token.current;
      const controller = new AbortController();
      abort.current = controller;
      setPhase({ kind: "writing", outputs, done: 0, total: 0 });
      try {
        // Building a large model's result sheets takes a moment before the first batch is
        // sent: let "Writing…" and Cancel show first.
        await yieldToBrowser();
        if (token.current !== my) return;
        const r = await writeResults(port, outputs, {
          replaceEdited,
          signal: controller.signal,
          onProgress: (done, total) => {
            if (token.current === my) setPhase({ kind: "writing", outputs, done, total });
          },
        });
        if (token.current !== my) return;
        abort.current = undefined;
        if (r.kind === "written") {
          setPhase({ kind: "written", outputs, report: r.report });
          actions.recordRun(outputs);
          void actions.refresh();
        } else if (r.kind === "cancelled") {
          setPhase({ kind: "cancelled", message: problemsText(r.problems) });
        } else if (r.kind === "needsConsent") {
          setPhase({ kind: "confirmReplace", outputs, message: problemsText(r.problems) });
        } else {
          setPhase({ kind: "failed", message: problemsText(r.problems) });
        }
      } catch (e) {
        abort.current = undefined;
        setPhase({ kind: "failed", message: thrownText(e) });
      }
    },
    [actions, port],
  );

  const cancel = React.useCallback(() => {
    const current = phaseRef.current;
    if (current.kind === "writing") {
      // The port answers with "cancelled" once it has stopped; the phase changes then.
      abort.current?.abort();
      return;
    }
    token.current++;
    setPhase({ kind: "cancelled", message: cancelledText() });
  }, []);

  const reset = React.useCallback(() => {
    token.current++;
    setPhase({ kind: "idle" });
  }, []);

  return { phase, calculate, write, cancel, reset };
}
