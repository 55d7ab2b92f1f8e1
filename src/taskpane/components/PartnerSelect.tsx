import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { partnerWords } from "../format";

/** Props for {@link PartnerSelect}. */
export interface PartnerSelectProps {
  readonly label: string;
  /** What the blank choice (every partner) says. */
  readonly allText: string;
  /** A partner id, or "" for every partner. */
  readonly value: string;
  readonly onChange: (partner: string) => void;
  /** Partner id → name, in the order offered. */
  readonly names: ReadonlyMap<string, string>;
}

/** A drop-down of the model's partners by name and code, with a first choice for all of them. */
export function PartnerSelect({ label, allText, value, onChange, names }: PartnerSelectProps): React.JSX.Element {
  return (
    <Field label={label} size="small">
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{allText}</option>
        {[...names.keys()].map((id) => (
          <option key={id} value={id}>
            {partnerWords(id, names)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
