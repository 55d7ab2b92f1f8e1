import { describe, expect, it } from "vitest";
import { runModel, runScenario, type ModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/**
 * A basis's own true-up tolerance and timing (docs/versions.md, section 3). Users are estimated 400 : 600 and are
 * 440 : 560 in 2022/23: A's share moves from 40% to 44%, 4 points. £100,000 a year was charged £40,000 : £60,000; on
 * actuals it is £44,000 : £56,000, so a true-up charges A £4,000 more and credits B £4,000.
 */
const BASE: ModelInput = {
  partners: [{ id: "A", host: true }, { id: "B" }],
  drivers: [
    {
      id: "users",
      values: [
        { partner: "A", value: 400 },
        { partner: "B", value: 600 },
        { partner: "A", year: "2022/23", value: 440, status: "Actual" },
        { partner: "B", year: "2022/23", value: 560, status: "Actual" },
      ],
    },
  ],
  costLines: [{ ref: "ICT-1", category: "revenue", nature: "ongoing", amount: 100_000, start: "2022-04-01", basis: "users" }],
  settings: { firstYear: "2022/23", lastYear: "2023/24" },
  trueUp: { tolerance: { points: 3 } },
};

/** The true-up lines of a run: reference, year and pence. */
function adjustments(model: ModelInput): [string, string, number][] {
  const run = unwrap(runModel(model));
  return run.rows.filter((r) => r.lineRef.startsWith("True-up ")).map((r) => [r.lineRef, r.yearLabel, r.amount]);
}

describe("a basis's own true-up timing and tolerance", () => {
  it("the model trues up in the same year; the basis's 'next year' moves its adjustments into 2023/24", () => {
    expect(adjustments(BASE)).toEqual([
      ["True-up ICT-1 2022/23 (A)", "2022/23", 400_000],
      ["True-up ICT-1 2022/23 (B)", "2022/23", -400_000],
    ]);
    const own = { ...BASE, trueUp: { tolerance: { points: 3 }, byBasis: [{ basis: "driver:users", timing: "next year" }] } };
    expect(adjustments(own)).toEqual([
      ["True-up ICT-1 2022/23 (A)", "2023/24", 400_000],
      ["True-up ICT-1 2022/23 (B)", "2023/24", -400_000],
    ]);
    expect(unwrap(runModel(own)).trueUp?.lines[0]?.timing).toBe("next year");
  });

  it("a basis row with a timing alone keeps the model's tolerance; with points, its own", () => {
    const wide = { tolerance: { points: 5 } };
    // 4 points is within the model's 5: a timing alone for the basis does not make its tolerance nil.
    expect(adjustments({ ...BASE, trueUp: { ...wide, byBasis: [{ basis: "users", timing: "next year" }] } })).toEqual([]);
    expect(adjustments({ ...BASE, trueUp: { ...wide, byBasis: [{ basis: "users", points: 2 }] } })).toHaveLength(2);
  });

  it("a bad timing for a basis is refused, naming the basis", () => {
    const r = runModel({ ...BASE, trueUp: { byBasis: [{ basis: "users", timing: "later" }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.at.key, e.at.field])).toEqual([["driver:users", "trueUp.timing"]]);
  });

  it("a scenario's tolerance change for a basis sets that basis's timing, not the model's", () => {
    const run = unwrap(runScenario(BASE, { name: "S", changes: [{ kind: "setTrueUpTolerance", basis: "users", timing: "next year" }] }));
    expect(run.trueUp?.timing).toBe("same year");
    expect(run.trueUp?.lines[0]?.timing).toBe("next year");
    expect(run.rows.filter((r) => r.lineRef.startsWith("True-up ")).map((r) => r.yearLabel)).toEqual(["2023/24", "2023/24"]);
  });
});
