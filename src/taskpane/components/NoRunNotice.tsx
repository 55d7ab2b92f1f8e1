import * as React from "react";
import { engineErrorsText } from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";
import type { ModelRunState } from "../hooks/useModelRun";
import { Notice } from "./Notice";

/** Props for {@link NoRunNotice}. */
export interface NoRunNoticeProps {
  /** A run that is not ready: the model's errors, or no model. */
  readonly run: Exclude<ModelRunState, { kind: "ready" }>;
  /** What the screen would show, for "Fix the model's errors (Check screen) to see …". */
  readonly what: string;
}

/**
 * What a screen that shows a run says when there is none: the engine's
 * errors, each at its cell; or why there is no model; or that the model's
 * errors must be fixed first. One wording for every such screen.
 */
export function NoRunNotice({ run, what }: NoRunNoticeProps): React.JSX.Element {
  const { state } = useWorkbook();
  if (run.kind === "errors") return <Notice intent="error">{engineErrorsText(run.errors, state.read?.locate)}</Notice>;
  return (
    <Notice intent="info">
      {state.read === undefined
        ? (state.noModel ?? "The workbook could not be read.")
        : `Fix the model's errors (Check screen) to see ${what}.`}
    </Notice>
  );
}
