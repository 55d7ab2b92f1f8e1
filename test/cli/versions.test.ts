import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HR_AGREEMENT } from "../../src/samples";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeAll(async () => {
  t = await tempDir();
  file = t.file("hr.xlsx");
  const made = await cli(["--sample", HR_AGREEMENT.id, file]);
  if (made.code !== 0) throw new Error(made.stderr);
});
afterAll(async () => {
  await t.cleanup();
});

interface TrueUpJson {
  timing: string;
  lines: { ref: string; year: string; adjusted: boolean; verdict: string; partners: { partner: string; adjustment: string }[] }[];
}

describe("versions and the true-up from the command line (docs/versions.md)", () => {
  it("--json carries a trueUp section: payroll 2023/24 beyond 3 points, adjusted in the next year", async () => {
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      trueUp: TrueUpJson;
      allocations: { ref: string; partner: string; year: string; amount: string }[];
    };
    expect(out.trueUp.timing).toBe("next year");
    expect(out.trueUp.lines.map((l) => [l.ref, l.year, l.adjusted])).toEqual([
      ["PAY-01", "2022/23", false],
      ["PAY-01", "2023/24", true],
    ]);
    // Charged £267,428.57 and £92,571.43 on estimates (5,200 : 1,800); £245,000 and £115,000 on actuals (4,900 : 2,300).
    expect(out.trueUp.lines[1]?.partners.map((p) => [p.partner, p.adjustment])).toEqual([
      ["NTH", "-22428.57"],
      ["STH", "22428.57"],
    ]);
    // The HR split of 2022/23 as worked by days in docs/versions.md (£1,200,000: 185 days at 74/26, 180 at 82/18).
    const hr = out.allocations.filter((a) => a.ref === "HR-01" && a.year === "2022/23").map((a) => [a.partner, a.amount]);
    expect(hr).toEqual([
      ["NTH", "935342.47"],
      ["STH", "264657.53"],
    ]);
    const adjustments = out.allocations.filter((a) => a.ref.startsWith("True-up ")).map((a) => [a.ref, a.year, a.amount]);
    expect(adjustments).toEqual([
      ["True-up PAY-01 2023/24 (NTH)", "2024/25", "-22428.57"],
      ["True-up PAY-01 2023/24 (STH)", "2024/25", "22428.57"],
    ]);
  });
});
