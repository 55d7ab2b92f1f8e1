import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetFlagMessage, checkModelBudgets, compareScenarios, explainCharge, runModel, type ModelInput } from "../../../src/engine";
import { budgetCheckSheet } from "../../../src/excel/layout/outputs/budget-check";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/**
 * Brent, Lewisham and Southwark's shared ICT service: £3,000,000 of revenue
 * a year split 40 : 25 : 35, with budgets for 2022/23 that assume no
 * carry-forward (£1,200,000, £750,000, £1,050,000). 2021/22 closed £59,000
 * under: carried forward, each council's 2022/23 charge falls by its share.
 */
const ict: ModelInput = {
  partners: [{ id: "BRT", host: true }, { id: "LEW" }, { id: "SWK" }],
  bases: [
    {
      id: "iaa",
      kind: "percentages",
      shares: [
        { partner: "BRT", percent: 40 },
        { partner: "LEW", percent: 25 },
        { partner: "SWK", percent: 35 },
      ],
    },
  ],
  costLines: [{ ref: "ICT", service: "ICT", category: "revenue", nature: "ongoing", amount: 3_000_000, start: "2021-04-01", basis: "iaa" }],
  settings: { firstYear: "2021/22", lastYear: "2022/23" },
  budgets: [
    { partner: "BRT", year: "2022/23", category: "revenue", amount: 1_200_000 },
    { partner: "LEW", year: "2022/23", category: "revenue", amount: 750_000 },
    { partner: "SWK", year: "2022/23", category: "revenue", amount: 1_050_000 },
  ],
  tolerance: { amount: 20_000 },
  outturns: [{ year: "2021/22", category: "revenue", amount: 2_941_000 }],
  yearEnd: { carryForward: true },
};

function total(report: ReturnType<typeof check>, partner: string, year: string): number {
  return report.run.totals
    .filter((t) => t.partner === partner && t.yearLabel === year && t.category === "revenue")
    .reduce((s, t) => s + t.amount, 0);
}

function check(model: ModelInput) {
  return unwrap(checkModelBudgets(model));
}

describe("year-end carry-forward, applied", () => {
  it("carries a £59,000 underspend into 2022/23 as each council's own line, in totals, trace and the budget check", () => {
    const r = check(ict);
    const carried = r.run.result.lineYears.filter((ly) => ly.lineRef.startsWith("Year-end"));
    // 59,000 × 40% = 23,600; × 25% = 14,750; × 35% = 20,650, returned: one one-off revenue line each, dated 1 April 2022.
    expect(carried.map((ly) => [ly.lineRef, ly.yearLabel, ly.category, ly.nature, ly.partners, ly.shares])).toEqual([
      ["Year-end 2021/22 revenue carried forward (BRT)", "2022/23", "revenue", "one-off", ["BRT"], [-2_360_000]],
      ["Year-end 2021/22 revenue carried forward (LEW)", "2022/23", "revenue", "one-off", ["LEW"], [-1_475_000]],
      ["Year-end 2021/22 revenue carried forward (SWK)", "2022/23", "revenue", "one-off", ["SWK"], [-2_065_000]],
    ]);
    // 2022/23 totals fall by exactly the shares; 2021/22 is untouched.
    expect([total(r, "BRT", "2022/23"), total(r, "LEW", "2022/23"), total(r, "SWK", "2022/23")]).toEqual([
      117_640_000, 73_525_000, 102_935_000,
    ]);
    expect([total(r, "BRT", "2021/22"), total(r, "LEW", "2021/22"), total(r, "SWK", "2021/22")]).toEqual([
      120_000_000, 75_000_000, 105_000_000,
    ]);
    // The next year's budget check sees the credit: −£23,600 against a £20,000 tolerance is Under budget.
    expect(r.budgets.lines.filter((l) => l.yearLabel === "2022/23").map((l) => [l.partner, l.recharge, l.variance, l.status])).toEqual([
      ["BRT", 117_640_000, -2_360_000, "under"],
      ["LEW", 73_525_000, -1_475_000, "withinUnder"],
      ["SWK", 102_935_000, -2_065_000, "under"],
    ]);
    // The balancing check still balances, and the trace points at the outturn row and the basis.
    expect(r.run.result.balance.balanced).toBe(true);
    const charge = r.run.result.charges.find((c) => c.lineRef === "Year-end 2021/22 revenue carried forward (LEW)");
    if (charge === undefined) throw new Error("no carried charge");
    expect(explainCharge(r.run.result, charge).working).toContain(
      "Carried forward from Outturns row 1 (2021/22 revenue): outturn £2,941,000.00 − charged £3,000,000.00 = underspend of " +
        "£59,000.00, shared by contributions; LEW's share -£14,750.00",
    );
    // 2021/22 has no budgets (No budget rows and flags); nothing was left uncarried.
    expect(r.flags.map((f) => f.kind)).toEqual(["noBudget", "noBudget", "noBudget"]);
    expect(r.yearEnd?.settlements[0]).toMatchObject({ carriedTo: "2022/23", notCarried: undefined });
  });

  it("is part of every run of the model, so scenario comparisons and do no harm see the same charges as the outputs", () => {
    const r = check(ict);
    const run = unwrap(runModel(ict));
    expect(run.totals).toEqual(r.run.totals);
    expect(run.yearEnd).toEqual(r.yearEnd);
    const cmp = unwrap(compareScenarios(ict, null, { name: "Nothing", changes: [] }));
    for (const t of r.run.totals)
      expect(cmp.rows.find((x) => x.partner === t.partner && x.year === t.year && x.category === t.category)?.from).toBe(t.amount);
  });

  it("carries an overspend as money owed, and shares only what the year's members paid in", () => {
    const r = check({ ...ict, outturns: [{ year: "2021/22", category: "revenue", amount: 3_010_000 }] });
    expect(r.run.result.lineYears.filter((ly) => ly.lineRef.startsWith("Year-end")).map((ly) => ly.shares[0])).toEqual([
      400_000, 250_000, 350_000,
    ]);
    expect(total(r, "SWK", "2022/23")).toBe(105_000_000 + 350_000);
  });

  it("never gives a late joiner a share of an earlier year's settlement, on contributions or on a model basis", () => {
    const joiner: ModelInput = {
      ...ict,
      partners: [...ict.partners, { id: "LH", joins: "2022-04-01" }],
      bases: [
        {
          id: "iaa",
          kind: "percentages",
          shares: [
            { partner: "BRT", percent: 40 },
            { partner: "LEW", percent: 20 },
            { partner: "SWK", percent: 30 },
            { partner: "LH", percent: 10 },
          ],
        },
      ],
    };
    for (const basis of ["contributions", "iaa", "equal"]) {
      const r = check({ ...joiner, yearEnd: { carryForward: true, basis } });
      const s = r.yearEnd?.settlements[0];
      expect(s?.shares.find((x) => x.partner === "LH")?.share ?? 0).toBe(0);
      expect(s?.shares.reduce((a, x) => a + x.share, 0)).toBe(-5_900_000);
      expect(r.run.result.lineYears.some((ly) => ly.lineRef.endsWith("(LH)"))).toBe(false);
    }
  });

  it("still carries the share of a partner that left at the end of the settled year: it was a member that year", () => {
    const r = check({ ...ict, partners: [{ id: "BRT", host: true }, { id: "LEW" }, { id: "SWK", leaves: "2022-03-31" }] });
    const swk = r.run.result.lineYears.find((ly) => ly.lineRef === "Year-end 2021/22 revenue carried forward (SWK)");
    expect(swk?.shares).toEqual([-2_065_000]);
    // Otherwise Southwark pays nothing in 2022/23: its only 2022/23 charge is the carried credit.
    expect(r.run.rows.filter((x) => x.partner === "SWK" && x.yearLabel === "2022/23").map((x) => [x.lineRef, x.amount])).toEqual([
      ["Year-end 2021/22 revenue carried forward (SWK)", -2_065_000],
    ]);
  });

  it("says so when the next year is not modelled, and no output claims the settlement was carried", () => {
    const r = check({ ...ict, outturns: [{ year: "2022/23", category: "revenue", amount: 2_941_000 }] });
    expect(r.yearEnd?.settlements[0]).toMatchObject({
      variance: -5_900_000,
      carryForward: [],
      carriedTo: undefined,
      notCarried: "2023/24",
    });
    expect(r.run.result.lineYears.some((ly) => ly.lineRef.startsWith("Year-end"))).toBe(false);
    expect(r.flags.filter((f) => f.kind === "settlementNotCarried").map(budgetFlagMessage)).toEqual([
      "The 2022/23 revenue underspend of £59,000.00 could not be carried forward: 2023/24 is not one of the model's years. It is " +
        "not in any charge; extend the model's last year to carry it.",
    ]);
    const sheet = budgetCheckSheet(r.run, r, undefined);
    const text = sheet.blocks.flatMap((b) => b.values.flat()).map(String);
    expect(text.some((t) => t.includes("carried forward to the next year"))).toBe(false);
    expect(text.filter((t) => t === "No: 2023/24 is not one of the model's years")).toHaveLength(3);
    expect(text).toContain("Not carried forward");
  });

  it("with carry-forward off, nothing is carried and the sheet says it was not chosen", () => {
    const r = check({ ...ict, yearEnd: { carryForward: false } });
    expect(r.run.result.lineYears.some((ly) => ly.lineRef.startsWith("Year-end"))).toBe(false);
    expect(r.yearEnd?.settlements[0]?.carriedTo).toBeUndefined();
    const text = budgetCheckSheet(r.run, r, undefined)
      .blocks.flatMap((b) => b.values.flat())
      .map(String);
    expect(text.filter((t) => t === "No (not chosen)")).toHaveLength(3);
  });

  it(
    "property: the carried lines sum exactly to the settled variance, next year moves by exactly them, and re-running gives the " + "same",
    () => {
      fc.assert(
        fc.property(modelArb({ positiveAmounts: true }), fc.integer({ min: 0, max: 2_000_000_000 }), (base, outturn) => {
          const model: ModelInput = {
            ...base,
            outturns: [{ year: "2020/21", category: "revenue", amount: (outturn / 100).toFixed(2) }],
            yearEnd: { carryForward: true },
          };
          const r = checkModelBudgets(model);
          if (!r.ok) {
            // Only when nobody paid any 2020/21 revenue (nothing charged at all, or only zeros), so there is nothing to share by.
            expect([["allDriversZero"], ["nothingCharged"]]).toContainEqual(r.errors.map((e) => e.kind));
            return;
          }
          const s = r.value.yearEnd?.settlements[0];
          if (s === undefined) throw new Error("no settlement");
          const lines = r.value.run.result.lineYears.filter((ly) => ly.lineRef.startsWith("Year-end 2020/21"));
          expect(
            lines.every(
              (ly) => ly.yearLabel === "2021/22" && ly.category === "revenue" && ly.nature === "one-off" && ly.partners.length === 1,
            ),
          ).toBe(true);
          expect(lines.reduce((a, ly) => a + (ly.shares[0] ?? 0), 0)).toBe(s.variance);
          expect(r.value.run.result.balance.balanced).toBe(true);
          // Against the run without carry-forward: 2021/22 revenue moves by exactly each carried share.
          const plain = unwrap(checkModelBudgets({ ...model, yearEnd: { carryForward: false } }));
          const before = new Map(plain.run.totals.map((t) => [`${t.partner} ${t.yearLabel} ${t.category}`, t.amount]));
          const carriedTo = new Map(lines.map((ly) => [ly.partners[0], ly.shares[0] ?? 0]));
          const keys = new Set([...before.keys(), ...r.value.run.totals.map((t) => `${t.partner} ${t.yearLabel} ${t.category}`)]);
          for (const k of keys) {
            const [p, year, cat] = k.split(" ");
            const now = r.value.run.totals.find((t) => `${t.partner} ${t.yearLabel} ${t.category}` === k)?.amount ?? 0;
            expect(now).toBe((before.get(k) ?? 0) + (year === "2021/22" && cat === "revenue" ? (carriedTo.get(p) ?? 0) : 0));
          }
          // Reproducible: the same inputs give the same figures.
          const again = unwrap(checkModelBudgets(model));
          expect(again.run.totals).toEqual(r.value.run.totals);
          expect(again.yearEnd).toEqual(r.value.yearEnd);
        }),
        { numRuns: 200 },
      );
    },
  );
});
