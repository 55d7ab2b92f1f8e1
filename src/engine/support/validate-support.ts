import { isBlank, type Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { parseFinancialYear, type FinancialYear } from "../financial-year";
import type { SupportInput } from "../model";
import { parseChoice, parseNonNegative } from "../parse-helpers";
import { SUPPORT_METHODS, type PreparedSupportModel, type SupportMethod, type SupportServiceDef } from "./support-types";

// The shared support types moved to support-types.ts (no import loops); re-exported for existing importers.
export type { PreparedSupportModel, SupportServiceDef } from "./support-types";

/** The method used when the Settings leave it blank: the reciprocal method, CIPFA's recommended one. */
export const DEFAULT_SUPPORT_METHOD: SupportMethod = "reciprocal";

const trimmed = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/**
 * Checks a model's support services, usage and method, reporting every
 * problem at once: service ids unique and unlike any partner id; each usage
 * row names a known service, a known user (partner or other service), a
 * financial year if any, and a figure of zero or more, once per service,
 * user and year; a step-down order names every service exactly once.
 * Returns undefined (with the problems added) when anything is wrong.
 */
export function validateSupport(
  input: SupportInput,
  partnerIds: ReadonlySet<string>,
  add: (e: EngineError) => void,
): PreparedSupportModel | undefined {
  const before: EngineError[] = [];
  const report = (e: EngineError): void => {
    before.push(e);
    add(e);
  };
  const services: SupportServiceDef[] = [];
  const ids = new Set<string>();
  input.services.forEach((s, i) => {
    const id = trimmed(s.id);
    const at: Where = { entity: "supportService", index: i + 1, ...(id === "" ? {} : { key: id }), field: "id" };
    if (id === "") return report({ kind: "missingValue", at });
    if (ids.has(id) || partnerIds.has(id)) return report({ kind: "duplicateId", id, at });
    const bad = [",", ";", ":"].find((c) => id.includes(c));
    if (bad !== undefined) return report({ kind: "badIdCharacter", id, character: bad, at });
    ids.add(id);
    services.push({ id, label: trimmed(s.label) === "" ? id : trimmed(s.label) });
  });
  const usage = new Map<string, Map<FinancialYear | undefined, Map<string, Decimal>>>();
  input.usage.forEach((u, i) => {
    const at = (field: string): Where => ({ entity: "supportUsage", index: i + 1, field });
    const service = trimmed(u.service);
    const by = trimmed(u.by);
    let bad = false;
    if (service === "") bad = (report({ kind: "missingValue", at: at("service") }), true);
    else if (ids.size === 0) bad = (report({ kind: "noSupportServices", service, at: at("service") }), true);
    else if (!ids.has(service)) bad = (report({ kind: "invalidChoice", value: service, allowed: [...ids], at: at("service") }), true);
    if (by === "") bad = (report({ kind: "missingValue", at: at("by") }), true);
    else if (!ids.has(by) && !partnerIds.has(by))
      bad = (report({ kind: "invalidChoice", value: by, allowed: [...ids, ...partnerIds], at: at("by") }), true);
    let year: FinancialYear | undefined;
    if (!isBlank(u.year)) {
      const y = parseFinancialYear(u.year, at("year"));
      if (!y.ok) bad = (y.errors.forEach(report), true);
      else year = y.value;
    }
    const value = parseNonNegative(u.value, at("value"));
    if (!value.ok) bad = (value.errors.forEach(report), true);
    if (bad || !value.ok) return;
    const byYear = usage.get(service) ?? new Map<FinancialYear | undefined, Map<string, Decimal>>();
    const users = byYear.get(year) ?? new Map<string, Decimal>();
    if (users.has(by))
      return report({ kind: "duplicateId", id: `${service} used by ${by}${isBlank(u.year) ? "" : ` in ${String(u.year)}`}`, at: at("by") });
    // A service's use of itself moves no cost anywhere else, so it is left out.
    if (by !== service) users.set(by, value.value);
    byYear.set(year, users);
    usage.set(service, byYear);
  });
  let chosen: SupportMethod | undefined = DEFAULT_SUPPORT_METHOD;
  if (!isBlank(input.method)) {
    const m = parseChoice<SupportMethod>(input.method, SUPPORT_METHODS, settingAt("supportMethod"));
    if (m.ok) chosen = m.value;
    else {
      m.errors.forEach(report);
      chosen = undefined;
    }
  }
  let order: string[] = services.map((s) => s.id);
  if (chosen === "step-down" && input.order !== undefined && input.order !== null && input.order.length > 0) {
    order = [];
    for (const raw of input.order) {
      const id = trimmed(raw);
      if (!ids.has(id)) report({ kind: "invalidChoice", value: id, allowed: [...ids], at: settingAt("supportOrder") });
      else if (order.includes(id)) report({ kind: "duplicateId", id, at: settingAt("supportOrder") });
      else order.push(id);
    }
    const missing = services.filter((s) => !order.includes(s.id)).map((s) => s.id);
    for (const id of missing) report({ kind: "missingValue", at: { entity: "supportService", key: id, field: "step-down order" } });
  }
  if (before.length > 0 || chosen === undefined) return undefined;
  return { services, usage, method: chosen, order };
}

function settingAt(field: string): Where {
  return { entity: "settings", field };
}
