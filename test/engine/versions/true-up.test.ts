import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionModel, runModel, type ModelInput, type TrueUpReport } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/**
 * Estimates, actuals and the true-up (issue 33; docs/versions.md): the charge is
 * made on estimated drivers; where a year's actuals are given, each line-year is
 * split on them too, and beyond the tolerance each partner is adjusted by its
 * charge on actuals less its charge made, so the adjustments sum to zero and
 * restore exactly the split on actual drivers.
 */

type Figures = Readonly<Record<"A" | "B" | "C", number>>;

function model(
  estimate: Figures,
  actual: Figures | undefined,
  trueUp: ModelInput["trueUp"],
  amount: number | string = 100_000,
): ModelInput {
  const ids = ["A", "B", "C"] as const;
  return {
    partners: ids.map((id) => ({ id, ...(id === "A" ? { host: true } : {}) })),
    drivers: [
      {
        id: "users",
        values: [
          ...ids.map((p) => ({ partner: p, value: estimate[p] })),
          ...(actual === undefined ? [] : ids.map((p) => ({ partner: p, year: "2022/23", value: actual[p], status: "Actual" }))),
        ],
      },
    ],
    costLines: [{ ref: "ICT-1", category: "revenue", nature: "ongoing", amount, start: "2022-04-01", basis: "driver:users" }],
    settings: { firstYear: "2022/23", lastYear: "2023/24", zeroDriverFallback: "equal" },
    ...(trueUp === undefined ? {} : { trueUp }),
  };
}

const ESTIMATE = { A: 400, B: 300, C: 300 };
const ACTUAL = { A: 440, B: 280, C: 280 };

function charged(run: { rows: readonly { partner: string; yearLabel: string; amount: number }[] }, year: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of run.rows) if (r.yearLabel === year) out[r.partner] = (out[r.partner] ?? 0) + r.amount;
  return out;
}

describe("the true-up rule", () => {
  it("beyond a 3-point tolerance: one adjustment per partner restoring the split on actuals, in the same year", () => {
    // Estimated 40% / 30% / 30% of £100,000; actual 44% / 28% / 28%. A moved 4 points: beyond 3.
    const run = unwrap(runModel(model(ESTIMATE, ACTUAL, { tolerance: { points: 3 } })));
    const line = run.trueUp?.lines[0];
    expect(line?.trued).toBe(true);
    expect(line?.rows.map((r) => [r.partner, r.estimatedPercent, r.actualPercent, r.changePoints, r.within, r.adjustment])).toEqual([
      ["A", "40", "44", "+4", false, 400_000],
      ["B", "30", "28", "-2", true, -200_000],
      ["C", "30", "28", "-2", true, -200_000],
    ]);
    expect(line?.verdict).toContain("Beyond tolerance (3 percentage points)");
    // The year's charges are now exactly the split on actuals; the next year's are untouched (estimates, 40/30/30).
    expect(charged(run, "2022/23")).toEqual({ A: 4_400_000, B: 2_800_000, C: 2_800_000 });
    expect(charged(run, "2023/24")).toEqual({ A: 4_000_000, B: 3_000_000, C: 3_000_000 });
    expect(run.result.balance.balanced).toBe(true);
  });

  it("within a 5-point tolerance: no adjustment, and the verdict says so", () => {
    const run = unwrap(runModel(model(ESTIMATE, ACTUAL, { tolerance: { points: 5 } })));
    expect(run.trueUp?.lines[0]?.trued).toBe(false);
    expect(run.trueUp?.lines[0]?.verdict).toBe("Within tolerance (5 percentage points): no adjustment");
    expect(run.trueUp?.lines[0]?.rows.every((r) => r.adjustment === 0 && r.within)).toBe(true);
    expect(charged(run, "2022/23")).toEqual({ A: 4_000_000, B: 3_000_000, C: 3_000_000 });
  });

  it("a relative tolerance: A's 4 points of 40% is exactly 10%, so within 10% but beyond 9%", () => {
    expect(unwrap(runModel(model(ESTIMATE, ACTUAL, { tolerance: { percent: 10 } }))).trueUp?.lines[0]?.trued).toBe(false);
    expect(unwrap(runModel(model(ESTIMATE, ACTUAL, { tolerance: { percent: 9 } }))).trueUp?.lines[0]?.trued).toBe(true);
  });

  it("a basis's own tolerance overrides the model's", () => {
    const rule = { tolerance: { points: 3 }, byBasis: [{ basis: "users", points: 5 }] };
    expect(unwrap(runModel(model(ESTIMATE, ACTUAL, rule))).trueUp?.lines[0]?.trued).toBe(false);
  });

  it("timing next year: a one-off line of 2023/24 per partner, dated 1 April 2023", () => {
    const run = unwrap(runModel(model(ESTIMATE, ACTUAL, { tolerance: { points: 3 }, timing: "Next year" })));
    expect(charged(run, "2022/23")).toEqual({ A: 4_000_000, B: 3_000_000, C: 3_000_000 });
    expect(charged(run, "2023/24")).toEqual({ A: 4_400_000, B: 2_800_000, C: 2_800_000 });
    const lines = run.model.costLines.filter((l) => l.ref.startsWith("True-up "));
    expect(lines.map((l) => [l.ref, l.start, l.nature, l.basis])).toEqual([
      ["True-up ICT-1 2022/23 (A)", "2023-04-01", "one-off", "direct:A"],
      ["True-up ICT-1 2022/23 (B)", "2023-04-01", "one-off", "direct:B"],
      ["True-up ICT-1 2022/23 (C)", "2023-04-01", "one-off", "direct:C"],
    ]);
  });

  it("no actuals: no true-up at all", () => {
    expect(unwrap(runModel(model(ESTIMATE, undefined, { tolerance: { points: 3 } }))).trueUp).toBeUndefined();
  });

  it("a driver status other than Estimate or Actual is refused, naming the driver", () => {
    const m = model(ESTIMATE, undefined, undefined);
    const bad = { ...m, drivers: [{ id: "users", values: [{ partner: "A", value: 1, status: "Guess" }] }] };
    const r = apportionModel(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.kind === "invalidChoice" && e.at.key === "users" && e.at.field === "status")).toBe(true);
  });
});

describe("the true-up: property", () => {
  const figures = fc.record({
    A: fc.integer({ min: 0, max: 1000 }),
    B: fc.integer({ min: 0, max: 1000 }),
    C: fc.integer({ min: 1, max: 1000 }),
  });
  it("adjustments restore the split on actual drivers exactly where beyond tolerance, and are zero otherwise", () => {
    fc.assert(
      fc.property(
        figures,
        figures,
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        (estimate, actual, pence, points) => {
          const amount = (pence / 100).toFixed(2);
          const run = unwrap(runModel(model(estimate, actual, points === undefined ? {} : { tolerance: { points } }, amount)));
          const report = run.trueUp as TrueUpReport;
          const line = report.lines.find((l) => l.yearLabel === "2022/23");
          if (line === undefined) throw new Error("no true-up line");
          // The split on actuals worked out apart: the actual figures typed as the drivers themselves.
          const onActuals = unwrap(apportionModel(model(actual, undefined, undefined, amount))).lineYears.find(
            (l) => l.yearLabel === "2022/23",
          );
          const expected = Object.fromEntries((onActuals?.partners ?? []).map((p, i) => [p, onActuals?.shares[i] ?? 0]));
          expect(line.rows.reduce((a, r) => a + r.adjustment, 0)).toBe(0);
          expect(line.trued).toBe(line.rows.some((r) => !r.within));
          for (const r of line.rows) {
            if (line.trued) expect(r.estimatedCharge + r.adjustment).toBe(expected[r.partner] ?? 0);
            else expect(r.adjustment).toBe(0);
          }
          // And the year's charges are what was charged plus the adjustments.
          const year = charged(run, "2022/23");
          for (const r of line.rows) expect(year[r.partner] ?? 0).toBe(line.trued ? (expected[r.partner] ?? 0) : r.estimatedCharge);
        },
      ),
      { numRuns: 120 },
    );
  });
});
