import type { DecimalInput, PartnerInput, ScenarioChange, ScenarioInput } from "../engine";
import { SCENARIO_CHANGE_KINDS, formatMoney, longDate, parseMoney, partnerBasisChoices } from "../app";
import { storedDay } from "./date-entry";
import { categoryWords, natureWords } from "./format";
import type { Choice, ModelOptions } from "./model-options";

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
  partnerLeaves: "A partner leaves (exit rules)",
  addLine: "Add a cost line",
  removeLine: "Remove a cost line",
  uplift: "Percentage uplift",
  setSupportMethod: "Change the support method",
  setSupportUsage: "Change a support usage figure",
  setCategory: "Switch capital or revenue",
  setFinancing: "Change a capital line's financing",
  setVersion: "Re-base percentages from a date",
  setTrueUpTolerance: "Change the true-up tolerance",
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
    case "partnerLeaves":
      return { kind, partner, leaves: "", notice: null };
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
    case "setCategory":
      return { kind, line, category: "revenue" };
    case "setFinancing":
      return { kind, line, financing: "borrowing" };
    case "setVersion":
      return { kind, basis: o.percentageBases[0]?.value ?? "", validFrom: "", percentages: {} };
    case "setTrueUpTolerance":
      return { kind, points: "" };
  }
}

function show(v: unknown): string {
  return v === undefined || v === null || v === "" ? "–" : String(v);
}

/** The text of a drop-down value ("BLS-01: Shared ICT service…", "Direct to Lewisham Homes (LH)"), or the value itself. */
function textOf(choices: readonly Choice[], value: string): string {
  return choices.find((c) => c.value === value)?.text ?? show(value);
}

/** Money typed as text, shown to the penny with thousands separators ("£80,000.00"); what cannot be read is shown as typed. */
function money(v: unknown): string {
  const r = parseMoney(v as DecimalInput, AT);
  return r.ok ? formatMoney(r.value) : `£${show(v)}`;
}

/** A stored date in words ("1 April 2021"); what cannot be read is shown as typed. */
function date(v: unknown): string {
  const d = storedDay(v);
  return d === undefined ? show(v) : longDate(d);
}

const AT = { entity: "scenario", field: "amount" } as const;

/** Capital/revenue or one-off/ongoing in words, lower case; other text (a typo in the sheet) as it is. */
function kindWords(v: string): string {
  if (v === "capital" || v === "revenue") return categoryWords(v).toLowerCase();
  if (v === "one-off" || v === "ongoing") return natureWords(v).toLowerCase();
  return v;
}

/** A one-line description of a change in the model's words (names, not codes), for the list of a scenario's changes. */
export function changeSummary(c: ScenarioChange, o: ModelOptions): string {
  const line = (ref: string): string => textOf(o.lines, ref);
  const partner = (id: string): string => textOf([...o.partners, ...o.supportServices], id);
  switch (c.kind) {
    case "setAmount":
      return `${line(c.line)}: amount ${money(c.amount)}`;
    case "setDates":
      return `${line(c.line)}: from ${date(c.start)} to ${c.end ? date(c.end) : "no end"}`;
    case "setBasis":
      return `${line(c.line)}: basis ${textOf(o.bases, c.basis)}`;
    case "setDriver":
      return `${textOf(o.drivers, c.driver)} for ${partner(c.partner)}${c.year ? ` in ${c.year}` : ""}: ${show(c.value)}`;
    case "addPartner":
      return (
        `Add ${c.partner.name ? `${c.partner.name} (${show(c.partner.id)})` : show(c.partner.id)}` +
        (c.within ? ` within ${partner(c.within)}` : " as a direct partner") +
        (c.partner.joins ? `, joining on ${date(c.partner.joins)}` : "")
      );
    case "removePartner":
      return `Remove ${partner(c.partner)}`;
    case "partnerLeaves":
      return `${partner(c.partner)} leaves on ${date(c.leaves)}${c.notice ? `, notice given ${date(c.notice)}` : ""} (exit rules)`;
    case "addLine":
      return (
        `Add line ${show(c.line.ref)}${c.line.description ? `: ${c.line.description}` : ""} (` +
        `${kindWords(c.line.category)}, ${kindWords(c.line.nature)}, ${money(c.line.amount)} ` +
        `from ${date(c.line.start)}, ${textOf(o.bases, c.line.basis)})`
      );
    case "removeLine":
      return `Remove line ${line(c.line)}`;
    case "uplift": {
      const filters = [c.category ? kindWords(c.category) : "", c.nature ? kindWords(c.nature) : "", c.service ?? ""].filter(
        (f) => f !== "",
      );
      return `Uplift of ${show(c.percent)}% on ${filters.length > 0 ? `${filters.join(", ")} lines` : "every line"}`;
    }
    case "setSupportMethod":
      return (
        `Support services by the ${c.method} method` +
        `${c.order && c.order.length > 0 ? ` (order ${c.order.map((x) => textOf(o.supportServices, x)).join(", ")})` : ""}`
      );
    case "setSupportUsage":
      return `${partner(c.by)}'s use of ${textOf(o.supportServices, c.service)}${c.year ? ` in ${c.year}` : ""}: ${show(c.value)}`;
    case "setCategory":
      return `${line(c.line)}: ${kindWords(c.category)}`;
    case "setFinancing":
      return (
        `${line(c.line)}: financed by ${show(c.financing)}` +
        (c.assetLife ? `, ${show(c.assetLife)}-year life` : "") +
        (c.mrpMethod ? `, ${show(c.mrpMethod)}` : "") +
        (c.interestRate ? ` at ${show(c.interestRate)}%` : "")
      );
    case "setVersion":
      return (
        `${textOf(o.bases, c.basis)} from ${date(c.validFrom)}: ` +
        [
          ...Object.entries(c.percentages).map(([p, v]) => `${partner(p)} ${show(v)}%`),
          ...Object.entries(c.weights ?? {}).map(([s, v]) => `${s} ${show(v)}%`),
          ...Object.entries(c.values ?? {}).map(([p, v]) => `${partner(p)} ${show(v)}`),
        ].join(", ")
      );
    case "setTrueUpTolerance":
      return (
        `True-up tolerance${c.basis ? ` for ${textOf(o.bases, c.basis)}` : ""}: ` +
        [c.points ? `${show(c.points)} points` : "", c.percent ? `${show(c.percent)}%` : "", c.timing ? `in the ${c.timing}` : ""]
          .filter((x) => x !== "")
          .join(", ")
      );
  }
}

/**
 * The editor's choices with what the scenario itself adds: a partner it adds can be charged
 * directly ("Direct to Lewisham Homes (LH)") and a line it adds can be changed, so neither shows
 * as a bare code.
 */
export function withScenarioAdditions(o: ModelOptions, s: ScenarioInput): ModelOptions {
  const partners = [...o.partners];
  const lines = [...o.lines];
  const added: PartnerInput[] = [];
  for (const c of s.changes) {
    if (c.kind === "addPartner" && c.partner.id.trim() !== "" && !partners.some((p) => p.value === c.partner.id)) {
      partners.push({ value: c.partner.id, text: c.partner.name ? `${c.partner.name} (${c.partner.id})` : c.partner.id });
      added.push(c.partner);
    }
    if (c.kind === "addLine" && String(c.line.ref).trim() !== "" && !lines.some((l) => l.value === c.line.ref)) {
      lines.push({ value: c.line.ref, text: c.line.description ? `${c.line.ref}: ${c.line.description}` : c.line.ref });
    }
  }
  // The bases that name a partner offer the added ones too (each kind says which it offers).
  return { ...o, partners, lines, bases: [...o.bases, ...partnerBasisChoices(added)] };
}

/** A new, empty scenario with a name not already taken. */
export function blankScenario(existing: readonly ScenarioInput[]): ScenarioInput {
  const names = new Set(existing.map((s) => s.name));
  let n = existing.length + 1;
  while (names.has(`Scenario ${n}`)) n++;
  return { name: `Scenario ${n}`, description: "", changes: [] };
}
