import { formatMoney, type ModelRun, type TrueUpReport } from "../../../engine";
import { PRINT_WIDTH, type Block, type CellValue, type SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds, runNotes } from "./common";
import { fitFigures, widthOf } from "./paper";
import { runPartners } from "./partners";

/**
 * The columns' widths in points: narrow enough that the sheet prints on a landscape page at full size in the committee
 * pack (the verdict wraps in the name column); money columns are widened to their widest figure by {@link fitFigures}.
 */
const WIDTHS = [56, 48, 44, 150, 56, 56, 56, 72, 72, 60, 72];
/** The narrowest the name column is made (names and verdicts wrap) before the print setup's fitting shrinks the page. */
const NAME_MIN = 110;

/**
 * The True-up sheet (docs/versions.md): per line-year charged on estimated
 * drivers that has actuals, and per partner, the share estimated and actual,
 * the change in percentage points, whether it was within the tolerance and
 * the adjustment made. Written only for a model with actual driver values.
 */
export function trueUpSheet(run: ModelRun, report: TrueUpReport, scenario?: string): SheetSpec {
  const names = new Map(runPartners(run).map((p) => [p.id, p.name]));
  const adjusted = report.lines.filter((l) => l.trued).length;
  // A basis may have its own timing (docs/versions.md): the note says one timing only when every adjusted line has it.
  const timings = new Set(report.lines.filter((l) => l.trued).map((l) => l.timing));
  const timing = timings.size > 1 ? "mixed" : ([...timings][0] ?? report.timing);
  const blocks: Block[] = [
    { row: 0, col: 0, values: [["True-up: each partner's share on estimated and on actual drivers"]], style: "title" },
    { row: 1, col: 0, values: runNotes(run.result, scenario).map((n) => [n]), style: "note" },
    {
      row: 3,
      col: 0,
      values: [
        [
          `${report.lines.length} line-year${report.lines.length === 1 ? "" : "s"} compared on actual drivers; ` +
            `${adjusted} beyond tolerance and adjusted` +
            (adjusted === 0
              ? "."
              : timing === "next year"
                ? ", each adjustment a one-off line of the following year (charged to no one when that year is not modelled)."
                : timing === "mixed"
                  ? ", each adjustment a one-off line of the same or the following year, as its basis's timing says."
                  : ", each adjustment a one-off line of the same year."),
        ],
        [
          "Beyond tolerance, each partner's adjustment is its charge on actual drivers less its charge made, both rounded " +
            "once: the adjustments add up to exactly zero.",
        ],
      ],
      style: "note",
    },
  ];
  const header = [
    "Line",
    "Year",
    "Partner",
    "Name",
    "Estimated share %",
    "Actual share %",
    "Change (points)",
    "Charged (£)",
    "On actuals (£)",
    "Within tolerance",
    "Adjustment (£)",
  ];
  blocks.push({ row: 6, col: 0, values: [header], style: "header" });
  const body: CellValue[][] = [];
  for (const l of report.lines) {
    for (const r of l.rows) {
      body.push([
        l.lineRef,
        l.yearLabel,
        r.partner,
        names.get(r.partner) ?? r.partner,
        r.estimatedPercent,
        r.actualPercent,
        r.changePoints,
        pounds(r.estimatedCharge),
        pounds(r.actualCharge),
        r.within ? "Yes" : "No",
        pounds(r.adjustment),
      ]);
    }
    const total = l.rows.reduce((a, r) => a + r.adjustment, 0);
    body.push([l.lineRef, l.yearLabel, "", l.verdict, "", "", "", "", "", "", pounds(total)]);
  }
  if (body.length === 0) body.push(["None", "", "", "No line is shared by a driver with actual values.", "", "", "", "", "", "", ""]);
  const money = [null, null, null, null, null, null, null, MONEY_FORMAT, MONEY_FORMAT, null, MONEY_FORMAT];
  blocks.push({ row: 7, col: 0, values: body, formats: money });
  const net = report.lines.reduce((a, l) => a + l.rows.reduce((b, r) => b + r.adjustment, 0), 0);
  blocks.push({
    row: 8 + body.length,
    col: 0,
    values: [[`Adjustments in all: ${formatMoney(net)} (each line-year's add up to zero).`]],
    style: "note",
  });
  return outputSheet("trueUp", {
    blocks,
    freezeRows: 7,
    columnWidths: fittedWidths(blocks),
  });
}

/** The column widths for paper: figures as wide as their widest, the name column narrowed by what the page lacks. */
function fittedWidths(blocks: readonly Block[]): number[] {
  const widths = fitFigures(blocks, WIDTHS);
  const over = widthOf(widths, 0, widths.length) - PRINT_WIDTH.landscape;
  if (over > 0) widths[3] = Math.max(NAME_MIN, 2 * Math.floor(((widths[3] ?? NAME_MIN) - over) / 2));
  return widths;
}

/** What the True-up sheet says once a later run has no actual drivers: nothing, and why its figures went. */
export function trueUpRetiredSheet(): SheetSpec {
  return outputSheet("trueUp", {
    blocks: [
      { row: 0, col: 0, values: [["True-up: none in the latest run"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "The model (or the scenario run) has no actual driver values, so there is nothing to true up. This sheet held an " +
              "earlier run's figures; they were removed so they cannot be taken for the latest run's (see the Run log).",
          ],
        ],
        style: "note",
      },
    ],
    freezeRows: 0,
    columnWidths: [400],
  });
}
