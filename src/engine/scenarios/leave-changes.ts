import { isBlank } from "../decimal";
import { isoDate, parseDate, type DayNumber } from "../dates";
import type { EngineError } from "../errors";
import { fyEnd, fyLabel, fyStart, parseFinancialYear } from "../financial-year";
import type { ModelInput, ScenarioChange } from "../model";
import type { LeaverInput } from "../exits/inputs";
import { idOf, type ChangeWhere, type Draft } from "./draft";

type Leaves = Extract<ScenarioChange, { kind: "partnerLeaves" }>;

/**
 * Checks a "partnerLeaves" change against the model as the scenario has it so
 * far: a partner of the model that is not the only host, a leave date inside
 * the model's years and a notice date (when given) on or before it. Nothing
 * in the draft changes: the leaver is recorded on the model's exits once the
 * draft is made (see {@link withLeavingPartners}).
 */
export function checkPartnerLeaves(d: Draft, base: ModelInput, c: Leaves, at: ChangeWhere): EngineError[] {
  const id = typeof c.partner === "string" ? c.partner.trim() : "";
  const problems: EngineError[] = [];
  if (id === "") problems.push({ kind: "missingValue", at: at("partner") });
  else if (!d.partners.some((p) => idOf(p.id) === id)) problems.push({ kind: "unknownPartner", partner: id, at: at("partner") });
  else {
    const hosts = d.partners.filter((p) => p.host === true).map((p) => idOf(p.id));
    // The host employs the staff and holds the contracts: its leaving ends the partnership rather than leaving costs behind.
    if (hosts.includes(id) && hosts.length === 1) problems.push({ kind: "removeHost", partner: id, at: at("partner") });
  }
  const leaves = parseDate(c.leaves, at("leaves"));
  if (!leaves.ok) problems.push(...leaves.errors);
  else problems.push(...insideYears(base, leaves.value, at("leaves")));
  if (!isBlank(c.notice)) {
    const notice = parseDate(c.notice, at("notice"));
    if (!notice.ok) problems.push(...notice.errors);
    else if (leaves.ok && notice.value > leaves.value)
      problems.push({ kind: "endBeforeStart", start: isoDate(notice.value), end: isoDate(leaves.value), at: at("leaves") });
  }
  return problems;
}

/** A leave date must fall in the model's years: one before or after them leaves nothing the model can show. */
function insideYears(model: ModelInput, day: DayNumber, at: ReturnType<ChangeWhere>): EngineError[] {
  const first = parseFinancialYear(model.settings.firstYear, { entity: "settings", field: "firstYear" });
  const last = parseFinancialYear(model.settings.lastYear, { entity: "settings", field: "lastYear" });
  // An unreadable year is the settings' problem, reported by validation.
  if (!first.ok || !last.ok) return [];
  if (day >= fyStart(first.value) && day < fyEnd(last.value)) return [];
  return [
    {
      kind: "outOfRange",
      value: isoDate(day),
      expected: `a day inside the model's years, ${fyLabel(first.value)} to ${fyLabel(last.value)}, before its last day`,
      at,
    },
  ];
}

/**
 * Records the scenario's leavers on the model's exits (docs/exits.md): each
 * replaces any Leavers row for the same partner, and the last one becomes the
 * exit the model's run applies. A scenario without one is returned as it was.
 */
export function withLeavingPartners(model: ModelInput, changes: readonly ScenarioChange[]): ModelInput {
  const leaving = changes.filter((c): c is Leaves => c.kind === "partnerLeaves");
  if (leaving.length === 0) return model;
  let leavers: LeaverInput[] = [...(model.exits?.leavers ?? [])];
  let applied = "";
  for (const c of leaving) {
    const partner = c.partner.trim();
    const kept = leavers.find((l) => (l.partner ?? "").trim() === partner);
    leavers = leavers.filter((l) => (l.partner ?? "").trim() !== partner);
    // The partner's own notice months and committed-contract rule, if the Leavers table gave them, still apply.
    leavers.push({
      ...(kept ?? {}),
      partner,
      leaves: c.leaves,
      notice: isBlank(c.notice) ? null : (c.notice ?? null),
    });
    applied = partner;
  }
  return { ...model, exits: { ...(model.exits ?? { leavers: [] }), leavers, applied } };
}
