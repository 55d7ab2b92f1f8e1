import {
  COMMITTED_RULES,
  DISPUTE_STATUSES,
  EXIT_TREATMENTS,
  CATEGORIES,
  FINANCING,
  INVOICE_FREQUENCIES,
  LEDGER_FIELDS,
  MRP_METHODS,
  NATURES,
  PRO_RATA_BASES,
  SCENARIO_CHANGE_KINDS,
} from "../../engine";
import { DATE_FORMAT, INPUT_SHEETS, MONEY_FORMAT, NUMBER_FORMAT, PERCENT_FIGURE_FORMAT, TABLES, TEXT_FORMAT, type TableKey } from "./names";

/** How a column's cells are read, formatted and validated. */
export type ColumnKind = "id" | "text" | "money" | "date" | "number" | "percent" | "year" | "choice" | "yesno" | "any";

/** The lists on the Lists sheet that validations can refer to. */
export type ListName = "bases" | "partners" | "years" | "drivers" | "supportServices" | "supportUsers";

/** One column of an input table. */
export interface ColumnDef {
  /** Key used in code and in error locations (matches the engine's field names where there is one). */
  readonly key: string;
  /** The header text written and looked for (case and spacing do not matter when reading). */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Reading fails with a missing-column problem if a required column is absent. */
  readonly required: boolean;
  /** Width in points. */
  readonly width: number;
  /** Inline drop-down choices (for choice and yes/no columns). */
  readonly choices?: readonly string[];
  /** A drop-down from a list on the Lists sheet. */
  readonly list?: ListName;
  /** Other header texts accepted when reading. */
  readonly aliases?: readonly string[];
}

/** One input table: where it lives and its columns. */
export interface TableDef {
  readonly key: TableKey;
  readonly name: string;
  readonly sheet: string;
  /** Zero-based position of the header row's first cell when the template creates it. */
  readonly row: number;
  readonly col: number;
  readonly columns: readonly ColumnDef[];
  /** A model cannot be read without it. */
  readonly required: boolean;
  /** Further columns after the fixed ones are data (one per driver). */
  readonly dynamicColumns: boolean;
}

const YES_NO = ["Yes", "No"] as const;

function col(key: string, header: string, kind: ColumnKind, width: number, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { key, header, kind, width, required: false, ...extra };
}

/** The kinds of scenario change, as written in the Scenarios table's Change column: the engine's own list. */
export const CHANGE_KINDS = SCENARIO_CHANGE_KINDS;

/** Every input table, in the order the template creates them. */
export const INPUT_TABLES: Readonly<Record<TableKey, TableDef>> = {
  partners: {
    key: "partners",
    name: TABLES.partners,
    sheet: INPUT_SHEETS.partners,
    row: 0,
    col: 0,
    required: true,
    dynamicColumns: false,
    columns: [
      col("id", "Partner", "id", 70, { required: true }),
      col("name", "Name", "text", 220),
      col("host", "Host", "yesno", 50, { choices: YES_NO }),
      col("within", "Within", "id", 70, { list: "partners" }),
      col("joins", "Joins", "date", 80, { aliases: ["Joined", "Member from"] }),
      col("leaves", "Leaves", "date", 80, { aliases: ["Left", "Member to"] }),
      col("note", "Note", "text", 260),
    ],
  },
  driverList: {
    key: "driverList",
    name: TABLES.driverList,
    sheet: INPUT_SHEETS.drivers,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("id", "Driver", "id", 80, { required: true }),
      col("label", "Label", "text", 140),
      col("illustrative", "Illustrative", "yesno", 70, { choices: YES_NO }),
      col("source", "Source", "text", 160),
      col("asAt", "As at", "date", 80, { aliases: ["As of", "Date"] }),
      col("note", "Note", "text", 260),
    ],
  },
  drivers: {
    key: "drivers",
    name: TABLES.drivers,
    sheet: INPUT_SHEETS.drivers,
    row: 0,
    // After the DriverList table (A:F) and a blank column.
    col: 7,
    required: false,
    dynamicColumns: true,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("year", "Year", "year", 60, { required: true, list: "years" }),
    ],
  },
  costs: {
    key: "costs",
    name: TABLES.costs,
    sheet: INPUT_SHEETS.costs,
    row: 0,
    col: 0,
    required: true,
    dynamicColumns: false,
    columns: [
      col("ref", "Ref", "id", 70, { required: true }),
      col("description", "Description", "text", 240),
      col("service", "Service", "text", 110),
      col("category", "Category", "choice", 70, { required: true, choices: CATEGORIES }),
      col("nature", "Nature", "choice", 70, { required: true, choices: NATURES }),
      col("amount", "Amount (£)", "money", 100, { required: true, aliases: ["Amount"] }),
      col("start", "Start", "date", 80, { required: true }),
      col("end", "End", "date", 80),
      col("basis", "Basis", "id", 120, { required: true, list: "bases" }),
      col("appliesTo", "Applies to", "text", 100),
      col("excludes", "Excludes", "text", 100),
      col("indexationRate", "Indexation %", "percent", 80, { aliases: ["Indexation"] }),
      col("indexationBaseYear", "Index base year", "year", 80, { list: "years" }),
      col("note", "Note", "text", 260),
      // Capital financing (docs/capital.md): optional, and only on capital lines.
      col("financing", "Financing", "choice", 110, { choices: FINANCING }),
      col("assetLife", "Asset life", "number", 60, { aliases: ["Asset life (years)", "Life"] }),
      col("inUseFrom", "In use from", "date", 80),
      col("mrpMethod", "MRP method", "choice", 100, { choices: MRP_METHODS }),
      col("interestRate", "Interest rate %", "percent", 70, { aliases: ["Interest rate", "Interest %"] }),
    ],
  },
  bases: {
    key: "bases",
    name: TABLES.bases,
    sheet: INPUT_SHEETS.bases,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("id", "Basis", "id", 90, { required: true }),
      col("kind", "Kind", "choice", 90, { required: true, choices: ["percentages", "mix"] }),
      col("item", "Partner or source", "id", 130, { required: true }),
      col("percent", "Percent", "percent", 70, { required: true }),
      col("label", "Label", "text", 180),
      col("note", "Note", "text", 260),
      // Last, so a workbook made before it reads as it did: rows with a date are a later version (docs/versions.md).
      col("validFrom", "Valid from", "date", 80, { aliases: ["Valid from date", "With effect from"] }),
    ],
  },
  // A basis's own true-up rule (docs/versions.md): optional, beside the Bases table (A:G) after a blank column.
  trueUpRules: {
    key: "trueUpRules",
    name: TABLES.trueUpRules,
    sheet: INPUT_SHEETS.bases,
    row: 0,
    col: 8,
    required: false,
    dynamicColumns: false,
    columns: [
      col("basis", "Basis", "id", 120, { required: true, list: "bases" }),
      col("points", "True-up tolerance (points)", "percent", 90, { aliases: ["Tolerance (points)"] }),
      col("percent", "True-up tolerance (%)", "percent", 90, { aliases: ["Tolerance (%)"] }),
      col("timing", "True-up in", "choice", 80, { choices: ["same year", "next year"] }),
      col("note", "Note", "text", 220),
    ],
  },
  budgets: {
    key: "budgets",
    name: TABLES.budgets,
    sheet: INPUT_SHEETS.budgets,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("year", "Year", "year", 60, { required: true, list: "years" }),
      col("category", "Category", "choice", 70, { required: true, choices: CATEGORIES }),
      col("service", "Service", "text", 110),
      col("amount", "Budget (£)", "money", 110, { required: true, aliases: ["Budget", "Amount (£)", "Amount"] }),
      col("note", "Note", "text", 220),
    ],
  },
  statedTotals: {
    key: "statedTotals",
    name: TABLES.statedTotals,
    sheet: INPUT_SHEETS.budgets,
    row: 0,
    col: 7,
    required: false,
    dynamicColumns: false,
    columns: [
      col("label", "Label", "text", 180, { required: true }),
      col("lines", "Lines", "text", 160, { required: true }),
      col("year", "Year", "year", 60, { list: "years" }),
      col("amount", "Amount (£)", "money", 110, { required: true, aliases: ["Amount"] }),
      col("unit", "Reported to", "any", 80, { aliases: ["Unit"] }),
      col("note", "Note", "text", 220),
    ],
  },
  outturns: {
    key: "outturns",
    name: TABLES.outturns,
    sheet: INPUT_SHEETS.budgets,
    row: 0,
    col: 14,
    required: false,
    dynamicColumns: false,
    columns: [
      col("year", "Year", "year", 60, { required: true, list: "years" }),
      col("category", "Category", "choice", 70, { required: true, choices: CATEGORIES }),
      col("service", "Service", "text", 110),
      col("amount", "Outturn (£)", "money", 110, { required: true, aliases: ["Outturn", "Amount (£)", "Amount"] }),
      col("note", "Note", "text", 220),
    ],
  },
  settings: {
    key: "settings",
    name: TABLES.settings,
    sheet: INPUT_SHEETS.settings,
    row: 0,
    col: 0,
    required: true,
    dynamicColumns: false,
    columns: [
      col("setting", "Setting", "text", 170, { required: true }),
      col("value", "Value", "any", 90, { required: true }),
      col("note", "Notes", "text", 420),
    ],
  },
  supportServices: {
    key: "supportServices",
    name: TABLES.supportServices,
    sheet: INPUT_SHEETS.support,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [col("id", "Service", "id", 80, { required: true }), col("label", "Name", "text", 200), col("note", "Note", "text", 260)],
  },
  supportUsage: {
    key: "supportUsage",
    name: TABLES.supportUsage,
    sheet: INPUT_SHEETS.support,
    row: 0,
    col: 4,
    required: false,
    dynamicColumns: false,
    columns: [
      col("service", "Service", "id", 80, { required: true, list: "supportServices" }),
      col("by", "Used by", "id", 80, { required: true, list: "supportUsers", aliases: ["User"] }),
      col("year", "Year", "year", 60, { list: "years" }),
      col("value", "Usage", "number", 90, { required: true, aliases: ["Value"] }),
      col("note", "Note", "text", 260),
    ],
  },
  partnerServices: {
    key: "partnerServices",
    name: TABLES.partnerServices,
    sheet: INPUT_SHEETS.services,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("year", "Year", "year", 60, { list: "years" }),
      col("service", "Service", "text", 150, { required: true }),
      col("heading", "RO line or heading", "text", 190, { required: true, aliases: ["RO line", "Heading", "SeRCOP heading"] }),
      col("costCentre", "Cost centre", "text", 80),
      col("measure", "Measure", "text", 70),
      col("value", "Basis value", "number", 80, { required: true, aliases: ["Value"] }),
      col("note", "Note", "text", 220),
    ],
  },
  capitalOptions: {
    key: "capitalOptions",
    name: TABLES.capitalOptions,
    sheet: INPUT_SHEETS.costs,
    row: 0,
    col: 20,
    required: false,
    dynamicColumns: false,
    columns: [
      col("name", "Option", "text", 160, { required: true }),
      col("line", "Line", "id", 70, { required: true }),
      col("subscription", "Subscription (£ a year)", "money", 110, { required: true, aliases: ["Subscription"] }),
      col("setUp", "Set-up (£)", "money", 100, { aliases: ["Set-up", "Set up"] }),
      col("exit", "Exit (£)", "money", 100, { aliases: ["Exit"] }),
      col("years", "Years", "number", 60),
      col("note", "Note", "text", 220),
    ],
  },
  scenarios: {
    key: "scenarios",
    name: TABLES.scenarios,
    sheet: INPUT_SHEETS.scenarios,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("scenario", "Scenario", "text", 170, { required: true }),
      col("description", "Description", "text", 220),
      col("change", "Change", "choice", 90, { required: true, choices: CHANGE_KINDS }),
      col("line", "Line", "id", 70),
      col("partner", "Partner", "id", 70),
      col("driver", "Driver", "id", 70),
      col("year", "Year", "year", 60),
      col("value", "Value", "number", 90),
      col("basis", "Basis", "id", 110),
      col("start", "Start", "date", 80),
      col("end", "End", "date", 80),
      col("details", "Details", "text", 360),
    ],
  },
  // Into each council's books (docs/journals.md): optional; a model without them has no journals.
  coding: {
    key: "coding",
    name: TABLES.coding,
    sheet: INPUT_SHEETS.coding,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("line", "Line", "text", 70, { aliases: ["Ref", "Cost line"] }),
      col("service", "Service", "text", 110),
      col("category", "Category", "choice", 70, { choices: CATEGORIES }),
      col("nature", "Nature", "choice", 70, { choices: NATURES }),
      col("costCentre", "Cost centre", "text", 90, { required: true }),
      col("account", "Account", "text", 80, { required: true, aliases: ["Account code", "Subjective"] }),
      col("note", "Note", "text", 200),
    ],
  },
  hostCoding: {
    key: "hostCoding",
    name: TABLES.hostCoding,
    sheet: INPUT_SHEETS.coding,
    row: 0,
    col: 9,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("costCentre", "Income cost centre", "text", 100),
      col("account", "Income account", "text", 90, { required: true }),
      col("debtor", "Debtor account", "text", 90, { required: true }),
      col("note", "Note", "text", 200),
    ],
  },
  vatLines: {
    key: "vatLines",
    name: TABLES.vatLines,
    sheet: INPUT_SHEETS.coding,
    row: 0,
    col: 15,
    required: false,
    dynamicColumns: false,
    columns: [
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("treatment", "VAT treatment", "choice", 120, {
        required: true,
        choices: ["Outside the scope", "Standard-rated", "Zero-rated", "Exempt"],
        aliases: ["VAT", "Treatment"],
      }),
      col("note", "Note", "text", 200),
    ],
  },
  ledgers: {
    key: "ledgers",
    name: TABLES.ledgers,
    sheet: INPUT_SHEETS.ledgers,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("layout", "Layout", "text", 100, { aliases: ["Ledger layout"] }),
      col("creditor", "Creditor account", "text", 90),
      col("vatAccount", "VAT account", "text", 80),
      col("reserveAccount", "Reserve account", "text", 90),
      col("section33", "Section 33", "yesno", 70, { choices: YES_NO }),
      col("vatNumber", "VAT number", "text", 100),
      col("frequency", "Invoicing", "choice", 80, { choices: INVOICE_FREQUENCIES }),
      col("firstInvoice", "First invoice", "date", 80),
      col("termsDays", "Payment terms (days)", "number", 80, { aliases: ["Payment terms"] }),
      col("prefix", "Invoice prefix", "text", 90),
      // Optional, last so older workbooks' columns keep their places: post the journal by service cost centre.
      col("byService", "By service", "yesno", 70, { choices: YES_NO }),
      col("note", "Note", "text", 200),
    ],
  },
  ledgerColumns: {
    key: "ledgerColumns",
    name: TABLES.ledgerColumns,
    sheet: INPUT_SHEETS.ledgers,
    row: 0,
    col: 13,
    required: false,
    dynamicColumns: false,
    columns: [
      col("layout", "Layout", "text", 100, { required: true }),
      col("header", "Header", "text", 140, { required: true }),
      col("field", "Field", "choice", 90, { required: true, choices: LEDGER_FIELDS }),
      col("value", "Value", "text", 110, { aliases: ["Fixed value", "Format"] }),
      col("note", "Note", "text", 200),
    ],
  },
  // In-year monitoring (docs/monitoring.md): optional; a model without them has no monitoring.
  actuals: {
    key: "actuals",
    name: TABLES.actuals,
    sheet: INPUT_SHEETS.monitoring,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("period", "Period", "number", 50, { required: true }),
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("amount", "Actual (£)", "money", 100, { required: true, aliases: ["Actual", "Amount (£)", "Amount"] }),
      col("source", "Source", "text", 220),
    ],
  },
  forecasts: {
    key: "forecasts",
    name: TABLES.forecasts,
    sheet: INPUT_SHEETS.monitoring,
    row: 0,
    col: 5,
    required: false,
    dynamicColumns: false,
    columns: [
      col("period", "Period", "number", 50, { required: true }),
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("amount", "Forecast (£)", "money", 100, { required: true, aliases: ["Forecast", "Amount (£)", "Amount"] }),
      col("note", "Note", "text", 200),
    ],
  },
  profiles: {
    key: "profiles",
    name: TABLES.profiles,
    sheet: INPUT_SHEETS.monitoring,
    row: 0,
    col: 10,
    required: false,
    dynamicColumns: false,
    columns: [
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("period", "Period", "number", 50, { required: true }),
      col("weight", "Weight", "number", 70, { required: true }),
    ],
  },
  mapping: {
    key: "mapping",
    name: TABLES.mapping,
    sheet: INPUT_SHEETS.monitoring,
    row: 0,
    col: 14,
    required: false,
    dynamicColumns: false,
    columns: [
      col("costCentre", "Cost centre", "text", 90),
      col("account", "Account", "text", 80, { aliases: ["Account code", "Subjective"] }),
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("note", "Note", "text", 200),
    ],
  }, // Leaving and disputes (docs/exits.md): optional; a model without them has no exits and no disputes.
  leavers: {
    key: "leavers",
    name: TABLES.leavers,
    sheet: INPUT_SHEETS.exits,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("notice", "Notice given", "date", 80, { aliases: ["Notice"] }),
      col("leaves", "Leaves", "date", 80, { required: true, aliases: ["Leave date"] }),
      col("noticeMonths", "Notice months", "number", 70),
      col("committed", "Committed contracts", "choice", 110, { choices: COMMITTED_RULES }),
      col("note", "Note", "text", 200),
    ],
  },
  exitLines: {
    key: "exitLines",
    name: TABLES.exitLines,
    sheet: INPUT_SHEETS.exits,
    row: 0,
    col: 7,
    required: false,
    dynamicColumns: false,
    columns: [
      col("line", "Line", "text", 70, { required: true, aliases: ["Ref", "Cost line"] }),
      col("onExit", "On exit", "choice", 80, { required: true, choices: EXIT_TREATMENTS }),
      col("committedTo", "Committed to", "date", 80, { aliases: ["Contract end"] }),
      col("note", "Note", "text", 200),
    ],
  },
  exitCosts: {
    key: "exitCosts",
    name: TABLES.exitCosts,
    sheet: INPUT_SHEETS.exits,
    row: 0,
    col: 12,
    required: false,
    dynamicColumns: false,
    columns: [
      col("partner", "Partner", "id", 70, { required: true, list: "partners" }),
      col("description", "Description", "text", 180),
      col("amount", "Amount (£)", "money", 100, { required: true, aliases: ["Amount"] }),
      col("date", "Date", "date", 80),
      col("category", "Category", "choice", 70, { choices: CATEGORIES }),
      col("note", "Note", "text", 200),
    ],
  },
  disputes: {
    key: "disputes",
    name: TABLES.disputes,
    sheet: INPUT_SHEETS.disputes,
    row: 0,
    col: 0,
    required: false,
    dynamicColumns: false,
    columns: [
      col("ref", "Ref", "id", 60, { required: true }),
      col("line", "Line", "text", 70, { aliases: ["Cost line"] }),
      col("partner", "Partner", "id", 70, { list: "partners" }),
      col("year", "Year", "year", 60, { required: true, list: "years" }),
      col("toYear", "To year", "year", 60, { list: "years" }),
      col("amount", "Amount (£)", "money", 100, { required: true, aliases: ["Amount"] }),
      col("raisedOn", "Raised on", "date", 80),
      col("status", "Status", "choice", 80, { required: true, choices: DISPUTE_STATUSES }),
      col("outcome", "Outcome", "text", 260),
    ],
  },
};

/** The tables in template order. */
export const TABLE_ORDER: readonly TableKey[] = [
  "partners",
  "driverList",
  "drivers",
  "costs",
  "bases",
  "trueUpRules",
  "budgets",
  "statedTotals",
  "outturns",
  "settings",
  "scenarios",
  "supportServices",
  "supportUsage",
  "partnerServices",
  "capitalOptions",
  "coding",
  "hostCoding",
  "vatLines",
  "ledgers",
  "ledgerColumns",
  "actuals",
  "forecasts",
  "profiles",
  "mapping",
  "leavers",
  "exitLines",
  "exitCosts",
  "disputes",
];

/** The number format a column's cells get. */
export function columnFormat(kind: ColumnKind): string | null {
  switch (kind) {
    case "money":
      return MONEY_FORMAT;
    case "date":
      return DATE_FORMAT;
    case "percent":
      return PERCENT_FIGURE_FORMAT;
    case "number":
      return NUMBER_FORMAT;
    case "any":
      return null;
    case "id":
    case "text":
    case "year":
    case "choice":
    case "yesno":
      return TEXT_FORMAT;
  }
}

/** One row of the Settings table. */
export interface SettingDef {
  /** Engine field name (or run/tolerance setting name). */
  readonly key: SettingKey;
  readonly label: string;
  readonly kind: "year" | "unit" | "choice" | "percent" | "money" | "text" | "yesno";
  readonly choices?: readonly string[];
  readonly note: string;
  readonly required: boolean;
}

/** The settings, model and run, held in the Settings table. */
export type SettingKey =
  | "firstYear"
  | "lastYear"
  | "unit"
  | "proRata"
  | "indexationRate"
  | "indexationBaseYear"
  | "zeroDriverFallback"
  | "discountRate"
  | "toleranceAmount"
  | "tolerancePercent"
  | "yearEndBasis"
  | "carryForward"
  | "supportMethod"
  | "supportOrder"
  | "runScenario"
  | "compareFirst"
  | "compareSecond"
  | "preparedBy"
  | "title"
  | "journalYear"
  | "yearEndAccruals"
  | "trueUpPoints"
  | "trueUpPercent"
  | "trueUpTiming"
  | "monitoringYear";

/** The Settings table's rows, in order. */
export const SETTINGS: readonly SettingDef[] = [
  {
    key: "firstYear",
    label: "First year",
    kind: "year",
    required: true,
    note: "First financial year to profile, e.g. 2020/21 (1 April to 31 March).",
  },
  { key: "lastYear", label: "Last year", kind: "year", required: true, note: "Last financial year to profile, inclusive." },
  {
    key: "unit",
    label: "Rounding unit",
    kind: "unit",
    required: false,
    choices: ["penny", "pound", "thousand"],
    note: "Shares are rounded to this unit by largest remainder: penny (default), pound or thousand (£000).",
  },
  {
    key: "proRata",
    label: "Part years by",
    kind: "choice",
    required: false,
    choices: PRO_RATA_BASES,
    note: "days (default): days covered ÷ days in the year; months: months covered ÷ 12.",
  },
  {
    key: "indexationRate",
    label: "Indexation %",
    kind: "percent",
    required: false,
    note: "Default annual uplift for ongoing charges, in percent (blank: none).",
  },
  {
    key: "indexationBaseYear",
    label: "Indexation base year",
    kind: "year",
    required: false,
    note: "Year whose charge is unindexed (blank: each line's start year).",
  },
  {
    key: "zeroDriverFallback",
    label: "If all drivers are zero",
    kind: "choice",
    required: false,
    choices: ["error", "equal"],
    note: "error (default): stop and say so; equal: split equally instead.",
  },
  {
    key: "toleranceAmount",
    label: "Budget tolerance (£)",
    kind: "money",
    required: false,
    note: "A recharge within this many pounds of budget counts as on budget (blank: none).",
  },
  {
    key: "tolerancePercent",
    label: "Budget tolerance (%)",
    kind: "percent",
    required: false,
    note: "A recharge within this percentage of budget counts as on budget (blank: none).",
  },
  {
    key: "yearEndBasis",
    label: "Year-end share basis",
    kind: "text",
    required: false,
    note:
      "How a year-end under- or overspend is shared: contributions (default: in proportion to what each partner was charged) " +
      "or any basis.",
  },
  {
    key: "carryForward",
    label: "Carry forward year-end",
    kind: "yesno",
    required: false,
    choices: ["Yes", "No"],
    note:
      "Yes: each partner's share of a year-end under- or overspend becomes its own one-off line in the next year's charges " +
      "(flagged, and not carried, when that year is not modelled).",
  },
  {
    key: "supportMethod",
    label: "Support method",
    kind: "choice",
    required: false,
    choices: ["reciprocal", "step-down", "direct"],
    note:
      "How support services that serve each other (Support sheet) are recharged: reciprocal (default; solved exactly), " +
      "step-down (in the order below) or direct (their use of each other ignored).",
  },
  {
    key: "supportOrder",
    label: "Step-down order",
    kind: "text",
    required: false,
    note: "Step-down only: the support services, first closed first, separated by commas (blank: the Support sheet's order).",
  },
  {
    key: "runScenario",
    label: "Run scenario",
    kind: "text",
    required: false,
    note: "Scenario the last run used (blank: the base model). Re-running uses it again.",
  },
  {
    key: "compareFirst",
    label: "Compare: first",
    kind: "text",
    required: false,
    note: "First side of the scenario comparison (blank: the base model).",
  },
  {
    key: "compareSecond",
    label: "Compare: second",
    kind: "text",
    required: false,
    note: "Second side of the scenario comparison (blank: none).",
  },
  {
    key: "preparedBy",
    label: "Prepared by",
    kind: "text",
    required: false,
    note: "Your name: recorded in the Run log with every run written. Enter it once.",
  },
  {
    key: "title",
    label: "Title",
    kind: "text",
    required: false,
    note: "The model's title, printed at the foot of every output page and on each partner's statement (blank: the partners' names).",
  },
  // Last, so a workbook made before it keeps its rows where they were.
  {
    key: "discountRate",
    label: "Discount rate %",
    kind: "percent",
    required: false,
    note: "Discounts the capital-versus-cloud options (Options table) by this rate a year; blank: undiscounted. The Green Book uses 3.5.",
  },
  {
    key: "journalYear",
    label: "Journal year",
    kind: "year",
    required: false,
    note: "The financial year journalled and invoiced (blank: the first year). See docs/journals.md.",
  },
  {
    key: "yearEndAccruals",
    label: "Year-end accruals",
    kind: "choice",
    required: false,
    choices: ["creditor", "reserve"],
    note: "A settlement due at 31 March: creditor (default: a creditor or debtor) or reserve (an earmarked reserve).",
  },
  // The true-up of charges made on estimated drivers (docs/versions.md).
  {
    key: "trueUpPoints",
    label: "True-up tolerance (points)",
    kind: "percent",
    required: false,
    note: "A share on actual drivers within this many percentage points of the estimate is not trued up (blank: none).",
  },
  {
    key: "trueUpPercent",
    label: "True-up tolerance (%)",
    kind: "percent",
    required: false,
    note: "A share on actual drivers within this percentage of the estimated share is not trued up (blank: none).",
  },
  {
    key: "trueUpTiming",
    label: "True-up in",
    kind: "choice",
    required: false,
    choices: ["same year", "next year"],
    note: "same year (default): the adjustment is a line of the year trued up; next year: a one-off line of the year after.",
  },
  // In-year monitoring (docs/monitoring.md); last, so a workbook made before it keeps its rows where they were.
  {
    key: "monitoringYear",
    label: "Monitoring year",
    kind: "year",
    required: false,
    note: "The financial year the Actuals sheet monitors, period 1 being its April (blank: the first year).",
  },
];
