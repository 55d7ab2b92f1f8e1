import { describe, expect, it } from "vitest";
import { runModel } from "../../../src/engine";
import { HR_AGREEMENT } from "../../../src/samples";
import { unwrap } from "../scenarios/model-arbitrary";

/** The HR agreement sample (docs/versions.md) shows the re-based split and the true-up; its figures worked by hand. */

describe("the HR agreement sample", () => {
  const run = unwrap(runModel(HR_AGREEMENT.model));
  const charge = (ref: string, year: string): Record<string, number> =>
    Object.fromEntries(run.rows.filter((r) => r.lineRef === ref && r.yearLabel === year).map((r) => [r.partner, r.amount]));

  it("HR-01 2022/23: £1,200,000 by 185 days at 74/26 and 180 at 82/18", () => {
    // NTH £1,200,000 × 28,450/36,500 = £935,342.4657…, STH × 8,050/36,500 = £264,657.5342…: floors leave a penny, to NTH (.57 > .42).
    expect((120_000_000n * 28_450n) / 36_500n).toBe(93_534_246n);
    expect(charge("HR-01", "2022/23")).toEqual({ NTH: 93_534_247, STH: 26_465_753 });
    expect(charge("HR-01", "2023/24")).toEqual({ NTH: 98_400_000, STH: 21_600_000 });
  });

  it("HR-02, bought on 15 November 2022, is shared 82/18", () => {
    expect(charge("HR-02", "2022/23")).toEqual({ NTH: 2_460_000, STH: 540_000 });
  });

  it("payroll: 2022/23 within 3 points, no adjustment; 2023/24 beyond, adjusted in 2024/25", () => {
    const lines = run.trueUp?.lines ?? [];
    expect(lines.map((l) => [l.lineRef, l.yearLabel, l.trued])).toEqual([
      ["PAY-01", "2022/23", false],
      ["PAY-01", "2023/24", true],
    ]);
    // 2023/24 charged on 5,200 : 1,800 (£267,428.57 and £92,571.43); on actuals 4,900 : 2,300 it is £245,000 and £115,000.
    expect(charge("PAY-01", "2023/24")).toEqual({ NTH: 26_742_857, STH: 9_257_143 });
    expect(lines[1]?.rows.map((r) => [r.partner, r.adjustment])).toEqual([
      ["NTH", -2_242_857],
      ["STH", 2_242_857],
    ]);
    expect(charge("True-up PAY-01 2023/24 (NTH)", "2024/25")).toEqual({ NTH: -2_242_857 });
    expect(charge("True-up PAY-01 2023/24 (STH)", "2024/25")).toEqual({ STH: 2_242_857 });
    expect(run.result.balance.balanced).toBe(true);
  });
});
