import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { BudgetStatus } from "../../engine";

const LOOK: Readonly<Record<BudgetStatus, { readonly text: string; readonly color: "success" | "danger" | "warning" }>> = {
  within: { text: "Within budget", color: "success" },
  over: { text: "Over budget", color: "danger" },
  under: { text: "Under budget", color: "warning" },
};

/** A budget status as a coloured badge with the status in words (colour is never the only cue). */
export function StatusBadge({ status }: { readonly status: BudgetStatus }): React.JSX.Element {
  const look = LOOK[status];
  return (
    <Badge appearance="tint" color={look.color} shape="rounded">
      {look.text}
    </Badge>
  );
}
