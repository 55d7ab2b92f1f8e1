import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyScenario, doNoHarm, errorMessage, runModel, runScenario, type ModelInput, type ScenarioInput } from "../../../src/engine";
import { sharedIct } from "./fixtures";
import { modelArb, totalsMap, unwrap } from "./model-arbitrary";

const ticketsOnly: ModelInput = { ...sharedIct, costLines: sharedIct.costLines.filter((l) => l.ref === "ICT-01") };

function amountOf(
  rows: readonly { partner: string; lineRef: string; yearLabel: string; amount: number }[],
  partner: string,
  ref: string,
  year: string,
): number | undefined {
  return rows.find((r) => r.partner === partner && r.lineRef === ref && r.yearLabel === year)?.amount;
}

describe("a partner within another's share (Lewisham Homes within Lewisham)", () => {
  const joinWithin: ScenarioInput = {
    name: "LH within LEW",
    changes: [{ kind: "addPartner", partner: { id: "LH", name: "Lewisham Homes" }, drivers: { tickets: 2_000 }, within: "LEW" }],
  };

  it("carves its part out of Lewisham's share and leaves Brent and Southwark exactly as they were", () => {
    const before = unwrap(runModel(ticketsOnly));
    const after = unwrap(runScenario(ticketsOnly, joinWithin));
    // £1,000,000 by tickets 20,000 : 8,000 : 28,000 (of 56,000), in pence:
    //   BRT 35,714,285.71…  LEW 14,285,714.28…  SWK 50,000,000
    // floors add to 99,999,999; the spare penny goes to the largest remainder, Brent's.
    expect(amountOf(before.rows, "BRT", "ICT-01", "2021/22")).toBe(35_714_286);
    expect(amountOf(before.rows, "LEW", "ICT-01", "2021/22")).toBe(14_285_714);
    expect(amountOf(before.rows, "SWK", "ICT-01", "2021/22")).toBe(50_000_000);
    // Lewisham's 14,285,714p is divided 6,000 : 2,000 (its own tickets : Lewisham Homes'):
    //   exact 10,714,285.5 and 3,571,428.5; floors leave one penny; the remainders tie at ½,
    //   so the larger weight (Lewisham's own 6,000) takes it.
    expect(amountOf(after.rows, "LEW", "ICT-01", "2021/22")).toBe(10_714_286);
    expect(amountOf(after.rows, "LH", "ICT-01", "2021/22")).toBe(3_571_428);
    expect(amountOf(after.rows, "BRT", "ICT-01", "2021/22")).toBe(35_714_286);
    expect(amountOf(after.rows, "SWK", "ICT-01", "2021/22")).toBe(50_000_000);
    expect(after.within[0]).toMatchObject({ lineRef: "ICT-01", parent: "LEW", parentShare: 14_285_714, parentAmount: 10_714_286 });
    // LH's exact proportion of the line is 2,000 / 56,000 = 1/28.
    expect(after.within[0]?.parts[0]?.proportion).toEqual({ n: 1n, d: 28n });
  });

  it("gives it no part of equal shares or direct charges, which are per council", () => {
    const after = unwrap(runScenario(sharedIct, joinWithin));
    expect(amountOf(after.rows, "LH", "ICT-02", "2021/22")).toBe(0);
    expect(amountOf(after.rows, "LEW", "ICT-02", "2021/22")).toBe(10_000_000);
  });

  it("takes its percentage out of its parent's in a percentages basis", () => {
    const after = unwrap(
      runScenario(sharedIct, {
        name: "LH",
        changes: [{ kind: "addPartner", partner: { id: "LH" }, percentages: { iaa: 5 }, within: "LEW" }],
      }),
    );
    // Licences £600,000 × 25% = £150,000 for Lewisham, of which 5/25 (£30,000) is Lewisham Homes'.
    expect(amountOf(after.rows, "LH", "ICT-03", "2021/22")).toBe(3_000_000);
    expect(amountOf(after.rows, "LEW", "ICT-03", "2021/22")).toBe(12_000_000);
  });

  it("cannot have more of a driver than its parent has", () => {
    const r = runScenario(ticketsOnly, {
      name: "too many",
      changes: [{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 9_000 }, within: "LEW" }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map(errorMessage)).toEqual([
        'Partner "LH", year 2021/22, driver:tickets: 9000 is out of range; expected at most 8000: "LEW"\'s figure for ' +
          "driver:tickets in 2021/22.",
        'Partner "LH", year 2022/23, driver:tickets: 9000 is out of range; expected at most 8000: "LEW"\'s figure for ' +
          "driver:tickets in 2022/23.",
      ]);
    }
  });

  it("passes the do-no-harm check, reporting Lewisham Homes as joining", () => {
    const report = unwrap(doNoHarm(sharedIct, joinWithin));
    expect(report).toMatchObject({ passed: true, joining: ["LH"], harms: [], byPartner: [] });
  });

  it("property: no other partner's charge moves, and parent + within partner pay exactly the parent's old share", () => {
    fc.assert(
      fc.property(
        modelArb(),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (model, pick, fu, ft, fp) => {
          const parent = model.partners[pick % model.partners.length]?.id ?? "BRT";
          const figure = (driver: string): number =>
            Number(model.drivers?.find((d) => d.id === driver)?.values.find((v) => v.partner === parent)?.value ?? 0);
          const iaa = model.bases?.[0];
          const pct = iaa?.kind === "percentages" ? Number(iaa.shares.find((s) => s.partner === parent)?.percent ?? 0) : 0;
          // Figures are a part of the parent's: some fraction of each, never more.
          const scenario: ScenarioInput = {
            name: "within",
            changes: [
              {
                kind: "addPartner",
                partner: { id: "ALMO" },
                within: parent,
                drivers: { users: Math.floor(figure("users") * fu), tickets: Math.floor(figure("tickets") * ft) },
                percentages: { iaa: (Math.floor(pct * 100 * fp) / 100).toFixed(2) },
              },
            ],
          };
          const before = unwrap(runModel(model));
          const after = unwrap(runScenario(model, scenario));
          const key = (r: { lineRef: string; yearLabel: string }) => `${r.lineRef} ${r.yearLabel}`;
          const parentBefore = new Map<string, number>();
          for (const r of before.rows) {
            if (r.partner === parent) parentBefore.set(key(r), r.amount);
            else expect(amountOf(after.rows, r.partner, r.lineRef, r.yearLabel)).toBe(r.amount);
          }
          const together = new Map<string, number>();
          for (const r of after.rows)
            if (r.partner === parent || r.partner === "ALMO") together.set(key(r), (together.get(key(r)) ?? 0) + r.amount);
          expect(together).toEqual(parentBefore);
          expect(after.rows).toHaveLength(before.rows.length + parentBefore.size);
          const change = scenario.changes[0];
          const given = change?.kind === "addPartner" ? (change.drivers ?? {}) : {};
          for (const split of after.within) {
            const part = split.parts[0]!;
            const whole = {
              n: split.parentProportion.n * part.proportion.d + part.proportion.n * split.parentProportion.d,
              d: split.parentProportion.d * part.proportion.d,
            };
            // The within partner's amount is within a penny of its exact part of the parent's share:
            // |amount × whole − share × part| < whole (cross-multiplied, all whole numbers).
            const gap = BigInt(part.amount) * whole.n * part.proportion.d - BigInt(split.parentShare) * part.proportion.n * whole.d;
            expect((gap < 0n ? -gap : gap) < whole.n * part.proportion.d || whole.n === 0n).toBe(true);
            // On a single-driver line its exact proportion is its figure over the line's total for that driver.
            const line = model.costLines.find((l) => l.ref === split.lineRef)!;
            const driver = line.basis === "driver:users" ? "users" : line.basis === "tickets" ? "tickets" : undefined;
            if (driver !== undefined) {
              const total = model.drivers!.find((d) => d.id === driver)!.values.reduce((t, v) => t + Number(v.value), 0);
              expect(part.proportion.n * BigInt(total)).toBe(BigInt(Number(given[driver] ?? 0)) * part.proportion.d);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("adding a partner", () => {
  it("property: a direct customer with zero usage changes nothing for anyone and pays nothing", () => {
    fc.assert(
      fc.property(modelArb({ usageOnly: true, yearly: true }), (model) => {
        const scenario: ScenarioInput = {
          name: "zero",
          changes: [{ kind: "addPartner", partner: { id: "ZZZ" }, drivers: { users: 0, tickets: 0 }, percentages: { iaa: 0 } }],
        };
        const before = unwrap(runModel(model));
        const after = unwrap(runScenario(model, scenario));
        const newcomer = after.rows.filter((r) => r.partner === "ZZZ");
        expect(newcomer.every((r) => r.amount === 0)).toBe(true);
        expect(after.rows.filter((r) => r.partner !== "ZZZ")).toEqual(before.rows);
        expect(unwrap(doNoHarm(model, scenario)).passed).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("reports each existing partner that would pay more, and by how much", () => {
    // Lewisham Homes joins directly with no tickets, and the scenario adds a £90,000 onboarding cost split equally:
    // the tickets line does not move (a zero driver takes nothing), and each of the four pays £22,500 of onboarding.
    const scenario: ScenarioInput = {
      name: "LH direct + onboarding",
      changes: [
        { kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 0 } },
        {
          kind: "addLine",
          line: { ref: "ONB", category: "revenue", nature: "one-off", amount: 90_000, start: "2021-06-01", basis: "equal" },
        },
      ],
    };
    const report = unwrap(doNoHarm(ticketsOnly, scenario));
    expect(report.passed).toBe(false);
    expect(report.joining).toEqual(["LH"]);
    expect(report.harms).toEqual(
      ["BRT", "LEW", "SWK"].map((partner) => ({
        partner,
        year: 2021,
        yearLabel: "2021/22",
        category: "revenue",
        before: expect.any(Number) as number,
        after: expect.any(Number) as number,
        increase: 2_250_000,
      })),
    );
    const before = totalsMap(unwrap(runModel(ticketsOnly)).totals);
    for (const h of report.harms) expect(h.before).toBe(before.get(`${h.partner} 2021/22 revenue`));
    expect(report.byPartner).toEqual(["BRT", "LEW", "SWK"].map((partner) => ({ partner, capital: 0, revenue: 2_250_000 })));
  });

  it("a direct customer with its own tickets lowers everyone else's share of the tickets line", () => {
    const report = unwrap(
      doNoHarm(ticketsOnly, {
        name: "LH direct",
        changes: [{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 2_000, users: 100 } }],
      }),
    );
    expect(report.passed).toBe(true);
    const after = unwrap(
      runScenario(ticketsOnly, {
        name: "LH direct",
        changes: [{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 2_000, users: 100 } }],
      }),
    );
    // 58,000 tickets now: Southwark pays 1,000,000 × 28/58 = £482,758.62… instead of £500,000.
    expect(amountOf(after.rows, "SWK", "ICT-01", "2021/22")).toBe(48_275_862);
  });

  it("is checked against the model: an unknown parent is an error naming the change", () => {
    const r = applyScenario(sharedIct, { name: "bad", changes: [{ kind: "addPartner", partner: { id: "LH" }, within: "LBL" }] });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Scenario "bad", change 1 (addPartner): within: partner "LBL" is not in the partner list.',
    ]);
  });
});
