import { partnerNames, type ModelRun } from "../../../engine";
import type { CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES } from "../names";
import { outputSheet, pounds, tableBlocks } from "./common";

/** The Allocations table's headers. Ref, Year and Partner identify a charge; the task pane's "Explain" reads them. */
export const ALLOCATION_HEADERS = ["Ref", "Description", "Service", "Category", "Nature", "Year", "Partner", "Partner name", "Basis", "Charge (£)"] as const;

/**
 * The Allocations sheet: one row per cost line × partner × year — what each
 * partner pays, partners within others included — carrying the line's
 * capital/revenue and one-off/ongoing classification.
 */
export function allocationsSheet(run: ModelRun): SheetSpec {
  const names = partnerNames(run.model);
  const lines = new Map<string, { description: string; basis: string }>();
  for (const ly of run.result.lineYears) if (!lines.has(ly.lineRef)) lines.set(ly.lineRef, { description: ly.description, basis: ly.basis });
  const body: CellValue[][] = run.rows.map((c) => {
    const l = lines.get(c.lineRef);
    return [c.lineRef, l?.description ?? "", c.service, c.category, c.nature, c.yearLabel, c.partner, names.get(c.partner) ?? c.partner, l?.basis ?? "", pounds(c.amount)];
  });
  const t = tableBlocks(OUTPUT_TABLES.allocations, 0, ALLOCATION_HEADERS, body, [null, null, null, null, null, null, null, null, null, MONEY_FORMAT]);
  return outputSheet("allocations", { blocks: t.blocks, tables: [t.table], freezeRows: 1, columnWidths: [70, 220, 100, 70, 70, 60, 60, 200, 110, 100] });
}
