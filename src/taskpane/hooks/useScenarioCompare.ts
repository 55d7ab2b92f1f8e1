import * as React from "react";
import { compareScenarios, type Problem } from "../../app";
import type { Comparison, DoNoHarmReport } from "../../engine";
import { useWorkbook } from "./useWorkbook";

/** A comparison of two scenarios of the model in the workbook, with do-no-harm when the second adds a partner. */
export type CompareState =
  | { readonly kind: "idle" }
  | { readonly kind: "errors"; readonly problems: readonly Problem[] }
  | { readonly kind: "done"; readonly comparison: Comparison; readonly harm: DoNoHarmReport | undefined };

/**
 * Compares two scenarios by name ("" is the base model) through the
 * application layer, which reuses the runs the workbook's check made.
 */
export function useScenarioCompare(): { state: CompareState; compare(first: string, second: string): void; clear(): void } {
  const { state: wb } = useWorkbook();
  const [state, setState] = React.useState<CompareState>({ kind: "idle" });
  const session = wb.session;
  const compare = React.useCallback(
    (first: string, second: string) => {
      if (session === undefined) return;
      const r = compareScenarios(session, first, second);
      setState(r.ok ? { kind: "done", comparison: r.comparison, harm: r.doNoHarm } : { kind: "errors", problems: r.problems });
    },
    [session],
  );
  const clear = React.useCallback(() => setState({ kind: "idle" }), []);
  return { state, compare, clear };
}
