import type { ActualInput, ScenarioInput } from "../../engine";
import type { CellValue, Grid } from "./cells";
import { cellText, decimalToCell } from "./cell-values";
import { columnFormat, INPUT_TABLES, SETTINGS, type SettingKey } from "./input-tables";
import { normaliseHeader } from "./read-model";
import type { RunSettings } from "./run-settings";
import { scenariosToRows, type ScenarioRow } from "./scenario-rows";
import { settingFormat } from "./template";

/**
 * The new body of the Scenarios table, laid out in the table's own column
 * order (users may have moved columns). Columns the add-in does not know keep
 * `undefined` (left as they are). Always at least one row.
 */
export function scenarioBody(
  headers: readonly CellValue[],
  scenarios: readonly ScenarioInput[],
): { values: (CellValue | undefined)[][]; formats: (string | null | undefined)[] } {
  const def = INPUT_TABLES.scenarios;
  const keys = headers.map(
    (h) => def.columns.find((c) => normaliseHeader(c.header) === normaliseHeader(cellText(h)))?.key as keyof ScenarioRow | undefined,
  );
  const rows = scenariosToRows(scenarios);
  const values = (rows.length > 0 ? rows : [undefined]).map((r) =>
    keys.map((k) => (k === undefined ? undefined : r === undefined ? "" : r[k])),
  );
  const formats = keys.map((k) => {
    const c = def.columns.find((x) => x.key === k);
    return c === undefined ? undefined : columnFormat(c.kind);
  });
  return { values, formats };
}

/**
 * An amount as a cell holds it: plain decimal text ("1234.56", as an import
 * writes it) becomes the number, so the cell is a figure, not text; the
 * double nearest a two-place amount reads back as the same text.
 */
function figureCell(v: ActualInput["amount"]): CellValue {
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : decimalToCell(v);
}

/**
 * The new body of the Actuals table (docs/monitoring.md), laid out in the
 * table's own column order like {@link scenarioBody}: columns the add-in does
 * not know keep `undefined`. Always at least one row.
 */
export function actualsBody(
  headers: readonly CellValue[],
  actuals: readonly ActualInput[],
): { values: (CellValue | undefined)[][]; formats: (string | null | undefined)[] } {
  const def = INPUT_TABLES.actuals;
  const keys = headers.map((h) => def.columns.find((c) => normaliseHeader(c.header) === normaliseHeader(cellText(h)))?.key);
  const cellOf = (a: ActualInput, key: string): CellValue => {
    switch (key) {
      case "period":
        return decimalToCell(a.period);
      case "line":
        return a.line;
      case "amount":
        return figureCell(a.amount);
      default:
        return a.source ?? "";
    }
  };
  const values = (actuals.length > 0 ? actuals : [undefined]).map((a) =>
    keys.map((k) => (k === undefined ? undefined : a === undefined ? "" : cellOf(a, k))),
  );
  const formats = keys.map((k) => {
    const c = def.columns.find((x) => x.key === k);
    return c === undefined ? undefined : columnFormat(c.kind);
  });
  return { values, formats };
}

/** One cell to set in the Settings table. */
export interface SettingWrite {
  /** Zero-based row within the table's body, or -1 for a row to append. */
  readonly bodyRow: number;
  readonly key: SettingKey;
  readonly value: CellValue;
  readonly format: string | null;
}

/**
 * The writes that store run settings in the Settings table: the Value cell of
 * each run-setting row, found by its label; missing rows are appended
 * (`bodyRow` −1) with their label and note.
 */
export function runSettingWrites(values: Grid, settings: RunSettings): SettingWrite[] {
  const header = values[0] ?? [];
  const settingCol = header.findIndex((h) => normaliseHeader(cellText(h)) === "setting");
  const wanted: [SettingKey, string][] = [
    ["runScenario", settings.scenario],
    ["compareFirst", settings.compareFirst],
    ["compareSecond", settings.compareSecond],
    ...(settings.preparedBy === undefined ? [] : [["preparedBy", settings.preparedBy] as [SettingKey, string]]),
  ];
  return wanted.map(([key, value]) => {
    const def = SETTINGS.find((s) => s.key === key);
    const labels = new Set([normaliseHeader(def?.label ?? key), normaliseHeader(key)]);
    const i = values.findIndex((row, r) => r > 0 && labels.has(normaliseHeader(cellText(row[settingCol]))));
    return { bodyRow: i > 0 ? i - 1 : -1, key, value, format: def === undefined ? null : settingFormat(def) };
  });
}

/** Column positions (relative to the table) of the Settings table's Setting, Value and Notes columns. */
export function settingsColumns(headers: readonly CellValue[]): { setting: number; value: number; note: number } {
  const find = (name: string): number => headers.findIndex((h) => normaliseHeader(cellText(h)) === normaliseHeader(name));
  return { setting: find("Setting"), value: find("Value"), note: find("Notes") };
}
