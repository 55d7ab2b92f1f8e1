import { describe, expect, it } from "vitest";
import { apportionModel, type ModelInput } from "../../src/engine";

/**
 * An ongoing annual charge need not be a whole number of rounding units (only
 * a one-off amount must be, as it is split as it stands). Each year's amount
 * is rounded once to the unit, a whole unindexed year included: it used to be
 * passed on unrounded and the split threw a RangeError.
 */
function model(amount: string, unit: string): ModelInput {
  return {
    partners: [{ id: "A" }, { id: "B" }, { id: "C" }],
    costLines: [{ ref: "L1", category: "revenue", nature: "ongoing", amount, start: "2021-04-01", basis: "equal" }],
    settings: { firstYear: "2021/22", lastYear: "2022/23", unit },
  };
}

describe("an ongoing charge that is not a whole number of units", () => {
  it("rounds each whole year to the unit, half away from zero, and still balances", () => {
    const r = apportionModel(model("82000.50", "pound"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lineYears.map((ly) => ly.profile.amount)).toEqual([8_200_100, 8_200_100]);
    expect(r.value.lineYears[0]?.shares).toEqual([2_733_400, 2_733_400, 2_733_300]);
    expect(r.value.balance.balanced).toBe(true);
  });

  it("mirrors a credit", () => {
    const r = apportionModel(model("-82000.50", "pound"));
    expect(r.ok && r.value.lineYears.map((ly) => ly.profile.amount)).toEqual([-8_200_100, -8_200_100]);
  });

  it("rounds to £000s too", () => {
    const r = apportionModel(model("1499.99", "thousand"));
    expect(r.ok && r.value.lineYears.map((ly) => ly.profile.amount)).toEqual([100_000, 100_000]);
  });
});
