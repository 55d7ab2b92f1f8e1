import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyScenario,
  compareResults,
  errorMessage,
  exitRun,
  exitsReport,
  runModel,
  type ExitReport,
  type ModelInput,
  type ScenarioChange,
} from "../../../src/engine";
import { EAST_KENT_HOUSING } from "../../../src/samples/east-kent-housing";
import { unwrap } from "./model-arbitrary";

/**
 * The model of test/engine/exits/exit.test.ts without a Leavers row: three
 * councils sharing S (£120,000 a year, stranded) and V (£60,000 a year,
 * variable) equally, months convention, so the figures can be worked by hand.
 */
function base(): ModelInput {
  return {
    partners: [{ id: "A", host: true }, { id: "B" }, { id: "C" }],
    costLines: [
      { ref: "S", category: "revenue", nature: "ongoing", amount: 120_000, start: "2020-04-01", basis: "equal" },
      { ref: "V", category: "revenue", nature: "ongoing", amount: 60_000, start: "2020-04-01", basis: "equal" },
    ],
    settings: { firstYear: "2020/21", lastYear: "2022/23", proRata: "months" },
    exits: {
      leavers: [],
      lines: [
        { line: "S", onExit: "stranded" },
        { line: "V", onExit: "variable" },
      ],
      costs: [{ partner: "B", description: "Data extraction", amount: 5_000 }],
    },
  };
}

const leaves = (change: Partial<Extract<ScenarioChange, { kind: "partnerLeaves" }>>): ScenarioChange => ({
  kind: "partnerLeaves",
  partner: "B",
  leaves: "2021-09-30",
  ...change,
});
const scenarioModel = (...changes: ScenarioChange[]): ModelInput => unwrap(applyScenario(base(), { name: "B leaves", changes }));
const totalOf = (run: { totals: readonly { partner: string; yearLabel: string; amount: number }[] }, p: string, y: string): number =>
  run.totals.filter((t) => t.partner === p && t.yearLabel === y).reduce((s, t) => s + t.amount, 0);

/** Amounts by partner and year, the zeros left out. */
function byPartnerYear(rows: readonly { partner: string; yearLabel: string; amount: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.partner} ${r.yearLabel}`] = (out[`${r.partner} ${r.yearLabel}`] ?? 0) + r.amount;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

describe('a "partner leaves" scenario', () => {
  it("runs the model after the exit: the stranded line falls on the others, the variable line falls away", () => {
    const baseRun = unwrap(runModel(base()));
    const after = unwrap(exitRun(scenarioModel(leaves({ notice: "2020-10-01" }))));
    // Worked by hand: in 2021/22 B is a member 6 of 12 months. S's second £60,000 is shared by A and C (£30,000 each, not
    // £20,000); V stays at £20,000 each for A and C, and B pays £10,000 of V and £20,000 of S.
    expect(totalOf(after, "A", "2021/22")).toBe(7_000_000);
    expect(totalOf(after, "B", "2021/22")).toBe(3_000_000);
    expect(totalOf(after, "C", "2022/23")).toBe(8_000_000);
    expect(totalOf(after, "B", "2022/23")).toBe(0);
    const cmp = compareResults(baseRun, after);
    const diff = (p: string, y: string): number | undefined => cmp.rows.find((r) => r.partner === p && r.yearLabel === y)?.difference;
    expect([diff("A", "2020/21"), diff("A", "2021/22"), diff("A", "2022/23")]).toEqual([0, 1_000_000, 2_000_000]);
    expect(diff("B", "2022/23")).toBe(-6_000_000);
    // The balancing check speaks of the run after the exit: B's part of V fell away, so the costs apportioned are the
    // staying run's less it, and they equal the charges now made (the staying run's figures would not).
    const charged = after.rows.reduce((s, r) => s + r.amount, 0);
    expect(after.result.balance.totalOut).toBe(charged);
    expect(after.result.balance.totalIn).toBe(charged);
    expect(after.result.balance.balanced).toBe(true);
    expect(charged).toBeLessThan(baseRun.result.balance.totalIn);
    // What the Summary, Allocations and Trace read says the same: S's 2021/22 is the run with B a member to the end of
    // its charges (the whole £120,000 shared); V keeps A's and C's £20,000, cuts B's to £10,000 and says why.
    expect(byPartnerYear(after.result.totals)).toEqual(byPartnerYear(after.totals));
    const v = after.result.lineYears.find((ly) => ly.lineRef === "V" && ly.yearLabel === "2021/22");
    expect(v?.shares).toEqual([2_000_000, 1_000_000, 2_000_000]);
    expect(v?.exit).toMatch(/^B leaves on 30 September 2021, charged to .*variable cost/);
    const s = after.result.lineYears.find((ly) => ly.lineRef === "S" && ly.yearLabel === "2021/22");
    expect(s?.shares.reduce((a, b) => a + b, 0)).toBe(12_000_000);
    expect(s?.exit).toBeUndefined();
    expect(
      after.result.lineYears.filter((ly) => ly.yearLabel === "2022/23").every((ly) => !ly.partners.includes("B") || ly.shares[1] === 0),
    ).toBe(true);
  });

  it("gives the same leaver and remaining-partner figures as a Leavers row with the same dates", () => {
    const viaScenario = scenarioModel(leaves({ notice: "2020-10-01" }));
    const tableModel: ModelInput = {
      ...base(),
      exits: { ...base().exits!, leavers: [{ partner: "B", notice: "2020-10-01", leaves: "2021-09-30" }] },
    };
    const table = unwrap(exitsReport(tableModel)).exits[0] as ExitReport;
    const fromScenario = unwrap(exitsReport(viaScenario)).exits[0] as ExitReport;
    // The Exit statement and Harm report of the scenario's model are the Leavers table's.
    expect(fromScenario).toEqual(table);
    const run = unwrap(exitRun(viaScenario));
    for (const h of table.harm) expect(totalOf(run, h.partner, h.yearLabel)).toBe(h.after);
    // The leaver's charges are its statement less its exit costs (they are on its Exit statement, not among the charges).
    for (const y of table.statementByYear) {
      const exitCosts = table.statement.filter((s) => s.yearLabel === y.yearLabel).reduce((s, l) => s + l.exitCost, 0);
      expect(totalOf(run, "B", y.yearLabel)).toBe(y.owes - exitCosts);
    }
  });

  it("replaces a Leavers row for the same partner and keeps other leavers", () => {
    const m: ModelInput = {
      ...base(),
      exits: {
        ...base().exits!,
        leavers: [
          { partner: "B", leaves: "2022-03-31", noticeMonths: 6 },
          { partner: "C", leaves: "2022-09-30" },
        ],
      },
    };
    const applied = unwrap(applyScenario(m, { name: "B goes", changes: [leaves({})] }));
    expect(applied.exits?.leavers).toEqual([
      { partner: "C", leaves: "2022-09-30" },
      { partner: "B", leaves: "2021-09-30", noticeMonths: 6, notice: null },
    ]);
    expect(applied.exits?.applied).toBe("B");
    // The base model is untouched, and its run is the plain one.
    expect(m.exits?.applied).toBeUndefined();
    expect(unwrap(exitRun(m)).totals).toEqual(unwrap(runModel(m)).totals);
  });

  it("adds up exactly: the charges after the exit are the whole before less what fell away, for any leave and notice date", () => {
    const start = Date.UTC(2020, 3, 1);
    const iso = (days: number): string => new Date(start + days * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_093 }), fc.option(fc.integer({ min: 0, max: 1_093 }), { nil: undefined }), (l, n) => {
        const notice = n === undefined || n > l ? undefined : iso(n);
        const m = scenarioModel(leaves({ leaves: iso(l), ...(notice === undefined ? {} : { notice }) }));
        const run = unwrap(exitRun(m));
        const e = unwrap(exitsReport(m)).exits[0] as ExitReport;
        for (const w of e.whole) {
          const charged = run.totals.filter((t) => t.yearLabel === w.yearLabel).reduce((s, t) => s + t.amount, 0);
          expect(charged).toBe(w.before - w.fallen);
          expect(charged + w.exitCosts).toBe(w.leaver + w.remaining);
        }
        // The result the output sheets read (line-years, their totals and charges) is the run after the exit as well.
        expect(byPartnerYear(run.result.totals)).toEqual(byPartnerYear(run.totals));
        expect(byPartnerYear(run.result.charges)).toEqual(byPartnerYear(run.rows));
        expect(run.result.lineYears.flatMap((ly) => ly.shares).reduce((a, b) => a + b, 0)).toBe(run.result.balance.totalOut);
      }),
      { numRuns: 25 },
    );
  });

  it("refuses a partner the model does not have, the host, a date outside the model and notice after leaving", () => {
    const problems = (c: ScenarioChange): string[] => {
      const r = applyScenario(base(), { name: "Leaving", changes: [c] });
      return r.ok ? [] : r.errors.map(errorMessage);
    };
    expect(problems(leaves({ partner: "Z" }))).toEqual([expect.stringMatching(/change 1 \(partnerLeaves\): partner.*"Z"/)]);
    expect(problems(leaves({ partner: "A" }))).toEqual([expect.stringMatching(/change 1 \(partnerLeaves\): partner.*host/i)]);
    expect(problems(leaves({ leaves: "2024-01-01" }))).toEqual([
      expect.stringMatching(/change 1 \(partnerLeaves\): leaves.*2020\/21 to 2022\/23/),
    ]);
    expect(problems(leaves({ leaves: "2019-12-31" }))).toHaveLength(1);
    expect(problems(leaves({ leaves: null }))).toEqual([expect.stringMatching(/change 1 \(partnerLeaves\): leaves/)]);
    expect(problems(leaves({ notice: "2021-10-01" }))).toEqual([expect.stringMatching(/change 1 \(partnerLeaves\): leaves/)]);
  });

  it("East Kent Housing: Thanet leaving strands its part of the contract's last quarter on the three councils", () => {
    const model = EAST_KENT_HOUSING.model;
    const scenario = model.scenarios?.find((x) => x.name === "Thanet leaves (split into four systems)");
    expect(scenario).toBeDefined();
    const after = unwrap(exitRun(unwrap(applyScenario(model, scenario!))));
    const cmp = compareResults(unwrap(runModel(model)), after).rows.filter((r) => r.difference !== 0);
    // £82,000 a year shared four ways is £20,500 each. Thanet pays to the contract's end, 31 December 2022: 275 of
    // 2022/23's 365 days, £15,445.21. The other 90 days, £20,219.18, fall on the three that stay, £6,739.73 each.
    expect(cmp.map((r) => [r.partner, r.yearLabel, r.to, r.difference])).toEqual([
      ["CCC", "2022/23", 2_218_493, 168_493],
      ["DDC", "2022/23", 2_218_493, 168_493],
      ["FHDC", "2022/23", 2_218_493, 168_493],
      ["TDC", "2022/23", 1_544_521, -505_479],
    ]);
  });
});
