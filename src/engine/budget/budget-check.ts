import type { EngineError } from "../errors";
import type { FinancialYear } from "../financial-year";
import type { Category, ModelInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { compareIds } from "../validate";
import { budgetKey, readBudgets, type Budget } from "./budgets";
import type { ChargeRow } from "./charge-rows";
import type { BudgetFlag } from "./flags";
import { readBudgetTolerance, type BudgetTolerance } from "./tolerance";
import { budgetVariance, type BudgetVariance } from "./variance";

/** One budget line with the recharge it covers and how the two compare. */
export interface BudgetLine extends BudgetVariance {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** "" for a budget covering every service without a budget of its own. */
  readonly service: string;
  /** 1-based position of the budget in the model's list. */
  readonly row: number;
}

/** The budget check: each budget against its recharge, and the charges no budget covers. */
export interface BudgetCheck {
  /** In order of partner, year, category, then service. */
  readonly lines: readonly BudgetLine[];
  /** Charges with no budget, or only a budget of the other category. */
  readonly flags: readonly BudgetFlag[];
  readonly tolerance: BudgetTolerance;
}

const OTHER: Record<Category, Category> = { capital: "revenue", revenue: "capital" };

/**
 * Checks each partner's recharge against its budgets, by financial year and
 * capital/revenue (and service where a budget names one).
 *
 * Which budget covers a charge: the partner's budget for the same year,
 * category and the charge's service if there is one; otherwise its budget for
 * that year and category with no service. So a service-specific budget takes
 * its own service's charges out of the general one and nothing is counted
 * twice. Capital charges only ever meet capital budgets and revenue only
 * revenue: an overspend on one can never be hidden by an underspend on the
 * other.
 *
 * A charge (summed per partner, year, category and service) that no budget
 * covers is flagged: `wrongBudgetKind` when the partner has a budget of the
 * other category that would have covered it, `noBudget` otherwise. Charges
 * that sum to zero need no budget and are not flagged.
 */
export function checkBudgets(model: ModelInput, rows: readonly ChargeRow[]): Result<BudgetCheck> {
  const budgets = readBudgets(model);
  const tolerance = readBudgetTolerance(model.tolerance);
  if (!budgets.ok || !tolerance.ok) {
    const problems: EngineError[] = [...(budgets.ok ? [] : budgets.errors), ...(tolerance.ok ? [] : tolerance.errors)];
    return errs(problems);
  }
  const byKey = new Map<string, Budget>(budgets.value.map((b) => [budgetKey(b.partner, b.year, b.category, b.service), b]));
  const covering = (partner: string, year: FinancialYear, category: Category, service: string): string | undefined => {
    const own = budgetKey(partner, year, category, service);
    if (service !== "" && byKey.has(own)) return own;
    const general = budgetKey(partner, year, category, "");
    return byKey.has(general) ? general : undefined;
  };
  const recharged = new Map<string, Pence>();
  const uncovered = new Map<string, { partner: string; year: FinancialYear; yearLabel: string; category: Category; service: string; amount: Pence }>();
  for (const r of rows) {
    const key = covering(r.partner, r.year, r.category, r.service);
    if (key !== undefined) {
      recharged.set(key, (recharged.get(key) ?? 0) + r.amount);
      continue;
    }
    const gap = budgetKey(r.partner, r.year, r.category, r.service);
    const prev = uncovered.get(gap);
    uncovered.set(gap, { partner: r.partner, year: r.year, yearLabel: r.yearLabel, category: r.category, service: r.service, amount: (prev?.amount ?? 0) + r.amount });
  }
  const lines: BudgetLine[] = budgets.value
    .map((b) => ({
      ...budgetVariance(b.amount, recharged.get(budgetKey(b.partner, b.year, b.category, b.service)) ?? 0, tolerance.value),
      partner: b.partner,
      year: b.year,
      yearLabel: b.yearLabel,
      category: b.category,
      service: b.service,
      row: b.row,
    }))
    .sort(byPlace);
  const flags: BudgetFlag[] = [...uncovered.values()]
    .filter((u) => u.amount !== 0)
    .sort(byPlace)
    .map((u): BudgetFlag => {
      const other = OTHER[u.category];
      return covering(u.partner, u.year, other, u.service) !== undefined ? { kind: "wrongBudgetKind", ...u, budgetCategory: other } : { kind: "noBudget", ...u };
    });
  return ok({ lines, flags, tolerance: tolerance.value });
}

function byPlace(a: { partner: string; year: number; category: string; service: string }, b: typeof a): number {
  return compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category) || compareIds(a.service, b.service);
}
