import { isBlank } from "../decimal";
import type { EngineError } from "../errors";
import { parseFinancialYear } from "../financial-year";
import type { ScenarioChange, SupportUsageInput } from "../model";
import { SUPPORT_METHODS, type SupportMethod } from "../support/read-support";
import { parseChoice, parseNonNegative } from "../parse-helpers";
import { idOf, partnerIndex, type ChangeWhere, type Draft } from "./draft";

type Change<K extends ScenarioChange["kind"]> = Extract<ScenarioChange, { kind: K }>;

/** A year as a comparable key ("2021/22" and "2021-22" are the same year; blank is every year). */
function yearKey(year: unknown): string {
  if (isBlank(year)) return "";
  const y = parseFinancialYear(year, { entity: "scenario" });
  return y.ok ? String(y.value) : String(year).trim();
}

function noSupport(at: ChangeWhere, field: string): EngineError[] {
  return [{ kind: "unknownSupportService", service: "", known: [], at: at(field) }];
}

/**
 * Changes the method the support services are redistributed by (and, for
 * step-down, the order): "what would each council pay under step-down?".
 */
export function setSupportMethod(d: Draft, c: Change<"setSupportMethod">, at: ChangeWhere): EngineError[] {
  if (d.support === undefined) return noSupport(at, "method");
  const method = parseChoice<SupportMethod>(c.method, SUPPORT_METHODS, at("method"));
  if (!method.ok) return [...method.errors];
  const order = (c.order ?? []).map(idOf).filter((id) => id !== "");
  d.support = { ...d.support, method: method.value, order: order.length > 0 ? order : (d.support.order ?? null) };
  return [];
}

/**
 * Sets how much one user (a partner or another service) draws on a support
 * service, optionally for one year: replacing that figure, or adding it.
 */
export function setSupportUsage(d: Draft, c: Change<"setSupportUsage">, at: ChangeWhere): EngineError[] {
  const support = d.support;
  if (support === undefined) return noSupport(at, "service");
  const service = idOf(c.service);
  const ids = support.services.map((s) => idOf(s.id));
  if (!ids.includes(service)) return [{ kind: "unknownSupportService", service, known: ids, at: at("service") }];
  const by = idOf(c.by);
  if (!ids.includes(by) && partnerIndex(d, by) < 0)
    return [{ kind: "invalidChoice", value: by, allowed: [...ids, ...d.partners.map((p) => idOf(p.id))], at: at("partner") }];
  if (!isBlank(c.year)) {
    const y = parseFinancialYear(c.year, at("year"));
    if (!y.ok) return [...y.errors];
  }
  const value = parseNonNegative(c.value, at("value"));
  if (!value.ok) return [...value.errors];
  const row: SupportUsageInput = { service, by, ...(isBlank(c.year) ? {} : { year: c.year }), value: c.value };
  const key = yearKey(c.year);
  const usage = [...support.usage];
  const i = usage.findIndex((u) => idOf(u.service) === service && idOf(u.by) === by && yearKey(u.year) === key);
  if (i >= 0) usage[i] = row;
  else usage.push(row);
  d.support = { ...support, usage };
  return [];
}
