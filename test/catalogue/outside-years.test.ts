import { describe, expect, it } from "vitest";
import { runJson, runText } from "../../src/cli/report";
import { runNotes } from "../../src/excel/layout/outputs/common";
import { report, serial } from "./catalogue-support";

/**
 * Issue #19's example: Costs!G6 (Southwark's £190,000 PSN network one-off) set to
 * 1921-09-30. The run goes ahead, but the balancing report must say what lies
 * outside the model's years, wherever it is shown.
 */
describe("the balancing report names what lies outside the model's years", () => {
  it("in the output sheets' notes, the command line's text and its JSON", async () => {
    const { done, reported } = await report("brent-lewisham-southwark", { "Costs!G6": serial(1921, 9, 30) });
    expect(done).toBeDefined();
    if (done === undefined) return;
    expect(reported.map((r) => r.address)).toContain("Costs!G6");
    const note = runNotes(done.outputs.run.result, undefined)[1] ?? "";
    expect(note).toMatch(
      /^Balancing check: balanced — .* Outside the model's years, not charged to anyone: BLS-05 \(£190,000\.00, before\)\. Tie-break/,
    );
    const text = runText(done.outputs, "model.xlsx", { file: undefined, sheets: [], charts: [] });
    expect(text[1]).toMatch(/Outside the model's years, not charged to anyone: BLS-05 \(£190,000\.00, before\)\.$/);
    const json = runJson(done.outputs, "model.xlsx", { file: undefined, sheets: [], charts: [] }) as {
      balance: { outsideYears: unknown };
    };
    expect(json.balance.outsideYears).toEqual([{ ref: "BLS-05", nature: "one-off", amount: "190000.00", side: "before" }]);
  });

  it("says nothing when every line falls in the years", async () => {
    const { done } = await report("brent-lewisham-southwark", {});
    expect(done).toBeDefined();
    if (done === undefined) return;
    expect(runNotes(done.outputs.run.result, undefined).join(" ")).not.toContain("Outside the model's years");
    expect(done.outputs.run.result.outsideYears).toEqual([]);
  });
});

describe("a long list of lines outside the years", () => {
  it("names the first 20 and counts the rest, so the note stays one readable cell", async () => {
    const { apportionModel } = await import("../../src/engine");
    const { outsideText } = await import("../../src/excel");
    const lines = Array.from({ length: 25 }, (_, i) => ({
      ref: `OLD-${String(i).padStart(2, "0")}`,
      category: "capital",
      nature: "one-off",
      amount: 100,
      start: "2001-06-01",
      basis: "equal",
    }));
    const r = apportionModel({
      partners: [{ id: "A" }, { id: "B" }],
      costLines: [...lines, { ref: "NOW", category: "capital", nature: "one-off", amount: 10, start: "2021-06-01", basis: "equal" }],
      settings: { firstYear: "2021/22", lastYear: "2021/22" },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = outsideText(r.value);
    expect(text).toContain("OLD-19 (£100.00, before) and 5 more lines.");
    expect(text).not.toContain("OLD-20");
  });
});
