import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionModel, explainCharge, parseDate, type ApportionResult, type CostLineInput, type ModelInput } from "../../src/engine";
import { unwrap } from "./scenarios/model-arbitrary";

/**
 * One membership rule for every basis (issue 24; docs/membership.md "Membership over
 * time"): the year is cut into membership periods at every join and leave
 * date; each period's part of the year amount is shared among the members
 * present throughout it by their basis weights; a partner's charge is the sum
 * of its exact period shares, rounded once.
 */

const day = (text: string): number => unwrap(parseDate(text, { entity: "argument" }));
const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);

function shareOf(r: ApportionResult, ref: string, partner: string): number | undefined {
  const ly = r.lineYears.find((l) => l.lineRef === ref);
  const i = ly?.partners.indexOf(partner) ?? -1;
  return i < 0 ? undefined : ly?.shares[i];
}

/** BRE, LEW and SOU all year; LH joins on 10 January 2024. Usage 500 / 300 / 200 / 250 in every form. */
function joinerModel(basis: string): ModelInput {
  const usage = { BRE: 500, LEW: 300, SOU: 200, LH: 250 };
  const ids = Object.keys(usage) as (keyof typeof usage)[];
  return {
    partners: [{ id: "BRE", host: true }, { id: "LEW" }, { id: "SOU" }, { id: "LH", joins: "2024-01-10" }],
    drivers: [
      { id: "tickets", values: ids.map((p) => ({ partner: p, value: usage[p] })) },
      { id: "users", values: ids.map((p) => ({ partner: p, value: usage[p] * 2 })) },
    ],
    bases: [
      // The same proportions as percentages (500 : 300 : 200 : 250 of 1,250).
      { id: "IAA", kind: "percentages", shares: ids.map((p) => ({ partner: p, percent: (usage[p] * 100) / 1250 })) },
      {
        id: "mix",
        kind: "mix",
        components: [
          { source: "driver:tickets", weight: 50 },
          { source: "driver:users", weight: 50 },
        ],
      },
      {
        id: "basePlus",
        kind: "mix",
        components: [
          { source: "equal", weight: 40 },
          { source: "driver:tickets", weight: 60 },
        ],
      },
    ],
    costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: 500_000, start: "2023-04-01", basis } satisfies CostLineInput],
    settings: { firstYear: "2023/24", lastYear: "2023/24" },
    support: {
      services: [{ id: "ICT" }],
      usage: ids.map((p) => ({ service: "ICT", by: p, value: usage[p] })),
    },
  };
}

describe("a partner joining on 10 January 2024 pays the same under every basis with the same usage", () => {
  // 2023/24 has 366 days; 10 January to 31 March is 82 of them. £500,000 × 82/366 = £112,021.857…, of which
  // LH's usage share is 250/1,250: £22,404.3715… → £22,404.37. (Before, a driver line charged it £26,520.05:
  // weight × membership, 250 × 82/366 against the others' full-year weights, more than its usage share.)
  it.each(["tickets", "support:ICT", "IAA", "mix"])("shared by %s: £22,404.37", (basis) => {
    const r = unwrap(apportionModel(joinerModel(basis)));
    expect(shareOf(r, "L", "LH")).toBe(2_240_437);
    expect(r.balance.balanced).toBe(true);
  });

  it("base plus variable: each part shared among the period's members by its own weights", () => {
    const r = unwrap(apportionModel(joinerModel("basePlus")));
    // 40% equally among the four present (£112,021.857… × 40% ÷ 4 = £11,202.19) + 60% by tickets (× 60% × 250/1,250
    // = £13,442.62): £24,644.81.
    expect(shareOf(r, "L", "LH")).toBe(2_464_481);
  });

  it("the trace shows the membership periods and who shared each", () => {
    const r = unwrap(apportionModel(joinerModel("tickets")));
    const c = r.charges.find((x) => x.partner === "LH");
    if (c === undefined) throw new Error("no charge");
    const t = explainCharge(r, c);
    expect(t.periods).toEqual([
      { from: "2023-04-01", to: "2024-01-09", part: "284/366", members: ["BRE", "LEW", "SOU"] },
      { from: "2024-01-10", to: "2024-03-31", part: "82/366", members: ["BRE", "LEW", "LH", "SOU"] },
    ]);
    expect(t.working).toContain("Membership periods: 1 April 2023 to 9 January 2024 (284/366 of the year): BRE, LEW, SOU");
    expect(t.working).toContain("10 January 2024 to 31 March 2024 (82/366 of the year): BRE, LEW, LH, SOU");
  });
});

/** Exact rationals for the independent day-by-day reckoning. */
type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const q = (n: bigint, d: bigint): Q => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);

describe("property: every basis follows the membership periods, day by day", () => {
  it("shares add up exactly, each is within a penny of its day-by-day exact share, and nobody pays for a day it was not a member", () => {
    const fy = { from: day("2020-04-01"), to: day("2021-03-31") };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            joins: fc.option(fc.integer({ min: fy.from - 30, max: fy.to + 30 }), { nil: undefined }),
            span: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
            tickets: fc.integer({ min: 1, max: 5000 }),
            users: fc.integer({ min: 1, max: 5000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom("equal", "tickets", "mix"),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        (ps, basis, pence) => {
          // The host is always a member, so every day has someone to share it.
          const all = [{ joins: undefined, span: undefined, tickets: 700, users: 300 }, ...ps];
          const ids = all.map((_, i) => `P${i}`);
          const dates = all.map((p) => ({
            joins: p.joins,
            leaves: p.span === undefined ? undefined : (p.joins ?? fy.from - 60) + p.span,
          }));
          const m: ModelInput = {
            partners: ids.map((id, i) => ({
              id,
              ...(dates[i]?.joins === undefined ? {} : { joins: iso(dates[i]?.joins as number) }),
              ...(dates[i]?.leaves === undefined ? {} : { leaves: iso(dates[i]?.leaves as number) }),
            })),
            drivers: [
              { id: "tickets", values: all.map((p, i) => ({ partner: ids[i] as string, value: p.tickets })) },
              { id: "users", values: all.map((p, i) => ({ partner: ids[i] as string, value: p.users })) },
            ],
            bases: [
              {
                id: "mix",
                kind: "mix",
                components: [
                  { source: "equal", weight: 30 },
                  { source: "driver:tickets", weight: 45 },
                  { source: "driver:users", weight: 25 },
                ],
              },
            ],
            costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: pence / 100, start: "2020-04-01", basis }],
            settings: { firstYear: "2020/21", lastYear: "2020/21" },
          };
          const r = apportionModel(m);
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          const ly = r.value.lineYears[0];
          if (ly === undefined) throw new Error("no line-year");
          expect(ly.shares.reduce((a, s) => a + s, 0)).toBe(pence);
          const comps: { w: bigint; v: (i: number) => bigint }[] =
            basis === "equal"
              ? [{ w: 100n, v: () => 1n }]
              : basis === "tickets"
                ? [{ w: 100n, v: (i) => BigInt(all[i]?.tickets ?? 0) }]
                : [
                    { w: 30n, v: () => 1n },
                    { w: 45n, v: (i) => BigInt(all[i]?.tickets ?? 0) },
                    { w: 25n, v: (i) => BigInt(all[i]?.users ?? 0) },
                  ];
          const exact: Q[] = ids.map(() => q(0n, 1n));
          const member = (i: number, d: number): boolean =>
            (dates[i]?.joins === undefined || (dates[i]?.joins as number) <= d) &&
            (dates[i]?.leaves === undefined || (dates[i]?.leaves as number) >= d);
          const days = ids.map(() => 0);
          for (let d = fy.from; d <= fy.to; d++) {
            const present = ids.map((_, i) => member(i, d));
            present.forEach((p, i) => (days[i] = (days[i] ?? 0) + (p ? 1 : 0)));
            for (const c of comps) {
              let sum = 0n;
              present.forEach((p, i) => (sum += p ? c.v(i) : 0n));
              present.forEach((p, i) => {
                if (p) exact[i] = add(exact[i] as Q, q(BigInt(pence) * c.w * c.v(i), 100n * 365n * sum));
              });
            }
          }
          ids.forEach((id, i) => {
            const k = ly.partners.indexOf(id);
            const share = BigInt(k < 0 ? 0 : (ly.shares[k] ?? 0));
            const e = exact[i] as Q;
            // |share − exact| < 1 penny.
            const diff = share * e.d - e.n;
            expect((diff < 0n ? -diff : diff) < e.d).toBe(true);
            // A partner that was a member on no day of the year is not charged at all.
            if (days[i] === 0) expect(k).toBe(-1);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
