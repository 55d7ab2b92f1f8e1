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
import { dateEntryHint, dateEntryText, dateEntryValue } from "../date-entry";

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

/** Props for {@link DateField}. */
export interface DateFieldProps {
  readonly label: string;
  /** The stored date: ISO text, an Excel serial number, or blank. */
  readonly value: unknown;
  /** Called with the ISO date once the text is a whole UK date (else the text as typed; "" for blank). */
  readonly onChange: (value: string) => void;
}

/**
 * A date typed the UK way (day/month/year), with the date in words beneath it. A plain text box, not
 * the browser's date picker, which shows the browser's own order ("mm/dd/yyyy") and nothing at all for
 * a date stored as an Excel serial number.
 */
export function DateField({ label, value, onChange }: DateFieldProps): React.JSX.Element {
  const [text, setText] = React.useState(() => dateEntryText(value));
  // A date changed from outside (another draft) replaces the text; the draft's own echo of what was typed does not.
  const stored = dateEntryValue(text);
  const incoming = value === undefined || value === null ? "" : String(value);
  React.useEffect(() => {
    if (incoming !== stored) setText(dateEntryText(incoming));
    // Only when the stored value changes: the text being typed is not reformatted under the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately not on `stored` (the text being typed)
  }, [incoming]);
  return (
    <TextField
      label={label}
      value={text}
      hint={dateEntryHint(text)}
      placeholder="dd/mm/yyyy"
      onChange={(t) => {
        setText(t);
        onChange(dateEntryValue(t));
      }}
    />
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
