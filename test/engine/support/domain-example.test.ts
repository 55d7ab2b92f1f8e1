import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorMessage, formatMoney, runModel, runScenario, type ModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/*
 * The worked example of docs/domain.md, as a model: ICT costs £40,000 and HR £20,000 (revenue,
 * 2024/25). ICT gives 10% of its effort to HR, 40% to A, 50% to B; HR gives 20% to ICT, 50% to A,
 * 30% to B. Each cost line is split by where £1 of its service's cost ends up, and rounded alone.
 *
 * Reciprocal. £1 of ICT: T_ICT = 1/(1 − 0.1 × 0.2) = 50/49, T_HR = 0.1 × 50/49 = 5/49;
 *   A = 0.4 × 50/49 + 0.5 × 5/49 = 45/98, B = 0.5 × 50/49 + 0.3 × 5/49 = 53/98.
 *   4,000,000p × 45/98 = 1,836,734.69 → A 1,836,735 (the spare penny: larger remainder), B 2,163,265.
 * £1 of HR: T_HR = 50/49, T_ICT = 0.2 × 50/49 = 10/49; A = 0.4 × 10/49 + 0.5 × 50/49 = 29/49, B = 20/49.
 *   2,000,000p × 29/49 = 1,183,673.47 → A 1,183,673, B 816,327 (B's .53 takes the penny).
 * A £30,204.08, B £29,795.92: the exact totals 1,480,000/49 and 1,460,000/49, to the penny.
 *
 * Direct: ICT by 40 : 50 → A 17,777.78, B 22,222.22; HR by 50 : 30 → A 12,500, B 7,500.
 * Step-down, ICT first: £1 of ICT → A 0.4 + 0.1 × 5/8 = 0.4625, B 0.5375 → A 18,500, B 21,500;
 *   HR (ICT closed) by 50 : 30 → A 12,500, B 7,500. A £31,000, B £29,000.
 * Step-down, HR first: £1 of HR → A 0.5 + 0.2 × 4/9, B 0.3 + 0.2 × 5/9 → A 11,777.78, B 8,222.22;
 *   ICT by 40 : 50 → A 17,777.78, B 22,222.22. A £29,555.56, B £30,444.44.
 */
const MODEL: ModelInput = {
  partners: [{ id: "A" }, { id: "B" }],
  costLines: [
    { ref: "ICT", category: "revenue", nature: "one-off", amount: 40_000, start: "2024-06-01", basis: "support:ICT" },
    { ref: "HR", category: "revenue", nature: "one-off", amount: 20_000, start: "2024-06-01", basis: "support:HR" },
  ],
  settings: { firstYear: "2024/25", lastYear: "2024/25" },
  support: {
    services: [{ id: "ICT" }, { id: "HR" }],
    usage: [
      { service: "ICT", by: "HR", value: 10 },
      { service: "ICT", by: "A", value: 40 },
      { service: "ICT", by: "B", value: 50 },
      { service: "HR", by: "ICT", value: 20 },
      { service: "HR", by: "A", value: 50 },
      { service: "HR", by: "B", value: 30 },
    ],
  },
};

function partnerTotals(m: ModelInput): number[] {
  const run = unwrap(runModel(m));
  return ["A", "B"].map((p) => run.rows.filter((r) => r.partner === p).reduce((s, r) => s + r.amount, 0));
}

describe("docs/domain.md's worked support-service example, as a model", () => {
  it("reciprocal: A £30,204.08 and B £29,795.92; ICT passes on 2,200,000/49 and HR 1,200,000/49", () => {
    expect(partnerTotals(MODEL)).toEqual([3_020_408, 2_979_592]);
    const run = unwrap(runModel(MODEL));
    const [ict, hr] = run.result.support?.years[0]?.services ?? [];
    expect(ict?.total.pence).toEqual({ n: 220_000_000n, d: 49n });
    expect(hr?.total.pence).toEqual({ n: 120_000_000n, d: 49n });
    expect([ict?.total.text, hr?.total.text]).toEqual(["44897.9591836734…", "24489.7959183673…"]);
  });

  it("direct and step-down in either order", () => {
    expect(partnerTotals({ ...MODEL, support: { ...MODEL.support!, method: "direct" } })).toEqual([3_027_778, 2_972_222]);
    expect(partnerTotals({ ...MODEL, support: { ...MODEL.support!, method: "step-down", order: ["ICT", "HR"] } })).toEqual([
      3_100_000, 2_900_000,
    ]);
    expect(partnerTotals({ ...MODEL, support: { ...MODEL.support!, method: "step-down", order: ["HR", "ICT"] } })).toEqual([
      2_955_556, 3_044_444,
    ]);
  });

  it("docs/domain.md states these figures", () => {
    const doc = readFileSync(new URL("../../../docs/domain.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("## A worked support-service example"));
    const bold = (m: ModelInput): string[] => partnerTotals(m).map((p) => `**${formatMoney(p)}**`);
    const withMethod = (method: string, order?: string[]): ModelInput => ({
      ...MODEL,
      support: { ...MODEL.support!, method, ...(order === undefined ? {} : { order }) },
    });
    for (const figures of [
      bold(MODEL),
      bold(withMethod("direct")),
      bold(withMethod("step-down", ["ICT", "HR"])),
      bold(withMethod("step-down", ["HR", "ICT"])),
    ])
      for (const f of figures) expect(section).toContain(f);
    expect(section).toContain("2,200,000/49 (£44,897.96)");
    expect(section).toContain("1,200,000/49 (£24,489.80)");
  });

  it("scenarios change the method, a usage figure or a service's cost", () => {
    const base = unwrap(runModel(MODEL));
    const byStepDown = unwrap(
      runScenario(MODEL, { name: "Step-down", changes: [{ kind: "setSupportMethod", method: "step-down", order: ["HR", "ICT"] }] }),
    );
    expect(["A", "B"].map((p) => byStepDown.rows.filter((r) => r.partner === p).reduce((s, r) => s + r.amount, 0))).toEqual([
      2_955_556, 3_044_444,
    ]);
    // B no longer uses HR: HR's cost reaches B only through ICT.
    const usage = unwrap(
      runScenario(MODEL, { name: "B leaves HR", changes: [{ kind: "setSupportUsage", service: "HR", by: "B", value: 0 }] }),
    );
    expect(usage.result.balance.balanced).toBe(true);
    const hrLine = usage.result.lineYears.find((ly) => ly.lineRef === "HR");
    // £1 of HR: T_HR = 1/(1 − 0.1 × 2/7) = 35/34, T_ICT = 2/7 × 35/34 = 5/17; B = 0.5 × 5/17 = 5/34 → 2,000,000 × 5/34 = 294,117.65.
    expect(hrLine?.shares).toEqual([1_705_882, 294_118]);
    const cheaper = unwrap(runScenario(MODEL, { name: "ICT costs less", changes: [{ kind: "setAmount", line: "ICT", amount: 30_000 }] }));
    expect(cheaper.result.balance.totalIn).toBe(5_000_000);
    expect(base.result.balance.totalIn).toBe(6_000_000);
    const none = runScenario(
      { ...MODEL, support: undefined, costLines: [] },
      { name: "No support", changes: [{ kind: "setSupportMethod", method: "direct" }] },
    );
    expect(none.ok ? [] : none.errors.map(errorMessage)).toEqual([
      'Scenario "No support", change 1 (setSupportMethod): method: the model has no support services; add them on the Support sheet first.',
    ]);
    const bad = runScenario(MODEL, {
      name: "Typo",
      changes: [
        { kind: "setSupportMethod", method: "sideways" },
        { kind: "setSupportUsage", service: "PAY", by: "A", value: 1 },
      ],
    });
    expect(bad.ok ? [] : bad.errors.map(errorMessage)).toEqual([
      'Scenario "Typo", change 1 (setSupportMethod): method: "sideways" is not one of "direct", "step-down", "reciprocal".',
      'Scenario "Typo", change 2 (setSupportUsage): service: "PAY" is not a support service; the model has "ICT", "HR".',
    ]);
  });
});
