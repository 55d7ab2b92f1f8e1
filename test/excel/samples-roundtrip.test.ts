import { describe, expect, it } from "vitest";
import {
  buildJournals,
  disputeRegister,
  exitsReport,
  checkModelBudgets,
  compareScenarios,
  doNoHarm,
  runModel,
  runScenario,
  type JournalsInput,
  type ModelInput,
} from "../../src/engine";
import { SAMPLES } from "../../src/samples";
import { ALLOCATION_CHECK_HEADER, ALLOCATION_HEADER_ROW, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { runPartners } from "../../src/excel/layout/outputs/partners";
import { BUDGET_STATUS } from "../../src/excel/layout/outputs/budget-check";
import { ALL_PARTNERS, ALL_YEARS, SUMMARY_HEADER_ROW } from "../../src/excel/layout/outputs/summary";
import { gridOf, HARNESSES } from "../support/port-harness";

const pence = (v: unknown): number => Math.round(Number(v) * 100);

/** Runs a model and its first scenarios the way the task pane will, for the outputs. */
function outputsFor(model: ModelInput) {
  const report = checkModelBudgets(model);
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
  const scenario = model.scenarios?.[0];
  const comparison = scenario === undefined ? undefined : compareScenarios(model, null, scenario);
  const joining = model.scenarios?.find((s) => s.changes.some((c) => c.kind === "addPartner"));
  const harm = joining === undefined ? undefined : doNoHarm(model, joining);
  return {
    run: report.value.run,
    budget: report.value,
    ...(comparison?.ok === true ? { comparison: comparison.value } : {}),
    ...(harm?.ok === true ? { doNoHarm: harm.value } : {}),
  };
}

describe.each(HARNESSES)("each sample round-trips through the $name adapter", ({ make }) => {
  it.each(SAMPLES.map((s) => [s.id, s] as const))(
    "%s: template → read → apportion → write → read back, balancing to the penny",
    async (_id, sample) => {
      const h = make();
      const created = await h.port.createModel(sample.model, { notes: sample.notes });
      expect(created.ok, JSON.stringify(created)).toBe(true);

      const read = await h.port.readModel();
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.value.problems).toEqual([]);
      // A model without support services has no Support sheet, and one without service lists no Partner services
      // sheet; each says its tables are absent (read as empty).
      expect(read.value.absentTables).toEqual([
        // A basis's own true-up rules (docs/versions.md): the table is written only for a model that has one.
        ...(sample.model.trueUp?.byBasis === undefined ? ["TrueUpRules"] : []),
        ...(sample.model.support === undefined ? ["SupportServices", "SupportUsage"] : []),
        ...(sample.model.partnerServices === undefined ? ["PartnerServices"] : []),
        ...(sample.model.capitalOptions === undefined ? ["Options"] : []),
        ...(sample.model.journals === undefined ? ["Coding", "HostCoding", "VatLines", "Ledgers", "LedgerColumns"] : []),
        ...(sample.model.monitoring === undefined ? ["Actuals", "Forecast", "Profile", "Mapping"] : []),
        ...(sample.model.exits === undefined ? ["Leavers", "ExitLines", "ExitCosts"] : []),
        ...(sample.model.disputes === undefined ? ["Disputes"] : []),
      ]);
      // The monitoring inputs read back as the same monitoring, to the penny.
      expect(read.value.model.monitoring === undefined).toBe(sample.model.monitoring === undefined);
      // The exits and disputes read back as they were written: the same exit statements, harm and register to the penny.
      expect(exitsReport(read.value.model)).toEqual(exitsReport(sample.model));
      if (sample.model.disputes !== undefined) {
        const registerOf = (m: ModelInput): unknown => {
          const run = runModel(m);
          return run.ok ? disputeRegister(m, run.value.rows) : run;
        };
        expect(registerOf(read.value.model)).toEqual(registerOf(sample.model));
      }
      // The journals inputs read back as they were written: the same journals and invoices to the penny.
      expect(read.value.model.journals === undefined).toBe(sample.model.journals === undefined);
      const readJournals = read.value.model.journals;
      if (sample.model.journals !== undefined && readJournals !== undefined) {
        const journalsOf = (m: ModelInput, j: JournalsInput): unknown => {
          const run = runModel(m);
          return run.ok ? buildJournals(run.value, j, "R") : run;
        };
        const want = journalsOf(sample.model, sample.model.journals);
        expect((want as { ok: boolean }).ok).toBe(true);
        expect(journalsOf(read.value.model, readJournals)).toEqual(want);
      }
      expect(read.value.model.support).toEqual(sample.model.support);
      expect(read.value.model.partnerServices).toEqual(sample.model.partnerServices);

      // The model read back apportions exactly as the sample does, scenarios included.
      const direct = runModel(sample.model);
      const back = runModel(read.value.model);
      if (!direct.ok || !back.ok) throw new Error("run failed");
      expect(back.value.rows).toEqual(direct.value.rows);
      expect(read.value.model.scenarios?.map((s) => s.name)).toEqual(sample.model.scenarios?.map((s) => s.name));
      for (const s of sample.model.scenarios ?? []) {
        const a = runScenario(sample.model, s);
        const b = runScenario(read.value.model, read.value.model.scenarios?.find((x) => x.name === s.name) ?? s);
        expect(b.ok && b.value.rows, s.name).toEqual(a.ok && a.value.rows);
      }
      const budgetsDirect = checkModelBudgets(sample.model);
      const budgetsBack = checkModelBudgets(read.value.model);
      expect(budgetsBack.ok && budgetsBack.value.budgets.lines).toEqual(budgetsDirect.ok && budgetsDirect.value.budgets.lines);
      expect(budgetsBack.ok && budgetsBack.value.flags).toEqual(budgetsDirect.ok && budgetsDirect.value.flags);

      const outputs = outputsFor(read.value.model);
      const written = await h.port.writeOutputs(outputs);
      expect(written.ok, JSON.stringify(written)).toBe(true);

      // Allocations read back: one row per line-year, a column per partner; each row and the grand total balance to the penny,
      // and every partner's column adds up to what the engine charged it.
      const snap = h.snapshot();
      const alloc = gridOf(snap, "Allocations");
      const header = alloc[ALLOCATION_HEADER_ROW] ?? [];
      const partners = runPartners(outputs.run).map((p) => p.id);
      expect(header).toEqual([...ALLOCATION_HEADERS, ...partners.map((p) => `${p} (£)`), ALLOCATION_CHECK_HEADER]);
      const body = alloc.slice(ALLOCATION_HEADER_ROW + 1);
      expect(body).toHaveLength(outputs.run.result.lineYears.length);
      const col = (h: string): number => header.indexOf(h);
      const byPartner = new Map<string, number>();
      let total = 0;
      body.forEach((r, i) => {
        const ly = outputs.run.result.lineYears[i];
        expect([r[col("Ref")], r[col("Year")]]).toEqual([ly?.lineRef, ly?.yearLabel]);
        let sum = 0;
        for (const p of partners) {
          const v = r[col(`${p} (£)`)];
          if (v === "" || v === undefined) continue;
          sum += pence(v);
          byPartner.set(p, (byPartner.get(p) ?? 0) + pence(v));
        }
        expect(sum, `${String(r[col("Ref")])} ${String(r[col("Year")])}`).toBe(pence(r[col("Line amount (£)")]));
        expect(pence(r[col("Line amount (£)")])).toBe(ly?.profile.amount);
        expect(pence(r[col(ALLOCATION_CHECK_HEADER)])).toBe(0);
        total += sum;
      });
      expect(outputs.run.result.balance.balanced).toBe(true);
      expect(total).toBe(outputs.run.result.balance.totalIn);
      const engineByPartner = new Map<string, number>();
      for (const c of outputs.run.rows) engineByPartner.set(c.partner, (engineByPartner.get(c.partner) ?? 0) + c.amount);
      expect(byPartner).toEqual(engineByPartner);

      // The Summary's grand total says the same.
      const summary = gridOf(snap, "Summary");
      const grand = summary.find((r) => r[0] === ALL_PARTNERS && r[2] === ALL_YEARS);
      expect(summary[SUMMARY_HEADER_ROW]?.[9]).toBe("Total (£)");
      expect(pence(grand?.[9])).toBe(outputs.run.result.balance.totalIn);

      // The Budget check lists every budget line with the engine's recharge, and each charge with no budget
      // as a row with a blank budget and the status "No budget".
      const budget = gridOf(snap, "Budget check");
      const statuses = new Set(Object.values(BUDGET_STATUS).map((b) => b.text));
      // Partner, Name, Year, Category, Service, Budget, Recharge, Variance, Variance %, Status.
      const recharges = budget
        // A budget row by its Status (the stated totals and the year-end settlement below reuse the £ columns).
        .filter((r) => typeof r[6] === "number" && statuses.has(String(r[9])))
        .map((r) => pence(r[6]));
      expect(recharges).toEqual(outputs.budget.budgets.lines.map((l) => l.recharge));
    },
  );
});
