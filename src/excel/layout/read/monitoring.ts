import type { MonitoringInput } from "../../../engine";
import type { CellValue } from "../cells";
import { cellDecimal, cellText } from "../cell-values";
import type { TableKey } from "../names";
import { optText, type ReadContext, type Row } from "./table-rows";

/** The Actuals sheet's tables read, and the row of each entry (for error locations). */
export interface MonitoringRead {
  /** Undefined when none of the tables holds a row: the model has no monitoring, and runs exactly as before. */
  readonly monitoring: MonitoringInput | undefined;
  /** Table key → the sheet row of each entry, in input order (the engine's 1-based index − 1). */
  readonly monitoringRows: Partial<Record<TableKey, number[]>>;
}

/** The monitoring tables, in the order the template lays them out. */
export const MONITORING_TABLES = ["actuals", "forecasts", "profiles", "mapping"] as const;

/**
 * Reads the monitoring tables (docs/monitoring.md). The engine checks every
 * value; this only carries the cells across, blanks left out so a model
 * reads back as it was written.
 */
export function readMonitoring(ctx: ReadContext, year?: CellValue): MonitoringRead {
  const rowsOf = (key: (typeof MONITORING_TABLES)[number]): readonly Row[] => ctx.parsed.get(key)?.rows ?? [];
  const monitoringRows: Partial<Record<TableKey, number[]>> = {};
  for (const key of MONITORING_TABLES) monitoringRows[key] = rowsOf(key).map((r) => r.row);
  if (MONITORING_TABLES.every((k) => rowsOf(k).length === 0)) return { monitoring: undefined, monitoringRows };
  const opt = (key: string, v: string | undefined): Record<string, string> => (v === undefined ? {} : { [key]: v });
  const actuals = rowsOf("actuals").map((r) => ({
    period: cellDecimal(r.get("period")),
    line: cellText(r.get("line")),
    amount: cellDecimal(r.get("amount")),
    ...opt("source", optText(r.get("source"))),
  }));
  const forecasts = rowsOf("forecasts").map((r) => ({
    period: cellDecimal(r.get("period")),
    line: cellText(r.get("line")),
    amount: cellDecimal(r.get("amount")),
    ...opt("note", optText(r.get("note"))),
  }));
  const profiles = rowsOf("profiles").map((r) => ({
    line: cellText(r.get("line")),
    period: cellDecimal(r.get("period")),
    weight: cellDecimal(r.get("weight")),
  }));
  const mapping = rowsOf("mapping").map((r) => ({
    ...opt("costCentre", optText(r.get("costCentre"))),
    ...opt("account", optText(r.get("account"))),
    line: cellText(r.get("line")),
  }));
  // An empty table is left out, so a model reads back as it was written (and fingerprints the same).
  // The year is read as text (a year cell typed as 2020/21 is text; anything else is named by the engine's check).
  const monitored = optText(year);
  const monitoring: MonitoringInput = {
    ...(monitored === undefined ? {} : { year: monitored }),
    ...(actuals.length === 0 ? {} : { actuals }),
    ...(forecasts.length === 0 ? {} : { forecasts }),
    ...(profiles.length === 0 ? {} : { profiles }),
    ...(mapping.length === 0 ? {} : { mapping }),
  };
  return { monitoring, monitoringRows };
}
