/**
 * Fixed names: sheets, tables, number formats and the ownership marker.
 * These are part of the workbook's documented layout (docs/workbook-layout.md);
 * the CLI and every adapter use them, so change them only with the docs.
 */

/** Input sheet names. */
export const INPUT_SHEETS = {
  partners: "Partners",
  drivers: "Drivers",
  costs: "Costs",
  bases: "Bases",
  budgets: "Budgets",
  settings: "Settings",
  scenarios: "Scenarios",
  support: "Support",
  services: "Partner services",
  coding: "Coding",
  ledgers: "Ledgers",
  // In-year monitoring (docs/monitoring.md): actuals, forecasts, profiles and the ledger mapping.
  monitoring: "Actuals",
  // Leaving and disputes (docs/exits.md): optional sheets.
  exits: "Exits",
  disputes: "Disputes",
} as const;

/** The sheet of drop-down lists the input validations refer to. */
export const LISTS_SHEET = "Lists";

/** Output sheet names, in the order they are placed after the inputs. */
export const OUTPUT_SHEETS = {
  summary: "Summary",
  committee: "Committee summary",
  allocations: "Allocations",
  budgetCheck: "Budget check",
  comparison: "Scenario comparison",
  trace: "Trace",
  charts: "Charts",
  supportFlows: "Support flows",
  serviceRecharges: "Service recharges",
  roView: "RO view",
  capitalFinancing: "Capital financing",
  trueUp: "True-up",
  methodology: "Methodology",
  monitoring: "Monitoring",
  journals: "Journals",
  exitStatement: "Exit statement",
  harmReport: "Harm report",
  disputeRegister: "Dispute register",
  runLog: "Run log",
} as const;

/** The kind of an input sheet (a key of {@link INPUT_SHEETS}). */
export type InputSheetKind = keyof typeof INPUT_SHEETS;
/** The kind of an output sheet (a key of {@link OUTPUT_SHEETS}). */
export type OutputSheetKind = keyof typeof OUTPUT_SHEETS;

/** Input table names (workbook-wide in Excel, so each is unique). */
export const TABLES = {
  partners: "Partners",
  driverList: "DriverList",
  drivers: "Drivers",
  costs: "Costs",
  bases: "Bases",
  // A basis's own true-up tolerance and timing (docs/versions.md), beside the Bases table.
  trueUpRules: "TrueUpRules",
  budgets: "Budgets",
  statedTotals: "StatedTotals",
  outturns: "Outturns",
  settings: "Settings",
  scenarios: "Scenarios",
  supportServices: "SupportServices",
  supportUsage: "SupportUsage",
  partnerServices: "PartnerServices",
  capitalOptions: "Options",
  coding: "Coding",
  hostCoding: "HostCoding",
  vatLines: "VatLines",
  ledgers: "Ledgers",
  ledgerColumns: "LedgerColumns",
  actuals: "Actuals",
  forecasts: "Forecast",
  profiles: "Profile",
  mapping: "Mapping",
  leavers: "Leavers",
  exitLines: "ExitLines",
  exitCosts: "ExitCosts",
  disputes: "Disputes",
} as const;

/** The key of an input table in {@link TABLES}. */
export type TableKey = keyof typeof TABLES;

/** Output table names. */
export const OUTPUT_TABLES = {
  allocations: "Allocations",
  trace: "Trace",
  budgetCheck: "BudgetCheck",
  comparison: "ScenarioComparison",
  runLog: "RunLog",
} as const;

/** The worksheet custom property that marks a sheet as the add-in's own (ExcelApi 1.12). */
export const MARKER_KEY = "SharedApportion";

/**
 * The second ownership mark: a hidden name scoped to the sheet, whose value
 * is the marker text as a string constant. LibreOffice and openpyxl drop
 * custom properties when they save a workbook, but keep sheet-scoped names,
 * so the command line still recognises the add-in's sheets after such a
 * round trip. Every adapter writes both marks.
 */
export const MARK_NAME = `_${MARKER_KEY}`;

/** The longest text a name's string constant may hold (Excel's limit on a text value in a formula). */
export const MARK_NAME_MAX = 255;

/** The second mark's formula for a marker text (`="…"`, quotes doubled), or undefined when the text is too long for one. */
export function markNameFormula(marker: string): string | undefined {
  return marker.length > MARK_NAME_MAX ? undefined : `="${marker.replace(/"/g, '""')}"`;
}

/** The marker text of a second-mark name's formula (`="…"`, quotes doubled), or undefined for any other formula. */
export function markFromNameFormula(formula: string): string | undefined {
  const m = /^="((?:[^"]|"")*)"$/.exec(formula.trim());
  return m === null ? undefined : (m[1] ?? "").replace(/""/g, '"');
}

/** Prefix of the hidden sheets a write builds before swapping them in. */
export const STAGING_PREFIX = "SA~";

/** Pounds and pence, negatives with a minus sign: £1,234.56 and -£1,234.56. */
export const MONEY_FORMAT = "£#,##0.00;-£#,##0.00";
/** en-GB date: 1 Apr 2020. */
export const DATE_FORMAT = "d mmm yyyy";
/** Text: typed values are kept as typed (so 2021/22 stays text). */
export const TEXT_FORMAT = "@";
/** Percent figures held as numbers of percent (40 means 40%). */
export const PERCENT_FIGURE_FORMAT = '0.00"%"';
/** Plain numbers with separators, up to four decimals. */
export const NUMBER_FORMAT = "#,##0.####";

/** Table style used for every table the add-in creates. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Tab colours: inputs blue, outputs green, lists grey. */
export const TAB_COLORS = { input: "#2F75B5", output: "#548235", lists: "#808080" } as const;
