import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  budgetFlagMessage,
  checkBudgets,
  checkModelBudgets,
  errorMessage,
  runModel,
  type BudgetInput,
  type ModelInput,
} from "../../../src/engine";
import { sharedIct } from "../scenarios/fixtures";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/*
 * The shared ICT fixture in 2021/22 only, plus an HR line:
 *   ICT-01 revenue £1,000,000 by tickets 20,000 : 8,000 : 28,000 → BRT £357,142.86, LEW £142,857.14, SWK £500,000.00
 *   ICT-02 capital £300,000 equally                               → £100,000.00 each
 *   ICT-03 revenue £600,000 by 40 : 25 : 35                        → BRT £240,000, LEW £150,000, SWK £210,000
 *   HR-01  revenue £30,000 equally (service HR)                    → £10,000.00 each
 * Revenue: BRT £607,142.86 (ICT £597,142.86 + HR £10,000); LEW £302,857.14; SWK £720,000.00.
 */
const model: ModelInput = {
  ...sharedIct,
  costLines: [
    ...sharedIct.costLines,
    { ref: "HR-01", service: "HR", category: "revenue", nature: "one-off", amount: 30_000, start: "2021-07-01", basis: "equal" },
  ],
  settings: { firstYear: "2021/22", lastYear: "2021/22" },
  tolerance: { amount: 5_000, percent: 5 },
  budgets: [
    { partner: "BRT", year: "2021/22", category: "revenue", amount: 620_000 },
    { partner: "BRT", year: "2021/22", category: "capital", amount: 90_000 },
    { partner: "LEW", year: "2021/22", category: "revenue", service: "ICT", amount: 290_000 },
    { partner: "LEW", year: "2021/22", category: "revenue", amount: 50_000 },
  ],
};

describe("checkBudgets", () => {
  const report = unwrap(checkModelBudgets(model));

  it("compares each budget with its recharge: capital over and revenue under are reported apart, never netted", () => {
    const brent = report.budgets.lines.filter((l) => l.partner === "BRT");
    // Capital: £100,000 against £90,000 is +£10,000 (+11.11%): over.
    expect(brent.find((l) => l.category === "capital")).toMatchObject({
      budget: 9_000_000,
      recharge: 10_000_000,
      variance: 1_000_000,
      percentText: "11.11",
      status: "over",
    });
    // Revenue: £607,142.86 against £620,000 is −£12,857.14 (−2.07%): more than £5,000 under.
    // Netted with capital it would be −£2,857.14 and look within tolerance; it is not netted.
    expect(brent.find((l) => l.category === "revenue")).toMatchObject({
      budget: 62_000_000,
      recharge: 60_714_286,
      variance: -1_285_714,
      percentText: "-2.07",
      status: "under",
    });
  });

  it("lets a service's own budget take that service's charges, leaving the rest to the general budget", () => {
    const lew = report.budgets.lines.filter((l) => l.partner === "LEW");
    // ICT: £142,857.14 + £150,000 = £292,857.14 against £290,000: +£2,857.14, within £5,000 and 5%.
    expect(lew.find((l) => l.service === "ICT" && l.category === "revenue")).toMatchObject({
      recharge: 29_285_714,
      variance: 285_714,
      status: "withinOver",
    });
    // Everything else (HR's £10,000) against the general £50,000: −£40,000, under.
    expect(lew.find((l) => l.service === "")).toMatchObject({ recharge: 1_000_000, variance: -4_000_000, status: "under" });
  });

  it("flags a charge with no budget, and a capital charge meeting only a revenue budget", () => {
    expect(report.budgets.flags.map(budgetFlagMessage)).toEqual([
      'Partner "LEW" is charged £100,000.00 of capital in 2021/22 for service "ICT" but has only a revenue budget for it; ' +
        "capital costs must not be charged to a revenue budget.",
      'Partner "SWK" is charged £100,000.00 of capital in 2021/22 for service "ICT" but has no capital budget line for it.',
      'Partner "SWK" is charged £10,000.00 of revenue in 2021/22 for service "HR" but has no revenue budget line for it.',
      'Partner "SWK" is charged £710,000.00 of revenue in 2021/22 for service "ICT" but has no revenue budget line for it.',
    ]);
  });

  it("checks a partner within another's share against its own budget, and its parent against what is left", () => {
    const withLh: ModelInput = {
      ...model,
      withinPartners: [{ partner: { id: "LH", name: "Lewisham Homes" }, within: "LEW", drivers: { tickets: 2_000 } }],
      budgets: [...(model.budgets ?? []), { partner: "LH", year: "2021/22", category: "revenue", amount: 35_000 }],
    };
    const r = unwrap(checkModelBudgets(withLh));
    // LH's part of Lewisham's £142,857.14 tickets share, 2,000 of 8,000: £35,714.28 (see the within tests);
    // no part of the percentage or equal lines. +£714.28 on £35,000 is within £5,000 and 5% (£1,750).
    expect(r.budgets.lines.find((l) => l.partner === "LH")).toMatchObject({
      recharge: 3_571_428,
      variance: 71_428,
      percentText: "2.04",
      status: "withinOver",
    });
    expect(r.budgets.lines.find((l) => l.partner === "LEW" && l.service === "ICT" && l.category === "revenue")).toMatchObject({
      recharge: 29_285_714 - 3_571_428,
    });
    expect(r.flags.filter((f) => "partner" in f && f.partner === "LH")).toEqual([]);
  });

  it("reports every bad budget row, naming the partner, year and field", () => {
    const bad: BudgetInput[] = [
      { partner: "XYZ", year: "2021/22", category: "revenue", amount: 1 },
      { partner: "BRT", year: "2021-23", category: "operating", amount: "lots" },
      { partner: "BRT", year: "2021/22", category: "Revenue", amount: 1 },
      { partner: "BRT", year: "2021/22", category: "revenue", amount: 2 },
    ];
    const r = checkBudgets({ ...model, budgets: bad }, []);
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Budget, partner "XYZ", year 2021/22, partner, row 1: partner "XYZ" is not in the partner list.',
      'Budget, partner "BRT", year 2021-23, year, row 2: "2021-23" is not a financial year; write it like 2020/21.',
      'Budget, partner "BRT", year 2021-23, category, row 2: "operating" is not one of "capital", "revenue".',
      'Budget, partner "BRT", year 2021-23, amount, row 2: "lots" is not a number.',
      'Budget, partner "BRT", year 2021/22, amount, row 4: "BRT 2021/22 revenue" is used more than once; each must be unique.',
    ]);
  });

  it(
    "property: each budget's recharge is exactly its partner's charges of that year and category, and unbudgeted charges are " + "flagged",
    () => {
      fc.assert(
        fc.property(modelArb(), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (m, keep) => {
          const run = unwrap(runModel(m));
          const combos = m.partners.flatMap((p) =>
            ["2020/21", "2021/22", "2022/23"].flatMap((year) =>
              ["capital", "revenue"].map((category) => ({ partner: p.id, year, category })),
            ),
          );
          const budgets = combos.filter((_, i) => keep[i] ?? false).map((c, i) => ({ ...c, amount: (i * 1234.56).toFixed(2) }));
          const check = unwrap(checkBudgets({ ...m, budgets }, run.rows));
          const charged = (c: { partner: string; year: string; category: string }) =>
            run.rows
              .filter((r) => r.partner === c.partner && r.yearLabel === c.year && r.category === c.category)
              .reduce((s, r) => s + r.amount, 0);
          // One row per budget, and one "No budget" row per partner × year × category × service charged with none.
          const withBudget = check.lines.filter((l) => l.status !== "noBudget");
          expect(withBudget).toHaveLength(budgets.length);
          for (const line of withBudget) {
            expect(line.recharge).toBe(charged({ partner: line.partner, year: line.yearLabel, category: line.category }));
            expect(line.variance).toBe(line.recharge - (line.budget ?? Number.NaN));
          }
          const noBudget = check.lines.filter((l) => l.status === "noBudget");
          expect(noBudget.map((l) => [l.partner, l.yearLabel, l.category, l.service, l.recharge])).toEqual(
            check.flags.flatMap((f) =>
              f.kind === "noBudget" || f.kind === "wrongBudgetKind" ? [[f.partner, f.yearLabel, f.category, f.service, f.amount]] : [],
            ),
          );
          for (const l of noBudget) expect([l.budget, l.variance, l.percentText]).toEqual([undefined, undefined, undefined]);
          // Flags, summed, are exactly the charges no budget covers: category by category, never mixed.
          for (const c of combos) {
            const flagged = check.flags.filter(
              (f) =>
                f.kind !== "settlementNotCarried" &&
                f.kind !== "statedTotalDiffers" &&
                f.kind !== "statedTotalMixesCategories" &&
                f.kind !== "statedTotalMixesNatures" &&
                f.partner === c.partner &&
                f.yearLabel === c.year &&
                f.category === c.category,
            );
            const budgeted = budgets.some((b) => b.partner === c.partner && b.year === c.year && b.category === c.category);
            const total = flagged.reduce((s, f) => s + ("amount" in f ? f.amount : 0), 0);
            const otherBudget = budgets.some((b) => b.partner === c.partner && b.year === c.year && b.category !== c.category);
            if (budgeted) expect(flagged).toEqual([]);
            else {
              const byService = new Map<string, number>();
              for (const r of run.rows)
                if (r.partner === c.partner && r.yearLabel === c.year && r.category === c.category)
                  byService.set(r.service, (byService.get(r.service) ?? 0) + r.amount);
              expect(total).toBe([...byService.values()].reduce((s, v) => s + v, 0));
              expect(flagged).toHaveLength([...byService.values()].filter((v) => v !== 0).length);
              for (const f of flagged) expect(f.kind).toBe(otherBudget ? "wrongBudgetKind" : "noBudget");
            }
          }
        }),
        { numRuns: 1000 },
      );
    },
  );
});
