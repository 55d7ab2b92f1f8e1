import { describe, expect, it } from "vitest";
import { checkModelBudgets, type ModelBudgetReport } from "../../src/engine";
import { OUTPUT_SHEETS } from "../../src/excel/layout/names";
import { buildOutputSheets } from "../../src/excel/layout/outputs";
import { partnerStatementSheet } from "../../src/excel/layout/outputs/statement";
import { EAST_KENT_HOUSING } from "../../src/samples";

function report(): ModelBudgetReport {
  const r = checkModelBudgets(EAST_KENT_HOUSING.model);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const cells = (s: { blocks: readonly { values: readonly (readonly unknown[])[] }[] }): unknown[][] =>
  s.blocks.flatMap((b) => b.values.map((v) => [...v]));
const text = (s: { blocks: readonly { values: readonly (readonly unknown[])[] }[] }): string => cells(s).flat().join(" | ");

describe("East Kent Housing: Thanet leaves, and the overcharging recovered", () => {
  it("charges Thanet its share of the committed contract to 31 December 2022, then strands January to March 2023 on the three", () => {
    const budget = report();
    const e = budget.exits?.exits[0];
    expect(e?.partner).toBe("TDC");
    // Notice on 1 April 2021 + 12 months ends 31 March 2022, the leave date: no notice beyond it.
    expect(e?.chargedUntil).toBe("2022-03-31");
    // 2022/23: £82,000 × 275/365 (1 April to 31 December) shared four ways = £15,445.2054…, its share rounded once.
    const committed = e?.statement.find((s) => s.line === "EKH-03" && s.yearLabel === "2022/23");
    expect(committed).toMatchObject({ rule: "committed", member: 0, committed: 1_544_521, ifStayed: 2_050_000 });
    // The other three: £15,445.2054… + £82,000 × 90/365 ÷ 3 = £22,184.9315… each, against £20,500 had Thanet stayed.
    for (const p of ["CCC", "DDC", "FHDC"]) {
      expect(e?.harm.find((h) => h.partner === p && h.yearLabel === "2022/23" && h.category === "revenue")).toMatchObject({
        before: 2_050_000,
        after: 2_218_493,
        change: 168_493,
      });
    }
    // The exit cost: £135,000, capital, on its leave date (2021/22).
    expect(e?.statement.find((s) => s.exitCost !== 0)).toMatchObject({ yearLabel: "2021/22", category: "capital", exitCost: 13_500_000 });
    for (const w of e?.whole ?? []) expect(w.leaver + w.remaining).toBe(w.after);
    // The sample's own figures do not move: the exit is a what-if beside the run.
    expect(budget.run.totals.filter((t) => t.partner === "TDC" && t.yearLabel === "2022/23").map((t) => t.amount)).toEqual([2_050_000]);
  });

  it("credits the £15,000 recovery in the shares paid and holds Dover's open query, on the register and the statements", () => {
    const budget = report();
    const d = budget.disputes;
    // Each council paid £41,000 on EKH-03 over 2021/22 and 2022/23: a quarter each.
    expect(d?.disputes.find((x) => x.ref === "D-01")?.recovery?.map((r) => [r.partner, r.paid, r.credit])).toEqual([
      ["CCC", 4_100_000, 375_000],
      ["DDC", 4_100_000, 375_000],
      ["FHDC", 4_100_000, 375_000],
      ["TDC", 4_100_000, 375_000],
    ]);
    const charged = budget.run.rows.reduce((s, r) => s + r.amount, 0);
    expect(d?.balancing).toEqual({ charged, held: 200_000, withdrawn: 0, recovered: 1_500_000, net: charged - 1_500_000 });

    const sheets = buildOutputSheets({ run: budget.run, budget });
    const names = sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([OUTPUT_SHEETS.exitStatement, OUTPUT_SHEETS.harmReport, OUTPUT_SHEETS.disputeRegister]));
    const register = sheets.find((s) => s.name === OUTPUT_SHEETS.disputeRegister);
    const rows = cells(register ?? { blocks: [] });
    // In the balancing: the charges in full, the amount held within them, the credits, and the net.
    expect(rows).toContainEqual(["All partners", charged / 100, 2000, 0, 0, 15_000, (charged - 1_500_000) / 100]);
    expect(text(register ?? { blocks: [] })).toContain("of which £2,000.00 held in open disputes");

    const dover = text(partnerStatementSheet({ run: budget.run, budget }, "DDC"));
    expect(dover).toContain("Disputed charges and credits");
    expect(dover).toMatch(/D-02 EKH-03 \| 2022\/23 \| Open \(held\) \| 2000 \| 0/);
    expect(dover).toContain("Held amounts (£2,000.00) are still charged and in the total above");
    const thanet = text(partnerStatementSheet({ run: budget.run, budget }, "TDC"));
    expect(thanet).toContain("Leaving: TDC leaves on 31 March 2022");
  });

  it("writes no exits or disputes sheets for a model without them", () => {
    const { exits: _e, disputes: _d, ...rest } = EAST_KENT_HOUSING.model;
    const r = checkModelBudgets(rest);
    if (!r.ok) throw new Error("engine failed");
    const names = buildOutputSheets({ run: r.value.run, budget: r.value }).map((s) => s.name);
    expect(names).not.toContain(OUTPUT_SHEETS.exitStatement);
    expect(names).not.toContain(OUTPUT_SHEETS.disputeRegister);
  });
});
