import "./custom-functions-stub";
import { describe, expect, it } from "vitest";
import { apportion, apportionMix, apportionPct, finYear, profile, share, variance, yearPart } from "../../src/functions/functions";

// The examples in docs/formulas.md, so the documentation stays true.
describe("docs/formulas.md examples", () => {
  it("SHARED.APPORTION", () => {
    expect(apportion(82_000, [[1200, 800, 1500, 500]])).toEqual([[24_600, 16_400, 30_750, 10_250]]);
    expect(apportion(100, [[1], [1], [1]], 1)).toEqual([[34], [33], [33]]);
  });

  it("SHARED.SHARE", () => {
    expect([1, 2, 3].map((p) => share(100, [[1], [1], [1]], p))).toEqual([33.34, 33.33, 33.33]);
  });

  it("SHARED.APPORTION.PCT", () => {
    expect(apportionPct(1_381_000, [[57.93], [42.07]])).toEqual([[800_013.3], [580_986.7]]);
  });

  it("SHARED.APPORTION.MIX", () => {
    expect(
      apportionMix(
        82_000,
        [
          [1200, 5000],
          [800, 9000],
          [1500, 4000],
        ],
        [[0.5, 0.5]],
      ),
    ).toEqual([[25_446.03], [29_871.43], [26_682.54]]);
  });

  it("SHARED.FINYEAR and SHARED.YEARPART", () => {
    expect(finYear(44197)).toBe("2020/21");
    expect(finYear("2021-04-01")).toBe("2021/22");
    expect(yearPart(82_000, "2020/21", 44197)).toBe(20_219.18);
    expect(yearPart(82_000, "2020/21", 44197, null, "months")).toBe(20_500);
    expect(yearPart(82_000, "2021/22", 44197)).toBe(82_000);
  });

  it("SHARED.PROFILE", () => {
    expect(profile(82_000, "2020/21", "2024/25", 44197, null, 0.03)).toEqual([[20_219.18, 84_460, 86_993.8, 89_603.61, 92_291.72]]);
  });

  it("SHARED.VARIANCE", () => {
    expect(variance([[20_500], [21_300], [19_800]], [[20_000], [20_000], [20_000]], 0.05)).toEqual([
      [500, 0.025, "Within tolerance (over)"],
      [1300, 0.065, "Over budget"],
      [-200, -0.01, "Within tolerance (under)"],
    ]);
  });
});
