import { longDate, parseDate } from "./dates";
import { isBlank } from "./decimal";
import type { EngineWarning, Where } from "./errors";
import { fyEnd, fyLabel, fyStart, parseFinancialYear } from "./financial-year";
import type { ModelInput } from "./model";
import { parseMoney, penceToText } from "./money";
import type { PreparedModel } from "./prepared";

/**
 * Warnings about a model that ran: results that are right by the rules but
 * would surprise a reader if nothing were said, each located at the cell
 * that causes it (docs/bad-input.md, "Warnings"). None stops a run.
 * - a partner that is a member in none of the model's years (it joins after
 *   the last, or left before the first): it is charged nothing at all;
 * - a negative outturn: the service took in more than it spent;
 * - a model with no cost lines: every charge is zero;
 * - a within partner whose own Joins is before its parent's, or Leaves after:
 *   that date has no effect (it is charged only while its parent is a member);
 * - a support usage figure for a year that is not one of the model's years;
 * - a step-down order while the support method is not step-down.
 */
export function modelWarnings(model: ModelInput, prepared: PreparedModel): EngineWarning[] {
  const out: EngineWarning[] = [];
  const { firstYear, lastYear } = prepared.settings;
  const first = fyLabel(firstYear);
  const last = fyLabel(lastYear);
  const from = fyStart(firstYear);
  const to = fyEnd(lastYear);
  if (model.costLines.length === 0) out.push({ kind: "noCostLines", at: { entity: "costLine" } });
  for (const p of prepared.partners) {
    if (p.joins !== undefined && p.joins > to)
      out.push({
        kind: "neverMember",
        partner: p.id,
        when: `joins on ${longDate(p.joins)}`,
        side: "after",
        first,
        last,
        at: where(p.id, "joins"),
      });
    else if (p.leaves !== undefined && p.leaves < from)
      out.push({
        kind: "neverMember",
        partner: p.id,
        when: `left on ${longDate(p.leaves)}`,
        side: "before",
        first,
        last,
        at: where(p.id, "leaves"),
      });
  }
  const parents = new Map(prepared.partners.map((p) => [p.id, p]));
  for (const w of model.withinPartners ?? []) {
    const parent = parents.get(w.within.trim());
    if (parent === undefined) continue;
    const id = w.partner.id.trim();
    const joins = isBlank(w.partner.joins) ? undefined : parseDate(w.partner.joins, where(id, "joins"));
    const leaves = isBlank(w.partner.leaves) ? undefined : parseDate(w.partner.leaves, where(id, "leaves"));
    if (joins?.ok === true && parent.joins !== undefined && joins.value < parent.joins)
      out.push(withinIgnored(id, parent.id, "joins", joins.value, parent.joins));
    if (leaves?.ok === true && parent.leaves !== undefined && leaves.value > parent.leaves)
      out.push(withinIgnored(id, parent.id, "leaves", leaves.value, parent.leaves));
  }
  (model.outturns ?? []).forEach((o, i) => {
    const amount = parseMoney(o.amount, { entity: "budget" });
    if (!amount.ok || amount.value >= 0) return;
    out.push({
      kind: "negativeOutturn",
      year: String(o.year).trim(),
      category: String(o.category).trim().toLowerCase(),
      amount: penceToText(amount.value),
      carried: model.yearEnd?.carryForward === true,
      at: { entity: "budget", key: "outturn", index: i + 1, field: "amount" },
    });
  });
  (model.support?.usage ?? []).forEach((u, i) => {
    if (isBlank(u.year)) return;
    const y = parseFinancialYear(u.year, { entity: "supportUsage" });
    if (y.ok && (y.value < firstYear || y.value > lastYear))
      out.push({
        kind: "supportYearOutside",
        year: fyLabel(y.value),
        first,
        last,
        at: { entity: "supportUsage", index: i + 1, field: "year" },
      });
  });
  const method = prepared.support?.method;
  const order = (model.support?.order ?? []).filter((x) => !isBlank(x));
  if (method !== undefined && method !== "step-down" && order.length > 0)
    out.push({ kind: "orderIgnored", method, at: { entity: "settings", field: "supportOrder" } });
  return out;
}

function where(partner: string, field: "joins" | "leaves"): Where {
  return { entity: "partner", key: partner, field };
}

function withinIgnored(partner: string, parent: string, side: "joins" | "leaves", own: number, parents: number): EngineWarning {
  return {
    kind: "withinDateIgnored",
    partner,
    parent,
    side,
    own: longDate(own),
    parents: longDate(parents),
    at: where(partner, side),
  };
}
