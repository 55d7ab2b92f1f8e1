import { calendarDate, type DayNumber } from "../dates";
import type { FinancialYear } from "../financial-year";
import { penceToText, type Pence } from "../money";

/**
 * What a ledger layout column holds. A layout is a list of columns in upload
 * order; each names one of these fields (docs/journals.md).
 */
export type LedgerField =
  | "date"
  | "period"
  | "yearPeriod"
  | "costCentre"
  | "account"
  | "amount"
  | "debit"
  | "credit"
  | "description"
  | "reference"
  | "journal"
  | "line"
  | "partner"
  | "currency"
  | "fixed"
  | "blank";

/** The fields, as a user may name them in a custom layout. */
export const LEDGER_FIELDS: readonly LedgerField[] = [
  "date",
  "period",
  "yearPeriod",
  "costCentre",
  "account",
  "amount",
  "debit",
  "credit",
  "description",
  "reference",
  "journal",
  "line",
  "partner",
  "currency",
  "fixed",
  "blank",
];

/** One column of a layout: its header, what it holds, and a fixed text or date format. */
export interface LayoutColumn {
  readonly header: string;
  readonly field: LedgerField;
  /** The text of a "fixed" column; the format of a "date" column (YYYY-MM-DD, DD/MM/YYYY, YYYY/MM/DD). */
  readonly value?: string;
}

/** A ledger's journal upload layout. */
export interface LedgerLayout {
  readonly id: string;
  readonly name: string;
  readonly columns: readonly LayoutColumn[];
  /** False for layouts read by position with no header row (Oracle's FBDI CSV). */
  readonly headerRow: boolean;
}

/** The generic layout: one signed amount (debit positive) and the codes, for any ledger with a configurable import. */
export const GENERIC_LAYOUT: LedgerLayout = {
  id: "generic",
  name: "Generic (signed amount)",
  headerRow: true,
  columns: [
    { header: "Journal", field: "journal" },
    { header: "Date", field: "date", value: "YYYY-MM-DD" },
    { header: "Period", field: "period" },
    { header: "Year and period", field: "yearPeriod" },
    { header: "Cost centre", field: "costCentre" },
    { header: "Account", field: "account" },
    { header: "Amount", field: "amount" },
    { header: "Description", field: "description" },
    { header: "Reference", field: "reference" },
  ],
};

const SEGMENTS: LayoutColumn[] = Array.from({ length: 30 }, (_, i) => ({
  header: `Segment${i + 1}`,
  field: i === 0 ? "costCentre" : i === 1 ? "account" : "blank",
}));

/**
 * Oracle Fusion General Ledger's Journal Import (file-based data import,
 * the GL_INTERFACE sheet of JournalImportTemplate.xlsm), read by position:
 * the CSV the template generates has no header row. Segment1 carries the
 * cost centre and Segment2 the account; a chart of accounts with other
 * segments needs a custom layout. See docs/journals.md for the sources and
 * what could not be verified here.
 */
export const ORACLE_FUSION_LAYOUT: LedgerLayout = {
  id: "oracle-fusion",
  name: "Oracle Fusion journal import (GL_INTERFACE)",
  headerRow: false,
  columns: [
    { header: "Status Code", field: "fixed", value: "NEW" },
    { header: "Ledger ID", field: "blank" },
    { header: "Effective Date of Transaction", field: "date", value: "YYYY/MM/DD" },
    { header: "Journal Source", field: "fixed", value: "Spreadsheet" },
    { header: "Journal Category", field: "fixed", value: "Adjustment" },
    { header: "Currency Code", field: "currency" },
    { header: "Journal Entry Creation Date", field: "date", value: "YYYY/MM/DD" },
    { header: "Actual Flag", field: "fixed", value: "A" },
    ...SEGMENTS,
    { header: "Entered Debit Amount", field: "debit" },
    { header: "Entered Credit Amount", field: "credit" },
    { header: "Converted Debit Amount", field: "blank" },
    { header: "Converted Credit Amount", field: "blank" },
    { header: "REFERENCE1 (Batch Name)", field: "reference" },
    { header: "REFERENCE2 (Batch Description)", field: "journal" },
    { header: "REFERENCE3", field: "blank" },
    { header: "REFERENCE4 (Journal Entry Name)", field: "journal" },
    { header: "REFERENCE5 (Journal Entry Description)", field: "reference" },
    { header: "REFERENCE6 (Journal Entry Reference)", field: "reference" },
    { header: "REFERENCE7 (Journal Entry Reversal flag)", field: "blank" },
    { header: "REFERENCE8 (Journal Entry Reversal Period)", field: "blank" },
    { header: "REFERENCE9 (Journal Reversal Method)", field: "blank" },
    { header: "REFERENCE10 (Journal Entry Line Description)", field: "description" },
  ],
};

/**
 * Unit4 ERP's general-ledger batch input (the GL07 process reads the
 * acrbatchinput table): the table's column names as headers, amounts signed
 * with a separate D/C flag left to GL07's variant, the cost centre in dim_1.
 * See docs/journals.md: Unit4's own field specification is not public, so
 * the column list follows the table's documented column names only.
 */
export const UNIT4_LAYOUT: LedgerLayout = {
  id: "unit4",
  name: "Unit4 ERP GL batch input (GL07)",
  headerRow: true,
  columns: [
    { header: "batch_id", field: "journal" },
    { header: "interface", field: "fixed", value: "BI" },
    { header: "voucher_type", field: "fixed", value: "GL" },
    { header: "trans_type", field: "fixed", value: "GL" },
    { header: "client", field: "blank" },
    { header: "account", field: "account" },
    { header: "dim_1", field: "costCentre" },
    { header: "dim_2", field: "blank" },
    { header: "dim_3", field: "blank" },
    { header: "dim_4", field: "blank" },
    { header: "dim_5", field: "blank" },
    { header: "dim_6", field: "blank" },
    { header: "dim_7", field: "blank" },
    { header: "currency", field: "currency" },
    { header: "cur_amount", field: "amount" },
    { header: "amount", field: "amount" },
    { header: "description", field: "description" },
    { header: "trans_date", field: "date", value: "YYYYMMDD" },
    { header: "voucher_date", field: "date", value: "YYYYMMDD" },
    { header: "period", field: "yearPeriod" },
    { header: "ext_inv_ref", field: "reference" },
  ],
};

/** The built-in layouts, by id. */
export const BUILT_IN_LAYOUTS: readonly LedgerLayout[] = [GENERIC_LAYOUT, ORACLE_FUSION_LAYOUT, UNIT4_LAYOUT];

/** The date formats a date column may use. */
export const DATE_FORMATS = ["YYYY-MM-DD", "DD/MM/YYYY", "YYYY/MM/DD", "YYYYMMDD", "DD-MM-YYYY"] as const;

/** Writes a date in one of {@link DATE_FORMATS}. */
export function formatDate(d: DayNumber, format: string): string {
  const { year, month, day } = calendarDate(d);
  const y = year.toString().padStart(4, "0");
  const m = month.toString().padStart(2, "0");
  const dd = day.toString().padStart(2, "0");
  return format.replace("YYYY", y).replace("MM", m).replace("DD", dd);
}

/** The accounting period of a date: April is period 1 and March period 12, as councils number them. */
export function periodOf(d: DayNumber): number {
  const { month } = calendarDate(d);
  return ((month + 8) % 12) + 1;
}

/** A journal line as a layout lays it out: everything a column may ask for. */
export interface LayoutLine {
  readonly journal: string;
  readonly date: DayNumber;
  readonly year: FinancialYear;
  readonly costCentre: string;
  readonly account: string;
  /** Debit positive, credit negative. */
  readonly amount: Pence;
  readonly description: string;
  readonly reference: string;
  readonly line: string;
  readonly partner: string;
}

/**
 * The cells of one journal line in a layout, as text: amounts as plain
 * decimals with two places and no separators (a debit or credit column is
 * blank on the other side), dates in the column's format, the period April = 1.
 */
export function layoutCells(layout: LedgerLayout, l: LayoutLine): string[] {
  return layout.columns.map((c) => cellOf(c, l));
}

function cellOf(c: LayoutColumn, l: LayoutLine): string {
  switch (c.field) {
    case "date":
      return formatDate(l.date, c.value ?? "YYYY-MM-DD");
    case "period":
      return String(periodOf(l.date));
    case "yearPeriod":
      // YYYYPP: the financial year by its starting calendar year (2025 for 2025/26), then the period.
      return `${l.year}${String(periodOf(l.date)).padStart(2, "0")}`;
    case "costCentre":
      return l.costCentre;
    case "account":
      return l.account;
    case "amount":
      return penceToText(l.amount);
    case "debit":
      return l.amount > 0 ? penceToText(l.amount) : "";
    case "credit":
      return l.amount < 0 ? penceToText(-l.amount) : "";
    case "description":
      return l.description;
    case "reference":
      return l.reference;
    case "journal":
      return l.journal;
    case "line":
      return l.line;
    case "partner":
      return l.partner;
    case "currency":
      return "GBP";
    case "fixed":
      return c.value ?? "";
    case "blank":
      return "";
  }
}
