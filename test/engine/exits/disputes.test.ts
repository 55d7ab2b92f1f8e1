import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disputeRegister, errorMessage, runModel, type DisputeInput, type ModelInput } from "../../../src/engine";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/**
 * A repairs contract R paid in two years by percentages that change: A, B, C
 * pay 60/30/10 in 2020/21 and 40/60/0 in 2021/22 (£1,000,000 a year). So
 * over both years A paid £1,000,000, B £900,000 and C £100,000.
 */
function model(disputes: DisputeInput[]): ModelInput {
  return {
    partners: [{ id: "A", host: true }, { id: "B" }, { id: "C" }],
    bases: [
      {
        id: "y1",
        kind: "percentages",
        shares: [
          { partner: "A", percent: 60 },
          { partner: "B", percent: 30 },
          { partner: "C", percent: 10 },
        ],
      },
      {
        id: "y2",
        kind: "percentages",
        shares: [
          { partner: "A", percent: 40 },
          { partner: "B", percent: 60 },
          { partner: "C", percent: 0 },
        ],
      },
    ],
    costLines: [
      { ref: "R1", category: "revenue", nature: "one-off", amount: 1_000_000, start: "2020-06-01", basis: "y1" },
      { ref: "R2", category: "revenue", nature: "one-off", amount: 1_000_000, start: "2021-06-01", basis: "y2" },
      { ref: "ICT", category: "revenue", nature: "one-off", amount: 90_000, start: "2020-06-01", basis: "equal" },
    ],
    settings: { firstYear: "2020/21", lastYear: "2021/22" },
    disputes,
  };
}

const register = (m: ModelInput) => unwrap(disputeRegister(m, unwrap(runModel(m)).rows));

describe("the dispute register", () => {
  it("holds an open dispute in the balancing, credits a withdrawal and leaves an agreed charge standing", () => {
    const r = register(
      model([
        { ref: "D1", line: "ICT", partner: "B", year: "2020/21", amount: 10_000, status: "open", raisedOn: "2020-09-01" },
        { ref: "D2", line: "ICT", partner: "C", year: "2020/21", amount: 5_000, status: "withdrawn", outcome: "Charged in error" },
        { ref: "D3", line: "ICT", partner: "A", year: "2020/21", amount: 1_000, status: "agreed" },
      ]),
    );
    // Every charge is still in: £2,090,000 of costs.
    expect(r.balancing).toEqual({ charged: 209_000_000, held: 1_000_000, withdrawn: 500_000, recovered: 0, net: 208_500_000 });
    const b = r.partners.find((p) => p.partner === "B");
    expect(b).toMatchObject({ charged: 33_000_000 + 60_000_000, held: 1_000_000, net: 93_000_000 });
    expect(r.partners.find((p) => p.partner === "C")).toMatchObject({ charged: 13_000_000, withdrawn: 500_000, net: 12_500_000 });
    expect(r.partners.find((p) => p.partner === "A")).toMatchObject({ agreed: 100_000, withdrawn: 0, held: 0 });
    expect(r.disputes.find((d) => d.ref === "D1")).toMatchObject({ raisedOn: "2020-09-01", held: 1_000_000 });
  });

  it("credits a recovery to the partners in the shares in which they paid in the years concerned", () => {
    // £1,500 back per £2,000 paid: A £750,000, B £675,000, C £75,000.
    const r = register(model([{ ref: "OVR", year: "2020/21", toYear: "2021/22", amount: 1_500_000, status: "recovered", line: "" }]));
    const shares = r.disputes[0]?.recovery;
    // Without a line the recovery is shared by every line: ICT's equal £30,000 each is in the weights too.
    expect(shares?.map((s) => s.paid)).toEqual([103_000_000, 93_000_000, 13_000_000]);
    const onRepairs = register(
      model([
        { ref: "R", line: "R1", year: "2020/21", amount: 750_000, status: "recovered" },
        { ref: "S", line: "R2", year: "2021/22", amount: 750_000, status: "recovered" },
      ]),
    );
    const credit = (p: string): number => onRepairs.partners.find((x) => x.partner === p)?.recovered ?? 0;
    expect([credit("A"), credit("B"), credit("C")]).toEqual([45_000_000 + 30_000_000, 22_500_000 + 45_000_000, 7_500_000]);
    expect(onRepairs.balancing.recovered).toBe(150_000_000);
  });

  it("reports a dispute larger than the charge, a recovery nobody paid for and a bad status, at their rows", () => {
    const r = disputeRegister(
      model([
        { ref: "X", line: "ICT", partner: "B", year: "2020/21", amount: 30_000.01, status: "open" },
        { ref: "Y", line: "ICT", year: "2021/22", amount: 10, status: "recovered" },
        { ref: "Z", line: "ICT", partner: "B", year: "2020/21", amount: 10, status: "pending" },
      ]),
      unwrap(runModel(model([]))).rows,
    );
    expect(r.ok).toBe(false);
    const words = r.ok ? [] : r.errors.map(errorMessage);
    expect(words[0]).toBe(
      'Dispute "X", amount: £30000.01 is disputed, but the partner was charged £30000.00 on this line in this year; ' +
        "a dispute can hold no more than the charge it disputes.",
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.kind, e.at.index])).toEqual([
      ["disputeExceedsCharge", 1],
      ["nothingPaid", 2],
      ["invalidChoice", 3],
    ]);
  });

  it("property: a recovery is distributed exactly by historical shares", () => {
    fc.assert(
      fc.property(
        modelArb({ positiveAmounts: true }),
        fc.integer({ min: 1, max: 100_000_000_000 }),
        fc.constantFrom("2020/21", "2021/22", "2022/23"),
        fc.integer({ min: 0, max: 2 }),
        (m, amount, first, span) => {
          const from = Number(first.slice(0, 4));
          const to = Math.min(2022, from + span);
          const toYear = `${to}/${String((to + 1) % 100).padStart(2, "0")}`;
          const run = unwrap(runModel(m));
          const paid = new Map<string, number>();
          for (const row of run.rows)
            if (row.year >= from && row.year <= to) paid.set(row.partner, (paid.get(row.partner) ?? 0) + row.amount);
          const total = [...paid.values()].reduce((s, v) => s + v, 0);
          const r = disputeRegister(
            { ...m, disputes: [{ ref: "R", year: first, toYear, amount: (amount / 100).toFixed(2), status: "recovered" }] },
            run.rows,
          );
          if (total === 0) {
            expect(r.ok ? "" : r.errors[0]?.kind).toBe("nothingPaid");
            return;
          }
          const shares = unwrap(r).disputes[0]?.recovery ?? [];
          expect(shares.reduce((s, x) => s + x.credit, 0)).toBe(amount);
          for (const s of shares) {
            expect(s.paid).toBe(paid.get(s.partner));
            // Within one penny of the exact share: |credit × total − amount × paid| < total.
            const gap = BigInt(s.credit) * BigInt(total) - BigInt(amount) * BigInt(s.paid);
            expect(gap < BigInt(total) && gap > -BigInt(total)).toBe(true);
          }
          expect(shares.filter((s) => s.paid === 0)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
