import * as React from "react";
import { Badge, makeStyles } from "@fluentui/react-components";
import type { BudgetStatus } from "../../engine";
import { BUDGET_STATUS_TEXT } from "../../app";

/** Colour per status; the words are the engine's, the same as on the Budget check sheet. */
const COLOR: Readonly<Record<BudgetStatus, "success" | "danger" | "warning">> = {
  onBudget: "success",
  withinUnder: "success",
  withinOver: "success",
  under: "warning",
  over: "danger",
  noBudget: "danger",
};

const useStyles = makeStyles({
  // On one line: the row gives it a line of its own when the pane is narrow, so it never wraps into a tower.
  wrap: { whiteSpace: "nowrap", flexShrink: 0 },
});

/** A budget status as a coloured badge with the status in words (colour is never the only cue). */
export function StatusBadge({ status }: { readonly status: BudgetStatus }): React.JSX.Element {
  const c = useStyles();
  return (
    <Badge appearance="tint" color={COLOR[status]} shape="rounded" className={c.wrap}>
      {BUDGET_STATUS_TEXT[status]}
    </Badge>
  );
}
