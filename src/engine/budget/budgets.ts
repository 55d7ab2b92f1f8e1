import { isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, parseFinancialYear, type FinancialYear } from "../financial-year";
import type { BudgetInput, Category, ModelInput } from "../model";
import { parseMoney, type Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { parseChoice } from "../parse-helpers";

/** A validated budget line. */
export interface Budget {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** "" when the budget covers every service the partner is charged for that has no budget of its own. */
  readonly service: string;
  readonly amount: Pence;
  /** 1-based position in the input list, so later findings can still point at the row. */
  readonly row: number;
}

/** The key that identifies a budget: partner × year × category × service. */
export function budgetKey(partner: string, year: FinancialYear, category: Category, service: string): string {
  return `${partner}\u0000${year}\u0000${category}\u0000${service}`;
}

/** The partner ids a budget may name: the model's partners and any partners within them. */
export function knownPartnerIds(model: ModelInput): Set<string> {
  const ids = new Set(model.partners.map((p) => (typeof p.id === "string" ? p.id.trim() : "")));
  for (const w of model.withinPartners ?? []) ids.add(typeof w.partner.id === "string" ? w.partner.id.trim() : "");
  ids.delete("");
  return ids;
}

/**
 * Reads the model's budgets, reporting every problem at once: an unknown
 * partner, a year that is not a financial year, a category other than capital
 * or revenue, an amount that is not money, and the same partner × year ×
 * category × service given twice.
 */
export function readBudgets(model: ModelInput): Result<Budget[]> {
  const partners = knownPartnerIds(model);
  const problems: EngineError[] = [];
  const out: Budget[] = [];
  const seen = new Set<string>();
  (model.budgets ?? []).forEach((b: BudgetInput, i) => {
    const partner = typeof b.partner === "string" ? b.partner.trim() : "";
    const base: Where = {
      entity: "budget",
      index: i + 1,
      ...(partner === "" ? {} : { partner }),
      ...(isBlank(b.year) ? {} : { year: String(b.year) }),
    };
    const before = problems.length;
    if (partner === "") problems.push({ kind: "missingValue", at: { ...base, field: "partner" } });
    else if (!partners.has(partner)) problems.push({ kind: "unknownPartner", partner, at: { ...base, field: "partner" } });
    const year = parseFinancialYear(b.year, { ...base, field: "year" });
    if (!year.ok) problems.push(...year.errors);
    const category = parseChoice<Category>(b.category, ["capital", "revenue"], { ...base, field: "category" });
    if (!category.ok) problems.push(...category.errors);
    const amount = parseMoney(b.amount, { ...base, field: "amount" });
    if (!amount.ok) problems.push(...amount.errors);
    if (problems.length > before || !year.ok || !category.ok || !amount.ok) return;
    const service = typeof b.service === "string" ? b.service.trim() : "";
    const key = budgetKey(partner, year.value, category.value, service);
    if (seen.has(key)) {
      const id = `${partner} ${fyLabel(year.value)} ${category.value}${service === "" ? "" : ` ${service}`}`;
      problems.push({ kind: "duplicateId", id, at: { ...base, field: "amount" } });
      return;
    }
    seen.add(key);
    out.push({
      partner,
      year: year.value,
      yearLabel: fyLabel(year.value),
      category: category.value,
      service,
      amount: amount.value,
      row: i + 1,
    });
  });
  return problems.length > 0 ? errs(problems) : ok(out);
}
