import { Decimal, isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import type { SupportModelInput } from "../model";
import { checkMultipleOfUnit, parseMoney, parseUnit } from "../money";
import { errs, ok, type Result } from "../result";
import { compareIds, parseChoice, parseNonNegative } from "../parse-helpers";
import type { PreparedSupport, SupportMethod, SupportService } from "./support-types";
import { SUPPORT_METHODS } from "./support-types";

// The shared support types moved to support-types.ts (no import loops); re-exported for existing importers.
export { SUPPORT_METHODS, type PreparedSupport, type SupportMethod, type SupportService } from "./support-types";

/**
 * Reads a support model, reporting every problem at once. Each cost must be
 * a whole number of the rounding unit (the total is split as it stands);
 * usage values must be zero or more; a user must be a partner or another
 * service; ids must be unique across services and partners; a step-down
 * order must name every service exactly once.
 */
export function readSupportModel(input: SupportModelInput): Result<PreparedSupport> {
  const problems: EngineError[] = [];
  const take = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    problems.push(...r.errors);
    return undefined;
  };
  const unit = take(isBlank(input.unit) ? ok(1) : parseUnit(input.unit, { entity: "settings", field: "unit" })) ?? 1;
  const method = take(parseChoice<SupportMethod>(input.method, SUPPORT_METHODS, { entity: "settings", field: "method" }));
  const partners: string[] = [];
  input.partners.forEach((raw, i) => {
    const id = typeof raw === "string" ? raw.trim() : "";
    if (id === "") problems.push({ kind: "missingValue", at: { entity: "partner", index: i + 1, field: "id" } });
    else if (partners.includes(id))
      problems.push({ kind: "duplicatePartner", partner: id, at: { entity: "partner", key: id, field: "id" } });
    else partners.push(id);
  });
  if (partners.length === 0 && input.partners.length === 0) problems.push({ kind: "noPartners", at: { entity: "partner" } });
  const ids: string[] = [];
  input.services.forEach((s, i) => {
    const id = typeof s.id === "string" ? s.id.trim() : "";
    if (id === "") problems.push({ kind: "missingValue", at: { entity: "supportService", index: i + 1, field: "id" } });
    else if (ids.includes(id) || partners.includes(id))
      problems.push({ kind: "duplicateId", id, at: { entity: "supportService", key: id, field: "id" } });
    else ids.push(id);
  });
  const users = [...ids, ...partners];
  const services: SupportService[] = [];
  input.services.forEach((s) => {
    const id = typeof s.id === "string" ? s.id.trim() : "";
    if (!ids.includes(id)) return;
    const at = (field: string, partner?: string): Where => ({
      entity: "supportService",
      key: id,
      field,
      ...(partner === undefined ? {} : { partner }),
    });
    const money = take(parseMoney(s.cost, at("cost")));
    const cost = money === undefined ? undefined : take(checkMultipleOfUnit(money, unit, at("cost")));
    if (cost !== undefined && cost < 0) problems.push({ kind: "negativeValue", value: String(s.cost), at: at("cost") });
    const usage = new Map<string, Decimal>();
    const seen = new Set<string>();
    for (const u of s.usage) {
      const by = typeof u.by === "string" ? u.by.trim() : "";
      if (!users.includes(by)) {
        problems.push({ kind: "invalidChoice", value: by, allowed: users, at: at("usage") });
        continue;
      }
      if (seen.has(by)) {
        problems.push({ kind: "duplicateId", id: by, at: at("usage", by) });
        continue;
      }
      seen.add(by);
      const v = take(parseNonNegative(u.value, at("usage", by)));
      // A service's use of itself moves no cost anywhere else, so it is left out.
      if (v !== undefined && by !== id) usage.set(by, v);
    }
    if (cost !== undefined && cost >= 0)
      services.push({ id, label: typeof s.label === "string" && s.label.trim() !== "" ? s.label.trim() : id, cost, usage });
  });
  let order: string[] = ids;
  if (method === "step-down") {
    order = [];
    for (const raw of input.order ?? []) {
      const id = typeof raw === "string" ? raw.trim() : "";
      if (!ids.includes(id)) problems.push({ kind: "invalidChoice", value: id, allowed: ids, at: { entity: "settings", field: "order" } });
      else if (order.includes(id)) problems.push({ kind: "duplicateId", id, at: { entity: "settings", field: "order" } });
      else order.push(id);
    }
    for (const id of ids)
      if (!order.includes(id)) problems.push({ kind: "missingValue", at: { entity: "supportService", key: id, field: "step-down order" } });
  }
  if (problems.length > 0 || method === undefined) return errs(problems);
  return ok({ partners: [...partners].sort(compareIds), services, method, order, unit });
}
