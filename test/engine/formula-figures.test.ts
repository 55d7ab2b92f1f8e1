import { describe, expect, it } from "vitest";
import { runWorkbook } from "../../src/app";
import { apportion, apportionMix, apportionPct, profile, share } from "../../src/functions/functions";
import { sampleById } from "../../src/samples";
import { memoryHarness, officeHarness } from "../support/port-harness";
import { report, shown } from "../catalogue/catalogue-support";

/**
 * Issue 24: every number a cell can hold is a valid figure. Formulas such as
 * =1/3 or =6/79 give doubles whose shortest decimal has 16 or 17 digits; they
 * are read as that decimal and accepted as drivers, percentages and weights.
 */
const FORMULA_VALUES = { third: 1 / 3, sixOver79: 6 / 79, twoSevenths: (2 / 7) * 100, pointThree: 0.1 + 0.2 };

describe("formula results as drivers, percentages and weights in the model tables", () => {
  it.each([
    ["memory", memoryHarness],
    ["Office.js", officeHarness],
  ] as const)("%s: driver cells holding =1/3, =6/79, =2/7*100 and =0.1+0.2 run", async (_name, harness) => {
    const h = harness();
    const sample = sampleById("brent-lewisham-southwark");
    if (sample === undefined) throw new Error("no sample");
    expect((await h.port.createModel(sample.model, { notes: sample.notes })).ok).toBe(true);
    h.type("Drivers!J2", FORMULA_VALUES.third);
    h.type("Drivers!J3", FORMULA_VALUES.sixOver79);
    h.type("Drivers!K2", FORMULA_VALUES.twoSevenths);
    h.type("Drivers!K3", FORMULA_VALUES.pointThree);
    const run = await runWorkbook(h.port);
    expect(run.ok, JSON.stringify(run.ok ? run.warnings : run)).toBe(true);
  });

  it("percentages of =100/3 three times (100.00000000000001 in doubles) are accepted within the stated tolerance", async () => {
    const third = 100 / 3;
    // Read as decimals, 33.333333333333336 three times is 100.000000000000008.
    const { reported, done } = await report("brent-lewisham-southwark", { "Bases!D2": third, "Bases!D3": third, "Bases!D4": third });
    expect(done, shown(reported)).toBeDefined();
    expect(reported.filter((r) => r.severity === "error")).toEqual([]);
  });

  it("still refuses percentages that really do not total 100, and text of ten million digits", async () => {
    const off = await report("brent-lewisham-southwark", { "Bases!D2": 40.0001 });
    expect(shown(off.reported)).toContain("total 100.0001%, not 100%");
    const huge = await report("brent-lewisham-southwark", { "Drivers!K3": "1e-9999999" });
    expect(shown(huge.reported)).toContain("Drivers!K3");
    expect(shown(huge.reported)).toContain("at least 1E-324");
  });
});

describe("formula results as SHARED.* arguments", () => {
  const col = (...xs: number[]): number[][] => xs.map((x) => [x]);

  it("APPORTION and SHARE with a driver of =6/79 split exactly", () => {
    const shares = apportion(100, col(6 / 79, 1 / 3, 0.1 + 0.2));
    expect(shares.every((r) => typeof r[0] === "number")).toBe(true);
    const total = shares.reduce((s, r) => s + Math.round((r[0] as number) * 100), 0);
    expect(total).toBe(10_000);
    expect(share(100, col(6 / 79, 1 / 3), 1)).toBe(18.56);
  });

  it("APPORTION.PCT with =100/3 three times, and as fractions =1/3 three times", () => {
    const t = 100 / 3;
    expect(apportionPct(100, col(t, t, t))).toEqual([[33.34], [33.33], [33.33]]);
    // 0.3333333333333333 three times is 0.9999999999999999.
    expect(apportionPct(100, col(1 / 3, 1 / 3, 1 / 3))).toEqual([[33.34], [33.33], [33.33]]);
  });

  it("APPORTION.MIX with weights of =100/3", () => {
    const t = 100 / 3;
    const r = apportionMix(
      90,
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
      [[t, t, t]],
    );
    expect(r).toEqual([[45], [45]]);
  });
});

describe("indexation from a formula", () => {
  it("an Indexation % cell of =2/3 and a SHARED.PROFILE rate of =0.1/3 are read as the doubles hold them", async () => {
    const { reported, done } = await report("brent-lewisham-southwark", { "Costs!L2": 2 / 3 });
    expect(done, shown(reported)).toBeDefined();
    const years = profile(1000, "2020/21", "2021/22", "2020-04-01", undefined, 0.1 / 3);
    // £1,000 × (1 + 0.03333333333333333) = £1,033.333… → £1,033.33.
    expect(years).toEqual([[1000, 1033.33]]);
  });
});

describe("money keeps its own rule", () => {
  it("an amount of =1/3 pounds is refused at its cell, never rounded in silence", async () => {
    const { reported, done } = await report("brent-lewisham-southwark", { "Costs!F2": 1 / 3 });
    expect(done).toBeUndefined();
    const r = reported.find((x) => x.address === "Costs!F2");
    expect(r?.severity).toBe("error");
    expect(r?.message).toContain("0.3333333333333333");
  });
});
