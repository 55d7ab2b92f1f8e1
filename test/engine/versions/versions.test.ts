import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionModel, explainCharge, type ApportionResult, type ModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/**
 * Agreement versions (issue 33; docs/versions.md): a basis re-based with
 * effect from a date shares a line-year that spans the change by each version
 * for its part of the year, by the part-year convention, in the one period
 * rule with membership, rounded once.
 */

function shares(r: ApportionResult, ref: string, year?: string): Record<string, number> {
  const ly = r.lineYears.find((l) => l.lineRef === ref && (year === undefined || l.yearLabel === year));
  return Object.fromEntries((ly?.partners ?? []).map((p, i) => [p, ly?.shares[i] ?? 0]));
}

/** The HR split: 74% / 26%, then 82% / 18% with effect from 3 October 2022; £250,000 a year in 2022/23. */
function hrModel(proRata: "days" | "months", amount: number | string = 250_000): ModelInput {
  return {
    partners: [{ id: "A", host: true }, { id: "B" }],
    bases: [
      {
        id: "HR",
        kind: "percentages",
        shares: [
          { partner: "A", percent: 74 },
          { partner: "B", percent: 26 },
        ],
      },
    ],
    basisVersions: [
      {
        basis: "HR",
        validFrom: "2022-10-03",
        shares: [
          { partner: "A", percent: 82 },
          { partner: "B", percent: 18 },
        ],
      },
    ],
    costLines: [{ ref: "HR-1", category: "revenue", nature: "ongoing", amount, start: "2022-04-01", basis: "HR" }],
    settings: { firstYear: "2022/23", lastYear: "2023/24", proRata },
  };
}

/** Largest remainder of exact pence fractions n/d sharing `total` pence (ties to the first): worked apart from the engine. */
function byHand(total: bigint, parts: readonly [bigint, bigint][]): bigint[] {
  const floors = parts.map(([n, d]) => n / d);
  let spare = total - floors.reduce((a, b) => a + b, 0n);
  const order = parts.map(([n, d], i) => ({ i, rem: Number(n % d) / Number(d) })).sort((x, y) => y.rem - x.rem || x.i - y.i);
  const out = [...floors];
  for (const { i } of order) {
    if (spare <= 0n) break;
    out[i] = (out[i] as bigint) + 1n;
    spare -= 1n;
  }
  return out;
}

describe("74% / 26% to 2 Oct 2022, 82% / 18% from 3 Oct 2022", () => {
  it("splits to the penny by days: 185 days at 74/26 and 180 at 82/18 of 365", () => {
    // 1 April to 2 October 2022 is 30+31+30+31+31+30+2 = 185 days; 3 October to 31 March 180; 2022/23 has 365.
    // A: £250,000 × (185 × 74 + 180 × 82) / (365 × 100) = £250,000 × 28,450/36,500 = £194,863.0137…
    // B: £250,000 × (185 × 26 + 180 × 18) / 36,500 = £250,000 × 8,050/36,500 = £55,136.9863…
    // Floors 194,863.01 + 55,136.98 leave one penny, to B (remainder .63 against .37).
    const hand = byHand(25_000_000n, [
      [25_000_000n * 28_450n, 36_500n],
      [25_000_000n * 8_050n, 36_500n],
    ]);
    expect(hand).toEqual([19_486_301n, 5_513_699n]);
    const r = unwrap(apportionModel(hrModel("days")));
    expect(shares(r, "HR-1", "2022/23")).toEqual({ A: 19_486_301, B: 5_513_699 });
    // 2023/24 lies wholly after the change: 82 / 18.
    expect(shares(r, "HR-1", "2023/24")).toEqual({ A: 20_500_000, B: 4_500_000 });
  });

  it("splits to the penny by months: 6 2/31 months at 74/26 and 5 29/31 at 82/18 of 12", () => {
    // (188/31 × 74 + 184/31 × 82) / (12 × 100) = (13,912 + 15,088) / 37,200 = 29,000/37,200 for A;
    // (188 × 26 + 184 × 18) / 37,200 = 8,200/37,200 for B. A £194,892.4731…, B £55,107.5268…: the penny to B.
    const hand = byHand(25_000_000n, [
      [25_000_000n * 29_000n, 37_200n],
      [25_000_000n * 8_200n, 37_200n],
    ]);
    expect(hand).toEqual([19_489_247n, 5_510_753n]);
    const r = unwrap(apportionModel(hrModel("months")));
    expect(shares(r, "HR-1", "2022/23")).toEqual({ A: 19_489_247, B: 5_510_753 });
  });

  it("the trace and Explain show the versions in words", () => {
    const r = unwrap(apportionModel(hrModel("days")));
    const ly = r.lineYears.find((l) => l.yearLabel === "2022/23");
    expect(ly?.versions?.map((v) => v.text)).toEqual(["74% / 26%", "82% / 18%"]);
    const charge = r.charges.find((c) => c.partner === "A" && c.yearLabel === "2022/23");
    const t = explainCharge(r, charge ?? (r.charges[0] as never));
    expect(t.versions).toBe("74% / 26% to 2 Oct 2022, 82% / 18% from 3 Oct 2022");
    expect(t.working).toContain("Basis versions: 74% / 26% to 2 Oct 2022, 82% / 18% from 3 Oct 2022");
    // The figures shown beside the weight are the last version's, and their label says so.
    expect(t.components.map((c) => [c.label, c.value])).toEqual([['Percentages "HR", version from 3 Oct 2022', "82"]]);
    // A year the basis does not change in says nothing of versions.
    const later = r.charges.find((c) => c.partner === "A" && c.yearLabel === "2023/24");
    expect(explainCharge(r, later ?? (r.charges[0] as never)).versions).toBeUndefined();
  });

  it("a one-off cost is shared by the version in force on its date", () => {
    const m = hrModel("days");
    const lines = [
      { ref: "OO-1", category: "revenue", nature: "one-off", amount: 1000, start: "2022-10-02", basis: "HR" },
      { ref: "OO-2", category: "revenue", nature: "one-off", amount: 1000, start: "2022-10-03", basis: "HR" },
    ];
    const r = unwrap(apportionModel({ ...m, costLines: lines }));
    expect(shares(r, "OO-1")).toEqual({ A: 74_000, B: 26_000 });
    expect(shares(r, "OO-2")).toEqual({ A: 82_000, B: 18_000 });
  });
});

describe("a version change in the year a partner joins follows the period rule", () => {
  it("cuts at the version date and the join date; each period by its own version among its members", () => {
    // IAA 50/30/20 until 30 September 2020, 40/40/20 from 1 October; C joins on 1 January 2021; £36,500 a year, by days
    // (£100 a day). 1 Apr–30 Sep (183 days, £18,300): A and B by 50 : 30. 1 Oct–31 Dec (92 days, £9,200): A and B by
    // 40 : 40. 1 Jan–31 Mar (90 days, £9,000): all three by 40 : 40 : 20.
    // A = 18,300 × 5/8 + 9,200 / 2 + 9,000 × 0.4 = 11,437.50 + 4,600 + 3,600 = £19,637.50
    // B = 18,300 × 3/8 + 4,600 + 3,600 = £15,062.50; C = 9,000 × 0.2 = £1,800.00.
    const model: ModelInput = {
      partners: [{ id: "A", host: true }, { id: "B" }, { id: "C", joins: "2021-01-01" }],
      bases: [
        {
          id: "IAA",
          kind: "percentages",
          shares: [
            { partner: "A", percent: 50 },
            { partner: "B", percent: 30 },
            { partner: "C", percent: 20 },
          ],
        },
      ],
      basisVersions: [
        {
          basis: "IAA",
          validFrom: "2020-10-01",
          shares: [
            { partner: "A", percent: 40 },
            { partner: "B", percent: 40 },
            { partner: "C", percent: 20 },
          ],
        },
      ],
      costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: 36_500, start: "2020-04-01", basis: "IAA" }],
      settings: { firstYear: "2020/21", lastYear: "2020/21" },
    };
    const r = unwrap(apportionModel(model));
    expect(shares(r, "L")).toEqual({ A: 1_963_750, B: 1_506_250, C: 180_000 });
    const ly = r.lineYears[0];
    expect(ly?.periods?.map((p) => [p.from, p.to, p.members.join(",")])).toEqual([
      ["2020-04-01", "2020-09-30", "A,B"],
      ["2020-10-01", "2020-12-31", "A,B"],
      ["2021-01-01", "2021-03-31", "A,B,C"],
    ]);
  });

  it("a driver's dated value takes effect from its Valid from day", () => {
    // Users A 100, B 100 until 30 September 2020; B 300 from 1 October. £36,500 a year, by days.
    // 183 days (£18,300) half each; 182 days (£18,200) 1 : 3. A = 9,150 + 4,550 = £13,700; B = 9,150 + 13,650 = £22,800.
    const model: ModelInput = {
      partners: [{ id: "A" }, { id: "B" }],
      drivers: [
        {
          id: "users",
          values: [
            { partner: "A", value: 100 },
            { partner: "B", value: 100 },
            { partner: "B", value: 300, validFrom: "2020-10-01" },
          ],
        },
      ],
      costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: 36_500, start: "2020-04-01", basis: "driver:users" }],
      settings: { firstYear: "2020/21", lastYear: "2021/22" },
    };
    const r = unwrap(apportionModel(model));
    expect(shares(r, "L", "2020/21")).toEqual({ A: 1_370_000, B: 2_280_000 });
    expect(shares(r, "L", "2021/22")).toEqual({ A: 912_500, B: 2_737_500 });
  });
});

describe("versions: bad input", () => {
  it("a version that does not total 100% is refused, naming the basis", () => {
    const m = hrModel("days");
    const bad = { ...m, basisVersions: [{ basis: "HR", validFrom: "2022-10-03", shares: [{ partner: "A", percent: 80 }] }] };
    const r = apportionModel(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.kind === "percentagesNotHundred" && e.at.key === "HR from 2022-10-03")).toBe(true);
  });

  it("a version of an unknown basis, or without a Valid from, is refused", () => {
    const m = hrModel("days");
    const r = apportionModel({
      ...m,
      basisVersions: [
        { basis: "XX", validFrom: "2022-10-03", shares: [] },
        { basis: "HR", validFrom: null, shares: [] },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.kind === "unknownBasis")).toBe(true);
      expect(r.errors.some((e) => e.kind === "missingValue" && e.at.field === "validFrom")).toBe(true);
    }
  });
});

const percentSet = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .filter(([a, b]) => a + b <= 100)
  .map(([a, b]) => [a, b, 100 - a - b] as const);

describe("versions: properties", () => {
  const arb = fc.record({
    base: percentSet,
    later: percentSet,
    validFrom: fc.integer({ min: 0, max: 729 }),
    joins: fc.option(fc.integer({ min: 0, max: 729 }), { nil: undefined }),
    pence: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    proRata: fc.constantFrom("days" as const, "months" as const),
  });
  type ArbValue = {
    base: readonly [number, number, number];
    later: readonly [number, number, number];
    validFrom: number;
    joins: number | undefined;
    pence: number;
    proRata: "days" | "months";
  };
  const iso = (offset: number): string => new Date(Date.UTC(2020, 3, 1 + offset)).toISOString().slice(0, 10);
  const model = (x: ArbValue, same: boolean): ModelInput => ({
    partners: [{ id: "A" }, { id: "B" }, { id: "C", ...(x.joins === undefined ? {} : { joins: iso(x.joins) }) }],
    bases: [{ id: "P", kind: "percentages", shares: ["A", "B", "C"].map((p, i) => ({ partner: p, percent: x.base[i] ?? 0 })) }],
    basisVersions: [
      {
        basis: "P",
        validFrom: iso(x.validFrom),
        shares: ["A", "B", "C"].map((p, i) => ({ partner: p, percent: (same ? x.base : x.later)[i] ?? 0 })),
      },
    ],
    costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: (x.pence / 100).toFixed(2), start: "2020-04-01", basis: "P" }],
    settings: { firstYear: "2020/21", lastYear: "2021/22", proRata: x.proRata, zeroDriverFallback: "equal" },
  });

  it("shares sum exactly to each line-year's amount", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const r = apportionModel(model(x, false));
        if (!r.ok) return r.errors.every((e) => e.kind === "noMembers" || e.kind === "allDriversZero");
        for (const ly of r.value.lineYears) expect(ly.shares.reduce((a, b) => a + b, 0)).toBe(ly.profile.amount);
        return r.value.balance.balanced;
      }),
      { numRuns: 150 },
    );
  });

  it("a version with the base's own figures changes nothing: a single version equals the old behaviour", () => {
    fc.assert(
      fc.property(arb, (x) => {
        const plain = { ...model(x, false) };
        delete (plain as { basisVersions?: unknown }).basisVersions;
        const a = apportionModel(plain);
        const b = apportionModel(model(x, true));
        expect(b.ok).toBe(a.ok);
        if (a.ok && b.ok)
          expect(b.value.lineYears.map((l) => [l.partners, l.shares])).toEqual(a.value.lineYears.map((l) => [l.partners, l.shares]));
      }),
      { numRuns: 150 },
    );
  });
});
