import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareResults, compareScenarios, runModel, runScenario, type ScenarioInput } from "../../../src/engine";
import { sharedIct } from "./fixtures";
import { modelArb, unwrap } from "./model-arbitrary";

/** A scenario built from a few random changes that apply to any generated model. */
const scenarioArb: fc.Arbitrary<ScenarioInput> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }),
  changes: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("uplift" as const), percent: fc.integer({ min: -50, max: 50 }) }),
      fc.record({
        kind: fc.constant("setAmount" as const),
        line: fc.constant("L01"),
        amount: fc.integer({ min: -1_000_000, max: 1_000_000 }),
      }),
      fc.record({
        kind: fc.constant("setDriver" as const),
        driver: fc.constantFrom("users", "tickets"),
        partner: fc.constantFrom("BRT", "LEW"),
        value: fc.integer({ min: 1, max: 999 }),
      }),
      fc.record({
        kind: fc.constant("setBasis" as const),
        line: fc.constant("L01"),
        basis: fc.constantFrom("equal", "iaa", "mix", "users"),
      }),
    ),
    { maxLength: 4 },
  ),
});

describe("comparing scenarios", () => {
  it("property: a scenario compared with itself shows no difference anywhere", () => {
    fc.assert(
      fc.property(modelArb(), scenarioArb, (model, scenario) => {
        const c = unwrap(compareScenarios(model, scenario, scenario));
        const run = unwrap(runScenario(model, scenario));
        expect(c.rows).toHaveLength(new Set(run.rows.map((r) => `${r.partner} ${r.yearLabel} ${r.category}`)).size);
        for (const row of c.rows) {
          expect(row.difference).toBe(0);
          expect(row.from).toBe(row.to);
          expect(row.percentText === undefined || row.percentText === "0.00").toBe(true);
          expect(row.from === 0 ? row.percent : row.percent?.n).toBe(row.from === 0 ? undefined : 0n);
        }
        const base = unwrap(compareScenarios(model, null, null));
        expect(base.rows.every((r) => r.difference === 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: differences are exactly to − from, and every partner × year × category of either run appears once", () => {
    fc.assert(
      fc.property(modelArb(), scenarioArb, (model, scenario) => {
        const a = unwrap(runModel(model));
        const b = unwrap(runScenario(model, scenario));
        const c = compareResults(a, b);
        const sum = (
          rows: readonly { partner: string; yearLabel: string; category: string; amount: number }[],
          r: { partner: string; yearLabel: string; category: string },
        ) =>
          rows
            .filter((x) => x.partner === r.partner && x.yearLabel === r.yearLabel && x.category === r.category)
            .reduce((s, x) => s + x.amount, 0);
        const keys = new Set([...a.rows, ...b.rows].map((r) => `${r.partner} ${r.yearLabel} ${r.category}`));
        expect(c.rows).toHaveLength(keys.size);
        for (const row of c.rows) {
          expect(row.from).toBe(sum(a.rows, row));
          expect(row.to).toBe(sum(b.rows, row));
          expect(row.difference).toBe(row.to - row.from);
          // percent × |from| = difference × 100, exactly.
          if (row.percent !== undefined)
            expect(row.percent.n * BigInt(Math.abs(row.from))).toBe(BigInt(row.difference) * 100n * row.percent.d);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("shows the £ and % difference per partner, year and category, capital and revenue apart", () => {
    const c = unwrap(
      compareScenarios(sharedIct, null, {
        name: "Cloud +20%",
        changes: [
          { kind: "uplift", percent: 20, category: "capital" },
          { kind: "setAmount", line: "ICT-03", amount: 540_000 },
        ],
      }),
    );
    expect(c.from).toBe("Base");
    expect(c.to).toBe("Cloud +20%");
    const brent = c.rows.filter((r) => r.partner === "BRT" && r.yearLabel === "2021/22");
    // Capital: the £300,000 refresh split equally, £100,000 each, becomes £360,000: +£20,000, +20%.
    expect(brent.find((r) => r.category === "capital")).toMatchObject({
      from: 10_000_000,
      to: 12_000_000,
      difference: 2_000_000,
      percentText: "20.00",
    });
    // Revenue: licences fall from £600,000 to £540,000, Brent's 40% from £240,000 to £216,000 (−£24,000),
    // on a revenue total of £357,142.86 (tickets) + £240,000 = £597,142.86: −24,000 / 597,142.86 = −4.019…%.
    expect(brent.find((r) => r.category === "revenue")).toMatchObject({
      from: 59_714_286,
      to: 57_314_286,
      difference: -2_400_000,
      percentText: "-4.02",
    });
  });

  it("shows a partner that joins with no percentage change (there is nothing to compare with)", () => {
    const c = unwrap(
      compareScenarios(sharedIct, null, {
        name: "LH",
        changes: [{ kind: "addPartner", partner: { id: "LH" }, drivers: { tickets: 2_000 }, percentages: { iaa: 10 } }],
      }),
    );
    const lh = c.rows.filter((r) => r.partner === "LH");
    expect(lh.length).toBeGreaterThan(0);
    for (const r of lh) expect(r).toMatchObject({ from: 0, percent: undefined, percentText: undefined });
  });
});
