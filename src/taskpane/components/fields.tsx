import * as React from "react";
import { Field, Input, Select, makeStyles, type InputProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // A native drop-down is as wide as its longest option; in a narrow pane it shrinks to fit instead.
  select: { minWidth: 0, maxWidth: "100%", "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  // A text box is as wide as its field (a native input is about 20 characters wide by default, which
  // pushed it into the next field in a two-column editor).
  input: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  inner: { minWidth: 0, width: "100%" },
});
import type { Choice } from "../model-options";

/** Props for {@link TextField}. */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: InputProps["type"];
  readonly hint?: string;
  readonly required?: boolean;
  readonly inputMode?: "decimal" | "numeric" | "text";
  readonly placeholder?: string;
}

/** A labelled text input (Fluent Field + Input). */
export function TextField({
  label,
  value,
  onChange,
  type = "text",
  hint,
  required,
  inputMode,
  placeholder,
}: TextFieldProps): React.JSX.Element {
  const c = useStyles();
  return (
    <Field label={label} hint={hint} required={required} size="small">
      <Input
        className={c.input}
        input={{ className: c.inner }}
        size="small"
        type={type}
        value={value}
        inputMode={inputMode}
        placeholder={placeholder}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

/** Props for {@link ChoiceField}. */
export interface ChoiceFieldProps {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onChange: (value: string) => void;
  /** Text of a leading blank option (e.g. "Any"), or undefined for none. */
  readonly blank?: string;
  readonly hint?: string;
}

/** A labelled native drop-down (Fluent Field + Select), keyboard- and screen-reader-friendly. */
export function ChoiceField({ label, value, choices, onChange, blank, hint }: ChoiceFieldProps): React.JSX.Element {
  const c = useStyles();
  const known = choices.some((c) => c.value === value) || (blank !== undefined && value === "");
  return (
    <Field label={label} hint={hint} size="small">
      <Select className={c.select} size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {!known && <option value={value}>{value}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Text for a loosely typed value (DecimalInput / DateInput / null) in an input. */
export function inputText(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}
