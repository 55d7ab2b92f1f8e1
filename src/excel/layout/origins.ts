import type { Where } from "../../engine";
import { locate } from "./address";
import type { CellLocation } from "./cells";
import type { SettingKey } from "./input-tables";
import type { TableKey } from "./names";

/** Where a table was found: its sheet, header row, and the column of each known field. */
export interface TableOrigin {
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstCol: number;
  /** Column key → absolute zero-based column. */
  readonly columns: Readonly<Record<string, number>>;
}

/**
 * Where every part of a model read from the workbook came from: enough to
 * turn an engine error's `Where` into a cell address. Plain data (records and
 * arrays, rows and columns zero-based), so it can be kept or sent anywhere.
 */
export interface ModelOrigins {
  readonly tables: Readonly<Partial<Record<TableKey, TableOrigin>>>;
  /** Per partner, in input order (the engine's 1-based `index` − 1). */
  readonly partnerRows: readonly { readonly id: string; readonly row: number }[];
  /** Per cost line, in input order. */
  readonly costRows: readonly { readonly ref: string; readonly row: number }[];
  /** Driver id → its row in the DriverList table. */
  readonly driverListRows: Readonly<Record<string, number>>;
  /** Driver id → its column in the Drivers table. */
  readonly driverColumns: Readonly<Record<string, number>>;
  /** Driver id → the cell of each of its values, in the order of `DriverInput.values`. */
  readonly driverValueCells: Readonly<Record<string, readonly { readonly row: number; readonly col: number }[]>>;
  /** Every row of the Drivers table: partner, year ("" for every year) and row. */
  readonly driverValueRows: readonly { readonly partner: string; readonly year: string; readonly row: number }[];
  /** Basis id → the rows of its shares or components, in order. */
  readonly basisRows: Readonly<Record<string, readonly number[]>>;
  readonly budgetRows: readonly number[];
  /** Per stated total, in input order, with its label. */
  readonly statedTotalRows: readonly { readonly label: string; readonly row: number }[];
  readonly outturnRows: readonly number[];
  readonly settingRows: Readonly<Partial<Record<SettingKey, number>>>;
  /** Scenario name → the row of each of its changes, in order. */
  readonly scenarioRows: Readonly<Record<string, readonly number[]>>;
  /** Scenario name → its first row. */
  readonly scenarioFirstRows: Readonly<Record<string, number>>;
  /** Per support service, in input order (absent in origins kept from before support services). */
  readonly supportServiceRows?: readonly { readonly id: string; readonly row: number }[];
  /** Per support usage row, in input order. */
  readonly supportUsageRows?: readonly number[];
  /** Per PartnerServices row, in input order (absent in origins kept from before partner services). */
  readonly partnerServiceRows?: readonly { readonly partner: string; readonly row: number }[];
  /** Per TrueUpRules row (a basis's own true-up rule), in input order (absent when the model has none). */
  readonly trueUpRuleRows?: readonly { readonly basis: string; readonly row: number }[];
  /** Per capital-versus-cloud option, in input order (absent when the model has none). */
  readonly capitalOptionRows?: readonly { readonly name: string; readonly row: number }[];
  /** The journals tables (Coding, HostCoding, VatLines, Ledgers, LedgerColumns): each entry's row, in input order. */
  readonly journalRows?: Readonly<Partial<Record<TableKey, readonly number[]>>>;
  /** The monitoring tables (Actuals, Forecast, Profile, Mapping): each entry's row, in input order. */
  readonly monitoringRows?: Readonly<Partial<Record<TableKey, readonly number[]>>>;
  /** The exits and disputes tables (Leavers, ExitLines, ExitCosts, Disputes): each entry's row, in input order. */
  readonly exitRows?: Readonly<Partial<Record<TableKey, readonly number[]>>>;
}

function own<T>(rec: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}

function cell(
  o: ModelOrigins,
  table: TableKey,
  row: number | undefined,
  column: string | undefined,
  fallback?: string,
): CellLocation | undefined {
  const t = o.tables[table];
  if (t === undefined || row === undefined) return undefined;
  const col =
    (column !== undefined ? t.columns[column] : undefined) ?? (fallback !== undefined ? t.columns[fallback] : undefined) ?? t.firstCol;
  return locate({ sheet: t.sheet, row, col });
}

/** The engine's fields of a basis's own true-up rule → the TrueUpRules table's columns. */
const TRUE_UP_RULE_COLUMNS: Readonly<Record<string, string>> = {
  "trueUp.basis": "basis",
  "trueUp.points": "points",
  "trueUp.percent": "percent",
  "trueUp.timing": "timing",
};

const SETTING_FIELDS: Readonly<Record<string, SettingKey>> = {
  firstYear: "firstYear",
  lastYear: "lastYear",
  unit: "unit",
  proRata: "proRata",
  indexationRate: "indexationRate",
  indexationBaseYear: "indexationBaseYear",
  zeroDriverFallback: "zeroDriverFallback",
  discountRate: "discountRate",
  toleranceAmount: "toleranceAmount",
  tolerancePercent: "tolerancePercent",
  "tolerance.amount": "toleranceAmount",
  "trueUp.points": "trueUpPoints",
  "trueUp.percent": "trueUpPercent",
  "trueUp.timing": "trueUpTiming",
  "tolerance.percent": "tolerancePercent",
  "yearEnd.basis": "yearEndBasis",
  yearEndBasis: "yearEndBasis",
  "yearEnd.carryForward": "carryForward",
  supportMethod: "supportMethod",
  supportOrder: "supportOrder",
  carryForward: "carryForward",
  runScenario: "runScenario",
  scenario: "runScenario",
  compareFirst: "compareFirst",
  compareSecond: "compareSecond",
  // The run settings are named by their labels in the table (see src/app's SETTING_AT).
  "Run scenario": "runScenario",
  "Compare: first": "compareFirst",
  "Compare: second": "compareSecond",
  preparedBy: "preparedBy",
  title: "title",
  journalYear: "journalYear",
  accrual: "yearEndAccruals",
  monitoringYear: "monitoringYear",
};

const SCENARIO_FIELDS: Readonly<Record<string, string>> = {
  name: "scenario",
  description: "description",
  kind: "change",
  change: "change",
  line: "line",
  ref: "line",
  partner: "partner",
  within: "details",
  driver: "driver",
  year: "year",
  value: "value",
  amount: "value",
  percent: "value",
  basis: "basis",
  start: "start",
  end: "end",
  // A leaving partner (removePartner, partnerLeaves): its leave date is in End, the day it gave notice in Start.
  leaves: "end",
  notice: "start",
  // An added line's other fields are key=value pairs in Details; a version's figures are there too.
  details: "details",
  category: "details",
  nature: "details",
  service: "details",
  appliesTo: "details",
  excludes: "details",
  indexationRate: "details",
  indexationBaseYear: "details",
  method: "details",
  order: "details",
  financing: "details",
  assetLife: "details",
  inUseFrom: "details",
  mrpMethod: "details",
  interestRate: "details",
};

function driverLocation(o: ModelOrigins, at: Where): CellLocation | undefined {
  const id = at.key;
  const values = o.tables.drivers;
  if (at.field === "id" || at.field === "label" || at.field === "illustrative" || at.field === "source" || at.field === "asAt") {
    const row = own(o.driverListRows, id);
    if (row !== undefined) return cell(o, "driverList", row, at.field);
    const c = own(o.driverColumns, id);
    return c !== undefined && values !== undefined ? locate({ sheet: values.sheet, row: values.headerRow, col: c }) : undefined;
  }
  const cells = own(o.driverValueCells, id);
  const byIndex = at.index !== undefined ? cells?.[at.index - 1] : undefined;
  if (byIndex !== undefined && values !== undefined) {
    if (at.field === "partner") return cell(o, "drivers", byIndex.row, "partner");
    if (at.field === "year") return cell(o, "drivers", byIndex.row, "year");
    return locate({ sheet: values.sheet, row: byIndex.row, col: byIndex.col });
  }
  const col = own(o.driverColumns, id);
  if (values !== undefined && at.partner !== undefined) {
    const row =
      o.driverValueRows.find((r) => r.partner === at.partner && at.year !== undefined && r.year === at.year) ??
      o.driverValueRows.find((r) => r.partner === at.partner && r.year === "");
    if (row !== undefined)
      return col !== undefined ? locate({ sheet: values.sheet, row: row.row, col }) : cell(o, "drivers", row.row, "partner");
  }
  if (col !== undefined && values !== undefined) return locate({ sheet: values.sheet, row: values.headerRow, col });
  const listRow = own(o.driverListRows, id);
  return listRow !== undefined ? cell(o, "driverList", listRow, "id") : undefined;
}

/** The first PartnerServices row of a partner (read from the table's Partner column), or undefined. */
function firstServiceRow(o: ModelOrigins, partner: string): number | undefined {
  return o.partnerServiceRows?.find((r) => r.partner === partner)?.row;
}

/**
 * The cell an engine error points at: `Costs!F12` for a cost line's amount,
 * the driver cell for a partner's missing value, the Value cell of a setting.
 * Returns undefined when the input did not come from a table (or the error is
 * about the model as a whole).
 */
export function locateWhere(o: ModelOrigins, at: Where): CellLocation | undefined {
  switch (at.entity) {
    case "partner": {
      const byIndex = at.index !== undefined ? o.partnerRows[at.index - 1] : undefined;
      const p = byIndex ?? o.partnerRows.find((r) => r.id === at.key);
      if (p === undefined) {
        const t = o.tables.partners;
        return t === undefined ? undefined : locate({ sheet: t.sheet, row: t.headerRow, col: t.firstCol });
      }
      return cell(o, "partners", p.row, at.field, "id");
    }
    case "costLine": {
      const byIndex = at.index !== undefined ? o.costRows[at.index - 1] : undefined;
      const line = byIndex ?? o.costRows.find((r) => r.ref === at.key);
      // About the lines as a whole (none at all): the Costs table's header.
      if (line === undefined && at.key === undefined && at.index === undefined) {
        const t = o.tables.costs;
        return t === undefined ? undefined : locate({ sheet: t.sheet, row: t.headerRow, col: t.firstCol });
      }
      return cell(o, "costs", line?.row, at.field, "ref");
    }
    case "driver":
      return driverLocation(o, at);
    case "basis": {
      const rows = own(o.basisRows, at.key);
      if (rows === undefined) return undefined;
      const row = at.index !== undefined ? (rows[at.index - 1] ?? rows[0]) : rows[0];
      const field =
        at.field === "partner" || at.field === "source" ? "item" : at.field === "percent" || at.field === "weight" ? "percent" : at.field;
      return cell(o, "bases", row, field, "id");
    }
    case "budget": {
      // The budget module uses this entity for budgets (by position), stated totals (by label),
      // the tolerance (key "tolerance") and outturns (key "outturn", by position).
      if (at.key === "tolerance") {
        const row = o.settingRows[at.field === "percent" ? "tolerancePercent" : "toleranceAmount"];
        return cell(o, "settings", row, "value");
      }
      if (at.key === "outturn")
        return cell(o, "outturns", at.index !== undefined ? o.outturnRows[at.index - 1] : undefined, at.field, "amount");
      if (at.key !== undefined) {
        const t = o.statedTotalRows.find((r) => r.label === at.key);
        return cell(o, "statedTotals", t?.row, at.field, "amount");
      }
      const row = at.index !== undefined ? o.budgetRows[at.index - 1] : undefined;
      return cell(o, "budgets", row, at.field, "amount");
    }
    case "settings": {
      // A basis's own true-up rule is a TrueUpRules row, keyed as the lines write the basis ("driver:users" for "users").
      const rule = at.key === undefined ? undefined : o.trueUpRuleRows?.find((r) => r.basis === at.key || `driver:${r.basis}` === at.key);
      const ruleColumn = at.field === undefined ? undefined : TRUE_UP_RULE_COLUMNS[at.field];
      if (rule !== undefined && ruleColumn !== undefined) return cell(o, "trueUpRules", rule.row, ruleColumn, "basis");
      const name = at.field ?? at.key;
      const key = name !== undefined ? own(SETTING_FIELDS, name) : undefined;
      const row = key !== undefined ? o.settingRows[key] : undefined;
      return cell(o, "settings", row, "value");
    }
    case "scenario": {
      const rows = own(o.scenarioRows, at.key);
      const row = at.index !== undefined ? rows?.[at.index - 1] : undefined;
      const first = own(o.scenarioFirstRows, at.key);
      // The scenario module's fields read "change 2 (uplift): percent"; the part after the last colon names the field.
      const raw = at.field?.split(": ").pop()?.split(".")[0];
      const field =
        raw !== undefined
          ? (SCENARIO_FIELDS[raw] ?? (raw.startsWith("driver") || raw.startsWith("percent") || raw === "partner" ? "details" : undefined))
          : undefined;
      return cell(o, "scenarios", row ?? first, field ?? (row === undefined ? "scenario" : "change"), "scenario");
    }
    case "supportService": {
      const rows = o.supportServiceRows ?? [];
      const byIndex = at.index !== undefined ? rows[at.index - 1] : undefined;
      const s = byIndex ?? rows.find((r) => r.id === at.key);
      // A service's usage is in the usage table; its row there is not known here, so point at the service.
      return cell(o, "supportServices", s?.row, at.field === "label" ? "label" : "id", "id");
    }
    case "supportUsage": {
      const row = at.index !== undefined ? o.supportUsageRows?.[at.index - 1] : undefined;
      return cell(o, "supportUsage", row, at.field, "value");
    }
    case "partnerService": {
      const rows = o.partnerServiceRows ?? [];
      // By position for a row's own problem; by partner (its first row) for a year it could not spread.
      const byIndex = at.index !== undefined ? rows[at.index - 1]?.row : undefined;
      const row = byIndex ?? (at.key !== undefined ? firstServiceRow(o, at.key) : undefined);
      return cell(o, "partnerServices", row, at.field, "value");
    }
    case "capitalOption": {
      const rows = o.capitalOptionRows ?? [];
      const byIndex = at.index !== undefined ? rows[at.index - 1] : undefined;
      const opt = byIndex ?? rows.find((r) => r.name === at.key);
      return cell(o, "capitalOptions", opt?.row, at.field, "name");
    }
    case "coding":
    case "hostCoding":
    case "vat":
    case "ledger":
    case "ledgerColumn":
      return journalCell(o, at);
    case "leaver":
    case "exitLine":
    case "exitCost":
    case "dispute":
      return exitCell(o, at);
    case "argument":
      return undefined;
    case "monitoring":
    case "actual":
    case "forecast":
    case "profile":
      return monitoringCell(o, at);
  }
}

const JOURNAL_TABLE_OF: Readonly<Record<string, TableKey>> = {
  coding: "coding",
  hostCoding: "hostCoding",
  vat: "vatLines",
  ledger: "ledgers",
  ledgerColumn: "ledgerColumns",
};

/**
 * A journals table's cell: the entry's row by position, and the column its
 * field names; an entry that is not there (a partner with no Host coding
 * row) points at the table's header.
 */
function journalCell(o: ModelOrigins, at: Where): CellLocation | undefined {
  const table = JOURNAL_TABLE_OF[at.entity];
  if (table === undefined) return undefined;
  const t = o.tables[table];
  if (t === undefined) return undefined;
  const row = at.index !== undefined ? o.journalRows?.[table]?.[at.index - 1] : undefined;
  if (row === undefined) return locate({ sheet: t.sheet, row: t.headerRow, col: t.firstCol });
  return cell(o, table, row, at.field, "partner");
}

const MONITORING_TABLE_OF: Readonly<Record<string, TableKey>> = {
  actual: "actuals",
  forecast: "forecasts",
  profile: "profiles",
};

/**
 * A monitoring table's cell: the entry's row by position, and the column its
 * field names (period, line, amount, weight); the table's header for an
 * error about monitoring as a whole.
 */
function monitoringCell(o: ModelOrigins, at: Where): CellLocation | undefined {
  // The monitored year is the Settings table's "Monitoring year" row.
  if (at.entity === "monitoring" && at.field === "year") return cell(o, "settings", o.settingRows.monitoringYear, "value");
  const table = MONITORING_TABLE_OF[at.entity];
  if (table === undefined) return undefined;
  const t = o.tables[table];
  if (t === undefined) return undefined;
  const row = at.index !== undefined ? o.monitoringRows?.[table]?.[at.index - 1] : undefined;
  if (row === undefined) return locate({ sheet: t.sheet, row: t.headerRow, col: t.firstCol });
  return cell(o, table, row, at.field, "line");
}

const EXIT_TABLE_OF: Readonly<Record<string, TableKey>> = {
  leaver: "leavers",
  exitLine: "exitLines",
  exitCost: "exitCosts",
  dispute: "disputes",
};

/** The engine's field words (src/engine/exits) → the exits tables' column keys. */
const EXIT_FIELDS: Readonly<Record<string, string>> = {
  "notice months": "noticeMonths",
  "committed contracts": "committed",
  "on exit": "onExit",
  "committed to": "committedTo",
  "to year": "toYear",
  "raised on": "raisedOn",
};

/** An exits or disputes table's cell: the entry's row by position, and the column its field names. */
function exitCell(o: ModelOrigins, at: Where): CellLocation | undefined {
  const table = EXIT_TABLE_OF[at.entity];
  if (table === undefined) return undefined;
  const t = o.tables[table];
  if (t === undefined) return undefined;
  const row = at.index !== undefined ? o.exitRows?.[table]?.[at.index - 1] : undefined;
  if (row === undefined) return locate({ sheet: t.sheet, row: t.headerRow, col: t.firstCol });
  const field = at.field === undefined ? undefined : (EXIT_FIELDS[at.field] ?? at.field);
  return cell(o, table, row, field, table === "disputes" ? "ref" : table === "exitLines" ? "line" : "partner");
}
