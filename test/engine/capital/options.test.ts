import { describe, expect, it } from "vitest";
import { apportionModel, capitalFinancing, presentValue, Decimal, type ModelInput, type Result } from "../../../src/engine";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** docs/capital.md: the £1m network (annuity, 4.5%, 5 years) against a cloud service. */
function model(discountRate?: string): ModelInput {
  return {
    partners: [{ id: "BRE", host: true }, { id: "LEW" }, { id: "SOU" }],
    costLines: [
      {
        ref: "NET",
        category: "capital",
        nature: "one-off",
        amount: 1_000_000,
        start: "2024-06-01",
        basis: "equal",
        financing: "borrowing",
        assetLife: 5,
        inUseFrom: "2024-09-01",
        mrpMethod: "annuity",
        interestRate: 4.5,
      },
    ],
    settings: { firstYear: "2024/25", lastYear: "2026/27", ...(discountRate === undefined ? {} : { discountRate }) },
    capitalOptions: [{ name: "Cloud network", line: "NET", subscription: 150_000, setUp: 80_000, exit: 30_000 }],
  };
}

function options(m: ModelInput) {
  return unwrap(capitalFinancing(m, unwrap(apportionModel(m)).charges)).options;
}

describe("capital versus cloud (hand-worked in docs/capital.md)", () => {
  it("compares from the year of spend to the last MRP year by default (six years), undiscounted", () => {
    const [o] = options(model());
    expect(o).toMatchObject({ firstYear: "2024/25", lastYear: "2029/30", years: 6 });
    expect(o!.discountRate).toBeUndefined();
    // Capital: five annuity payments of £227,791.64; cloud: 6 × £150,000 + £80,000 + £30,000.
    expect(o!.total).toMatchObject({
      capital: 113_895_820,
      capitalAfter: 0,
      cloud: 101_000_000,
      difference: -12_895_820,
      cheaper: "cloud",
    });
    expect(o!.partners.map((p) => [p.partner, p.capital, p.cloud])).toEqual([
      ["BRE", 37_965_275, 33_666_667],
      ["LEW", 37_965_272, 33_666_667],
      ["SOU", 37_965_273, 33_666_666],
    ]);
    expect(o!.partners[0]!.years.map((y) => [y.yearLabel, y.capital, y.cloud])).toEqual([
      ["2024/25", 0, 7_666_667],
      ["2025/26", 7_593_055, 5_000_000],
      ["2026/27", 7_593_055, 5_000_000],
      ["2027/28", 7_593_055, 5_000_000],
      ["2028/29", 7_593_055, 5_000_000],
      ["2029/30", 7_593_055, 6_000_000],
    ]);
  });

  it("discounts at the Green Book's 3.5%, the first year undiscounted, each partner rounded once", () => {
    const [o] = options(model("3.5"));
    expect(o!.discountRate).toBe("3.5");
    expect(o!.partners.map((p) => [p.partner, p.presentCapital, p.presentCloud])).toEqual([
      ["BRE", 34_283_041, 31_083_902],
      ["LEW", 34_283_038, 31_083_902],
      ["SOU", 34_283_039, 31_083_901],
    ]);
    expect(o!.total).toMatchObject({
      presentCapital: 102_849_118,
      presentCloud: 93_251_705,
      presentDifference: -9_597_413,
      cheaper: "cloud",
    });
  });

  it("shows the MRP and interest that fall after a shorter comparison instead of hiding them", () => {
    const m = model();
    const [o] = options({ ...m, capitalOptions: [{ ...m.capitalOptions![0]!, years: 3 }] });
    expect(o!.lastYear).toBe("2026/27");
    expect(o!.total.capital).toBe(2 * 22_779_164);
    expect(o!.total.capital + o!.total.capitalAfter).toBe(113_895_820);
  });
});

describe("presentValue", () => {
  it("discounts £100 a year for three years at 10% to £273.55 (100 + 90.909… + 82.644…)", () => {
    expect(presentValue([10_000, 10_000, 10_000], new Decimal("0.1"))).toBe(27_355);
  });

  it("leaves amounts alone at 0%", () => {
    expect(presentValue([1, 2, 3], new Decimal(0))).toBe(6);
  });
});
