import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionModel,
  Decimal,
  errorMessage,
  explainCharge,
  traceAll,
  type ApportionResult,
  type CostLineInput,
  type ModelInput,
  type Result,
} from "../../src/engine";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

function sharesOf(result: ApportionResult, ref: string, year: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of result.charges) if (c.lineRef === ref && c.yearLabel === year) out[c.partner] = c.amount;
  return out;
}

const EKH_COUNCILS = [
  { id: "CCC", name: "Canterbury City Council" },
  { id: "DDC", name: "Dover District Council" },
  { id: "FHDC", name: "Folkestone & Hythe District Council" },
  { id: "TDC", name: "Thanet District Council" },
];

/** East Kent Housing: £17k cloud move and £135k split per council (one-off), £82k a year ongoing from January 2021. */
const ekh: ModelInput = {
  partners: EKH_COUNCILS,
  costLines: [
    {
      ref: "EKH-01",
      description: "Move to cloud",
      category: "capital",
      nature: "one-off",
      amount: 68_000,
      start: "2020-10-01",
      basis: "equal",
    },
    {
      ref: "EKH-02",
      description: "Split into four systems",
      category: "capital",
      nature: "one-off",
      amount: 540_000,
      start: "2020-11-01",
      basis: "equal",
    },
    {
      ref: "EKH-03",
      description: "Ongoing hosting",
      category: "revenue",
      nature: "ongoing",
      amount: 82_000,
      start: "2021-01-01",
      basis: "equal",
    },
  ],
  settings: { firstYear: "2020/21", lastYear: "2021/22" },
};

describe("East Kent Housing", () => {
  const r = unwrap(apportionModel(ekh));

  it("charges each council £17,000 and £135,000 one-off", () => {
    expect(sharesOf(r, "EKH-01", "2020/21")).toEqual({ CCC: 1_700_000, DDC: 1_700_000, FHDC: 1_700_000, TDC: 1_700_000 });
    expect(sharesOf(r, "EKH-02", "2020/21")).toEqual({ CCC: 13_500_000, DDC: 13_500_000, FHDC: 13_500_000, TDC: 13_500_000 });
  });

  it("pro-rates the £82,000 ongoing charge to 90/365 of 2020/21 and a whole year in 2021/22", () => {
    const part = r.lineYears.find((l) => l.lineRef === "EKH-03" && l.yearLabel === "2020/21");
    // 82,000 × 90 / 365 = 20,219.178… → £20,219.18 (rounded once, half up).
    expect(part?.profile.amount).toBe(2_021_918);
    expect(part?.profile.factor.coverage).toBe("90/365 days");
    expect(Object.values(sharesOf(r, "EKH-03", "2020/21")).reduce((a, b) => a + b, 0)).toBe(2_021_918);
    expect(sharesOf(r, "EKH-03", "2021/22")).toEqual({ CCC: 2_050_000, DDC: 2_050_000, FHDC: 2_050_000, TDC: 2_050_000 });
  });

  it("keeps one-off capital apart from ongoing revenue in the totals (the £690k confusion made visible)", () => {
    const ccc2020 = r.totals.filter((t) => t.partner === "CCC" && t.yearLabel === "2020/21");
    expect(ccc2020.map((t) => [t.category, t.nature, t.amount])).toEqual([
      ["capital", "one-off", 15_200_000],
      ["revenue", "ongoing", 505_480],
    ]);
    // 4×17,000 + 4×135,000 + 82,000 = 690,000 only if one year of the ongoing charge is added to the one-off money.
    const oneOff = r.totals.filter((t) => t.nature === "one-off").reduce((a, t) => a + t.amount, 0);
    expect(oneOff + 8_200_000).toBe(69_000_000);
  });

  it("balances every line-year and the grand total to the penny", () => {
    expect(r.balance.balanced).toBe(true);
    expect(r.balance.totalIn).toBe(r.balance.totalOut);
    expect(r.balance.totalIn).toBe(6_800_000 + 54_000_000 + 2_021_918 + 8_200_000);
  });
});

/** oneSource: shared revenue £0.8m (Havering) + £581k (Newham) by percentages; capital lines direct. */
const oneSource: ModelInput = {
  partners: [
    { id: "LBH", name: "London Borough of Havering", host: true },
    { id: "LBN", name: "London Borough of Newham" },
  ],
  // £800k : £581k of £1,381k, rounded to 2 dp: 57.93% + 42.07%.
  bases: [
    {
      id: "IAA",
      kind: "percentages",
      shares: [
        { partner: "LBH", percent: 57.93 },
        { partner: "LBN", percent: 42.07 },
      ],
    },
  ],
  costLines: [
    { ref: "OS-SEC", service: "Security", category: "revenue", nature: "one-off", amount: 468_000, start: "2019-06-01", basis: "equal" },
    { ref: "OS-CRM", service: "CRM", category: "revenue", nature: "one-off", amount: 420_000, start: "2019-06-01", basis: "equal" },
    {
      ref: "OS-LIB",
      service: "Library PC refresh",
      category: "capital",
      nature: "one-off",
      amount: 352_000,
      start: "2019-09-01",
      basis: "direct:LBN",
    },
    {
      ref: "OS-MOB",
      service: "Mobile working",
      category: "capital",
      nature: "one-off",
      amount: 233_000,
      start: "2019-09-01",
      basis: "direct:LBN",
    },
  ],
  settings: { firstYear: "2019/20", lastYear: "2019/20" },
};

describe("oneSource", () => {
  it("charges Newham's capital projects directly to Newham (£585k) and nothing to Havering", () => {
    const r = unwrap(apportionModel(oneSource));
    const lbn = r.totals.filter((t) => t.partner === "LBN" && t.category === "capital").reduce((a, t) => a + t.amount, 0);
    const lbh = r.totals.filter((t) => t.partner === "LBH" && t.category === "capital").reduce((a, t) => a + t.amount, 0);
    expect(lbn).toBe(58_500_000);
    expect(lbh).toBe(0);
  });

  it("rejects percentages that only approximately total 100", () => {
    // 42.07 typed as 42.06: the set totals 99.99%, and the whole model is refused, used or not.
    const r = apportionModel({
      ...oneSource,
      bases: [
        {
          id: "IAA",
          kind: "percentages",
          shares: [
            { partner: "LBH", percent: 57.93 },
            { partner: "LBN", percent: 42.06 },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.kind)).toEqual(["percentagesNotHundred"]);
      expect(errorMessage(r.errors[0]!)).toContain("99.99%");
    }
  });

  it("splits by an agreed 58/42 IAA exactly", () => {
    const model: ModelInput = {
      ...oneSource,
      bases: [
        {
          id: "IAA",
          kind: "percentages",
          shares: [
            { partner: "LBH", percent: 58 },
            { partner: "LBN", percent: 42 },
          ],
        },
      ],
      costLines: [{ ...oneSource.costLines[0]!, basis: "IAA", amount: 1_381_000.01 }],
    };
    const r = unwrap(apportionModel(model));
    // 138,100,001p × 58% = 80,098,000.58 → 80,098,001 after the largest remainder (0.58 > 0.42).
    expect(sharesOf(r, "OS-SEC", "2019/20")).toEqual({ LBH: 80_098_001, LBN: 58_002_000 });
  });
});

const ict: ModelInput = {
  partners: [{ id: "Brent", host: true }, { id: "Lewisham" }, { id: "Southwark" }],
  drivers: [
    {
      id: "tickets",
      illustrative: true,
      values: [
        { partner: "Brent", value: 25_000 },
        { partner: "Lewisham", value: 9_000 },
        { partner: "Southwark", value: 22_000 },
      ],
    },
    {
      id: "users",
      illustrative: true,
      values: [
        { partner: "Brent", value: 3_100 },
        { partner: "Lewisham", value: 2_400 },
        { partner: "Southwark", value: 1_500 },
      ],
    },
  ],
  bases: [
    {
      id: "Mix50",
      kind: "mix",
      components: [
        { source: "driver:users", weight: 50 },
        { source: "tickets", weight: 50 },
      ],
    },
    {
      id: "Fixed40",
      kind: "mix",
      components: [
        { source: "equal", weight: 40 },
        { source: "users", weight: 60 },
      ],
    },
  ],
  costLines: [
    { ref: "ICT-1", category: "revenue", nature: "one-off", amount: 1000, start: "2021-05-01", basis: "tickets" },
    { ref: "ICT-2", category: "revenue", nature: "one-off", amount: 1000, start: "2021-05-01", basis: "Mix50" },
    { ref: "ICT-3", category: "revenue", nature: "one-off", amount: 1000, start: "2021-05-01", basis: "Fixed40" },
    { ref: "ICT-4", category: "capital", nature: "one-off", amount: 1000, start: "2021-05-01", basis: "users", excludes: ["Lewisham"] },
  ],
  settings: { firstYear: "2021/22", lastYear: "2021/22" },
};

describe("bases", () => {
  const r = unwrap(apportionModel(ict));

  it("splits by a usage driver", () => {
    // 100,000p × 25/56 = 44,642.857 → 44,643; × 9/56 = 16,071.428 → 16,071; × 22/56 = 39,285.714 → 39,286.
    expect(sharesOf(r, "ICT-1", "2021/22")).toEqual({ Brent: 44_643, Lewisham: 16_071, Southwark: 39_286 });
  });

  it("combines a 50/50 mix exactly before rounding once", () => {
    // Brent: ½·3100/7000 + ½·25000/56000 = 0.221428… + 0.223214… = 0.444642… → £444.64
    // Lewisham: ½·2400/7000 + ½·9000/56000 = 0.171428… + 0.080357… = 0.251785… → £251.79
    // Southwark: ½·1500/7000 + ½·22000/56000 = 0.107142… + 0.196428… = 0.303571… → £303.57
    expect(sharesOf(r, "ICT-2", "2021/22")).toEqual({ Brent: 44_464, Lewisham: 25_179, Southwark: 30_357 });
  });

  it("adds a fixed 40% equal part to a 60% usage part", () => {
    // Brent: 0.4/3 + 0.6·3100/7000 = 0.133333… + 0.265714… = 0.399047… → 399.05
    // Lewisham: 0.133333… + 0.205714… = 0.339047… → 339.05; Southwark: 0.133333… + 0.128571… = 0.261904… → 261.90
    expect(sharesOf(r, "ICT-3", "2021/22")).toEqual({ Brent: 39_905, Lewisham: 33_905, Southwark: 26_190 });
  });

  it("restricts a basis to the partners a cost applies to", () => {
    // Without Lewisham: users 3100 and 1500 of 4600.
    expect(sharesOf(r, "ICT-4", "2021/22")).toEqual({ Brent: 67_391, Southwark: 32_609 });
  });

  it("carries capital/revenue and one-off/ongoing onto every charge", () => {
    for (const c of r.charges) {
      const line = ict.costLines.find((l) => l.ref === c.lineRef);
      expect(c.category).toBe(line?.category);
      expect(c.nature).toBe(line?.nature);
    }
  });

  it("lets a reviewer re-derive every charge from its trace", () => {
    for (const t of traceAll(r)) {
      // exact = amount × weight ÷ total; share − exact = adjustment; |adjustment| < one unit.
      const exact = new Decimal(t.lineAmount).div(100).times(t.weight).div(t.totalWeight);
      const adjustment = new Decimal(t.share).div(100).minus(exact);
      expect(exact.toFixed(10, Decimal.ROUND_DOWN).replace(/0+$/, "").replace(/\.$/, "")).toBe(t.exactShare.replace("…", ""));
      expect(adjustment.abs().lt(0.01)).toBe(true);
      expect(t.components.length).toBeGreaterThan(0);
    }
  });

  it("explains a mix charge with each driver's figures", () => {
    const c = r.charges.find((x) => x.lineRef === "ICT-2" && x.partner === "Lewisham");
    const t = explainCharge(r, c!);
    expect(t.components.map((x) => [x.source, x.weightPercent, x.value, x.total])).toEqual([
      ["driver:users", "50", "2400", "7000"],
      ["driver:tickets", "50", "9000", "56000"],
    ]);
    expect(t.share).toBe(25_179);
  });
});

describe("periods and indexation", () => {
  it("indexes an ongoing charge by 3% a year, compounding from its start year", () => {
    const r = unwrap(
      apportionModel({
        partners: [{ id: "A" }, { id: "B" }],
        costLines: [
          { ref: "L", category: "revenue", nature: "ongoing", amount: 10_000, start: "2020-04-01", basis: "equal", indexationRate: 3 },
        ],
        settings: { firstYear: "2020/21", lastYear: "2022/23" },
      }),
    );
    expect(r.lineYears.map((l) => l.profile.amount)).toEqual([1_000_000, 1_030_000, 1_060_900]);
  });

  it("stops at the end date and uses the months convention when chosen", () => {
    const r = unwrap(
      apportionModel({
        partners: [{ id: "A" }],
        costLines: [
          { ref: "L", category: "revenue", nature: "ongoing", amount: 12_000, start: "2021-01-01", end: "2021-06-30", basis: "equal" },
        ],
        settings: { firstYear: "2020/21", lastYear: "2022/23", proRata: "months" },
      }),
    );
    expect(r.lineYears.map((l) => [l.yearLabel, l.profile.amount, l.profile.factor.coverage])).toEqual([
      ["2020/21", 300_000, "3/12 months"],
      ["2021/22", 300_000, "3/12 months"],
    ]);
    expect(r.settings.proRata).toBe("months");
  });

  it("puts a one-off cost in the year of its date and reports lines outside the years", () => {
    const r = unwrap(
      apportionModel({
        partners: [{ id: "A" }],
        costLines: [
          { ref: "IN", category: "capital", nature: "one-off", amount: 5, start: "2022-03-31", basis: "equal" },
          { ref: "OUT", category: "capital", nature: "one-off", amount: 5, start: "2030-03-31", basis: "equal" },
        ],
        settings: { firstYear: "2021/22", lastYear: "2022/23" },
      }),
    );
    expect(r.lineYears.map((l) => [l.lineRef, l.yearLabel])).toEqual([["IN", "2021/22"]]);
    expect(r.linesOutsideYears).toEqual(["OUT"]);
  });

  it("rounds to whole pounds or £000 when asked, still summing exactly", () => {
    const r = unwrap(
      apportionModel({
        partners: [{ id: "A" }, { id: "B" }, { id: "C" }],
        costLines: [{ ref: "L", category: "capital", nature: "one-off", amount: 1_441_000, start: "2020-05-01", basis: "equal" }],
        settings: { firstYear: "2020/21", lastYear: "2020/21", unit: "thousand" },
      }),
    );
    expect(r.lineYears[0]?.shares).toEqual([48_100_000, 48_000_000, 48_000_000]);
  });
});

/** A random but valid model: some partners, a usage driver, lines of every kind. */
const modelArb = fc
  .record({
    partners: fc.uniqueArray(fc.constantFrom("A", "B", "C", "D", "E", "F", "G"), { minLength: 1, maxLength: 7 }),
    lines: fc.array(
      fc.record({
        amount: fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }),
        ongoing: fc.boolean(),
        month: fc.integer({ min: 1, max: 12 }),
        basis: fc.constantFrom("equal", "usage", "Mix"),
        rate: fc.constantFrom(0, 2.5, 3),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    usage: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ partners, lines, usage }): ModelInput => ({
    partners: partners.map((id) => ({ id })),
    drivers: [{ id: "usage", values: partners.map((p, i) => ({ partner: p, value: usage[i] ?? 1 })) }],
    bases: [
      {
        id: "Mix",
        kind: "mix",
        components: [
          { source: "equal", weight: 40 },
          { source: "usage", weight: 60 },
        ],
      },
    ],
    costLines: lines.map((l, i): CostLineInput => ({
      ref: `L${String(i).padStart(2, "0")}`,
      category: i % 2 === 0 ? "capital" : "revenue",
      nature: l.ongoing ? "ongoing" : "one-off",
      amount: new Decimal(l.amount).div(100).toFixed(2),
      start: `2021-${String(l.month).padStart(2, "0")}-15`,
      basis: l.basis,
      indexationRate: l.rate,
    })),
    settings: { firstYear: "2020/21", lastYear: "2024/25" },
  }));

describe("model-level properties (fast-check)", () => {
  it("every line-year balances and the grand totals agree, to the penny", () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const r = unwrap(apportionModel(m));
        const out = r.totals.reduce((a, t) => a + t.amount, 0);
        return r.balance.balanced && r.balance.mismatches.length === 0 && out === r.balance.totalIn;
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same result, byte for byte, whatever the order of partners and lines", () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const shuffled: ModelInput = { ...m, partners: [...m.partners].reverse(), costLines: [...m.costLines].reverse() };
        return JSON.stringify(unwrap(apportionModel(shuffled))) === JSON.stringify(unwrap(apportionModel(m)));
      }),
      { numRuns: 1000 },
    );
  });
});
