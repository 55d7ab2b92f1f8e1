import * as React from "react";
import { runStatusNotice } from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";
import { Notice } from "./Notice";

/**
 * The one place the pane says where the latest run stands — current,
 * verified, signed off, out of date (which tables changed since when),
 * changed since sign-off — in the application layer's words
 * (`runStatusNotice`), so no screen can show two that contradict. Shown on
 * every screen that shows results; nothing before the first run.
 */
export function StaleNotice(): React.JSX.Element | null {
  const { state } = useWorkbook();
  const notice = state.runStatus === undefined ? undefined : runStatusNotice(state.runStatus);
  if (notice === undefined) return null;
  return (
    <Notice intent={notice.intent} title={notice.title}>
      {notice.text}
    </Notice>
  );
}
