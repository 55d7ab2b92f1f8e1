import { describe, expect, it } from "vitest";
import { allocateSupport, errorMessage, type SupportModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/*
 * A made-up worked example, checked by hand.
 *
 * ICT costs £100,000 and HR £50,000. They serve each other and three councils, A, B and C:
 *   ICT tickets: HR 200, A 300, B 300, C 200   (1,000)  → HR uses 20% of ICT, A 30%, B 30%, C 20%
 *   HR FTE supported: ICT 10, A 20, B 10, C 10  (50)    → ICT uses 20% of HR, A 40%, B 20%, C 20%
 *
 * Direct (ignore the services' use of each other; share among the councils only):
 *   ICT £100,000 by 300 : 300 : 200 → A 37,500, B 37,500, C 25,000
 *   HR  £50,000  by 20 : 10 : 10    → A 25,000, B 12,500, C 12,500
 *   Totals: A £62,500, B £50,000, C £37,500 (= £150,000)
 *
 * Step-down, ICT first (ICT's cost goes to HR and the councils; then HR's goes to the councils only,
 * because ICT is already closed and its use of HR is ignored):
 *   ICT £100,000 → HR 20,000, A 30,000, B 30,000, C 20,000
 *   HR £50,000 + 20,000 = £70,000 by 20 : 10 : 10 → A 35,000, B 17,500, C 17,500
 *   Totals: A £65,000, B £47,500, C £37,500
 * Step-down, HR first:
 *   HR £50,000 → ICT 10,000, A 20,000, B 10,000, C 10,000
 *   ICT £100,000 + 10,000 = £110,000 by 300 : 300 : 200 → A 41,250, B 41,250, C 27,500
 *   Totals: A £61,250, B £51,250, C £37,500
 *
 * Reciprocal: T_ICT = 100,000 + 0.2 T_HR and T_HR = 50,000 + 0.2 T_ICT, so
 *   T_ICT = 100,000 + 0.2 (50,000 + 0.2 T_ICT) = 110,000 + 0.04 T_ICT → T_ICT = 110,000 / 0.96 = 343,750/3 = £114,583.33…
 *   T_HR = 50,000 + 0.2 × 343,750/3 = 218,750/3 = £72,916.66…
 *   A = 0.3 T_ICT + 0.4 T_HR = (103,125 + 87,500)/3 = 190,625/3 = £63,541.666…
 *   B = 0.3 T_ICT + 0.2 T_HR = (103,125 + 43,750)/3 = 146,875/3 = £48,958.333…
 *   C = 0.2 T_ICT + 0.2 T_HR = (68,750 + 43,750)/3 = 112,500/3 = £37,500 exactly
 *   In pence: 6,354,166.67 + 4,895,833.33 + 3,750,000; floors add to 14,999,999, and the spare
 *   penny goes to the largest remainder (A's .67): A £63,541.67, B £48,958.33, C £37,500.00 = £150,000.00.
 */
const example = (method: string, order?: string[]): SupportModelInput => ({
  partners: ["A", "B", "C"],
  services: [
    {
      id: "ICT",
      cost: 100_000,
      usage: [
        { by: "HR", value: 200 },
        { by: "A", value: 300 },
        { by: "B", value: 300 },
        { by: "C", value: 200 },
      ],
    },
    {
      id: "HR",
      cost: 50_000,
      usage: [
        { by: "ICT", value: 10 },
        { by: "A", value: 20 },
        { by: "B", value: 10 },
        { by: "C", value: 10 },
      ],
    },
  ],
  method,
  ...(order === undefined ? {} : { order }),
});

function charges(input: SupportModelInput): Record<string, number> {
  const a = unwrap(allocateSupport(input));
  expect(a.balanced).toBe(true);
  expect(a.totalCost).toBe(15_000_000);
  return Object.fromEntries(a.partners.map((p) => [p.partner, p.amount]));
}

describe("support services serving each other: the worked example", () => {
  it("direct method", () => {
    expect(charges(example("direct"))).toEqual({ A: 6_250_000, B: 5_000_000, C: 3_750_000 });
  });

  it("step-down method, in the order the user chooses", () => {
    expect(charges(example("step-down", ["ICT", "HR"]))).toEqual({ A: 6_500_000, B: 4_750_000, C: 3_750_000 });
    expect(charges(example("step-down", ["HR", "ICT"]))).toEqual({ A: 6_125_000, B: 5_125_000, C: 3_750_000 });
  });

  it("reciprocal method, solved exactly", () => {
    expect(charges(example("reciprocal"))).toEqual({ A: 6_354_167, B: 4_895_833, C: 3_750_000 });
    const a = unwrap(allocateSupport(example("reciprocal")));
    // Totals in pence: T_ICT = 34,375,000/3 (£114,583.33…), T_HR = 21,875,000/3 (£72,916.66…).
    expect(a.services.map((s) => [s.service, s.totalCost])).toEqual([
      ["ICT", { n: 34_375_000n, d: 3n }],
      ["HR", { n: 21_875_000n, d: 3n }],
    ]);
    expect(a.services[0]?.totalCostText).toBe("114583.3333333333…");
    expect(a.partners.map((p) => [p.partner, p.exactText, p.adjustmentText])).toEqual([
      ["A", "63541.6666666666…", "+0.0033333333…"],
      ["B", "48958.3333333333…", "-0.0033333333…"],
      ["C", "37500", "+0"],
    ]);
    // A's charge traced by service: 0.3 × T_ICT = £34,375 and 0.4 × T_HR = £29,166.66…
    expect(a.partners[0]?.byService.map((s) => s.exactText)).toEqual(["34375", "29166.6666666666…"]);
  });

  it("reports inputs that cannot be allocated, naming the service", () => {
    const r = allocateSupport({
      partners: ["A"],
      services: [
        {
          id: "ICT",
          cost: "10.005",
          usage: [
            { by: "HR", value: 1 },
            { by: "Z", value: 1 },
          ],
        },
        { id: "HR", cost: -5, usage: [{ by: "A", value: -1 }] },
      ],
      method: "step-down",
      order: ["ICT"],
    });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Support service "ICT", cost: 10.005 is not a whole number of the rounding unit 0.01; round it first.',
      'Support service "ICT", usage: "Z" is not one of "ICT", "HR", "A".',
      'Support service "HR", cost: -5 is negative; it must be zero or more.',
      'Support service "HR", partner "A", usage: -1 is negative; it must be zero or more.',
      'Support service "HR", step-down order: a value is required.',
    ]);
  });

  it("refuses services whose cost never reaches a partner", () => {
    const loop: SupportModelInput = {
      partners: ["A"],
      services: [
        { id: "ICT", cost: 1_000, usage: [{ by: "HR", value: 1 }] },
        { id: "HR", cost: 1_000, usage: [{ by: "ICT", value: 1 }] },
        {
          id: "FIN",
          cost: 1_000,
          usage: [
            { by: "A", value: 1 },
            { by: "ICT", value: 1 },
          ],
        },
      ],
      method: "reciprocal",
    };
    const r = allocateSupport(loop);
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Support service "ICT", usage: every driver value for "usage of ICT by partners (directly or through other services)" is ' +
        "zero, so there is nothing to split by.",
      'Support service "HR", usage: every driver value for "usage of HR by partners (directly or through other services)" is ' +
        "zero, so there is nothing to split by.",
    ]);
    const direct = allocateSupport({ ...loop, method: "direct" });
    expect(direct.ok ? [] : direct.errors.map(errorMessage)).toEqual([
      'Support service "ICT", usage: every driver value for "usage of ICT by partners" is zero, so there is nothing to split by.',
      'Support service "HR", usage: every driver value for "usage of HR by partners" is zero, so there is nothing to split by.',
    ]);
  });

  it("ignores a service's use of itself", () => {
    const self = example("reciprocal");
    const withSelf = {
      ...self,
      services: self.services.map((s) => (s.id === "ICT" ? { ...s, usage: [...s.usage, { by: "ICT", value: 5_000 }] } : s)),
    };
    expect(charges(withSelf)).toEqual(charges(self));
  });
});
