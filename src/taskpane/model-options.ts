import type { ModelInput } from "../engine";
import { basisChoices, fyLabel, parseFinancialYear } from "../app";

/** A choice for a drop-down: the value stored and the text shown. */
export interface Choice {
  readonly value: string;
  readonly text: string;
}

/** What the scenario editor offers in its drop-downs, read from the base model. */
export interface ModelOptions {
  readonly partners: readonly Choice[];
  readonly lines: readonly Choice[];
  readonly drivers: readonly Choice[];
  /** Ids of the model's percentage bases (an added partner may join them). */
  readonly percentageBases: readonly Choice[];
  /** Every basis reference a line may use: equal, direct:…, driver:…, named bases. */
  readonly bases: readonly Choice[];
  /** Financial years of the model, "2020/21"… */
  readonly years: readonly string[];
  /** Services named on cost lines. */
  readonly services: readonly string[];
  /** The model's support services (those a "support:<id>" basis redistributes). */
  readonly supportServices: readonly Choice[];
}

const AT = { entity: "settings", field: "year" } as const;

/** The choices a model offers, for the scenario editor's drop-downs. */
export function modelOptions(model: ModelInput): ModelOptions {
  const partners = model.partners.map((p) => ({ value: p.id, text: p.name ? `${p.name} (${p.id})` : p.id }));
  const drivers = (model.drivers ?? []).map((d) => ({ value: d.id, text: d.label ?? d.id }));
  const named = model.bases ?? [];
  const supportServices = (model.support?.services ?? []).map((s) => ({ value: s.id, text: s.label ? `${s.label} (${s.id})` : s.id }));
  const first = parseFinancialYear(model.settings.firstYear, AT);
  const last = parseFinancialYear(model.settings.lastYear, AT);
  const years: string[] = [];
  if (first.ok && last.ok) for (let y = first.value; y <= last.value && years.length < 50; y++) years.push(fyLabel(y));
  return {
    partners,
    lines: model.costLines.map((l) => ({ value: l.ref, text: l.description ? `${l.ref}: ${l.description}` : l.ref })),
    drivers,
    percentageBases: named.filter((b) => b.kind === "percentages").map((b) => ({ value: b.id, text: b.label ?? b.id })),
    // Each kind of basis offers its own entries (src/engine/bases/), as the Lists sheet does.
    bases: basisChoices(model),
    years,
    services: [...new Set(model.costLines.map((l) => l.service ?? "").filter((s) => s !== ""))].sort(),
    supportServices,
  };
}
