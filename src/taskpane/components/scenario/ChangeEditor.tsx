import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ScenarioChange } from "../../../engine";
import { CATEGORIES, Decimal, FINANCING, MRP_METHODS, NATURES, parseDecimal, SUPPORT_METHOD_CHOICES } from "../../../app";
import type { Choice, ModelOptions } from "../../model-options";
import { ChoiceField, DateField, TextField, inputText } from "../fields";
import { categoryWords, natureWords } from "../../format";

const useStyles = makeStyles({
  // A sentence across the whole grid.
  wide: { gridColumn: "1 / -1" },
  grid: {
    display: "grid",
    // Two columns where they fit (each at least 10em), one in a narrow pane.
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 10em), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    // Grid items default to their content's width: a drop-down with a long option would push
    // past a narrow pane. Let them shrink to the column instead.
    "& > *": { minWidth: 0 },
  },
});

/** Props for {@link ChangeEditor}. */
export interface ChangeEditorProps {
  readonly change: ScenarioChange;
  readonly options: ModelOptions;
  readonly onChange: (change: ScenarioChange) => void;
}

const CATEGORY_CHOICES = CATEGORIES.map((c) => ({ value: c, text: categoryWords(c) }));
const NATURE_CHOICES = NATURES.map((n) => ({ value: n, text: natureWords(n) }));

/**
 * What a percentage for a joining partner does to the others, in words: the engine gives the new
 * partner its % and scales every existing partner's share by (100 − %)%, so the shares still add
 * up to 100%. "Inter-authority agreement shares: Lewisham Homes takes 8%; every other partner
 * keeps 92% of its share (Brent's 40% becomes 36.8%)." Worked out exactly from the typed decimal.
 */
export function percentagesRule(bases: readonly Choice[], percentages: Readonly<Record<string, unknown>>, who: string): string {
  const said = bases.flatMap((b) => {
    const p = parseDecimal(inputText(percentages[b.value]).trim());
    if (p === undefined || p.isNegative() || p.greaterThan(100)) return [];
    const keep = new Decimal(100).minus(p);
    return [`${b.text}: ${who} takes ${p.toFixed()}%, and every other partner keeps ${keep.toFixed()}% of its share`];
  });
  const rule =
    "A percentage given here goes to the new partner, and every existing partner's percentage is scaled down in " +
    "proportion so the shares still add up to 100% (with 8%, each keeps 92% of its share: 40% becomes 36.8%).";
  return said.length === 0 ? rule : `${rule} ${said.join("; ")}.`;
}

/** Drops blank entries from a record of typed-in values. */
function filled(record: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined && v !== null && String(v).trim() !== "") out[k] = String(v);
  return out;
}

/**
 * The fields of one scenario change, by kind. Values stay as typed text; the
 * engine validates them when the scenario runs and reports problems by name.
 */
export function ChangeEditor({ change, options, onChange }: ChangeEditorProps): React.JSX.Element {
  const c = useStyles();
  const yearChoices = options.years.map((y) => ({ value: y, text: y }));
  switch (change.kind) {
    case "setAmount":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
          <TextField
            label="New amount (£)"
            inputMode="decimal"
            value={inputText(change.amount)}
            onChange={(amount) => onChange({ ...change, amount })}
          />
        </div>
      );
    case "setDates":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
          <DateField label="Start" value={change.start} onChange={(start) => onChange({ ...change, start: start || null })} />
          <DateField label="End (ongoing only)" value={change.end} onChange={(end) => onChange({ ...change, end: end || null })} />
        </div>
      );
    case "setBasis":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
          <ChoiceField
            label="New basis"
            value={change.basis}
            choices={options.bases}
            onChange={(basis) => onChange({ ...change, basis })}
          />
        </div>
      );
    case "setDriver":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Driver"
            value={change.driver}
            choices={options.drivers}
            onChange={(driver) => onChange({ ...change, driver })}
          />
          <ChoiceField
            label="Partner"
            value={change.partner}
            choices={options.partners}
            onChange={(partner) => onChange({ ...change, partner })}
          />
          <ChoiceField
            label="Year"
            value={change.year ?? ""}
            blank="Every year"
            choices={yearChoices}
            onChange={(year) => onChange({ ...change, year: year || null })}
          />
          <TextField
            label="New value"
            inputMode="decimal"
            value={inputText(change.value)}
            onChange={(value) => onChange({ ...change, value })}
          />
        </div>
      );
    case "addPartner": {
      const drivers = change.drivers ?? {};
      const percentages = change.percentages ?? {};
      return (
        <div className={c.grid}>
          <TextField
            label="Partner code"
            value={change.partner.id}
            onChange={(id) => onChange({ ...change, partner: { ...change.partner, id } })}
          />
          <TextField
            label="Partner name"
            value={change.partner.name ?? ""}
            onChange={(name) => onChange({ ...change, partner: { ...change.partner, name } })}
          />
          <DateField
            label="Joins on (blank: from the start)"
            value={change.partner.joins}
            onChange={(joins) => onChange({ ...change, partner: { ...change.partner, joins: joins || null } })}
          />
          <ChoiceField
            label="Joins as"
            value={change.within ?? ""}
            blank="As a direct partner"
            choices={options.partners.map((p) => ({ value: p.value, text: `Within ${p.text}` }))}
            onChange={(within) => onChange({ ...change, within: within || null })}
          />
          {options.drivers.map((d) => (
            <TextField
              key={`d-${d.value}`}
              label={`${d.text} (driver)`}
              inputMode="decimal"
              value={inputText(drivers[d.value])}
              onChange={(v) => onChange({ ...change, drivers: filled({ ...drivers, [d.value]: v }) })}
            />
          ))}
          {options.percentageBases.map((b) => (
            <TextField
              key={`p-${b.value}`}
              label={`${b.text} (%)`}
              inputMode="decimal"
              value={inputText(percentages[b.value])}
              onChange={(v) => onChange({ ...change, percentages: filled({ ...percentages, [b.value]: v }) })}
            />
          ))}
          {options.percentageBases.length > 0 && (
            <Text size={200} className={c.wide}>
              {percentagesRule(options.percentageBases, percentages, change.partner.name || change.partner.id || "the new partner")}
            </Text>
          )}
        </div>
      );
    }
    case "removePartner":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Partner"
            value={change.partner}
            choices={options.partners}
            onChange={(partner) => onChange({ ...change, partner })}
          />
        </div>
      );
    case "partnerLeaves":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Partner"
            value={change.partner}
            choices={options.partners}
            onChange={(partner) => onChange({ ...change, partner })}
          />
          <DateField label="Leaves (last day)" value={change.leaves} onChange={(leaves) => onChange({ ...change, leaves })} />
          <DateField label="Notice given" value={change.notice} onChange={(notice) => onChange({ ...change, notice: notice || null })} />
        </div>
      );
    case "addLine": {
      const l = change.line;
      const set = (patch: Partial<typeof l>): void => onChange({ ...change, line: { ...l, ...patch } });
      return (
        <div className={c.grid}>
          <TextField label="Reference" value={l.ref} onChange={(ref) => set({ ref })} />
          <TextField label="Description" value={l.description ?? ""} onChange={(description) => set({ description })} />
          <ChoiceField
            label="Capital or revenue"
            value={l.category}
            choices={CATEGORY_CHOICES}
            onChange={(category) => set({ category })}
          />
          <ChoiceField label="One-off or ongoing" value={l.nature} choices={NATURE_CHOICES} onChange={(nature) => set({ nature })} />
          <TextField label="Amount (£)" inputMode="decimal" value={inputText(l.amount)} onChange={(amount) => set({ amount })} />
          <DateField label="Start" value={l.start} onChange={(start) => set({ start })} />
          <ChoiceField label="Basis" value={l.basis} choices={options.bases} onChange={(basis) => set({ basis })} />
        </div>
      );
    }
    case "removeLine":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
        </div>
      );
    case "uplift":
      return (
        <div className={c.grid}>
          <TextField
            label="Uplift (%)"
            inputMode="decimal"
            value={inputText(change.percent)}
            onChange={(percent) => onChange({ ...change, percent })}
          />
          <ChoiceField
            label="Capital or revenue"
            value={change.category ?? ""}
            blank="Both"
            choices={CATEGORY_CHOICES}
            onChange={(v) => onChange({ ...change, category: v || null })}
          />
          <ChoiceField
            label="One-off or ongoing"
            value={change.nature ?? ""}
            blank="Both"
            choices={NATURE_CHOICES}
            onChange={(v) => onChange({ ...change, nature: v || null })}
          />
          <ChoiceField
            label="Service"
            value={change.service ?? ""}
            blank="Every service"
            choices={options.services.map((s) => ({ value: s, text: s }))}
            onChange={(v) => onChange({ ...change, service: v || null })}
          />
        </div>
      );
    case "setSupportMethod":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Method"
            value={change.method}
            choices={SUPPORT_METHOD_CHOICES}
            onChange={(method) => onChange({ ...change, method })}
          />
          <TextField
            label="Step-down order (services, first closed first)"
            value={(change.order ?? []).join(", ")}
            // Empty entries stay while typing (so a comma can be typed); the engine and the Scenarios table skip them.
            onChange={(v) => onChange({ ...change, order: v.split(",").map((x) => x.trim()) })}
          />
        </div>
      );
    case "setCategory":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
          <ChoiceField
            label="Capital or revenue"
            value={change.category}
            choices={CATEGORY_CHOICES}
            onChange={(category) => onChange({ ...change, category })}
          />
        </div>
      );
    case "setFinancing":
      return (
        <div className={c.grid}>
          <ChoiceField label="Cost line" value={change.line} choices={options.lines} onChange={(line) => onChange({ ...change, line })} />
          <ChoiceField
            label="Financing"
            value={change.financing}
            choices={FINANCING.map((f) => ({ value: f, text: f }))}
            onChange={(financing) => onChange({ ...change, financing })}
          />
          <TextField
            label="Asset life (years)"
            inputMode="decimal"
            value={inputText(change.assetLife)}
            onChange={(assetLife) => onChange({ ...change, assetLife })}
          />
          <ChoiceField
            label="MRP method"
            value={change.mrpMethod ?? ""}
            blank="As the line"
            choices={MRP_METHODS.map((m) => ({ value: m, text: m }))}
            onChange={(v) => onChange({ ...change, mrpMethod: v || null })}
          />
          <TextField
            label="Interest rate (%)"
            inputMode="decimal"
            value={inputText(change.interestRate)}
            onChange={(interestRate) => onChange({ ...change, interestRate })}
          />
        </div>
      );
    case "setVersion": {
      // The new percentages, one field per partner (docs/versions.md); blank fields are left out.
      const set = (partner: string, v: string): void =>
        onChange({ ...change, percentages: filled({ ...change.percentages, [partner]: v }) });
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Percentages basis"
            value={change.basis}
            choices={options.percentageBases}
            onChange={(basis) => onChange({ ...change, basis })}
          />
          <DateField label="Valid from" value={change.validFrom} onChange={(validFrom) => onChange({ ...change, validFrom })} />
          {options.partners.map((p) => (
            <TextField
              key={p.value}
              label={`${p.text} (%)`}
              inputMode="decimal"
              value={inputText(change.percentages[p.value])}
              onChange={(v) => set(p.value, v)}
            />
          ))}
        </div>
      );
    }
    case "setTrueUpTolerance":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Basis"
            value={change.basis ?? ""}
            blank="The model's tolerance"
            choices={options.bases}
            onChange={(v) => onChange({ ...change, basis: v || null })}
          />
          <TextField
            label="Tolerance (percentage points)"
            inputMode="decimal"
            value={inputText(change.points)}
            onChange={(points) => onChange({ ...change, points })}
          />
          <TextField
            label="Tolerance (% of the share)"
            inputMode="decimal"
            value={inputText(change.percent)}
            onChange={(percent) => onChange({ ...change, percent })}
          />
          <ChoiceField
            label="Adjustments fall in"
            value={change.timing ?? ""}
            blank="As the model"
            choices={[
              { value: "same year", text: "the same year" },
              { value: "next year", text: "the next year" },
            ]}
            onChange={(v) => onChange({ ...change, timing: v || null })}
          />
        </div>
      );
    case "setSupportUsage":
      return (
        <div className={c.grid}>
          <ChoiceField
            label="Support service"
            value={change.service}
            choices={options.supportServices}
            onChange={(service) => onChange({ ...change, service })}
          />
          <ChoiceField
            label="Used by"
            value={change.by}
            choices={[...options.partners, ...options.supportServices]}
            onChange={(by) => onChange({ ...change, by })}
          />
          <ChoiceField
            label="Year"
            value={change.year ?? ""}
            blank="Every year"
            choices={yearChoices}
            onChange={(v) => onChange({ ...change, year: v || null })}
          />
          <TextField
            label="Usage"
            inputMode="decimal"
            value={inputText(change.value)}
            onChange={(value) => onChange({ ...change, value })}
          />
        </div>
      );
  }
}
