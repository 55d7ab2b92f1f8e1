import type { EngineError } from "../errors";
import type { FinancialYear } from "../financial-year";
import type { Category, ModelInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { compareIds } from "../parse-helpers";
import { budgetKey, readBudgets, type Budget } from "./budgets";
import { rowGroups, type ChargeGroup, type ChargeGroups, type ChargeRow } from "./charge-rows";
import type { BudgetFlag } from "./flags";
import { readBudgetTolerance, type BudgetTolerance } from "./tolerance";
import { budgetVariance, type BudgetVariance } from "./variance";

/**
 * One row of the budget check: a budget with the recharge it covers and how
 * the two compare, or (status `noBudget`) a charge that no budget covers.
 */
export interface BudgetLine extends Omit<BudgetVariance, "budget" | "variance"> {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** "" for a budget covering every service without a budget of its own (or a charge naming no service). */
  readonly service: string;
  /** The budget; undefined on a `noBudget` row (no budget was set, which is not a budget of zero). */
  readonly budget: Pence | undefined;
  /** Recharge − budget; undefined on a `noBudget` row. */
  readonly variance: Pence | undefined;
  /** 1-based position of the budget in the model's list; undefined on a `noBudget` row. */
  readonly row: number | undefined;
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
  return checkBudgetsOf(model, rowGroups(rows));
}

type Uncovered = { partner: string; year: FinancialYear; yearLabel: string; category: Category; service: string; amount: Pence };

/**
 * {@link checkBudgets} of charge groups. Which budget covers a charge depends
 * only on partner, year, category and service, so it is found once per
 * partner list, year, category and service; each charge then adds its amount
 * to a numbered slot.
 */
export function checkBudgetsOf(model: ModelInput, groups: ChargeGroups): Result<BudgetCheck> {
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
  // Every budget and every uncovered partner × year × category × service gets a slot; charges add to slots.
  const slotOfBudget = new Map<string, number>();
  const slotOfGap = new Map<string, number>();
  let sums = new Float64Array(64);
  let used = 0;
  const uncovered: Uncovered[] = [];
  const uncoveredAt: (Uncovered | undefined)[] = [];
  const slotOf = (partner: string, g: ChargeGroup): number => {
    const budget = covering(partner, g.year, g.category, g.service);
    const slots = budget === undefined ? slotOfGap : slotOfBudget;
    const key = budget ?? budgetKey(partner, g.year, g.category, g.service);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = used++;
      slots.set(key, slot);
      if (slot >= sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
      if (budget === undefined) {
        const entry = { partner, year: g.year, yearLabel: g.yearLabel, category: g.category, service: g.service, amount: 0 };
        uncovered.push(entry);
        uncoveredAt[slot] = entry;
      }
    }
    return slot;
  };
  type Slots = { readonly slots: Int32Array; readonly uncovered: boolean };
  const slotsOf = (g: ChargeGroup): Slots => {
    const slots = Int32Array.from(g.partners, (p) => slotOf(p, g));
    return { slots, uncovered: slots.some((k) => uncoveredAt[k] !== undefined) };
  };
  // Slots per partner list, year, category and service (numbered); lists of one (rows) are looked up directly.
  const byList = new Map<readonly string[], Map<number, Slots>>();
  const serviceIds = new Map<string, number>();
  for (const g of groups) {
    let found: Slots | undefined;
    if (g.partners.length === 1) found = slotsOf(g);
    else {
      let forList = byList.get(g.partners);
      if (forList === undefined) {
        forList = new Map();
        byList.set(g.partners, forList);
      }
      let service = serviceIds.get(g.service);
      if (service === undefined) {
        service = serviceIds.size;
        serviceIds.set(g.service, service);
      }
      const place = (service * YEAR_SPAN + (g.year - YEAR_BASE)) * 2 + (g.category === "capital" ? 0 : 1);
      found = forList.get(place);
      if (found === undefined) {
        found = slotsOf(g);
        forList.set(place, found);
      }
    }
    const { slots } = found;
    const amounts = g.amounts;
    const into = sums;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      into[slot] = (into[slot] as number) + (amounts[i] as number);
    }
    // An uncovered entry carries the year label of the last charge added to it.
    if (found.uncovered) for (const k of slots) if (uncoveredAt[k] !== undefined) (uncoveredAt[k] as Uncovered).yearLabel = g.yearLabel;
  }
  const rechargedOf = (key: string): Pence | undefined => {
    const slot = slotOfBudget.get(key);
    return slot === undefined ? undefined : sums[slot];
  };
  uncoveredAt.forEach((u, slot) => {
    if (u !== undefined) u.amount = sums[slot] as number;
  });
  const budgeted: BudgetLine[] = budgets.value.map((b) => ({
    ...budgetVariance(b.amount, rechargedOf(budgetKey(b.partner, b.year, b.category, b.service)) ?? 0, tolerance.value),
    partner: b.partner,
    year: b.year,
    yearLabel: b.yearLabel,
    category: b.category,
    service: b.service,
    row: b.row,
  }));
  // A charge no budget covers is a row of its own, so the check shows it beside the budgets (and as a flag).
  const missing: BudgetLine[] = uncovered
    .filter((u) => u.amount !== 0)
    .map((u) => ({
      partner: u.partner,
      year: u.year,
      yearLabel: u.yearLabel,
      category: u.category,
      service: u.service,
      budget: undefined,
      recharge: u.amount,
      variance: undefined,
      percent: undefined,
      percentText: undefined,
      status: "noBudget",
      onBudget: false,
      row: undefined,
    }));
  const lines = [...budgeted, ...missing].sort(byPlace);
  const flags: BudgetFlag[] = uncovered
    .filter((u) => u.amount !== 0)
    .sort(byPlace)
    .map((u): BudgetFlag => {
      const other = OTHER[u.category];
      return covering(u.partner, u.year, other, u.service) !== undefined
        ? { kind: "wrongBudgetKind", ...u, budgetCategory: other }
        : { kind: "noBudget", ...u };
    });
  return ok({ lines, flags, tolerance: tolerance.value });
}

/** Financial years are held as their first calendar year; these bound the numeric keys (validation accepts 1900–9998). */
const YEAR_BASE = 1800;
const YEAR_SPAN = 10_000;

function byPlace(a: { partner: string; year: number; category: string; service: string }, b: typeof a): number {
  return compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category) || compareIds(a.service, b.service);
}
