import { describe, expect, it } from "vitest";
import {
  BUDGET_STATUS_TEXT,
  BUDGET_STATUSES,
  budgetVariance,
  checkModelBudgets,
  isWithinBudget,
  readBudgetTolerance,
  type ModelInput,
} from "../../../src/engine";
import { BUDGET_STATUS } from "../../../src/excel/layout/outputs/budget-check";
import { unwrap } from "../scenarios/model-arbitrary";

describe("budget statuses: one vocabulary", () => {
  const tol = unwrap(readBudgetTolerance({ amount: 5_000 }));

  it("works every status from a budget and a recharge (£5,000 tolerance)", () => {
    // £100,000 budget: exact, £2,000 over, £2,000 under, £6,000 over, £6,000 under.
    expect(budgetVariance(10_000_000, 10_000_000, tol).status).toBe("onBudget");
    expect(budgetVariance(10_000_000, 10_200_000, tol).status).toBe("withinOver");
    expect(budgetVariance(10_000_000, 9_800_000, tol).status).toBe("withinUnder");
    expect(budgetVariance(10_000_000, 10_600_000, tol).status).toBe("over");
    expect(budgetVariance(10_000_000, 9_400_000, tol).status).toBe("under");
    // On the tolerance exactly is within it.
    expect(budgetVariance(10_000_000, 10_500_000, tol).status).toBe("withinOver");
  });

  it("has the same words everywhere: the engine's list, the sheet's Status column", () => {
    expect(BUDGET_STATUSES.map((s) => BUDGET_STATUS_TEXT[s])).toEqual([
      "On budget",
      "Within tolerance (under)",
      "Within tolerance (over)",
      "Under budget",
      "Over budget",
      "No budget",
    ]);
    for (const s of BUDGET_STATUSES) expect(BUDGET_STATUS[s].text).toBe(BUDGET_STATUS_TEXT[s]);
    expect(BUDGET_STATUSES.filter(isWithinBudget)).toEqual(["onBudget", "withinUnder", "withinOver"]);
  });

  it("gives a partner, year and category that is charged but has no budget a row of its own, status No budget", () => {
    const model: ModelInput = {
      partners: [{ id: "A" }, { id: "B" }],
      costLines: [
        { ref: "R", category: "revenue", nature: "ongoing", amount: 200_000, start: "2020-04-01", basis: "equal" },
        { ref: "C", category: "capital", nature: "one-off", amount: 12_000, start: "2020-05-01", basis: "direct:A" },
      ],
      settings: { firstYear: "2020/21", lastYear: "2020/21" },
      budgets: [
        { partner: "A", year: "2020/21", category: "revenue", amount: 100_000 },
        { partner: "B", year: "2020/21", category: "revenue", amount: 104_000 },
      ],
      tolerance: { amount: 5_000 },
    };
    const r = unwrap(checkModelBudgets(model));
    expect(r.budgets.lines.map((l) => [l.partner, l.category, l.budget, l.recharge, l.variance, l.status])).toEqual([
      ["A", "capital", undefined, 1_200_000, undefined, "noBudget"],
      ["A", "revenue", 10_000_000, 10_000_000, 0, "onBudget"],
      ["B", "revenue", 10_400_000, 10_000_000, -400_000, "withinUnder"],
    ]);
    // It is still flagged too: capital charged where only a revenue budget exists.
    expect(r.flags.map((f) => f.kind)).toEqual(["wrongBudgetKind"]);
  });
});
