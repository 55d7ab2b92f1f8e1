import * as React from "react";
import type { ChargeTrace, WithinSplit } from "../../engine";
import type { SelectionTarget } from "../../excel";
import { explainTarget, thrownText, workbookProblemsText } from "../../app";
import { useEngine } from "./useEngine";
import { useServices } from "../services";
import type { ModelRunState } from "./useModelRun";

/** What Explain shows for the selected cell. */
export type ExplainState =
  | { readonly kind: "idle" }
  | { readonly kind: "reading" }
  | { readonly kind: "failed"; readonly message: string }
  /** The selection is not a result cell. */
  | { readonly kind: "nothing"; readonly address: string }
  /** A total on the Summary sheet. */
  | { readonly kind: "total"; readonly address: string; readonly target: Extract<SelectionTarget, { kind: "total" }> }
  /** A charge, with the engine's trace of the core charge and, for a partner within another, the split of the parent's share. */
  | {
      readonly kind: "charge";
      readonly address: string;
      readonly target: Extract<SelectionTarget, { kind: "charge" }>;
      readonly trace: ChargeTrace | undefined;
      readonly split: WithinSplit | undefined;
    }
  /** A charge that the current run does not hold (the sheets are from another run). */
  | { readonly kind: "stale"; readonly address: string };

/**
 * Reads the selection through the port (the workbook layer maps the cell to
 * the charge it shows) and explains it with the engine's `explainCharge`.
 * Re-explains whenever the selection source reports a change.
 */
export function useExplain(run: ModelRunState): { state: ExplainState; explain(): Promise<void> } {
  const { port, selection } = useServices();
  const engine = useEngine();
  const [state, setState] = React.useState<ExplainState>({ kind: "idle" });
  const runRef = React.useRef(run);
  runRef.current = run;

  // Selection events can overlap; only the newest request may set what is shown.
  const latest = React.useRef(0);

  const explain = React.useCallback(async () => {
    const request = ++latest.current;
    const show = (next: ExplainState): void => {
      if (request === latest.current) setState(next);
    };
    show({ kind: "reading" });
    try {
      const r = await port.readSelection();
      if (!r.ok) return show({ kind: "failed", message: workbookProblemsText(r.problems) });
      const { address, target } = r.value;
      if (target.kind === "none") return show({ kind: "nothing", address });
      if (target.kind === "total") return show({ kind: "total", address, target });
      const current = runRef.current;
      if (current.kind !== "ready") return show({ kind: "stale", address });
      const explained = explainTarget(current.outputs.run, target, (result, charge) => engine.explainCharge(result, charge));
      if (explained === undefined) return show({ kind: "stale", address });
      show({ kind: "charge", address, target, trace: explained.trace, split: explained.split });
    } catch (e) {
      show({ kind: "failed", message: thrownText(e) });
    }
  }, [port, engine]);

  React.useEffect(() => {
    if (selection === undefined) return undefined;
    const unsubscribe = selection.subscribe(() => void explain());
    // A selection change reported before this subscription existed would be lost: explain what is selected now.
    void explain();
    return () => {
      unsubscribe();
    };
  }, [selection, explain]);

  // A selection made before the run was ready (the workbook still loading) is explained once it is.
  const stale = state.kind === "stale";
  React.useEffect(() => {
    if (stale && run.kind === "ready") void explain();
  }, [stale, run.kind, explain]);

  return { state, explain };
}
