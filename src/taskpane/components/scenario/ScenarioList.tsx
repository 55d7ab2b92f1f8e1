import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScenarioInput } from "../../../engine";
import { addsPartner } from "../../../app";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
});

/** The compare button's visible text (also the start of its accessible name). */
function compareText(s: ScenarioInput): string {
  return addsPartner(s) ? "Compare with base and check do no harm" : "Compare with base";
}

/** Props for {@link ScenarioList}. */
export interface ScenarioListProps {
  readonly scenarios: readonly ScenarioInput[];
  readonly onEdit: (index: number) => void;
  readonly onDelete: (index: number) => void;
  /** Compares the scenario with the base model (and checks do-no-harm if it adds a partner). */
  readonly onCompareWithBase: (name: string) => void;
  readonly disabled?: boolean;
}

/** The scenarios stored in the workbook, each with Edit, Delete and Compare with base. */
export function ScenarioList({ scenarios, onEdit, onDelete, onCompareWithBase, disabled = false }: ScenarioListProps): React.JSX.Element {
  const c = useStyles();
  if (scenarios.length === 0) return <Text>No scenarios yet.</Text>;
  return (
    <ul className={c.list} aria-label="Scenarios">
      {scenarios.map((s, i) => (
        <li key={`${s.name}|${i}`} className={c.item}>
          <Text weight="semibold">{s.name}</Text>
          {s.description ? <Caption1>{s.description}</Caption1> : null}
          <Caption1>{`${s.changes.length} change${s.changes.length === 1 ? "" : "s"}${addsPartner(s) ? "; adds a partner" : ""}`}</Caption1>
          <div className={c.buttons}>
            <Button size="small" disabled={disabled} onClick={() => onEdit(i)} aria-label={`Edit ${s.name}`}>
              Edit
            </Button>
            <Button size="small" disabled={disabled} onClick={() => onCompareWithBase(s.name)} aria-label={`${compareText(s)}: ${s.name}`}>
              {compareText(s)}
            </Button>
            <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onDelete(i)} aria-label={`Delete ${s.name}`}>
              Delete
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
