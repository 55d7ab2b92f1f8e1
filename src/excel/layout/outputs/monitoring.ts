import {
  BUDGET_STATUS_TEXT,
  errorMessage,
  monitorModel,
  PERIOD_MONTHS,
  periodLabel,
  PERIODS,
  type ModelRun,
  type MonitoringReport,
  type Result,
} from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures } from "./paper";

/** True when the run's model has something to monitor: actuals, forecasts or a profile. */
export function runHasMonitoring(run: ModelRun): boolean {
  const m = run.model.monitoring;
  return m !== undefined && ((m.actuals ?? []).length > 0 || (m.forecasts ?? []).length > 0 || (m.profiles ?? []).length > 0);
}

/** The run's monitoring (docs/monitoring.md), or undefined for a model with nothing to monitor. */
export function runMonitoring(run: ModelRun): Result<MonitoringReport> | undefined {
  return runHasMonitoring(run) ? monitorModel(run.model, run.rows) : undefined;
}

const FIGURES = ["Charged", "Budget to date", "Actual to date", "Variance to date", "Forecast outturn", "Forecast variance"];

/**
 * The Monitoring sheet (docs/monitoring.md): the year to the last period with
 * actuals: each partner's forecast year-end settlement in words, each partner
 * and each cost line to date and forecast (with the budget check's status
 * words), and each partner's profiled budget, actual and variance by period.
 * Written only for a model with actuals, forecasts or a profile.
 */
export function monitoringSheet(run: ModelRun, scenario?: string): SheetSpec | undefined {
  const result = runMonitoring(run);
  if (result === undefined) return undefined;
  if (!result.ok) {
    return outputSheet("monitoring", {
      blocks: [
        { row: 0, col: 0, values: [["Monitoring: not worked out"]], style: "title" },
        { row: 1, col: 0, values: result.errors.map((e) => [errorMessage(e)]), style: "note" },
      ],
      freezeRows: 0,
      columnWidths: [600],
    });
  }
  const r = result.value;
  const to = r.toPeriod === 0 ? "no actuals yet" : `to period ${r.toPeriod} (${PERIOD_MONTHS[r.toPeriod - 1] ?? ""})`;
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`Monitoring: ${r.yearLabel} ${to}, forecast outturn and year-end settlement`]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario, true).map((n) => [n]), style: "note" },
    {
      row: 3,
      col: 0,
      // One short line a row, so a note never widens the printed page.
      values: [
        ["Budget: what the partners are charged for each line in the year, profiled evenly over the months it runs (or by the"],
        ["Profile table). Forecast outturn = actuals to date + the forecast (or the profile) for the remaining periods."],
        ["The forecast settlement shares forecast outturn − charged as the year-end settlement does; nothing is carried yet."],
      ],
      style: "note",
    },
  ];
  let row = 7;
  blocks.push({ row, col: 0, values: [["Forecast year-end settlement"]], style: "header" });
  const words = r.settlement.partners.map((p) => [`${p.words}.`]);
  blocks.push({ row: row + 1, col: 0, values: words.length > 0 ? words : [["Nothing is charged in the year."]] });
  row += Math.max(1, words.length) + 3;

  blocks.push({ row, col: 0, values: [["Each partner (£)"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [["Partner", "Category", ...FIGURES, "Status"]], style: "header" });
  const partners: CellValue[][] = r.partners.map((p) => [
    p.partner,
    p.category,
    pounds(p.charged),
    pounds(p.profileToDate),
    pounds(p.actualToDate),
    pounds(p.varianceToDate),
    pounds(p.forecastOutturn),
    pounds(p.variance),
    BUDGET_STATUS_TEXT[p.status],
  ]);
  const money = [null, null, ...FIGURES.map(() => MONEY_FORMAT), null];
  blocks.push({ row: row + 2, col: 0, values: partners, formats: money });
  row += partners.length + 4;

  blocks.push({ row, col: 0, values: [["Each cost line (£)"]], style: "header" });
  blocks.push({ row: row + 1, col: 0, values: [["Line", "Category", ...FIGURES, "Status"]], style: "header" });
  const lines: CellValue[][] = r.lines.map((l) => [
    l.line,
    l.category,
    pounds(l.budget),
    pounds(l.profileToDate),
    pounds(l.actualToDate),
    pounds(l.varianceToDate),
    pounds(l.forecastOutturn),
    pounds(l.variance),
    BUDGET_STATUS_TEXT[l.status],
  ]);
  blocks.push({ row: row + 2, col: 0, values: lines, formats: money });
  row += lines.length + 4;

  // Six periods to a table, so the figures print at full size on a landscape A4 page; the second half starts a page
  // of its own when printed (the pack), so its header row is never left at the foot of a page, apart from its figures.
  const pageBreaks: number[] = [];
  for (const half of [PERIODS.slice(0, 6), PERIODS.slice(6)]) {
    if (half[0] !== 1) pageBreaks.push(row);
    const span = `${PERIOD_MONTHS[(half[0] ?? 1) - 1] ?? ""} to ${PERIOD_MONTHS[(half[half.length - 1] ?? 12) - 1] ?? ""}`;
    const title = `By period, ${span} (£): each partner's profiled budget, actual and variance`;
    blocks.push({ row, col: 0, values: [[title]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [["Partner", "Figure", ...half.map(periodLabel)]], style: "header" });
    const periods: CellValue[][] = [];
    for (const p of r.partners) {
      const of = half.map((n) => p.periods[n - 1]);
      periods.push([p.partner, "Budget", ...of.map((x) => pounds(x?.profiledBudget ?? 0))]);
      periods.push([p.category, "Actual", ...of.map((x) => (x?.actual === undefined ? "" : pounds(x.actual)))]);
      periods.push(["", "Variance", ...of.map((x) => (x?.variance === undefined ? "" : pounds(x.variance)))]);
    }
    blocks.push({ row: row + 2, col: 0, values: periods, formats: [null, null, ...half.map(() => MONEY_FORMAT)] });
    row += periods.length + 4;
  }
  return outputSheet("monitoring", {
    blocks,
    freezeRows: 0,
    columnWidths: fitFigures(blocks, [60, 64, 80, 80, 80, 80, 80, 80, 100]),
    pageBreaks,
  });
}
