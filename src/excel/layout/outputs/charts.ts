import { fyLabel, type ModelRun } from "../../../engine";
import type { Block, CellValue, ChartSpec, SheetSpec } from "../cells";
import { MONEY_FORMAT } from "../names";
import { outputSheet, pounds } from "./common";
import { runPartners } from "./partners";
import { pivotTotals } from "./summary";

/** Rows each partner's block takes on the Charts sheet (at least enough for its chart). */
const MIN_BLOCK_ROWS = 16;

/**
 * The Charts sheet: for each partner, a small table of capital and revenue
 * charges by year and a clustered column chart of it beside the table.
 */
export function chartsSheet(run: ModelRun): SheetSpec {
  const s = run.result.settings;
  const years: number[] = [];
  for (let y = s.firstYear; y <= s.lastYear; y++) years.push(y);
  const totals = pivotTotals(run);
  const blocks: Block[] = [{ row: 0, col: 0, values: [["Capital and revenue charges by partner and year"]], style: "title" }];
  const charts: ChartSpec[] = [];
  let row = 2;
  runPartners(run).forEach((p, i) => {
    const byYear = totals.get(p.id);
    const data: CellValue[][] = years.map((y) => {
      const c = byYear?.get(y);
      return [
        fyLabel(y),
        pounds((c?.capital["one-off"] ?? 0) + (c?.capital.ongoing ?? 0)),
        pounds((c?.revenue["one-off"] ?? 0) + (c?.revenue.ongoing ?? 0)),
      ];
    });
    blocks.push({ row, col: 0, values: [[`${p.id} — ${p.name}`]], style: "header" });
    blocks.push({ row: row + 1, col: 0, values: [["Year", "Capital (£)", "Revenue (£)"]], style: "header" });
    blocks.push({ row: row + 2, col: 0, values: data, formats: [null, MONEY_FORMAT, MONEY_FORMAT] });
    const height = Math.max(MIN_BLOCK_ROWS, years.length + 4);
    charts.push({
      name: `SA_Chart_${i + 1}`,
      title: `${p.name}: capital and revenue charges by year`,
      data: { row: row + 1, col: 0, rows: years.length + 1, cols: 3 },
      from: { row, col: 4 },
      to: { row: row + height - 2, col: 11 },
    });
    row += height;
  });
  return outputSheet("charts", { blocks, charts, freezeRows: 0, columnWidths: [90, 110, 110] });
}
