import * as React from "react";
import { Button, Field, Select, Textarea, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { ScenarioChange, ScenarioInput } from "../../../engine";
import type { ModelOptions } from "../../model-options";
import {
  CHANGE_KIND_LABELS,
  blankChange,
  changeKindsFor,
  changeSummary,
  withScenarioAdditions,
  type ChangeKind,
} from "../../scenario-drafts";
import { TextField } from "../fields";
import { ChangeEditor } from "./ChangeEditor";

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  change: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Props for {@link ScenarioEditor}. */
export interface ScenarioEditorProps {
  readonly scenario: ScenarioInput;
  readonly options: ModelOptions;
  readonly onChange: (scenario: ScenarioInput) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  /** Disables Save while saving. */
  readonly busy?: boolean;
  /** A scenario not yet in the workbook: headed "New scenario". */
  readonly isNew?: boolean;
}

/** Edits a named scenario: its name, description and list of changes. */
export function ScenarioEditor({
  scenario,
  options,
  onChange,
  onSave,
  onCancel,
  busy = false,
  isNew = false,
}: ScenarioEditorProps): React.JSX.Element {
  const c = useStyles();
  const heading = React.useRef<HTMLHeadingElement>(null);
  // Opening the editor removes the button that opened it: focus its heading instead of <body>.
  React.useEffect(() => heading.current?.focus(), []);
  const title = isNew ? "New scenario" : "Edit scenario";
  // What the scenario adds (a partner, a line) is offered too, so a change that uses it is shown by name.
  const choices = React.useMemo(() => withScenarioAdditions(options, scenario), [options, scenario]);
  const [kind, setKind] = React.useState<ChangeKind>("setAmount");
  const setChange = (i: number, change: ScenarioChange): void =>
    onChange({ ...scenario, changes: scenario.changes.map((old, j) => (j === i ? change : old)) });
  const removeChange = (i: number): void => onChange({ ...scenario, changes: scenario.changes.filter((_, j) => j !== i) });
  return (
    <form
      className={c.form}
      aria-label={`${title}: ${scenario.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3 ref={heading} tabIndex={-1} className={c.heading}>
        {title}
      </h3>
      <TextField label="Scenario name" required value={scenario.name} onChange={(name) => onChange({ ...scenario, name })} />
      <Field label="Description" size="small">
        <Textarea size="small" value={scenario.description ?? ""} onChange={(_, d) => onChange({ ...scenario, description: d.value })} />
      </Field>
      {scenario.changes.map((change, i) => (
        <fieldset key={i} className={c.change}>
          <legend className={c.legend}>{`Change ${i + 1}: ${CHANGE_KIND_LABELS[change.kind]}`}</legend>
          <ChangeEditor change={change} options={choices} onChange={(next) => setChange(i, next)} />
          <div className={c.row}>
            <span aria-live="off">{changeSummary(change, choices)}</span>
            <Button size="small" appearance="subtle" onClick={() => removeChange(i)} aria-label={`Remove change ${i + 1}`}>
              Remove
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={c.row}>
        <Field label="Kind of change" size="small">
          <Select size="small" value={kind} onChange={(_, d) => setKind(d.value as ChangeKind)}>
            {changeKindsFor(options).map((k) => (
              <option key={k} value={k}>
                {CHANGE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => onChange({ ...scenario, changes: [...scenario.changes, blankChange(kind, options)] })}>
          Add change
        </Button>
      </div>
      <div className={c.row}>
        <Button appearance="primary" type="submit" disabled={busy || scenario.name.trim() === ""}>
          Save scenario
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
