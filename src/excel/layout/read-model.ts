import type { ModelInput, WithinPartnerInput } from "../../engine";
import type { WorkbookProblem } from "../problems";
import { checkTableCells } from "./cell-checks";
import { cellText } from "./cell-values";
import { INPUT_TABLES, TABLE_ORDER } from "./input-tables";
import type { TableKey } from "./names";
import type { ModelOrigins, TableOrigin } from "./origins";
import { readBases } from "./read/bases";
import { readBudgets } from "./read/budgets";
import { readTrueUpRules } from "./read/true-up-rules";
import { readCapitalOptions } from "./read/capital-options";
import { readCosts } from "./read/costs";
import { readDrivers } from "./read/drivers";
import { readPartnerServices } from "./read/partner-services";
import { readJournals } from "./read/journals";
import { readMonitoring } from "./read/monitoring";
import { readExitTables } from "./read/exits";
import { readPartners } from "./read/partners";
import { readScenarios } from "./read/scenarios";
import { readSettings } from "./read/settings";
import { readSupport } from "./read/support";
import { bodyRows, matchColumns, origin, readContext, type ParsedTable, type RawTable } from "./read/table-rows";
import type { RunSettings } from "./run-settings";

export { normaliseHeader, type RawTable } from "./read/table-rows";

/** What reading the input tables gives: the model, where each part came from, and any workbook problems. */
export interface ModelTables {
  readonly model: ModelInput;
  readonly origins: ModelOrigins;
  readonly runSettings: RunSettings;
  /** The Settings table's "Prepared by" (blank when not given): who the Run log records as preparing a run. */
  readonly preparedBy: string;
  /** The Settings table's "Title" (blank when not given): printed at the foot of every output page. */
  readonly title: string;
  /** Table and cell problems; the model is still built from everything readable. */
  readonly problems: readonly WorkbookProblem[];
  /** Optional tables that are not in the workbook (read as empty). */
  readonly absentTables: readonly string[];
}

/**
 * Reads a model from the input tables. Tables are found by name and columns
 * by header text (so users may reorder columns or add their own); wholly
 * blank rows are skipped. Every problem is collected rather than stopping at
 * the first, and the model is built from everything that could be read, so
 * the engine's own validation can report the rest against the right cells.
 */
export function readModelTables(tables: ReadonlyMap<string, RawTable>): ModelTables {
  const problems: WorkbookProblem[] = [];
  const absent: string[] = [];
  const tableOrigins: Partial<Record<TableKey, TableOrigin>> = {};
  const parsed = new Map<TableKey, ParsedTable>();
  for (const key of TABLE_ORDER) {
    const def = INPUT_TABLES[key];
    const found = tables.get(def.name);
    if (found === undefined) {
      if (def.required) problems.push({ kind: "missingTable", table: def.name, sheet: def.sheet });
      else absent.push(def.name);
      continue;
    }
    // Cells no column could accept (over-long text, NaN, Excel errors) are reported and read as blank.
    const checked = checkTableCells(
      found,
      (found.values[0] ?? []).map((h) => cellText(h)),
    );
    problems.push(...checked.problems);
    const raw: RawTable = checked.values === found.values ? found : { ...found, values: checked.values };
    const cols = matchColumns(def, raw, problems);
    parsed.set(key, { raw, cols, rows: bodyRows(raw, cols) });
    tableOrigins[key] = origin(raw, cols);
  }
  // One reader per table (src/excel/layout/read/); partners within others thread through drivers and bases.
  const ctx = readContext(parsed, problems);
  const { partners, partnerRows, withinOrder, withinIds } = readPartners(ctx);
  const { drivers, withinDrivers, driverListRows, driverColumns, driverValueCells, driverValueRows } = readDrivers(ctx, withinIds);
  const { costLines, costRows } = readCosts(ctx);
  const { bases, basisRows, withinPercents, basisVersions } = readBases(ctx, withinIds);
  const { budgets, budgetRows, statedTotals, statedTotalRows, outturns, outturnRows } = readBudgets(ctx);
  const {
    settings,
    tolerance,
    yearEnd,
    trueUp: modelTrueUp,
    runSettings,
    preparedBy,
    title,
    settingRows,
    supportMethod,
    supportOrder,
    journalYear,
    yearEndAccruals,
    monitoringYear,
  } = readSettings(ctx);
  const { support, supportServiceRows, supportUsageRows } = readSupport(ctx, supportMethod, supportOrder);
  const { scenarios, scenarioRows, scenarioFirstRows } = readScenarios(ctx);
  const { partnerServices, partnerServiceRows } = readPartnerServices(ctx);
  const { capitalOptions, capitalOptionRows } = readCapitalOptions(ctx);
  const { trueUpRules, trueUpRuleRows } = readTrueUpRules(ctx);
  // A basis's own true-up rule (the TrueUpRules table) beside the model's (Settings).
  const trueUp = trueUpRules.length === 0 ? modelTrueUp : { ...(modelTrueUp ?? {}), byBasis: trueUpRules };
  const { journals, journalRows } = readJournals(ctx, journalYear, yearEndAccruals);
  const { monitoring, monitoringRows } = readMonitoring(ctx, monitoringYear);
  const { exits, disputes, exitRows } = readExitTables(ctx);

  const withinPartners: WithinPartnerInput[] = withinOrder.map((w) => {
    const drivers = withinDrivers.get(w.partner.id);
    const percentages = withinPercents.get(w.partner.id);
    return {
      partner: w.partner,
      within: w.within,
      ...(drivers === undefined ? {} : { drivers: { ...drivers } }),
      ...(percentages === undefined ? {} : { percentages: { ...percentages } }),
    };
  });
  const model: ModelInput = {
    partners,
    drivers,
    bases,
    costLines,
    settings,
    budgets,
    statedTotals,
    ...(tolerance === undefined ? {} : { tolerance }),
    scenarios,
    ...(withinPartners.length === 0 ? {} : { withinPartners }),
    ...(outturns.length === 0 ? {} : { outturns }),
    ...(yearEnd === undefined ? {} : { yearEnd }),
    ...(support === undefined ? {} : { support }),
    ...(partnerServices.length === 0 ? {} : { partnerServices }),
    ...(capitalOptions.length === 0 ? {} : { capitalOptions }),
    ...(journals === undefined ? {} : { journals }),
    ...(basisVersions.length === 0 ? {} : { basisVersions }),
    ...(trueUp === undefined ? {} : { trueUp }),
    ...(monitoring === undefined ? {} : { monitoring }),
    ...(exits === undefined ? {} : { exits }),
    ...(disputes === undefined ? {} : { disputes }),
  };
  const origins: ModelOrigins = {
    tables: tableOrigins,
    partnerRows,
    costRows,
    driverListRows,
    driverColumns,
    driverValueCells,
    driverValueRows,
    basisRows,
    budgetRows,
    statedTotalRows,
    outturnRows,
    settingRows,
    scenarioRows,
    scenarioFirstRows,
    supportServiceRows,
    supportUsageRows,
    partnerServiceRows,
    ...(capitalOptions.length === 0 ? {} : { capitalOptionRows }),
    ...(trueUpRules.length === 0 ? {} : { trueUpRuleRows }),
    journalRows,
    monitoringRows,
    exitRows,
  };
  return { model, origins, runSettings, preparedBy, title, problems, absentTables: absent };
}
