import * as React from "react";
import { useWorkbook } from "../hooks/useWorkbook";
import { Notice } from "./Notice";

/**
 * Says plainly when the results in the workbook no longer match its inputs
 * (or the inputs changed since sign-off), from the Run log's fingerprints.
 * Shown on every screen that shows results.
 */
export function StaleNotice(): React.JSX.Element | null {
  const { state } = useWorkbook();
  if (state.staleWarnings.length === 0) return null;
  return (
    <Notice intent="warning" title="Out of date">
      {state.staleWarnings.join(" ")}
    </Notice>
  );
}
