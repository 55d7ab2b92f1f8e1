import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionModel,
  frac,
  largestRemainder,
  methodologyPaper,
  previousYearPaper,
  splitChange,
  type ModelInput,
} from "../../../src/engine";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/** Two partners sharing one £100 line by tickets, then £120 with the tickets moved from 50:50 to 60:40. */
const TWO_YEARS: ModelInput = {
  partners: [{ id: "A" }, { id: "B" }],
  drivers: [
    {
      id: "tickets",
      source: "ServiceNow ticket export",
      asAt: "2021-03-31",
      values: [
        { partner: "A", year: "2020/21", value: 50 },
        { partner: "B", year: "2020/21", value: 50 },
        { partner: "A", year: "2021/22", value: 60 },
        { partner: "B", year: "2021/22", value: 40 },
      ],
    },
  ],
  costLines: [
    { ref: "L1", category: "revenue", nature: "one-off", amount: 100, start: "2020-06-01", basis: "driver:tickets" },
    { ref: "L1b", service: "Licences", category: "revenue", nature: "one-off", amount: 120, start: "2021-06-01", basis: "driver:tickets" },
  ],
  settings: { firstYear: "2020/21", lastYear: "2021/22" },
};

describe("splitChange", () => {
  it("splits a change of cost at the old share from a change of share at the new cost", () => {
    // £100 at 50% → £120 at 60%: A pays £50 then £72. Cost: 50% × £20 = £10; share: 10 points × £120 = £12.
    const a = splitChange(
      { amount: 10_000, share: frac(1n, 2n), charge: 5_000 },
      { amount: 12_000, share: frac(3n, 5n), charge: 7_200 },
      1,
    );
    expect(a).toEqual({ change: 2_200, costEffect: 1_000, shareEffect: 1_200 });
    // B: £50 then £48: cost +£10, share −10 points × £120 = −£12.
    const b = splitChange(
      { amount: 10_000, share: frac(1n, 2n), charge: 5_000 },
      { amount: 12_000, share: frac(2n, 5n), charge: 4_800 },
      1,
    );
    expect(b).toEqual({ change: -200, costEffect: 1_000, shareEffect: -1_200 });
  });

  it("makes a line new this year all change of cost, and a line gone all change of cost too", () => {
    const none = frac(0n, 1n);
    expect(splitChange({ amount: 0, share: none, charge: 0 }, { amount: 9_000, share: frac(1n, 3n), charge: 3_000 }, 1)).toEqual({
      change: 3_000,
      costEffect: 3_000,
      shareEffect: 0,
    });
    expect(splitChange({ amount: 9_000, share: frac(1n, 3n), charge: 3_000 }, { amount: 0, share: none, charge: 0 }, 1)).toEqual({
      change: -3_000,
      costEffect: -3_000,
      shareEffect: 0,
    });
  });

  it("rounds the change of cost to the unit and leaves the rest, rounding included, to the change of share", () => {
    // £1 three ways (34p, 33p, 33p) then £2 three ways (67p, 67p, 66p): the first partner's exact cost effect is 33⅓p.
    const s = splitChange({ amount: 100, share: frac(1n, 3n), charge: 34 }, { amount: 200, share: frac(1n, 3n), charge: 67 }, 1);
    expect(s).toEqual({ change: 33, costEffect: 33, shareEffect: 0 });
    // In whole pounds: both parts are whole pounds.
    const p = splitChange(
      { amount: 10_000, share: frac(1n, 3n), charge: 3_300 },
      { amount: 25_000, share: frac(1n, 3n), charge: 8_300 },
      100,
    );
    expect(p.costEffect % 100).toBe(0);
    expect(p.costEffect + p.shareEffect).toBe(5_000);
  });

  it("always adds up exactly to the change, with the change of cost within half a unit of its exact value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.constantFrom(1, 100, 100_000),
        (w0, w1, rawA0, rawA1, unit) => {
          const n = Math.min(w0.length, w1.length);
          const before = w0.slice(0, n).map((w, i) => (i === 0 ? w + 1 : w));
          const after = w1.slice(0, n).map((w, i) => (i === 0 ? w + 1 : w));
          const a0 = Math.trunc(rawA0 / unit) * unit;
          const a1 = Math.trunc(rawA1 / unit) * unit;
          const c0 = largestRemainder(a0 / unit, before).map((x) => x * unit);
          const c1 = largestRemainder(a1 / unit, after).map((x) => x * unit);
          const t0 = before.reduce((s, x) => s + x, 0);
          const t1 = after.reduce((s, x) => s + x, 0);
          for (let i = 0; i < n; i++) {
            const s0 = frac(BigInt(before[i] ?? 0), BigInt(t0));
            const s1 = frac(BigInt(after[i] ?? 0), BigInt(t1));
            const r = splitChange({ amount: a0, share: s0, charge: c0[i] ?? 0 }, { amount: a1, share: s1, charge: c1[i] ?? 0 }, unit);
            expect(r.costEffect + r.shareEffect).toBe(r.change);
            expect(r.change).toBe((c1[i] ?? 0) - (c0[i] ?? 0));
            expect(Math.abs(r.costEffect % unit)).toBe(0);
            // |cost effect − exact| ≤ unit / 2, in whole numbers: |2·t0·effect − 2·w0·Δcost| ≤ t0·unit.
            const base = a0 === 0 ? s1 : s0;
            const gap = 2n * base.d * BigInt(r.costEffect) - 2n * base.n * BigInt(a1 - a0);
            expect(gap < 0n ? -gap : gap).toBeLessThanOrEqual(base.d * BigInt(unit));
          }
        },
      ),
    );
  });
});

describe("methodologyPaper", () => {
  it("says each partner's shares, their change in points and the split of its change", () => {
    const result = unwrap(apportionModel(TWO_YEARS));
    const paper = previousYearPaper(TWO_YEARS, result);
    expect(paper?.year).toBe("2021/22");
    expect(paper?.previousYear).toBe("2020/21");
    const a = paper?.totals.find((t) => t.partner === "A");
    // L1 (£100, 50%) is gone: −£50 of cost; L1b (£120, 60%, another service) is new: +£72 of cost. Change +£22, no change of share.
    expect(a).toMatchObject({ before: 5_000, after: 7_200, change: 2_200, costEffect: 2_200, shareEffect: 0 });
    const tickets = paper?.drivers.find((d) => d.id === "tickets");
    expect(tickets).toMatchObject({ source: "ServiceNow ticket export", asAt: "2021-03-31", before: ["50", "50"], after: ["60", "40"] });
  });

  it("puts lines of one service, category and basis in one group, whose shares are its charges over its cost", () => {
    const model: ModelInput = { ...TWO_YEARS, costLines: TWO_YEARS.costLines.map((l) => ({ ...l, service: "ICT" })) };
    const paper = previousYearPaper(model, unwrap(apportionModel(model)));
    expect(paper?.groups.map((g) => g.refs)).toEqual([["L1", "L1b"]]);
    // The group cost £100 at 50% and then £120 at 60%: A's +£22 is +£10 of cost and +£12 of share.
    expect(paper?.totals.find((t) => t.partner === "A")).toMatchObject({ change: 2_200, costEffect: 1_000, shareEffect: 1_200 });
  });

  it("splits one line's change into cost and share when the line runs on", () => {
    const model: ModelInput = {
      ...TWO_YEARS,
      costLines: [
        {
          ref: "L1",
          category: "revenue",
          nature: "ongoing",
          amount: 100,
          start: "2020-04-01",
          basis: "driver:tickets",
          indexationRate: 20,
        },
      ],
    };
    const paper = previousYearPaper(model, unwrap(apportionModel(model)));
    const line = paper?.groups.find((g) => g.refs.includes("L1"));
    expect(line?.amountBefore).toBe(10_000);
    expect(line?.amountAfter).toBe(12_000);
    const [a, b] = line?.partners ?? [];
    expect(a).toMatchObject({
      change: 2_200,
      costEffect: 1_000,
      shareEffect: 1_200,
      percentBefore: "50.00",
      percentAfter: "60.00",
      pointsChange: "10.00",
    });
    expect(b).toMatchObject({ change: -200, costEffect: 1_000, shareEffect: -1_200, pointsChange: "-10.00" });
  });

  it("adds up for every partner and line: cost + share = change, and the lines add up to the partner's change", () => {
    fc.assert(
      fc.property(modelArb({ yearly: true }), fc.constantFrom(2021, 2022), (model, year) => {
        const result = unwrap(apportionModel(model));
        const paper = methodologyPaper({ model, result, year }, { model, result, year: year - 1 });
        // Each partner's charges in a year, from the result's own charges.
        const charged = (partner: string, fy: number): number =>
          result.charges.filter((c) => c.partner === partner && c.year === fy).reduce((s, c) => s + c.amount, 0);
        for (const g of paper.groups)
          for (const p of g.partners) {
            expect(p.costEffect + p.shareEffect).toBe(p.change);
            expect(p.change).toBe(p.after - p.before);
          }
        for (const t of paper.totals) {
          const lines = paper.groups.map((g) => g.partners.find((p) => p.partner === t.partner));
          expect(lines.reduce((s, p) => s + (p?.change ?? 0), 0)).toBe(t.change);
          expect(lines.reduce((s, p) => s + (p?.costEffect ?? 0), 0)).toBe(t.costEffect);
          expect(t.costEffect + t.shareEffect).toBe(t.change);
          expect(t.before).toBe(charged(t.partner, year - 1));
          expect(t.after).toBe(charged(t.partner, year));
        }
      }),
      { numRuns: 150 },
    );
  });
});
