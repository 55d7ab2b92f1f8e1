import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUDGET_STATUS_TEXT,
  errorMessage,
  monitorModel,
  profileAmounts,
  runModel,
  settleYearEnd,
  type ModelInput,
  type MonitoringInput,
} from "../../../src/engine";

/**
 * One revenue line of £120,000 a year for 2021/22, shared 40 : 25 : 35 by an
 * agreement: each partner is charged £48,000, £30,000 and £42,000, and the
 * even profile is £10,000 a period.
 */
function model(monitoring: MonitoringInput, extra: Partial<ModelInput> = {}): ModelInput {
  return {
    partners: [
      { id: "BRE", name: "Brent", host: true },
      { id: "LEW", name: "Lewisham" },
      { id: "SOU", name: "Southwark" },
    ],
    bases: [
      {
        id: "iaa",
        kind: "percentages",
        shares: [
          { partner: "BRE", percent: 40 },
          { partner: "LEW", percent: 25 },
          { partner: "SOU", percent: 35 },
        ],
      },
    ],
    costLines: [{ ref: "ICT", service: "ICT", category: "revenue", nature: "ongoing", amount: 120_000, start: "2021-04-01", basis: "iaa" }],
    settings: { firstYear: "2021/22", lastYear: "2021/22" },
    tolerance: { percent: 1 },
    monitoring,
    ...extra,
  };
}

function monitor(m: ModelInput) {
  const run = runModel(m);
  if (!run.ok) throw new Error(run.errors.map(errorMessage).join("\n"));
  return { run: run.value, report: monitorModel(m, run.value.rows) };
}

function unwrapReport(m: ModelInput) {
  const { report } = monitor(m);
  if (!report.ok) throw new Error(report.errors.map(errorMessage).join("\n"));
  return report.value;
}

const actuals = (amounts: number[], line = "ICT") => amounts.map((amount, i) => ({ period: i + 1, line, amount, source: "test" }));

describe("forecast outturn", () => {
  it("is actuals to date plus the remaining profile, and the overspend is shared by contributions", () => {
    // Three periods of actuals: £9,000 + £11,000 + £10,500 = £30,500; nine periods of £10,000 remain.
    const r = unwrapReport(model({ actuals: actuals([9_000, 11_000, 10_500]) }));
    expect(r.toPeriod).toBe(3);
    const line = r.lines[0];
    expect(line?.budget).toBe(12_000_000);
    expect(line?.profile).toEqual(Array(12).fill(1_000_000));
    expect(line?.actualToDate).toBe(3_050_000);
    expect(line?.forecastRemaining).toBe(9_000_000);
    expect(line?.forecastOutturn).toBe(12_050_000);
    expect(line?.variance).toBe(50_000);
    // £500 over £120,000 is 0.42%: within the 1% tolerance, over.
    expect(BUDGET_STATUS_TEXT[line?.status ?? "noBudget"]).toBe("Within tolerance (over)");
    // £500 by contributions 48 : 30 : 42 → £200, £125, £175.
    expect(r.settlement.partners.map((p) => [p.partner, p.share])).toEqual([
      ["BRE", 20_000],
      ["LEW", 12_500],
      ["SOU", 17_500],
    ]);
    expect(r.settlement.partners[1]?.words).toBe("Lewisham is forecast to pay £125.00 more");
  });

  it("takes a typed forecast over the profile, and words an underspend as money back", () => {
    // £8,000 a period to date (£24,000); period 12 forecast at nothing: 24,000 + 8 × 10,000 = £104,000, £16,000 under.
    const r = unwrapReport(model({ actuals: actuals([8_000, 8_000, 8_000]), forecasts: [{ period: 12, line: "ICT", amount: 0 }] }));
    const line = r.lines[0];
    expect(line?.forecast[11]).toBe(0);
    expect(line?.forecastTyped[11]).toBe(true);
    expect(line?.forecastOutturn).toBe(10_400_000);
    expect(BUDGET_STATUS_TEXT[line?.status ?? "noBudget"]).toBe("Under budget");
    // −£16,000 × 25% = −£4,000 to Lewisham.
    expect(r.settlement.partners.find((p) => p.partner === "LEW")?.words).toBe("Lewisham is forecast to receive £4,000.00 back");
    const lew = r.partners.find((p) => p.partner === "LEW");
    expect(lew?.charged).toBe(3_000_000);
    // Lewisham's part of each period: 25% of £10,000 profiled, 25% of £8,000 actual.
    expect(lew?.periods[0]).toEqual({ period: 1, profiledBudget: 250_000, actual: 200_000, variance: -50_000 });
    expect(lew?.periods[3]?.actual).toBeUndefined();
    expect(lew?.forecastOutturn).toBe(2_600_000);
  });

  it("profiles a part-year line over its months and a one-off cost in the period of its date", () => {
    const r = unwrapReport(
      model(
        {},
        {
          costLines: [
            // May to October 2021: six months of a £120,000 a year charge (days: 184/365 of it).
            { ref: "OOH", category: "revenue", nature: "ongoing", amount: 120_000, start: "2021-05-01", end: "2021-10-31", basis: "equal" },
            { ref: "KIT", category: "capital", nature: "one-off", amount: 50_000, start: "2021-06-30", basis: "equal" },
          ],
        },
      ),
    );
    const ooh = r.lines.find((l) => l.line === "OOH");
    expect(ooh?.profile.map((x) => x !== 0)).toEqual([false, true, true, true, true, true, true, false, false, false, false, false]);
    expect(ooh?.profile.reduce((s, x) => s + x, 0)).toBe(ooh?.budget);
    const kit = r.lines.find((l) => l.line === "KIT");
    expect(kit?.profile).toEqual([0, 0, 5_000_000, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // With no actuals the outturn is the budget: nothing to settle.
    expect(r.settlement.partners.every((p) => p.share === 0)).toBe(true);
  });

  it("profiles by the Profile table's weights", () => {
    // Half the year's spend in March, the rest evenly: weights 1 × 11 and 11.
    const profiles = [...Array(11).keys()]
      .map((i) => ({ line: "ICT", period: i + 1, weight: 1 }))
      .concat([{ line: "ICT", period: 12, weight: 11 }]);
    const r = unwrapReport(model({ profiles }));
    expect(r.lines[0]?.profiledBy).toBe("profile");
    expect(r.lines[0]?.profile[11]).toBe(6_000_000);
    expect(r.lines[0]?.profile[0]).toBe(545_455);
  });

  it("names each bad actual by row and field", () => {
    const { report } = monitor(
      model({
        actuals: [
          { period: 13, line: "ICT", amount: 1 },
          { period: 2, line: "NOPE", amount: 1 },
          { period: 2, line: "ICT", amount: "12,3x" },
        ],
      }),
    );
    expect(report.ok).toBe(false);
    const words = report.ok ? [] : report.errors.map(errorMessage);
    expect(words[0]).toMatch(/^Actual, period, row 1: /);
    expect(words.some((w) => w.startsWith('Actual, line, row 2: cost line "NOPE" is not in the model'))).toBe(true);
    expect(words.some((w) => w.startsWith("Actual, amount, row 3"))).toBe(true);
  });

  it("refuses a forecast for a period that has actuals", () => {
    const { report } = monitor(model({ actuals: actuals([1, 1]), forecasts: [{ period: 2, line: "ICT", amount: 5 }] }));
    expect(report.ok ? "" : errorMessage(report.errors[0]!)).toMatch(/^Forecast, period, row 1: period 2 is out of range/);
  });
});

describe("money invariants", () => {
  it("profile twelfths sum exactly and each is within a unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = profileAmounts(amount, weights, 1);
          const total = weights.reduce((s, x) => s + x, 0);
          expect(parts.reduce((s, x) => s + x, 0)).toBe(amount);
          parts.forEach((p, i) => expect(Math.abs(p - (amount * (weights[i] ?? 0)) / total)).toBeLessThan(1));
        },
      ),
    );
  });

  it("actuals + forecast = forecast outturn exactly; partner parts and settlement shares sum exactly; the year-end rule agrees", () => {
    const pounds = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((p) => p / 100);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }).chain((to) =>
          fc.record({
            actual: fc.array(pounds, { minLength: to, maxLength: to }),
            forecast: fc.array(fc.option(pounds, { nil: undefined }), { minLength: 12 - to, maxLength: 12 - to }),
          }),
        ),
        ({ actual, forecast }) => {
          const to = actual.length;
          const forecasts = forecast.flatMap((f, i) => (f === undefined ? [] : [{ period: to + i + 1, line: "ICT", amount: f }]));
          const m = model({ actuals: actuals(actual), forecasts, toPeriod: to === 0 ? null : to });
          const { run, report } = monitor(m);
          if (!report.ok) throw new Error(report.errors.map(errorMessage).join("\n"));
          const line = report.value.lines[0]!;
          const sum = (xs: readonly (number | undefined)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
          expect(line.forecastOutturn).toBe(sum(line.actual) + sum(line.forecast));
          expect(line.actualToDate).toBe(Math.round(sum(actual) * 100));
          expect(sum(line.partners.map((p) => p.forecastOutturn))).toBe(line.forecastOutturn);
          const shares = report.value.settlement.partners.map((p) => p.share);
          expect(sum(shares)).toBe(line.forecastOutturn - line.budget);
          // The same settlement as the year-end rule gives an outturn of that amount.
          const direct = settleYearEnd(
            { ...m, outturns: [{ year: "2021/22", category: "revenue", amount: (line.forecastOutturn / 100).toFixed(2) }] },
            run.rows,
          );
          expect(direct.ok && direct.value.settlements[0]?.shares.map((s) => s.share)).toEqual(shares);
        },
      ),
      { numRuns: 60 },
    );
  });
});
