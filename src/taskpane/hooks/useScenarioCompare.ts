import * as React from "react";
import type { Comparison, DoNoHarmReport, EngineError } from "../../engine";
import { addsPartner, scenarioNamed } from "../run-outputs";
import { useServices } from "../services";
import { useWorkbook } from "./useWorkbook";

/** A comparison of two scenarios of the model in the workbook, with do-no-harm when the second adds a partner. */
export type CompareState =
  | { readonly kind: "idle" }
  | { readonly kind: "errors"; readonly errors: readonly EngineError[] }
  | { readonly kind: "done"; readonly comparison: Comparison; readonly harm: DoNoHarmReport | undefined };

/**
 * Compares two scenarios by name ("" is the base model) with the engine's
 * `compareScenarios`, and runs its `doNoHarm` check when the second scenario
 * adds a partner.
 */
export function useScenarioCompare(): { state: CompareState; compare(first: string, second: string): void; clear(): void } {
  const { engine } = useServices();
  const { state: wb } = useWorkbook();
  const [state, setState] = React.useState<CompareState>({ kind: "idle" });
  const compare = React.useCallback(
    (first: string, second: string) => {
      const base = wb.read?.model;
      if (base === undefined) return;
      const a = scenarioNamed(wb.scenarios, first);
      const b = scenarioNamed(wb.scenarios, second);
      const comparison = engine.compareScenarios(base, a, b);
      if (!comparison.ok) {
        setState({ kind: "errors", errors: comparison.errors });
        return;
      }
      const named = comparison.value;
      if (b !== null && addsPartner(b)) {
        const harm = engine.doNoHarm(base, b);
        if (!harm.ok) {
          setState({ kind: "errors", errors: harm.errors });
          return;
        }
        setState({ kind: "done", comparison: named, harm: harm.value });
        return;
      }
      setState({ kind: "done", comparison: named, harm: undefined });
    },
    [engine, wb.read, wb.scenarios],
  );
  const clear = React.useCallback(() => setState({ kind: "idle" }), []);
  return { state, compare, clear };
}
