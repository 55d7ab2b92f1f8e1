import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { workbookProblemsText } from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";

/**
 * "Your name": the pane's one name field. Kept in the Settings table's
 * "Prepared by" row (saved when the field loses focus) and recorded in the
 * Run log with every run written and every sign-off made from the pane, so a
 * person enters it once (issue 26: there were two name fields).
 */
export function PreparedByField({ disabled }: { readonly disabled?: boolean }): React.JSX.Element | null {
  const { state, actions } = useWorkbook();
  const stored = state.read?.preparedBy ?? "";
  const [value, setValue] = React.useState(stored);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  React.useEffect(() => setValue(stored), [stored]);
  const settings = state.read?.runSettings;
  if (settings === undefined) return null;
  const save = async (): Promise<void> => {
    if (value.trim() === stored) return;
    const r = await actions.saveRunSettings({ ...settings, preparedBy: value.trim() });
    setFailure(r.ok ? undefined : workbookProblemsText(r.problems));
  };
  return (
    <Field
      label="Your name"
      size="small"
      hint="Kept in the Settings table as Prepared by; recorded in the Run log with every run you write and every sign-off."
      validationState={failure === undefined ? "none" : "error"}
      validationMessage={failure}
    >
      <Input size="small" value={value} disabled={disabled} onChange={(_, d) => setValue(d.value)} onBlur={() => void save()} />
    </Field>
  );
}
