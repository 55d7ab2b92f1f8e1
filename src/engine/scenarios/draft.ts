import type { Where } from "../errors";
import type {
  BasisInput,
  BudgetInput,
  CostLineInput,
  DriverInput,
  ModelInput,
  PartnerInput,
  StatedTotalInput,
  SupportInput,
  WithinPartnerInput,
} from "../model";

/**
 * A working copy of the parts of a model a scenario can change. The arrays
 * are fresh; the objects in them are the base model's and are replaced, never
 * mutated, so applying a scenario leaves the base model untouched.
 */
export interface Draft {
  partners: PartnerInput[];
  drivers: DriverInput[];
  bases: BasisInput[];
  costLines: CostLineInput[];
  withinPartners: WithinPartnerInput[];
  budgets: BudgetInput[];
  statedTotals: StatedTotalInput[];
  /** The support services (undefined when the model has none). */
  support: SupportInput | undefined;
}

/** Where in a scenario a problem is: its name, the change's position and kind, and the field. */
export type ChangeWhere = (field: string) => Where;

/** A fresh draft of a model. */
export function toDraft(model: ModelInput): Draft {
  return {
    partners: [...model.partners],
    drivers: [...(model.drivers ?? [])],
    bases: [...(model.bases ?? [])],
    costLines: [...model.costLines],
    withinPartners: [...(model.withinPartners ?? [])],
    budgets: [...(model.budgets ?? [])],
    statedTotals: [...(model.statedTotals ?? [])],
    support: model.support,
  };
}

/**
 * The model a draft describes. Optional lists stay absent when the base had
 * none and the scenario added none, so an empty scenario gives back a model
 * equal to the base.
 */
export function fromDraft(base: ModelInput, d: Draft): ModelInput {
  const optional = <K extends "drivers" | "bases" | "withinPartners" | "budgets" | "statedTotals">(
    key: K,
    list: readonly unknown[],
  ): Partial<ModelInput> => (base[key] !== undefined || list.length > 0 ? { [key]: list } : {});
  return {
    ...base,
    partners: d.partners,
    costLines: d.costLines,
    ...optional("drivers", d.drivers),
    ...optional("bases", d.bases),
    ...optional("withinPartners", d.withinPartners),
    ...optional("budgets", d.budgets),
    ...optional("statedTotals", d.statedTotals),
    ...(d.support === undefined ? {} : { support: d.support }),
    // A partner the scenario removes takes its service lines with it (the base run checks every row).
    ...(base.partnerServices === undefined ? {} : { partnerServices: servicesOfMembers(base, d) }),
  };
}

/** Trims an id that may arrive as anything. */
export function idOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The position of a cost line by reference, or −1. */
export function lineIndex(d: Draft, ref: string): number {
  const want = ref.trim();
  return d.costLines.findIndex((l) => idOf(l.ref) === want);
}

/** The position of a partner by id, or −1. */
export function partnerIndex(d: Draft, id: string): number {
  const want = id.trim();
  return d.partners.findIndex((p) => idOf(p.id) === want);
}

/** The position of a partner within another's share by id, or −1. */
export function withinIndex(d: Draft, id: string): number {
  const want = id.trim();
  return d.withinPartners.findIndex((w) => idOf(w.partner.id) === want);
}

/** The base's service lines of partners still in the draft (partners within others included). */
function servicesOfMembers(base: ModelInput, d: Draft): NonNullable<ModelInput["partnerServices"]> {
  const ids = new Set([...d.partners.map((p) => idOf(p.id)), ...d.withinPartners.map((w) => idOf(w.partner.id))]);
  const rows = base.partnerServices ?? [];
  return rows.every((r) => ids.has(idOf(r.partner))) ? rows : rows.filter((r) => ids.has(idOf(r.partner)));
}
