import { describe, expect, it } from "vitest";
import { compareSupportMethods, errorMessage, explainCharge, runModel, type ModelInput, type SupportInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/*
 * The worked example of worked-example.test.ts, now as a model: ICT (£100,000 a year) and HR
 * (£50,000 a year) are cost lines whose basis is "support:ICT" and "support:HR".
 *
 * Every method is linear in the services' costs, so each line is split by where £1 of its
 * service's cost ends up. Reciprocal, £1 of ICT: T_ICT = 1/0.96 = 25/24, T_HR = 0.2 × 25/24 = 5/24,
 *   A = 0.3 × 25/24 + 0.4 × 5/24 = 19/48, B = 0.3 × 25/24 + 0.2 × 5/24 = 17/48, C = 12/48.
 * £1 of HR: T_HR = 25/24, T_ICT = 5/24, A = 0.3 × 5/24 + 0.4 × 25/24 = 23/48, B = 13/48, C = 12/48.
 * ICT's 10,000,000p: A 3,958,333.33, B 3,541,666.67, C 2,500,000 → the spare penny to B.
 * HR's 5,000,000p: A 2,395,833.33, B 1,354,166.67, C 1,250,000 → the spare penny to B.
 * Each line is rounded on its own (money rule: every line balances), so A pays 6,354,166 and B
 * 4,895,834: a penny from the single rounding of the services' totals (6,354,167 / 4,895,833).
 */
const usage = [
  ["ICT", "HR", 200],
  ["ICT", "A", 300],
  ["ICT", "B", 300],
  ["ICT", "C", 200],
  ["HR", "ICT", 10],
  ["HR", "A", 20],
  ["HR", "B", 10],
  ["HR", "C", 10],
] as const;

function model(support: Partial<SupportInput> = {}): ModelInput {
  return {
    partners: [{ id: "A" }, { id: "B" }, { id: "C" }],
    costLines: [
      { ref: "ICT-1", category: "revenue", nature: "ongoing", amount: 100_000, start: "2024-04-01", basis: "support:ICT" },
      { ref: "HR-1", category: "revenue", nature: "ongoing", amount: 50_000, start: "2024-04-01", basis: "support:HR" },
    ],
    settings: { firstYear: "2024/25", lastYear: "2024/25" },
    support: {
      services: [
        { id: "ICT", label: "ICT service" },
        { id: "HR", label: "HR service" },
      ],
      usage: usage.map(([service, by, value]) => ({ service, by, value })),
      ...support,
    },
  };
}

function byLine(m: ModelInput): Record<string, number[]> {
  const run = unwrap(runModel(m));
  expect(run.result.balance.balanced).toBe(true);
  return Object.fromEntries(run.result.lineYears.map((ly) => [ly.lineRef, [...ly.shares]]));
}

describe("support services in a model: lines with a support:<service> basis", () => {
  it("reciprocal (the default): each line split by where £1 of its service ends up", () => {
    expect(byLine(model())).toEqual({ "HR-1": [2_395_833, 1_354_167, 1_250_000], "ICT-1": [3_958_333, 3_541_667, 2_500_000] });
  });

  it("direct and step-down (in either order) agree with the hand-worked totals", () => {
    const totals = (m: ModelInput): number[] => {
      const lines = Object.values(byLine(m));
      return [0, 1, 2].map((i) => lines.reduce((s, l) => s + (l[i] ?? 0), 0));
    };
    expect(totals(model({ method: "direct" }))).toEqual([6_250_000, 5_000_000, 3_750_000]);
    expect(totals(model({ method: "step-down", order: ["ICT", "HR"] }))).toEqual([6_500_000, 4_750_000, 3_750_000]);
    expect(totals(model({ method: "step-down", order: ["HR", "ICT"] }))).toEqual([6_125_000, 5_125_000, 3_750_000]);
    // Blank order: the services' own order.
    expect(totals(model({ method: "Step-down" }))).toEqual([6_500_000, 4_750_000, 3_750_000]);
  });

  it("keeps the working for the trace: what passes through each service and each partner's use", () => {
    const run = unwrap(runModel(model()));
    const ict = run.result.lineYears.find((ly) => ly.lineRef === "ICT-1");
    const c = ict?.components[0];
    expect(c?.label).toBe("ICT service (support service, reciprocal method)");
    expect(c?.support?.through).toEqual([
      { service: "ICT", amount: "1.0416…" },
      { service: "HR", amount: "0.2083…" },
    ]);
    expect(c?.support?.percents).toEqual(["39.5833…", "35.4166…", "25"]);
    expect(c?.support?.usage).toEqual([
      { service: "ICT", percents: ["30", "30", "20"] },
      { service: "HR", percents: ["40", "20", "20"] },
    ]);
  });

  it("explains a support charge: own cost, received, total, and how £1 reaches the partner", () => {
    const run = unwrap(runModel(model()));
    const charge = run.result.charges.find((c) => c.lineRef === "ICT-1" && c.partner === "A");
    const trace = explainCharge(run.result, charge!);
    // T_ICT = 100,000 + 0.2 T_HR and T_HR = 50,000 + 0.2 T_ICT: T_ICT = 114,583.33…, received 14,583.33…
    expect(trace.support).toBe(
      "ICT costs £100,000.00 of its own in 2024/25 (revenue), receives £14583.3333333333… from the other services and " +
        "passes on £114583.3333333333… in all. By the reciprocal method, each £1 of ICT's cost passes £1.0416… through ICT " +
        "and £0.2083… through HR; A uses 30% of ICT and 40% of HR, so it bears 30% × 1.0416… + 40% × 0.2083… = 39.5833…% of the line.",
    );
    expect(trace.share).toBe(3_958_333);
    // HR's line: HR first, in what passes through and in the partner's use.
    const hrTrace = explainCharge(
      run.result,
      run.result.charges.find((c) => c.lineRef === "HR-1" && c.partner === "A")!,
    );
    expect(hrTrace.support).toContain(
      "each £1 of HR's cost passes £1.0416… through HR and £0.2083… through ICT; A uses 40% of HR and 30% of ICT, " +
        "so it bears 40% × 1.0416… + 30% × 0.2083… = 47.9166…% of the line.",
    );
    const report = run.result.support;
    expect(report?.method).toBe("reciprocal");
    expect(report?.years.map((y) => [y.yearLabel, y.category, y.charged])).toEqual([
      [
        "2024/25",
        "revenue",
        [
          { partner: "A", amount: 6_354_166 },
          { partner: "B", amount: 4_895_834 },
          { partner: "C", amount: 3_750_000 },
        ],
      ],
    ]);
    const hr = report?.years[0]?.services[1];
    expect([hr?.ownCost, hr?.received.text, hr?.total.text]).toEqual([5_000_000, "22916.6666666666…", "72916.6666666666…"]);
    expect(hr?.flows.map((f) => [f.to, f.toService, f.amount.text])).toEqual([
      ["ICT", true, "14583.3333333333…"],
      ["A", false, "29166.6666666666…"],
      ["B", false, "14583.3333333333…"],
      ["C", false, "14583.3333333333…"],
    ]);
  });

  it("sets each partner's support charges under the three methods side by side", () => {
    const c = compareSupportMethods(model());
    expect(c?.current).toBe("reciprocal");
    expect(c?.rows).toEqual([
      { partner: "A", amounts: [6_250_000, 6_500_000, 6_354_166] },
      { partner: "B", amounts: [5_000_000, 4_750_000, 4_895_834] },
      { partner: "C", amounts: [3_750_000, 3_750_000, 3_750_000] },
    ]);
    expect(c?.totals).toEqual([15_000_000, 15_000_000, 15_000_000]);
    // The method as typed in Settings is read as validation reads it: "Step down" is step-down.
    const typed = model({ method: "Step down", order: ["ICT", "HR"] });
    const typedRun = unwrap(runModel(typed));
    expect(compareSupportMethods(typed)?.current).toBe("step-down");
    expect(compareSupportMethods(typed, typedRun)?.rows[0]).toEqual({ partner: "A", amounts: [6_250_000, 6_500_000, 6_354_166] });
    // A method that cannot run says why, and the others still compare.
    const m = model();
    const noPartnerUseOfHr = {
      ...m,
      support: { ...m.support!, usage: m.support!.usage.filter((u) => !(u.service === "HR" && u.by !== "ICT")) },
    };
    const d = compareSupportMethods(noPartnerUseOfHr);
    expect(d?.totals[0]).toBeUndefined();
    expect(d?.problems.direct?.map((e) => e.kind)).toEqual(["supportUnreached"]);
    expect(d?.totals[2]).toBe(15_000_000);
  });

  it("reports bad support input at its row and field", () => {
    const bad = model({
      services: [{ id: "ICT" }, { id: "ICT" }, { id: "A" }],
      usage: [
        { service: "XYZ", by: "A", value: 1 },
        { service: "ICT", by: "Q", value: 1 },
        { service: "ICT", by: "B", value: -2 },
        { service: "ICT", by: "B", year: "2024/25", value: "lots" },
      ],
      method: "sideways",
    });
    const r = runModel(bad);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Support service "ICT", id: "ICT" is used more than once; each must be unique.',
      'Support service "A", id: "A" is used more than once; each must be unique.',
      'Support usage, service, row 1: "XYZ" is not one of "ICT".',
      'Support usage, by, row 2: "Q" is not one of "ICT", "A", "B", "C".',
      "Support usage, value, row 3: -2 is negative; it must be zero or more.",
      'Support usage, value, row 4: "lots" is not a number.',
      'Setting, supportMethod: "sideways" is not one of "direct", "step-down", "reciprocal".',
      'Cost line "HR-1", basis: "HR" is not a support service; the model has "ICT".',
    ]);
  });

  it("suggests support:<service> for a basis that names a service on its own", () => {
    const m = model();
    const r = runModel({ ...m, costLines: m.costLines.map((l) => (l.ref === "HR-1" ? { ...l, basis: "HR" } : l)) });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Cost line "HR-1", basis: basis "HR" is not defined (did you mean "support:HR"?).',
    ]);
  });

  it("refuses a support service inside a weighted mix, saying why", () => {
    const m: ModelInput = {
      ...model(),
      drivers: [{ id: "users", values: ["A", "B", "C"].map((partner) => ({ partner, value: 1 })) }],
      bases: [
        {
          id: "blend",
          kind: "mix",
          components: [
            { source: "support:ICT", weight: 50 },
            { source: "driver:users", weight: 50 },
          ],
        },
      ],
    };
    const r = runModel(m);
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Basis "blend", source: expected equal, direct:<partner>, driver:<driver> or a percentages basis ' +
        '(a support service cannot be part of a mix) but got "support:ICT".',
    ]);
  });

  it("refuses a line of a service no partner sharing it uses", () => {
    const m = model();
    const only: ModelInput = {
      ...m,
      costLines: m.costLines.map((l) => ({ ...l, appliesTo: ["C"] })),
      support: {
        ...m.support!,
        usage: [
          { service: "ICT", by: "A", value: 1 },
          { service: "HR", by: "A", value: 1 },
        ],
      },
    };
    const r = runModel(only);
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Cost line "HR-1", year 2024/25, basis: the cost of support service "HR" cannot reach the partners sharing this line (C): ' +
        "none of them uses it, or a service it passes its cost to. Add their usage on the Support sheet, or change who shares the line.",
      'Cost line "ICT-1", year 2024/25, basis: the cost of support service "ICT" cannot reach the partners sharing this line (C): ' +
        "none of them uses it, or a service it passes its cost to. Add their usage on the Support sheet, or change who shares the line.",
    ]);
  });
});
