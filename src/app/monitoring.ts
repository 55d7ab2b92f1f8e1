import {
  BUDGET_STATUS_TEXT,
  monitorModel,
  penceToText,
  periodLabel,
  type ModelInput,
  type ModelRun,
  type MonitoringReport,
  type Result,
} from "../engine";
import type { RunOutputs } from "../excel";
// The layout itself, not through the workbook layer's index: this module loads on demand (see withMonitoringSheet).
import { monitoringSheet } from "../excel/layout/outputs/monitoring";
import { engineProblems, type Locate, type Problem } from "./problems";

/** True when the model has something to monitor: actuals, forecasts or a profile. */
export function hasMonitoring(model: ModelInput): boolean {
  const m = model.monitoring;
  return m !== undefined && ((m.actuals ?? []).length > 0 || (m.forecasts ?? []).length > 0 || (m.profiles ?? []).length > 0);
}

/**
 * The in-year monitoring of a run (docs/monitoring.md), or undefined for a
 * model with no actuals, forecasts or profile: its run's charges are the
 * budget each line is profiled from and each partner's part is taken by.
 */
export function monitoringOfRun(run: ModelRun): Result<MonitoringReport> | undefined {
  return hasMonitoring(run.model) ? monitorModel(run.model, run.rows) : undefined;
}

/** Monitoring errors as problems, each located where the workbook can place it. */
export function monitoringProblems(result: Result<MonitoringReport>, locate: Locate | undefined): Problem[] {
  return result.ok ? [] : engineProblems(result.errors, locate, "error", "monitoring");
}

/**
 * A run's monitoring problems as warnings at their cells (an actual for a
 * line not in the model, a period out of range…): the run's charges stand,
 * and its Monitoring sheet says why there is no monitoring.
 */
export function monitoringWarnings(run: ModelRun, locate: Locate | undefined): Problem[] {
  const result = monitoringOfRun(run);
  if (result === undefined) return [];
  return monitoringProblems(result, locate).map((p) => ({
    ...p,
    severity: "warning" as const,
    message: `The monitoring cannot be worked out: ${p.message}`,
  }));
}

const money = (p: number | undefined): string | null => (p === undefined ? null : penceToText(p));

/** The `monitoring` section of `--json`: money as exact decimal text, statuses in the budget check's words. */
export function monitoringJson(r: MonitoringReport): unknown {
  return {
    year: r.yearLabel,
    toPeriod: r.toPeriod,
    periods: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(periodLabel),
    lines: r.lines.map((l) => ({
      line: l.line,
      category: l.category,
      budget: penceToText(l.budget),
      profiledBy: l.profiledBy,
      profile: l.profile.map(penceToText),
      actual: l.actual.map(money),
      forecast: l.forecast.map(money),
      actualToDate: penceToText(l.actualToDate),
      profileToDate: penceToText(l.profileToDate),
      varianceToDate: penceToText(l.varianceToDate),
      forecastOutturn: penceToText(l.forecastOutturn),
      variance: penceToText(l.variance),
      status: BUDGET_STATUS_TEXT[l.status],
    })),
    partners: r.partners.map((p) => ({
      partner: p.partner,
      category: p.category,
      charged: penceToText(p.charged),
      periods: p.periods.map((x) => ({
        period: x.period,
        profiledBudget: penceToText(x.profiledBudget),
        actual: money(x.actual),
        variance: money(x.variance),
      })),
      profileToDate: penceToText(p.profileToDate),
      actualToDate: penceToText(p.actualToDate),
      varianceToDate: penceToText(p.varianceToDate),
      forecastOutturn: penceToText(p.forecastOutturn),
      variance: penceToText(p.variance),
      status: BUDGET_STATUS_TEXT[p.status],
    })),
    settlement: r.settlement.partners.map((s) => ({ partner: s.partner, share: penceToText(s.share), words: s.words })),
  };
}

/**
 * The outputs with their Monitoring sheet laid out, for a model with
 * something to monitor (the outputs as they are otherwise). Every write of a
 * run's results and every verification calls it first: the sheet's layout
 * and the monitoring engine live here, outside the workbook layer's own
 * output list, so the task pane's first load does not carry them.
 */
export function withMonitoringSheet<T extends RunOutputs>(outputs: T): T {
  const sheet = monitoringSheet(outputs.run, outputs.scenario);
  return sheet === undefined ? outputs : { ...outputs, monitoringSheet: sheet };
}
