import { SCENARIO_CHANGE_KINDS, type ScenarioChange, type ScenarioInput } from "../engine";
import type { ModelOptions } from "./model-options";

/** A kind of scenario change. */
export type ChangeKind = ScenarioChange["kind"];

/** The kinds of scenario change the engine knows, in its order (the editor's menu). */
export const CHANGE_KINDS: readonly ChangeKind[] = SCENARIO_CHANGE_KINDS;

/** The kinds of change a model offers: the support-service ones only when it has support services. */
export function changeKindsFor(o: ModelOptions): readonly ChangeKind[] {
  return o.supportServices.length > 0 ? CHANGE_KINDS : CHANGE_KINDS.filter((k) => k !== "setSupportMethod" && k !== "setSupportUsage");
}

/** What each kind of change is called in the editor. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  setAmount: "Change an amount",
  setDates: "Change dates",
  setBasis: "Change a basis",
  setDriver: "Change a driver value",
  addPartner: "Add a partner",
  removePartner: "Remove a partner",
  addLine: "Add a cost line",
  removeLine: "Remove a cost line",
  uplift: "Percentage uplift",
  setSupportMethod: "Change the support method",
  setSupportUsage: "Change a support usage figure",
};

/** A new change of a kind, pre-filled with the model's first line, partner or driver. */
export function blankChange(kind: ChangeKind, o: ModelOptions): ScenarioChange {
  const line = o.lines[0]?.value ?? "";
  const partner = o.partners[0]?.value ?? "";
  switch (kind) {
    case "setAmount":
      return { kind, line, amount: "" };
    case "setDates":
      return { kind, line, start: "", end: "" };
    case "setBasis":
      return { kind, line, basis: "equal" };
    case "setDriver":
      return { kind, driver: o.drivers[0]?.value ?? "", partner, year: null, value: "" };
    case "addPartner":
      return { kind, partner: { id: "", name: "" }, drivers: {}, within: null };
    case "removePartner":
      return { kind, partner };
    case "addLine":
      return { kind, line: { ref: "", description: "", category: "revenue", nature: "ongoing", amount: "", start: "", basis: "equal" } };
    case "removeLine":
      return { kind, line };
    case "uplift":
      return { kind, percent: "", category: null, nature: null, service: null };
    case "setSupportMethod":
      return { kind, method: "step-down", order: null };
    case "setSupportUsage":
      return { kind, service: o.supportServices[0]?.value ?? "", by: partner, year: null, value: "" };
  }
}

function show(v: unknown): string {
  return v === undefined || v === null || v === "" ? "–" : String(v);
}

/** A one-line description of a change, for the list of a scenario's changes. */
export function changeSummary(c: ScenarioChange): string {
  switch (c.kind) {
    case "setAmount":
      return `${c.line}: amount £${show(c.amount)}`;
    case "setDates":
      return `${c.line}: dates ${show(c.start)} to ${show(c.end)}`;
    case "setBasis":
      return `${c.line}: basis ${show(c.basis)}`;
    case "setDriver":
      return `${c.driver} for ${c.partner}${c.year ? ` in ${c.year}` : ""}: ${show(c.value)}`;
    case "addPartner":
      return (
        `Add ${c.partner.name ? `${c.partner.name} (${c.partner.id})` : show(c.partner.id)}` +
        (c.within ? ` within ${c.within}` : " as a direct partner")
      );
    case "removePartner":
      return `Remove ${c.partner}`;
    case "addLine":
      return `Add line ${show(c.line.ref)}: ${c.line.category} ${c.line.nature} £${show(c.line.amount)}`;
    case "removeLine":
      return `Remove line ${c.line}`;
    case "uplift": {
      const filters = [c.category, c.nature, c.service].filter((f): f is string => typeof f === "string" && f !== "");
      return `Uplift ${show(c.percent)}% on ${filters.length > 0 ? filters.join(", ") : "every line"}`;
    }
    case "setSupportMethod":
      return `Support services by the ${c.method} method${c.order && c.order.length > 0 ? ` (order ${c.order.join(", ")})` : ""}`;
    case "setSupportUsage":
      return `${c.by}'s use of ${c.service}${c.year ? ` in ${c.year}` : ""}: ${show(c.value)}`;
  }
}

/** A new, empty scenario with a name not already taken. */
export function blankScenario(existing: readonly ScenarioInput[]): ScenarioInput {
  const names = new Set(existing.map((s) => s.name));
  let n = existing.length + 1;
  while (names.has(`Scenario ${n}`)) n++;
  return { name: `Scenario ${n}`, description: "", changes: [] };
}
