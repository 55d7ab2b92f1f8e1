import { describe, expect, it } from "vitest";
import {
  applyScenario,
  checkModelBudgets,
  errorMessage,
  serviceSplitsOf,
  warningMessage,
  type ModelInput,
  type PartnerServiceInput,
} from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/** Two partners sharing £100,000.00 of revenue and £30,000.00 of capital equally in 2022/23. */
function model(partnerServices: readonly PartnerServiceInput[]): ModelInput {
  return {
    partners: [{ id: "A", host: true }, { id: "B" }],
    costLines: [
      { ref: "R1", category: "revenue", nature: "one-off", amount: "100000", start: "2022-06-01", basis: "equal" },
      { ref: "C1", category: "capital", nature: "one-off", amount: "30000", start: "2022-06-01", basis: "equal" },
    ],
    settings: { firstYear: "2022/23", lastYear: "2022/23" },
    partnerServices,
  };
}

const row = (service: string, heading: string, value: string | number, extra: Partial<PartnerServiceInput> = {}): PartnerServiceInput => ({
  partner: "A",
  service,
  heading,
  value,
  ...extra,
});

describe("spreading a partner's recharge onto its services", () => {
  it("splits £50,000 by 1:1:1 to the penny and at £000, revenue and capital apart", () => {
    const report = unwrap(
      checkModelBudgets(model([row("Schools", "Education services", 1), row("Roads", "Highways", 1), row("Homes", "Housing", 1)])),
    );
    const splits = serviceSplitsOf(report.services!, "A");
    expect(splits.map((s) => s.category)).toEqual(["capital", "revenue"]);
    const revenue = splits.find((s) => s.category === "revenue")!;
    // £50,000 three ways: 1,666,667 + 1,666,667 + 1,666,666 pence (ties to the earlier position).
    expect(revenue.shares.map((s) => s.pence)).toEqual([1_666_667, 1_666_667, 1_666_666]);
    // £50k three ways at £000: 17 + 17 + 16 (the largest remainders tie; earlier first).
    expect(revenue.shares.map((s) => s.thousands / 100_000)).toEqual([17, 17, 16]);
    expect(revenue.roLines.map((r) => [r.heading, r.thousands / 100_000])).toEqual([
      ["Education services", 17],
      ["Highways", 17],
      ["Housing", 16],
    ]);
    const capital = splits.find((s) => s.category === "capital")!;
    expect(capital.shares.map((s) => s.pence)).toEqual([500_000, 500_000, 500_000]);
    expect(capital.shares.map((s) => s.thousands / 100_000)).toEqual([5, 5, 5]);
    expect(report.services!.withoutList).toEqual(["B"]);
  });

  it("rounds the total to £000 half away from zero before splitting it", () => {
    // A's revenue is £50,000; a £500 credit makes it £49,500 → £50k (half away from zero).
    const m = model([row("Schools", "Education services", 3), row("Roads", "Highways", 1)]);
    const credited: ModelInput = {
      ...m,
      costLines: [
        ...m.costLines,
        { ref: "CR", category: "revenue", nature: "one-off", amount: "-500", start: "2022-06-01", basis: "direct:A" },
      ],
    };
    const revenue = serviceSplitsOf(unwrap(checkModelBudgets(credited)).services!, "A").find((s) => s.category === "revenue")!;
    expect(revenue.recharge).toBe(4_950_000);
    expect(revenue.rechargeThousands).toBe(5_000_000);
    // 50 × 3/4 = 37.5 and 12.5: remainders tie, the larger basis value takes the unit.
    expect(revenue.shares.map((s) => s.thousands / 100_000)).toEqual([38, 12]);
  });

  it("lets a year's own rows replace the every-year rows", () => {
    const report = unwrap(
      checkModelBudgets(model([row("Schools", "Education services", 1), row("Roads", "Highways", 1, { year: "2022/23" })])),
    );
    const revenue = serviceSplitsOf(report.services!, "A").find((s) => s.category === "revenue")!;
    expect(revenue.listFor).toBe("year");
    expect(revenue.shares.map((s) => [s.service, s.pence])).toEqual([["Roads", 5_000_000]]);
  });

  it("leaves a recharge unrecharged, and says so, when every basis value is zero", () => {
    const report = unwrap(checkModelBudgets(model([row("Schools", "Education services", 0), row("Roads", "Highways", 0)])));
    const revenue = serviceSplitsOf(report.services!, "A").find((s) => s.category === "revenue")!;
    expect(revenue.recharged).toBe(false);
    expect(revenue.unrecharged).toBe(5_000_000);
    expect(revenue.reason).toBe("allZero");
    const w = report.warnings.filter((x) => x.kind === "servicesUnrecharged").map(warningMessage);
    expect(w).toHaveLength(2);
    expect(w.join("\n")).toContain('"A" is charged £50000.00 of revenue in 2022/23, but every basis value of its service lines');
  });

  it("leaves a recharge unrecharged when the partner's list has no lines for the year", () => {
    const report = unwrap(checkModelBudgets(model([row("Schools", "Education services", 1, { year: "2021/22" })])));
    const revenue = serviceSplitsOf(report.services!, "A").find((s) => s.category === "revenue")!;
    expect([revenue.reason, revenue.unrecharged, revenue.recharged]).toEqual(["noLines", 5_000_000, false]);
  });

  it("drops a removed partner's service lines in that scenario's run (and only there)", () => {
    const base: ModelInput = {
      ...model([row("Schools", "Education services", 1), { ...row("Roads", "Highways", 1), partner: "B" }]),
      partners: [{ id: "A", host: true }, { id: "B" }, { id: "C" }],
    };
    const scenario = unwrap(applyScenario(base, { name: "B leaves", changes: [{ kind: "removePartner", partner: "B" }] }));
    expect(scenario.partnerServices?.map((r) => r.partner)).toEqual(["A"]);
    const report = unwrap(checkModelBudgets(scenario));
    expect(report.services?.splits.every((s) => s.partner === "A" && s.recharged)).toBe(true);
    expect(base.partnerServices?.map((r) => r.partner)).toEqual(["A", "B"]);
  });

  it("changes nothing for a model without service lists", () => {
    const report = unwrap(checkModelBudgets(model([])));
    expect(report.services).toBeUndefined();
  });
});

describe("bad service lines", () => {
  const messages = (rows: readonly PartnerServiceInput[]): string[] => {
    const r = checkModelBudgets(model(rows));
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.errors.map(errorMessage);
  };

  it("names an unknown partner, suggesting the one meant", () => {
    expect(messages([{ ...row("Schools", "Education services", 1), partner: "a" }])).toEqual([
      'Partner service, partner "a", partner, row 1: partner "a" is not in the partner list (ids are case-sensitive: did you mean "A"?).',
    ]);
  });

  it("refuses a negative or non-numeric value, a blank service or heading, and a bad year, all at once", () => {
    const all = messages([
      row("Schools", "Education services", -5),
      row("Roads", "Highways", "lots"),
      row("", "", 1),
      row("Homes", "Housing", 1, { year: "2022" }),
    ]);
    expect(all).toEqual([
      'Partner service, partner "A", value, row 1: -5 is negative; it must be zero or more.',
      'Partner service, partner "A", value, row 2: "lots" is not a number.',
      'Partner service, partner "A", service, row 3: a value is required.',
      'Partner service, partner "A", heading, row 3: a value is required.',
      'Partner service, partner "A", year, row 4: "2022" is not a financial year; write it like 2020/21.',
    ]);
  });

  it("refuses a service listed twice for one year (ignoring case), and mixed measures", () => {
    const all = messages([
      row("Schools", "Education services", 1, { measure: "users" }),
      row("schools ", "Education services", 2),
      row("Roads", "Highways", 2, { measure: "FTE" }),
    ]);
    expect(all).toEqual([
      `Partner service, partner "A", service, row 2: "A" lists service "schools" for every year more than once ` +
        "(first in the table's row 1); give each service one row per year.",
      `Partner service, partner "A", measure, row 3: "A"'s service lines for every year are measured in "users" and "FTE"; ` +
        "one partner's basis values for a year must all be in one measure, or the shares mean nothing.",
    ]);
  });
});
