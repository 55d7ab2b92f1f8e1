import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorMessage, runModel, settleYearEnd, withCarryForward, type ChargeRow, type ModelInput } from "../../../src/engine";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/**
 * The Brent, Lewisham and Southwark shared ICT service: £3,000,000 of revenue
 * in 2021/22 and 2022/23 split 40 : 25 : 35 (contributions £1,200,000,
 * £750,000, £1,050,000). The first year closed £59,000 under, carried into
 * the next.
 */
const ict: ModelInput = {
  partners: [{ id: "BRT", host: true }, { id: "LEW" }, { id: "SWK" }],
  drivers: [
    {
      id: "users",
      values: [
        { partner: "BRT", value: 3_000 },
        { partner: "LEW", value: 2_000 },
        { partner: "SWK", value: 2_000 },
      ],
    },
  ],
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
  outturns: [{ year: "2021/22", category: "revenue", amount: 2_941_000 }],
  yearEnd: { carryForward: true },
};

function settle(model: ModelInput) {
  return unwrap(settleYearEnd(model, unwrap(runModel(model)).rows));
}

function revenue(model: ModelInput, year: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of unwrap(runModel(model)).totals) if (t.yearLabel === year && t.category === "revenue") out[t.partner] = t.amount;
  return out;
}

describe("year-end settlement", () => {
  it("shares the shared ICT service's £59,000 underspend by contributions and carries it into 2022/23", () => {
    const report = settle(ict);
    const s = report.settlements[0];
    expect(s).toMatchObject({
      yearLabel: "2021/22",
      category: "revenue",
      outturn: 294_100_000,
      charged: 300_000_000,
      variance: -5_900_000,
      kind: "underspend",
      basis: "contributions",
    });
    // 59,000 × 40% = 23,600; × 25% = 14,750; × 35% = 20,650: returned, so negative.
    expect(s?.shares.map((x) => [x.partner, x.contribution, x.share])).toEqual([
      ["BRT", 120_000_000, -2_360_000],
      ["LEW", 75_000_000, -1_475_000],
      ["SWK", 105_000_000, -2_065_000],
    ]);
    expect(s?.carryForward[0]).toEqual({
      ref: "Year-end 2021/22 revenue carried forward (BRT)",
      description: "Underspend 2021/22 (revenue) carried forward to 2022/23",
      category: "revenue",
      nature: "one-off",
      amount: "-23600.00",
      start: "2022-04-01",
      basis: "direct:BRT",
      appliesTo: ["BRT"],
      settlement:
        "Outturns row 1 (2021/22 revenue): outturn £2,941,000.00 − charged £3,000,000.00 = underspend of £59,000.00, shared by " +
        "contributions; BRT's share -£23,600.00 (contributed £1,200,000.00)",
    });
    expect(s).toMatchObject({ carriedTo: "2022/23", notCarried: undefined, outturnRow: 1 });
    // Next year's charges fall by exactly each share: £1,200,000 − £23,600 and so on.
    expect(revenue(withCarryForward(ict, report), "2022/23")).toEqual({ BRT: 117_640_000, LEW: 73_525_000, SWK: 102_935_000 });
    expect(revenue(withCarryForward(ict, report), "2021/22")).toEqual(revenue(ict, "2021/22"));
  });

  it("breaks ties in the pennies by the documented rule", () => {
    // Equal contributions: 5,900,000p ÷ 3 = 1,966,666.67p each; floors leave 2p, which go to the
    // equal remainders in id order (weights tie too): BRT and LEW are returned a penny more than SWK.
    const report = settle({ ...ict, costLines: [{ ...ict.costLines[0]!, basis: "equal" }] });
    expect(report.settlements[0]?.shares.map((x) => x.share)).toEqual([-1_966_667, -1_966_667, -1_966_666]);
  });

  it("can share by another basis the user picks", () => {
    // By users 3,000 : 2,000 : 2,000: 5,900,000 × 3/7 = 2,528,571.43p, × 2/7 = 1,685,714.29p;
    // floors add to 5,899,999, and the spare penny goes to the largest remainder, Brent's (.43).
    const report = settle({ ...ict, yearEnd: { basis: "users" } });
    expect(report.settlements[0]).toMatchObject({ basis: "driver:users", carryForward: [] });
    expect(report.settlements[0]?.shares.map((x) => x.share)).toEqual([-2_528_572, -1_685_714, -1_685_714]);
  });

  it("shares an overspend the same way, as money owed", () => {
    const report = settle({ ...ict, outturns: [{ year: "2021/22", category: "revenue", amount: 3_010_000 }] });
    expect(report.settlements[0]).toMatchObject({ variance: 1_000_000, kind: "overspend" });
    expect(report.settlements[0]?.shares.map((x) => x.share)).toEqual([400_000, 250_000, 350_000]);
    expect(report.settlements[0]?.carryForward[0]?.description).toBe("Overspend 2021/22 (revenue) carried forward to 2022/23");
  });

  it("settles capital and revenue apart", () => {
    const both: ModelInput = {
      ...ict,
      costLines: [
        ...ict.costLines,
        { ref: "CAP", category: "capital", nature: "one-off", amount: 100_000, start: "2021-06-01", basis: "iaa" },
      ],
      outturns: [
        { year: "2021/22", category: "revenue", amount: 2_941_000 },
        { year: "2021/22", category: "capital", amount: 130_000 },
      ],
    };
    const [rev, cap] = settle(both).settlements;
    expect(rev).toMatchObject({ category: "revenue", variance: -5_900_000 });
    expect(cap).toMatchObject({ category: "capital", charged: 10_000_000, variance: 3_000_000 });
    expect(cap?.carryForward.every((l) => l.category === "capital")).toBe(true);
  });

  it("settles a partner within another's share on its own contribution, carrying its line through its parent", () => {
    // Lewisham Homes holds 5 of Lewisham's 25 percentage points: it paid £150,000 of the £3,000,000 and gets 5% of the underspend.
    const withLh: ModelInput = { ...ict, withinPartners: [{ partner: { id: "LH" }, within: "LEW", percentages: { iaa: 5 } }] };
    const s = settle(withLh).settlements[0]!;
    expect(s.shares.map((x) => [x.partner, x.contribution, x.share])).toEqual([
      ["BRT", 120_000_000, -2_360_000],
      ["LEW", 60_000_000, -1_180_000],
      ["LH", 15_000_000, -295_000],
      ["SWK", 105_000_000, -2_065_000],
    ]);
    expect(s.carryForward.find((l) => l.ref === "Year-end 2021/22 revenue carried forward (LH)")).toMatchObject({
      description: "Underspend 2021/22 (revenue) carried forward to 2022/23 for LH, within LEW",
      basis: "direct:LEW",
      appliesTo: ["LEW"],
      amount: "-2950.00",
    });
  });

  it("reports bad outturns, naming the row", () => {
    const r = settleYearEnd(
      {
        ...ict,
        settings: { ...ict.settings, unit: "pound" },
        outturns: [
          { year: "2021/22", category: "revenue", amount: "2941000.50" },
          { year: "2021/22", category: "other", amount: 1 },
          { year: "2021/22", category: "revenue", service: "ICT", amount: 1 },
        ],
      },
      [],
    );
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Budget "outturn", year 2021/22, amount: 2941000.50 is not a whole number of the rounding unit 1.00; round it first.',
      'Budget "outturn", year 2021/22, category: "other" is not one of "capital", "revenue".',
    ]);
    const twice = settleYearEnd(
      {
        ...ict,
        outturns: [
          { year: "2021/22", category: "revenue", amount: 1 },
          { year: "2021/22", category: "revenue", service: "ICT", amount: 1 },
        ],
      },
      [],
    );
    expect(twice.ok ? [] : twice.errors.map(errorMessage)).toEqual([
      'Budget "outturn", year 2021/22, service: "2021/22 revenue ICT" is used more than once; each must be unique.',
    ]);
  });

  it("property: the shares add up to exactly the under- or overspend, each within a penny of its exact part", () => {
    const rowsArb = fc.array(
      fc.record({ partner: fc.constantFrom("A", "B", "C", "D"), amount: fc.integer({ min: 0, max: 10_000_000_000 }) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 50_000_000_000 }), (raw, outturn) => {
        const rows: ChargeRow[] = raw.map((r, i) => ({
          lineRef: `L${i}`,
          partner: r.partner,
          year: 2021,
          yearLabel: "2021/22",
          category: "revenue",
          nature: "ongoing",
          service: "",
          amount: r.amount,
        }));
        const model: ModelInput = {
          ...ict,
          partners: ["A", "B", "C", "D"].map((id) => ({ id })),
          drivers: [],
          bases: [],
          costLines: [],
          outturns: [{ year: "2021/22", category: "revenue", amount: (outturn / 100).toFixed(2) }],
        };
        const contributions = new Map<string, number>();
        for (const r of rows) contributions.set(r.partner, (contributions.get(r.partner) ?? 0) + r.amount);
        const charged = [...contributions.values()].reduce((a, b) => a + b, 0);
        const result = settleYearEnd(model, rows);
        if (charged === 0 && outturn !== 0) {
          expect([["allDriversZero"], ["nothingCharged"]]).toContainEqual(result.ok ? [] : result.errors.map((e) => e.kind));
          return;
        }
        const s = unwrap(result).settlements[0]!;
        expect(s.variance).toBe(outturn - charged);
        expect(s.shares.reduce((a, x) => a + x.share, 0)).toBe(s.variance);
        for (const x of s.shares) {
          const c = contributions.get(x.partner) ?? 0;
          expect(x.contribution).toBe(c);
          if (c === 0) expect(x.share).toBe(0);
          // |share × charged − variance × contribution| < charged: within one penny of the exact part.
          else
            expect(BigInt(x.share) * BigInt(charged) - BigInt(s.variance) * BigInt(c)).toSatisfy(
              (d: bigint) => (d < 0n ? -d : d) < BigInt(charged),
            );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("property: carrying forward changes next year's charges by exactly each partner's share, and nothing else", () => {
    fc.assert(
      fc.property(modelArb({ positiveAmounts: true }), fc.integer({ min: 0, max: 2_000_000_000 }), (base, outturn) => {
        const model: ModelInput = {
          ...base,
          outturns: [{ year: "2020/21", category: "revenue", amount: (outturn / 100).toFixed(2) }],
          yearEnd: { carryForward: true },
        };
        // The charges before anything is carried (runModel itself carries forward when asked to).
        const run = unwrap(runModel({ ...model, yearEnd: { carryForward: false } }));
        const report = settleYearEnd(model, run.rows);
        if (!report.ok) {
          // Only when nobody paid any 2020/21 revenue (nothing charged at all, or only zeros), so there is nothing to share by.
          expect([["allDriversZero"], ["nothingCharged"]]).toContainEqual(report.errors.map((e) => e.kind));
          expect(run.rows.filter((r) => r.yearLabel === "2020/21" && r.category === "revenue" && r.amount !== 0)).toEqual([]);
          return;
        }
        const after = unwrap(runModel(withCarryForward(model, report.value)));
        const before = new Map(run.totals.map((t) => [`${t.partner} ${t.yearLabel} ${t.category}`, t.amount]));
        const shares = new Map(report.value.settlements[0]!.shares.map((x) => [x.partner, x.share]));
        for (const t of after.totals) {
          const was = before.get(`${t.partner} ${t.yearLabel} ${t.category}`) ?? 0;
          const expected = t.yearLabel === "2021/22" && t.category === "revenue" ? was + (shares.get(t.partner) ?? 0) : was;
          expect(t.amount).toBe(expected);
        }
        // runModel of the model itself applies the same carry-forward.
        expect(unwrap(runModel(model)).totals).toEqual(after.totals);
      }),
      { numRuns: 1000 },
    );
  });
});
