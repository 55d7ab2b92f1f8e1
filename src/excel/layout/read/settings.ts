import type { SettingsInput, ToleranceInput, TrueUpInput, YearEndInput } from "../../../engine";
import { locate } from "../address";
import type { CellValue } from "../cells";
import { cellDecimal, cellText, cellYesNo } from "../cell-values";
import { INPUT_TABLES, SETTINGS, type SettingKey } from "../input-tables";
import type { RunSettings } from "../run-settings";
import { normaliseHeader, optText, type ReadContext } from "./table-rows";

/** The Settings table read: the model's settings, the run settings and where each setting's row is. */
export interface SettingsRead {
  readonly settings: SettingsInput;
  readonly tolerance: ToleranceInput | undefined;
  readonly yearEnd: YearEndInput | undefined;
  /** The true-up rule (docs/versions.md); undefined when none of its settings is given. */
  readonly trueUp: TrueUpInput | undefined;
  readonly runSettings: RunSettings;
  readonly preparedBy: string;
  readonly title: string;
  readonly settingRows: Partial<Record<SettingKey, number>>;
  /** The support method and step-down order cells, read with the Support sheet. */
  readonly supportMethod: CellValue | undefined;
  readonly supportOrder: CellValue | undefined;
  /** The journals' year and year-end accrual treatment cells, read with the Coding and Ledgers sheets. */
  readonly journalYear: CellValue | undefined;
  readonly yearEndAccruals: CellValue | undefined;
  /** The monitored year's cell, read with the monitoring tables. */
  readonly monitoringYear: CellValue | undefined;
}

/** Reads the Settings table: one row per setting, found by its label. */
export function readSettings(ctx: ReadContext): SettingsRead {
  const { parsed, problems } = ctx;
  const invalid = ctx.invalid;
  const settingValues = new Map<SettingKey, CellValue | undefined>();
  const settingRows: Partial<Record<SettingKey, number>> = {};
  const byLabel = new Map(SETTINGS.flatMap((s) => [[normaliseHeader(s.label), s] as const, [normaliseHeader(s.key), s] as const]));
  const settingsTable = parsed.get("settings");
  for (const r of settingsTable?.rows ?? []) {
    const label = cellText(r.get("setting"));
    const def = byLabel.get(normaliseHeader(label));
    if (def === undefined) {
      problems.push({
        kind: "unknownSetting",
        setting: label,
        at: locate({ sheet: settingsTable?.raw.sheet ?? "", row: r.row, col: settingsTable?.cols.byKey.get("setting") ?? 0 }),
      });
      continue;
    }
    if (settingValues.has(def.key)) {
      invalid("settings", r, "setting", r.get("setting"), `each setting once ("${def.label}" repeats)`);
      continue;
    }
    settingValues.set(def.key, r.get("value"));
    settingRows[def.key] = r.row;
  }
  if (settingsTable !== undefined) {
    for (const s of SETTINGS)
      if (s.required && !settingValues.has(s.key))
        problems.push({ kind: "missingSetting", setting: s.label, table: INPUT_TABLES.settings.name });
  }
  const sv = (k: SettingKey): CellValue | undefined => {
    const v = settingValues.get(k);
    return v === "" ? undefined : v;
  };
  const settings: SettingsInput = {
    firstYear: cellText(sv("firstYear")),
    lastYear: cellText(sv("lastYear")),
    ...(cellDecimal(sv("unit")) === undefined ? {} : { unit: cellDecimal(sv("unit")) }),
    ...(optText(sv("proRata")) === undefined ? {} : { proRata: optText(sv("proRata")) }),
    ...(cellDecimal(sv("indexationRate")) === undefined ? {} : { indexationRate: cellDecimal(sv("indexationRate")) }),
    ...(optText(sv("indexationBaseYear")) === undefined ? {} : { indexationBaseYear: optText(sv("indexationBaseYear")) }),
    ...(optText(sv("zeroDriverFallback")) === undefined ? {} : { zeroDriverFallback: optText(sv("zeroDriverFallback")) }),
    ...(cellDecimal(sv("discountRate")) === undefined ? {} : { discountRate: cellDecimal(sv("discountRate")) }),
  };
  const tolAmount = cellDecimal(sv("toleranceAmount"));
  const tolPercent = cellDecimal(sv("tolerancePercent"));
  const tolerance: ToleranceInput | undefined =
    tolAmount === undefined && tolPercent === undefined
      ? undefined
      : { ...(tolAmount === undefined ? {} : { amount: tolAmount }), ...(tolPercent === undefined ? {} : { percent: tolPercent }) };
  const yearEndBasis = optText(sv("yearEndBasis"));
  const carry = sv("carryForward");
  const carryForward = cellYesNo(carry);
  if (carryForward === undefined) {
    const row = settingRows.carryForward;
    if (row !== undefined) invalid("settings", { row, get: () => undefined, at: () => undefined }, "value", carry, "Yes or No");
  }
  const yearEnd: YearEndInput | undefined =
    yearEndBasis === undefined && carryForward !== true
      ? undefined
      : { ...(yearEndBasis === undefined ? {} : { basis: yearEndBasis }), ...(carryForward === true ? { carryForward: true } : {}) };
  const runSettings: RunSettings = {
    scenario: cellText(sv("runScenario")),
    compareFirst: cellText(sv("compareFirst")),
    compareSecond: cellText(sv("compareSecond")),
  };
  const points = cellDecimal(sv("trueUpPoints"));
  const percent = cellDecimal(sv("trueUpPercent"));
  const timing = optText(sv("trueUpTiming"));
  const trueUp: TrueUpInput | undefined =
    points === undefined && percent === undefined && timing === undefined
      ? undefined
      : {
          ...(points === undefined && percent === undefined
            ? {}
            : { tolerance: { ...(points === undefined ? {} : { points }), ...(percent === undefined ? {} : { percent }) } }),
          ...(timing === undefined ? {} : { timing }),
        };
  return {
    settings,
    tolerance,
    yearEnd,
    trueUp,
    runSettings,
    preparedBy: cellText(sv("preparedBy")),
    title: cellText(sv("title")),
    settingRows,
    supportMethod: sv("supportMethod"),
    supportOrder: sv("supportOrder"),
    journalYear: sv("journalYear"),
    yearEndAccruals: sv("yearEndAccruals"),
    monitoringYear: sv("monitoringYear"),
  };
}
