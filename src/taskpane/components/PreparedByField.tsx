import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { workbookProblemsText } from "../../app";
import { useWorkbook } from "../hooks/useWorkbook";

/**
 * "Prepared by": the name the Run log records with every run written from
 * this workbook. Entered once and kept in the Settings table (saved when the
 * field loses focus), so everyone who opens the workbook sees who prepares it.
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
      label="Prepared by"
      size="small"
      hint="Your name, recorded in the Run log with every run you write."
      validationState={failure === undefined ? "none" : "error"}
      validationMessage={failure}
    >
      <Input size="small" value={value} disabled={disabled} onChange={(_, d) => setValue(d.value)} onBlur={() => void save()} />
    </Field>
  );
}
