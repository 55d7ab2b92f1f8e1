import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionModel,
  errorMessage,
  explainCharge,
  parseDate,
  runModel,
  type ApportionResult,
  type CostLineInput,
  type ModelInput,
  type PartnerInput,
} from "../../src/engine";
import { fyEnd, fyStart } from "../../src/engine";
import { isMemberOn } from "../../src/engine/membership";
import { modelArb, unwrap } from "./scenarios/model-arbitrary";

/** The shares of one line in one year, by partner (partners not listed were not members at all). */
function sharesOf(r: ApportionResult, ref: string, year: string): Record<string, number> {
  const ly = r.lineYears.find((l) => l.lineRef === ref && l.yearLabel === year);
  if (ly === undefined) throw new Error(`no ${ref} in ${year}`);
  return Object.fromEntries(ly.partners.map((p, i) => [p, ly.shares[i] ?? 0]));
}

const day = (text: string): number => unwrap(parseDate(text, { entity: "argument" }));
const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** Two partners that were always members and one, C, with the dates given. */
function model(c: Partial<PartnerInput>, lines: CostLineInput[], proRata: "days" | "months" = "days"): ModelInput {
  return {
    partners: [{ id: "A" }, { id: "B" }, { id: "C", ...c }],
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
    drivers: [
      {
        id: "tickets",
        values: [
          { partner: "A", value: 1000 },
          { partner: "B", value: 1000 },
          { partner: "C", value: 500 },
        ],
      },
    ],
    costLines: lines,
    settings: { firstYear: "2020/21", lastYear: "2021/22", proRata },
  };
}

const annual = (ref: string, amount: number, basis = "equal", extra: Partial<CostLineInput> = {}): CostLineInput => ({
  ref,
  category: "revenue",
  nature: "ongoing",
  amount,
  start: "2020-04-01",
  basis,
  ...extra,
});
const oneOff = (ref: string, amount: number, date: string, basis = "equal"): CostLineInput => ({
  ref,
  category: "capital",
  nature: "one-off",
  amount,
  start: date,
  basis,
});

describe("membership over time: worked examples", () => {
  it("a mid-year joiner by days: C joins 1 January 2021, a member for 90 of 365 days of 2020/21", () => {
    const r = unwrap(apportionModel(model({ joins: "2021-01-01" }, [annual("L", 36_500)])));
    // Two membership periods: 1 April to 31 December (275 days, £27,500) shared by A and B, £13,750 each;
    // 1 January to 31 March (90 days, £9,000) by all three, £3,000 each. C pays £3,000.00; A and B £16,750.00.
    expect(sharesOf(r, "L", "2020/21")).toEqual({ A: 1_675_000, B: 1_675_000, C: 300_000 });
    // A whole year as a member: equal thirds.
    expect(sharesOf(r, "L", "2021/22")).toEqual({ A: 1_216_667, B: 1_216_667, C: 1_216_666 });
    expect(r.lineYears.find((l) => l.yearLabel === "2020/21")?.membership).toEqual(["1", "1", "18/73"]);
  });

  it("a mid-year joiner by months: 1 January is 3/12; 16 January is 16/31 of January and two whole months", () => {
    const first = unwrap(apportionModel(model({ joins: "2021-01-01" }, [annual("L", 36_500)], "months")));
    // 9/12 of £36,500 (£27,375) by A and B, £13,687.50 each; 3/12 (£9,125) by all three, £3,041.666… each.
    // A and B £16,729.1666…, C £3,041.6666…: equal remainders, so the two spare pennies go to A and B (ids first).
    expect(sharesOf(first, "L", "2020/21")).toEqual({ A: 1_672_917, B: 1_672_917, C: 304_166 });
    const mid = unwrap(apportionModel(model({ joins: "2021-01-16" }, [annual("L", 36_500)], "months")));
    // (16/31 + 2) ÷ 12 = 78/372 = 13/62 of the year by all three: C pays £36,500 × 13/62 ÷ 3 = £2,551.075… → £2,551.08;
    // A and B each half of the other 49/62 (£14,423.387…) plus a third of the 13/62: £16,974.46.
    expect(sharesOf(mid, "L", "2020/21")).toEqual({ A: 1_697_446, B: 1_697_446, C: 255_108 });
    expect(mid.lineYears[0]?.membership).toEqual(["1", "1", "13/62"]);
  });

  it("a leaver: C leaves on 30 September 2020 (183 of 365 days) and is not charged for 2021/22 at all", () => {
    const r = unwrap(apportionModel(model({ leaves: "2020-09-30" }, [annual("L", 36_500)])));
    // 1 April to 30 September (183 days, £18,300) by all three, £6,100 each; 1 October to 31 March
    // (182 days, £18,200) by A and B, £9,100 each. C pays £6,100.00, A and B £15,200.00.
    expect(sharesOf(r, "L", "2020/21")).toEqual({ A: 1_520_000, B: 1_520_000, C: 610_000 });
    expect(sharesOf(r, "L", "2021/22")).toEqual({ A: 1_825_000, B: 1_825_000 });
    expect(r.charges.filter((c) => c.partner === "C" && c.yearLabel === "2021/22")).toEqual([]);
  });

  it("a one-off before C joins is shared by A and B only; one after is shared by all three", () => {
    const r = unwrap(
      apportionModel(
        model({ joins: "2021-01-01" }, [
          oneOff("LAPTOPS", 900, "2020-06-30"),
          oneOff("SWITCH", 900, "2021-02-01"),
          oneOff("ONDAY", 900, "2021-01-01"),
        ]),
      ),
    );
    expect(sharesOf(r, "LAPTOPS", "2020/21")).toEqual({ A: 45_000, B: 45_000 });
    expect(sharesOf(r, "SWITCH", "2020/21")).toEqual({ A: 30_000, B: 30_000, C: 30_000 });
    // Joins is inclusive: on the day it joins, it is a member.
    expect(sharesOf(r, "ONDAY", "2020/21")).toEqual({ A: 30_000, B: 30_000, C: 30_000 });
  });

  it("a driver basis: each membership period shared by the drivers of the members present, 1,000 : 1,000 (: 500)", () => {
    const r = unwrap(apportionModel(model({ joins: "2021-01-01" }, [annual("L", 100_000, "tickets")])));
    // 275/365 of £100,000 (£75,342.4657…) by A and B, 1,000 : 1,000; 90/365 (£24,657.5342…) by 1,000 : 1,000 : 500.
    // C: £24,657.53… × 500/2,500 = £4,931.51 — its usage share of the quarter it was there, as a percentage
    // basis of 20% gives (before this rule, weight × membership gave it £5,806.45: more than its usage share).
    expect(sharesOf(r, "L", "2020/21")).toEqual({ A: 4_753_425, B: 4_753_424, C: 493_151 });
  });

  it("fixed percentages with a part-year member: C's absent share is re-spread over those present in proportion to theirs", () => {
    const r = unwrap(apportionModel(model({ joins: "2021-01-01" }, [annual("L", 100_000, "IAA")])));
    // 275 days of A and B alone, 50 : 30 (62.5% and 37.5%); 90 days of all three, 50 : 30 : 20.
    // A: (275 × 62.5% + 90 × 50%) ÷ 365 = 216.875/365 → £59,417.81
    // B: (275 × 37.5% + 90 × 30%) ÷ 365 = 130.125/365 → £35,650.68
    // C: (90 × 20%) ÷ 365 = 18/365 → £4,931.51 — exactly its 20% for the quarter it was there.
    expect(sharesOf(r, "L", "2020/21")).toEqual({ A: 5_941_781, B: 3_565_068, C: 493_151 });
    expect(sharesOf(r, "L", "2021/22")).toEqual({ A: 5_000_000, B: 3_000_000, C: 2_000_000 });
  });

  it("a partner that is a member for none of a year gets exactly zero and is not listed", () => {
    const r = unwrap(apportionModel(model({ joins: "2021-04-01" }, [annual("L", 36_500, "IAA"), annual("E", 36_500)])));
    expect(sharesOf(r, "L", "2020/21")).toEqual({ A: 2_281_250, B: 1_368_750 });
    expect(sharesOf(r, "E", "2020/21")).toEqual({ A: 1_825_000, B: 1_825_000 });
    expect(r.lineYears.find((l) => l.yearLabel === "2020/21")?.membership).toEqual(["1", "1"]);
    expect(r.lineYears.find((l) => l.yearLabel === "2021/22")?.membership).toBeUndefined();
  });

  it("a line charged directly to a partner that is not a member then is an error naming the line and year", () => {
    const r = apportionModel(model({ joins: "2021-04-01" }, [oneOff("ONB", 500, "2020-06-01", "direct:C")]));
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Cost line "ONB", year 2020/21, basis: none of the partners sharing it by "direct:C" is a member on 1 June 2020 (see the ' +
        "Partners table's Joins and Leaves dates), so nobody can be charged for it.",
    ]);
  });

  it("refuses an ongoing line charged directly to a partner that is a member for only part of a year, pointing at the date to set", () => {
    // Otherwise C, the only partner sharing it, would pay the whole year's £12,000 for the half year it was a member.
    const r = apportionModel(model({ leaves: "2020-09-30" }, [annual("SUPPORT", 12_000, "direct:C")]));
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Cost line "SUPPORT", year 2020/21, end: it is charged directly to "C", which is a member for only part of 2020/21; give ' +
        'the line a Start or End date on the day "C" joins or leaves, so it is not charged for time it was not a member.',
      // …and in 2021/22 nobody sharing it is a member at all.
      'Cost line "SUPPORT", year 2021/22, basis: none of the partners sharing it by "direct:C" is a member in 2021/22 (see the ' +
        "Partners table's Joins and Leaves dates), so nobody can be charged for it.",
    ]);
    // Ended on its leaving day, the line is C's for exactly the days it runs: £12,000 × 183/365.
    const ended = unwrap(apportionModel(model({ leaves: "2020-09-30" }, [annual("SUPPORT", 12_000, "direct:C", { end: "2020-09-30" })])));
    expect(ended.lineYears.map((ly) => [ly.yearLabel, ly.partners, ly.shares])).toEqual([["2020/21", ["A", "B", "C"], [0, 0, 601_644]]]);
  });

  it("rejects a Leaves date before the Joins date, and a date that is not a date, naming the partner", () => {
    const r = apportionModel(model({ joins: "2021-04-01", leaves: "2021-03-31" }, [annual("L", 1)]));
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual(['Partner "C", leaves: end date 2021-03-31 is before start date 2021-04-01.']);
    const bad = apportionModel(model({ joins: "soon" }, [annual("L", 1)]));
    expect(bad.ok ? [] : bad.errors.map(errorMessage)).toEqual([
      'Partner "C", joins: "soon" is not a date; use a date cell or YYYY-MM-DD.',
    ]);
  });

  it("the trace shows the membership fraction and the weight that allows for it", () => {
    const r = unwrap(apportionModel(model({ joins: "2021-01-01" }, [annual("L", 36_500)])));
    const c = r.charges.find((x) => x.partner === "C" && x.yearLabel === "2020/21");
    if (c === undefined) throw new Error("no charge");
    expect(explainCharge(r, c)).toMatchObject({ membership: "18/73", weight: "12", totalWeight: "146", share: 300_000 });
    const a = r.charges.find((x) => x.partner === "A" && x.yearLabel === "2021/22");
    if (a === undefined) throw new Error("no charge");
    expect(explainCharge(r, a).membership).toBe("1");
  });

  it("a partner within another inherits its parent's membership unless it has its own dates", () => {
    const base: ModelInput = {
      partners: [{ id: "A" }, { id: "LEW", joins: "2020-10-01" }],
      drivers: [
        {
          id: "tickets",
          values: [
            { partner: "A", value: 3000 },
            { partner: "LEW", value: 1000 },
          ],
        },
      ],
      costLines: [annual("L", 36_500, "tickets"), oneOff("EARLY", 400, "2020-06-01", "tickets")],
      settings: { firstYear: "2020/21", lastYear: "2021/22" },
      withinPartners: [{ partner: { id: "LH" }, within: "LEW", drivers: { tickets: 500 } }],
    };
    const inherit = unwrap(runModel(base));
    // LEW (and so LH) were not members on 1 June 2020: no charge at all for either.
    expect(inherit.rows.filter((r) => r.lineRef === "EARLY").map((r) => r.partner)).toEqual(["A"]);
    // In 2021/22 LH has half of LEW's share (500 of its 1,000 tickets): £36,500 × 1/4 = £9,125 → £4,562.50 each.
    const y2 = inherit.rows.filter((r) => r.lineRef === "L" && r.yearLabel === "2021/22");
    expect(y2.map((r) => [r.partner, r.amount])).toEqual([
      ["A", 2_737_500],
      ["LEW", 456_250],
      ["LH", 456_250],
    ]);
    // LH joining on 1 April 2021, a year after its parent: nothing in 2020/21; in 2021/22 as before.
    const later = unwrap(
      runModel({ ...base, withinPartners: [{ partner: { id: "LH", joins: "2021-04-01" }, within: "LEW", drivers: { tickets: 500 } }] }),
    );
    expect(later.rows.filter((r) => r.partner === "LH" && r.yearLabel === "2020/21")).toEqual([]);
    expect(later.rows.filter((r) => r.lineRef === "L" && r.yearLabel === "2021/22").map((r) => r.amount)).toEqual(y2.map((r) => r.amount));
    // Parent plus partner within always pay exactly the parent's share.
    for (const run of [inherit, later]) {
      const core = run.result.lineYears
        .flatMap((ly) => ly.partners.map((p, i) => ({ ref: ly.lineRef, year: ly.yearLabel, p, amount: ly.shares[i] ?? 0 })))
        .filter((x) => x.p === "LEW");
      for (const c of core) {
        const paid = run.rows
          .filter((r) => r.lineRef === c.ref && r.yearLabel === c.year && (r.partner === "LEW" || r.partner === "LH"))
          .reduce((s, r) => s + r.amount, 0);
        expect(paid).toBe(c.amount);
      }
    }
  });
});

describe("membership over time: properties", () => {
  it("property: a partner within another is charged only while both are members, and the two always pay exactly the parent's share", () => {
    const when = fc.option(fc.integer({ min: day("2020-01-01"), max: day("2022-12-31") }), { nil: undefined });
    fc.assert(
      fc.property(
        when,
        when,
        fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }),
        fc.constantFrom("days", "months"),
        (parentJoins, ownJoins, ownSpan, proRata) => {
          const lh: PartnerInput = {
            id: "LH",
            ...(ownJoins === undefined ? {} : { joins: iso(ownJoins) }),
            ...(ownSpan === undefined ? {} : { leaves: iso((ownJoins ?? day("2020-01-01")) + ownSpan) }),
          };
          const m: ModelInput = {
            partners: [{ id: "A" }, { id: "LEW", ...(parentJoins === undefined ? {} : { joins: iso(parentJoins) }) }],
            drivers: [
              {
                id: "tickets",
                values: [
                  { partner: "A", value: 3000 },
                  { partner: "LEW", value: 1000 },
                ],
              },
            ],
            costLines: [
              annual("L", 36_500, "tickets"),
              oneOff("O1", 400, "2020-06-01", "tickets"),
              oneOff("O2", 401, "2021-11-15", "tickets"),
            ],
            settings: { firstYear: "2020/21", lastYear: "2022/23", proRata },
            withinPartners: [{ partner: lh, within: "LEW", drivers: { tickets: 400 } }],
          };
          const run = unwrap(runModel(m));
          const member = (d: number): boolean =>
            (parentJoins === undefined || parentJoins <= d) &&
            (lh.joins === undefined || day(String(lh.joins)) <= d) &&
            (lh.leaves === undefined || day(String(lh.leaves)) >= d);
          for (const ly of run.result.lineYears) {
            const i = ly.partners.indexOf("LEW");
            const paid = run.rows
              .filter((r) => r.lineRef === ly.lineRef && r.year === ly.year && (r.partner === "LEW" || r.partner === "LH"))
              .reduce((a, r) => a + r.amount, 0);
            expect(paid).toBe(i < 0 ? 0 : (ly.shares[i] ?? 0));
            const lhRow = run.rows.find((r) => r.lineRef === ly.lineRef && r.year === ly.year && r.partner === "LH");
            if (lhRow === undefined) continue;
            // LH has a charge only if it (and its parent) were members on some day the line ran that year.
            const from = ly.nature === "one-off" ? ly.lineStart : Math.max(ly.lineStart, fyStart(ly.year));
            const to = ly.nature === "one-off" ? ly.lineStart : Math.min(ly.lineEnd ?? Number.MAX_SAFE_INTEGER, fyEnd(ly.year));
            let any = false;
            for (let d = from; d <= to && !any; d++) any = member(d);
            expect(any).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("property: fixed percentages by days are each partner's percentage of those present, day by day, to within a penny", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            joins: fc.option(fc.integer({ min: day("2020-03-01"), max: day("2021-05-01") }), { nil: undefined }),
            span: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
            percent: fc.integer({ min: 1, max: 60 }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
        fc.integer({ min: 1, max: 100_000_000 }),
        (ps, pence) => {
          const total = ps.reduce((a, p) => a + p.percent, 0);
          const ids = ps.map((_, i) => `P${i}`);
          const partners: PartnerInput[] = ps.map((p, i) => ({
            id: ids[i] as string,
            ...(p.joins === undefined ? {} : { joins: iso(p.joins) }),
            ...(p.span === undefined ? {} : { leaves: iso((p.joins ?? day("2020-01-01")) + p.span) }),
          }));
          // Percentages as exact decimals of the random weights (they total 100 by construction of the last one).
          const shares = ps.map((p, i) => ({
            partner: ids[i] as string,
            percent: i < ps.length - 1 ? ((p.percent * 100) / total).toFixed(6) : "0",
          }));
          const used = shares.slice(0, -1).reduce((a, x) => a + Number(x.percent) * 1e6, 0);
          shares[shares.length - 1] = { partner: ids[ids.length - 1] as string, percent: ((100e6 - Math.round(used)) / 1e6).toFixed(6) };
          const m: ModelInput = {
            partners,
            bases: [{ id: "IAA", kind: "percentages", shares }],
            costLines: [annual("L", pence / 100, "IAA")],
            settings: { firstYear: "2020/21", lastYear: "2020/21" },
          };
          const r = apportionModel(m);
          if (!r.ok) return;
          const ly = r.value.lineYears[0];
          if (ly === undefined) return;
          // Day by day: the members present share that day's 1/365 by their percentages.
          const pct = shares.map((x) => Math.round(Number(x.percent) * 1e6));
          const exact = ids.map(() => 0n);
          let days = 0n;
          for (let d = day("2020-04-01"); d <= day("2021-03-31"); d++) {
            const present = partners.map(
              (p) => (p.joins === undefined || day(String(p.joins)) <= d) && (p.leaves === undefined || day(String(p.leaves)) >= d),
            );
            const sum = pct.reduce((a, x, i) => a + (present[i] ? x : 0), 0);
            if (sum === 0) continue;
            days++;
            // Scaled by the product of every day's denominator would be huge: accumulate as fractions of a common 1e6·365 instead.
            pct.forEach((x, i) => {
              if (present[i]) exact[i] = (exact[i] ?? 0n) + (BigInt(x) * 10n ** 12n) / BigInt(sum);
            });
          }
          if (days === 0n) return;
          const scale = exact.reduce((a, x) => a + x, 0n);
          ly.partners.forEach((p, k) => {
            const i = ids.indexOf(p);
            const want = Number((BigInt(pence) * (exact[i] ?? 0n) * 1000n) / scale) / 1000;
            // Within a penny of the exact share (plus the tiny truncation of the day-by-day sums above).
            expect(Math.abs((ly.shares[k] ?? 0) - want)).toBeLessThan(1.01);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("property: dates that cover every line's whole period change nothing", () => {
    fc.assert(
      fc.property(modelArb(), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (m, early, late) => {
        // Every line's dates lie in 2019–2023, the model's years 2020/21–2022/23: members from before to after.
        const dated = {
          ...m,
          partners: m.partners.map((p) => ({ ...p, joins: iso(day("2018-12-31") - early), leaves: iso(day("2024-01-01") + late) })),
        };
        const a = apportionModel(m);
        const b = apportionModel(dated);
        expect(b.ok).toBe(a.ok);
        if (!a.ok || !b.ok) return;
        expect(b.value.lineYears.map((ly) => [ly.partners, ly.shares, ly.membership])).toEqual(
          a.value.lineYears.map((ly) => [ly.partners, ly.shares, undefined]),
        );
      }),
      { numRuns: 200 },
    );
  });

  const dateArb = fc.integer({ min: day("2019-06-01"), max: day("2023-06-01") });
  const partnerArb = fc.record({
    joins: fc.option(dateArb, { nil: undefined }),
    span: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
  });
  const lineArb = fc.record({
    oneOff: fc.boolean(),
    amount: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    start: fc.integer({ min: day("2020-04-01"), max: day("2023-03-31") }),
    length: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    basis: fc.constantFrom("equal", "tickets", "IAA", "mix"),
  });

  it("property: shares add up exactly, nobody is charged outside membership, and only 'no members' can stop a run", () => {
    const ran = { total: 0, ok: 0 };
    fc.assert(
      fc.property(
        fc.array(partnerArb, { minLength: 2, maxLength: 5 }),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("days", "months"),
        (ps, ls, proRata) => {
          const ids = ps.map((_, i) => `P${i}`);
          const partners: PartnerInput[] = ps.map((p, i) => ({
            id: ids[i] as string,
            ...(p.joins === undefined ? {} : { joins: iso(p.joins) }),
            ...(p.span === undefined ? {} : { leaves: iso((p.joins ?? day("2020-01-01")) + p.span) }),
          }));
          const costLines: CostLineInput[] = ls.map((l, i) =>
            l.oneOff
              ? {
                  ref: `L${i}`,
                  category: "capital",
                  nature: "one-off",
                  amount: (l.amount / 100).toFixed(2),
                  start: iso(l.start),
                  basis: l.basis,
                }
              : {
                  ref: `L${i}`,
                  category: "revenue",
                  nature: "ongoing",
                  amount: (l.amount / 100).toFixed(2),
                  start: iso(l.start),
                  ...(l.length === undefined ? {} : { end: iso(l.start + l.length) }),
                  basis: l.basis,
                },
          );
          // Percentages that total 100 exactly: everything on P0 but 10 × (n − 1).
          const shares = ids.map((p, i) => ({ partner: p, percent: i === 0 ? 100 - 10 * (ids.length - 1) : 10 }));
          const m: ModelInput = {
            partners,
            drivers: [{ id: "tickets", values: ids.map((p, i) => ({ partner: p, value: 100 * (i + 1) })) }],
            bases: [
              { id: "IAA", kind: "percentages", shares },
              {
                id: "mix",
                kind: "mix",
                components: [
                  { source: "IAA", weight: 50 },
                  { source: "driver:tickets", weight: 50 },
                ],
              },
            ],
            costLines,
            settings: { firstYear: "2020/21", lastYear: "2022/23", proRata },
          };
          const r = apportionModel(m);
          ran.total++;
          if (!r.ok) {
            for (const e of r.errors) expect(e.kind).toBe("noMembers");
            return;
          }
          ran.ok++;
          expect(r.value.balance.balanced).toBe(true);
          const dates = new Map(
            partners.map((p) => [
              p.id,
              {
                ...(p.joins === undefined ? {} : { joins: day(String(p.joins)) }),
                ...(p.leaves === undefined ? {} : { leaves: day(String(p.leaves)) }),
              },
            ]),
          );
          for (const ly of r.value.lineYears) {
            expect(ly.shares.reduce((s, x) => s + x, 0)).toBe(ly.profile.amount);
            // The charged days of the line in the year, worked out here from the dates alone.
            const from = ly.nature === "one-off" ? ly.lineStart : Math.max(ly.lineStart, fyStart(ly.year));
            const to = ly.nature === "one-off" ? ly.lineStart : Math.min(ly.lineEnd ?? Number.MAX_SAFE_INTEGER, fyEnd(ly.year));
            const overlaps = (p: string): boolean => {
              const d = dates.get(p) ?? {};
              return Math.max(from, d.joins ?? from) <= Math.min(to, d.leaves ?? to);
            };
            // Exactly the partners that were members for some of the charged period are listed…
            expect(ly.partners).toEqual(ids.filter(overlaps));
            // …and a one-off is charged only to members on its date.
            if (ly.nature === "one-off") for (const p of ly.partners) expect(isMemberOn(dates.get(p) ?? {}, ly.lineStart)).toBe(true);
          }
          // Without any dates, the same model gives the same shares as before membership existed.
          const always = unwrap(apportionModel({ ...m, partners: ids.map((id) => ({ id })) }));
          expect(always.lineYears.every((ly) => ly.membership === undefined)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    // Many random models run (the property is not passing by erroring out). About 55% of them do (random join and leave
    // dates often leave a line with no members), so half was too close: it failed about one run in ten.
    expect(ran.ok).toBeGreaterThan(ran.total / 3);
  });
});
