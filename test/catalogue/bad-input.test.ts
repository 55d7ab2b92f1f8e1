import "../functions/custom-functions-stub";
import { describe, expect, it } from "vitest";
import * as formulas from "../../src/functions/functions";
import { excelError, isExcelError } from "../functions/custom-functions-stub";
import { report, serial, shown, type Edits } from "./catalogue-support";

/**
 * The bad-input catalogue: every kind of bad model input a user (or an
 * attacker) can type, each with where it must be reported and a fragment of
 * what must be said. Workbook entries edit a sample model and run it through
 * `runWorkbook` (the command line's path over a workbook port); formula
 * entries call the worksheet functions as Excel does. An entry with
 * severity "warning" must run, and warn at that cell.
 */

interface WorkbookEntry {
  readonly name: string;
  /** Sample id; default brent-lewisham-southwark. */
  readonly sample?: string;
  readonly edits: Edits;
  /** Run this scenario (as --scenario does), so its problems are errors. */
  readonly scenario?: string;
  /** The cell the problem must name (undefined: a problem with no cell). */
  readonly at: string | undefined;
  readonly says: string;
  readonly severity?: "error" | "warning";
}

interface FormulaEntry {
  readonly name: string;
  readonly call: () => unknown;
  readonly code: "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";
  /** Only #VALUE! and #N/A carry a message. */
  readonly says?: string;
}

const BLS = "brent-lewisham-southwark";
const EKH = "east-kent-housing";
const ONE = "onesource";
const RUN = "Core service by users only";
const JOINS = "Lewisham Homes joins";
const LEAVES = "Lewisham leaves";
const BIG = 999_999_999_999.99;

const WORKBOOK: readonly WorkbookEntry[] = [
  // Costs: each column's rules.
  { name: "amount as text", edits: { "Costs!F2": "lots" }, at: "Costs!F2", says: '"lots" is not a number' },
  {
    name: "amount with a fraction of a penny",
    edits: { "Costs!F3": 1000.005 },
    at: "Costs!F3",
    says: "is not a whole number of the rounding unit",
  },
  { name: "amount blank", edits: { "Costs!F2": "" }, at: "Costs!F2", says: "a value is required" },
  {
    name: "amount over £1 trillion",
    edits: { "Costs!F2": 1_000_000_000_000.01 },
    at: "Costs!F2",
    says: "larger than the £1,000,000,000,000.00",
  },
  { name: "amount NaN (a cell Excel could not show)", edits: { "Costs!F2": Number.NaN }, at: "Costs!F2", says: "invalid number" },
  { name: "amount infinite", edits: { "Costs!F4": Number.POSITIVE_INFINITY }, at: "Costs!F4", says: "invalid number" },
  { name: "amount holding an Excel error", edits: { "Costs!F2": "#N/A" }, at: "Costs!F2", says: "not the Excel error #N/A" },
  { name: "amount holding #DIV/0!", edits: { "Costs!F5": "#DIV/0!" }, at: "Costs!F5", says: "not the Excel error #DIV/0!" },
  { name: "amount in words with a £ sign", edits: { "Costs!F2": "£9.6m" }, at: "Costs!F2", says: '"£9.6m" is not a number' },
  {
    name: "category not capital or revenue",
    edits: { "Costs!D4": "sundries" },
    at: "Costs!D4",
    says: '"sundries" is not one of "capital", "revenue"',
  },
  { name: "nature not one-off or ongoing", edits: { "Costs!E2": "weekly" }, at: "Costs!E2", says: 'is not one of "one-off", "ongoing"' },
  { name: "start date in UK text form", edits: { "Costs!G2": "31/03/2021" }, at: "Costs!G2", says: "is not a date" },
  { name: "start date in year 1", edits: { "Costs!G2": "0001-06-01" }, at: "Costs!G2", says: "outside the dates Excel can hold" },
  { name: "start date before 1900", edits: { "Costs!G3": "1899-12-31" }, at: "Costs!G3", says: "outside the dates Excel can hold" },
  { name: "start serial past 9999", edits: { "Costs!G2": 3_000_000 }, at: "Costs!G2", says: "outside the dates Excel can hold" },
  { name: "start serial zero", edits: { "Costs!G2": 0 }, at: "Costs!G2", says: "outside the dates Excel can hold" },
  { name: "start serial 60 (29 February 1900)", edits: { "Costs!G2": 60 }, at: "Costs!G2", says: "29 February 1900" },
  { name: "start NaN", edits: { "Costs!G2": Number.NaN }, at: "Costs!G2", says: "invalid number" },
  { name: "start blank", edits: { "Costs!G2": "" }, at: "Costs!G2", says: "a value is required" },
  { name: "start 30 February", edits: { "Costs!G2": "2021-02-30" }, at: "Costs!G2", says: "is not a date" },
  { name: "end before start", edits: { "Costs!H4": serial(2020, 1, 1) }, at: "Costs!H4", says: "is before start date" },
  { name: "end date on a one-off", edits: { "Costs!H6": serial(2021, 1, 1) }, at: "Costs!H6", says: "no end date on a one-off cost" },
  { name: "end not a date", edits: { "Costs!H4": "October" }, at: "Costs!H4", says: "is not a date" },
  { name: "basis not defined", edits: { "Costs!I2": "nonsense" }, at: "Costs!I2", says: 'basis "nonsense" is not defined' },
  { name: "basis blank", edits: { "Costs!I3": "" }, at: "Costs!I3", says: "a value is required" },
  {
    name: "direct charge to an unknown partner",
    edits: { "Costs!I6": "direct:XYZ" },
    at: "Costs!I6",
    says: 'partner "XYZ" is not in the partner list',
  },
  { name: "driver not defined", edits: { "Costs!I3": "driver:homes" }, at: "Costs!I3", says: 'driver "homes" is not defined' },
  {
    name: "direct charge to an excluded partner",
    edits: { "Costs!K6": "SOU" },
    at: "Costs!I6",
    says: 'partner "SOU" is excluded from this line',
  },
  {
    name: "direct charge to a partner the line does not apply to",
    edits: { "Costs!J6": "BRE, LEW" },
    at: "Costs!I6",
    says: 'partner "SOU" is excluded from this line',
  },
  {
    name: "applies to an unknown partner",
    edits: { "Costs!J2": "BRE, XYZ" },
    at: "Costs!J2",
    says: 'partner "XYZ" is not in the partner list',
  },
  { name: "excludes an unknown partner", edits: { "Costs!K7": "ABC" }, at: "Costs!K7", says: 'partner "ABC" is not in the partner list' },
  {
    name: "excludes every partner",
    edits: { "Costs!K3": "BRE; LEW; SOU" },
    at: "Costs!J3",
    says: "there are no partners to share the cost",
  },
  {
    name: "partner reference in the wrong case",
    edits: { "Costs!K7": "sou" },
    at: "Costs!K7",
    says: 'partner "sou" is not in the partner list (ids are case-sensitive: did you mean "SOU"?)',
  },
  { name: "indexation as text", edits: { "Costs!L2": "lots" }, at: "Costs!L2", says: '"lots" is not a number' },
  {
    name: "indexation of 1e-9999999 (minutes of compounding)",
    edits: { "Costs!L2": "1e-9999999" },
    at: "Costs!L2",
    says: "at least 1E-10%",
  },
  { name: "indexation of 500% a year", edits: { "Costs!L2": 500 }, at: "Costs!L2", says: "a rate of at most 100% a year" },
  { name: "amount of 1e9999999", edits: { "Costs!F2": "1e9999999" }, at: "Costs!F2", says: "1e+9999999 is larger than" },
  { name: "amount of -1e-9999999", edits: { "Costs!F2": "-1e-9999999" }, at: "Costs!F2", says: "-1e-9999999 is not a whole number" },
  { name: "indexation of -100%", edits: { "Costs!L2": -100 }, at: "Costs!L2", says: "a rate above -100%" },
  { name: "index base year not a year", edits: { "Costs!M2": "2021" }, at: "Costs!M2", says: '"2021" is not a financial year' },
  { name: "reference used twice", edits: { "Costs!A3": "BLS-01" }, at: "Costs!A3", says: '"BLS-01" is used more than once' },
  {
    name: "references differing only in case",
    edits: { "Costs!A3": "bls-01" },
    at: "Costs!A3",
    says: 'differs from "BLS-01" only in capital letters',
  },
  { name: "reference blank on a filled row", edits: { "Costs!A4": "" }, at: "Costs!A4", says: "a value is required" },
  {
    name: "description over 32,767 characters",
    edits: { "Costs!B2": "x".repeat(40_000) },
    at: "Costs!B2",
    says: "at most 32,767 characters",
  },
  { name: "note over 32,767 characters", edits: { "Costs!N3": "y".repeat(32_768) }, at: "Costs!N3", says: "(this has 32,768)" },
  {
    name: "indexed charge past the cap in a later year",
    edits: { "Costs!F2": BIG, "Costs!L2": 100 },
    at: "Costs!F2",
    says: "after pro-rating and indexation",
  },
  {
    name: "charges adding up past 2^52 pence",
    edits: { "Settings!B3": "2049/50", "Costs!F3": BIG, "Costs!F5": BIG, "Costs!F7": BIG },
    at: "Costs!F5",
    says: "the most the engine totals exactly",
  },
  // Lines outside the model's years: the run goes ahead and warns at the date.
  {
    name: "one-off dated before the model's years",
    edits: { "Costs!G6": serial(1921, 9, 30) },
    at: "Costs!G6",
    says: "falls before the model's years (2020/21 to 2022/23)",
    severity: "warning",
  },
  {
    name: "one-off dated after the model's years",
    edits: { "Costs!G8": serial(2031, 5, 1) },
    at: "Costs!G8",
    says: "falls after the model's years",
    severity: "warning",
  },
  {
    name: "ongoing line starting after the model's years",
    edits: { "Costs!G3": serial(2030, 4, 1) },
    at: "Costs!G3",
    says: "lies wholly after the model's years",
    severity: "warning",
  },
  {
    name: "ongoing line ended before the model's years",
    edits: { "Costs!G4": serial(2010, 1, 1), "Costs!H4": serial(2011, 1, 1) },
    at: "Costs!H4",
    says: "lies wholly before the model's years",
    severity: "warning",
  },
  // Monitoring (docs/monitoring.md): the run goes ahead and warns at the cell; the Monitoring sheet says why it is empty.
  {
    name: "an actual for a cost line not in the model",
    edits: { "Actuals!B2": "BLS-99" },
    at: "Actuals!B2",
    says: 'cost line "BLS-99" is not in the model',
    severity: "warning",
  },
  { name: "an actual in period 13", edits: { "Actuals!A2": 13 }, at: "Actuals!A2", says: '"13" is not one of "1"', severity: "warning" },
  { name: "an actual as text", edits: { "Actuals!C3": "lots" }, at: "Actuals!C3", says: '"lots" is not a number', severity: "warning" },
  // The Settings table's Monitoring year (its last row, 26 in this model).
  {
    name: "a monitoring year outside the model's years",
    edits: { "Settings!B26": "2030/31" },
    at: "Settings!B26",
    says: "one of the model's years, 2020/21 to 2022/23",
    severity: "warning",
  },
  {
    name: "a monitoring year that is not a year",
    edits: { "Settings!B26": "next year" },
    at: "Settings!B26",
    says: "is not a financial year",
    severity: "warning",
  },

  // Settings.
  {
    name: "first year without the second part",
    edits: { "Settings!B2": "2020" },
    at: "Settings!B2",
    says: '"2020" is not a financial year',
  },
  { name: "first year after last year", edits: { "Settings!B3": "2019/20" }, at: "Settings!B3", says: "is after the last year" },
  { name: "a thousand years", edits: { "Settings!B3": "3019/20" }, at: "Settings!B3", says: "a model may span at most 100 years" },
  { name: "101 years", edits: { "Settings!B3": "2120/21" }, at: "Settings!B3", says: "is 101 years" },
  { name: "financial year not consecutive", edits: { "Settings!B2": "2020/22" }, at: "Settings!B2", says: "is not a financial year" },
  { name: "financial year before 1900", edits: { "Settings!B2": "1066/67" }, at: "Settings!B2", says: "is not a financial year" },
  { name: "rounding unit not a unit", edits: { "Settings!B4": "lots" }, at: "Settings!B4", says: "is not a rounding unit" },
  { name: "rounding unit of zero", edits: { "Settings!B4": 0 }, at: "Settings!B4", says: "is not a rounding unit" },
  { name: "part years by weeks", edits: { "Settings!B5": "weeks" }, at: "Settings!B5", says: '"weeks" is not one of' },
  { name: "default indexation as text", edits: { "Settings!B6": "x" }, at: "Settings!B6", says: '"x" is not a number' },
  { name: "default index base year not a year", edits: { "Settings!B7": "abc" }, at: "Settings!B7", says: "is not a financial year" },
  {
    name: "zero-driver fallback not a choice",
    edits: { "Settings!B8": "maybe" },
    at: "Settings!B8",
    says: '"maybe" is not one of "error", "equal"',
  },
  { name: "budget tolerance in £ as text", edits: { "Settings!B9": "lots" }, at: "Settings!B9", says: '"lots" is not a number' },
  { name: "budget tolerance % negative", edits: { "Settings!B10": -5 }, at: "Settings!B10", says: "is negative" },
  {
    name: "unknown year-end share basis, with no outturn yet",
    edits: { "Settings!B11": "nonsense" },
    at: "Settings!B11",
    says: 'basis "nonsense" is not defined',
  },
  { name: "carry forward neither yes nor no", edits: { "Settings!B12": "perhaps" }, at: "Settings!B12", says: "Yes or No" },
  { name: "a setting that does not exist", edits: { "Settings!A16": "Colour" }, at: "Settings!A16", says: '"Colour" is not a setting' },
  {
    name: "a setting given twice",
    edits: { "Settings!A16": "First year", "Settings!B16": "2021/22" },
    at: "Settings!A16",
    says: "each setting once",
  },
  { name: "a setting holding an Excel error", edits: { "Settings!B2": "#REF!" }, at: "Settings!B2", says: "not the Excel error #REF!" },

  // Partners.
  { name: "partner id repeated", edits: { "Partners!A3": "BRE" }, at: "Partners!A3", says: 'partner "BRE" appears more than once' },
  { name: "driver row naming a partner in the wrong case", edits: { "Drivers!H4": "sou" }, at: "Drivers!H4", says: 'did you mean "SOU"?' },
  {
    name: "partner ids differing only in case",
    edits: { "Partners!A3": "bre" },
    at: "Partners!A3",
    says: 'differs from "BRE" only in capital letters',
  },
  {
    name: "partner id with a comma",
    edits: { "Partners!A5": "LH,X", "Partners!B5": "Lewisham Homes" },
    at: "Partners!A5",
    says: 'contains ","',
  },
  {
    name: "partner id with a semicolon",
    edits: { "Partners!A5": "LH;X", "Partners!B5": "Lewisham Homes" },
    at: "Partners!A5",
    says: 'contains ";"',
  },
  { name: "host neither yes nor no", edits: { "Partners!C2": "maybe" }, at: "Partners!C2", says: "Yes or No" },
  {
    name: "partner within another with a comma in its id",
    edits: { "Partners!A5": "LH,X", "Partners!D5": "LEW" },
    at: "Partners!A5",
    says: 'contains ","',
  },
  {
    name: "partner within another with an id differing only in case",
    edits: { "Partners!A2": "LH", "Partners!A5": "BRE", "Partners!D5": "LEW", "Partners!A6": "lh", "Partners!D6": "LEW" },
    at: "Partners!A6",
    says: 'differs from "LH" only in capital letters',
  },
  { name: "joining date not a date", edits: { "Partners!E3": "soon" }, at: "Partners!E3", says: '"soon" is not a date' },
  { name: "joining date in year 1", edits: { "Partners!E3": "0001-04-01" }, at: "Partners!E3", says: "outside the dates Excel can hold" },
  {
    name: "leaving date before joining date",
    edits: { "Partners!E3": serial(2021, 4, 1), "Partners!F3": serial(2020, 4, 1) },
    at: "Partners!F3",
    says: "is before start date",
  },
  { name: "leaving date NaN", edits: { "Partners!F4": Number.NaN }, at: "Partners!F4", says: "invalid number" },
  {
    name: "partner within itself",
    edits: { "Partners!A5": "LH", "Partners!D5": "LH" },
    at: "Partners!D5",
    says: 'partner "LH" cannot be within itself',
  },
  {
    name: "partner within an unknown partner",
    edits: { "Partners!A5": "LH", "Partners!D5": "XYZ" },
    at: "Partners!D5",
    says: 'partner "XYZ" is not in the partner list',
  },
  {
    name: "partners within each other (a cycle)",
    edits: { "Partners!A5": "LH", "Partners!D5": "LH2", "Partners!A6": "LH2", "Partners!D6": "LH" },
    at: "Partners!D5",
    says: '"LH2" is itself within another partner',
  },
  {
    name: "partner within a partner within another (a chain)",
    edits: { "Partners!A5": "LH", "Partners!D5": "LEW", "Partners!A6": "LH2", "Partners!D6": "LH" },
    at: "Partners!D6",
    says: '"LH" is itself within another partner',
  },
  {
    name: "within partner with more tickets than its parent",
    edits: { "Partners!A5": "LH", "Partners!D5": "LEW", "Drivers!H5": "LH", "Drivers!J5": 99_999, "Drivers!K5": 1 },
    at: "Partners!A5",
    says: "at most 9500",
  },
  { name: "partner id holding an Excel error", edits: { "Partners!A4": "#NAME?" }, at: "Partners!A4", says: "not the Excel error #NAME?" },

  // Drivers.
  { name: "driver value as text", edits: { "Drivers!J2": "many" }, at: "Drivers!J2", says: '"many" is not a number' },
  { name: "driver value negative", edits: { "Drivers!J3": -5 }, at: "Drivers!J3", says: "is negative" },
  { name: "driver value missing", edits: { "Drivers!J4": "" }, at: "Drivers!J4", says: "a value is required" },
  {
    name: "driver value with ten million digits",
    edits: { "Drivers!J2": "1e9999999" },
    at: "Drivers!J2",
    says: "a figure of at most 1,000,000,000,000,000",
  },
  {
    name: "driver value with ten million decimal places",
    edits: { "Drivers!K3": "1e-9999999" },
    at: "Drivers!K3",
    says: "at least 1E-324 (or zero), with at most 40 significant digits",
  },
  { name: "driver value NaN", edits: { "Drivers!K2": Number.NaN }, at: "Drivers!K2", says: "invalid number" },
  {
    name: "driver row for an unknown partner",
    edits: { "Drivers!H4": "XYZ" },
    at: "Drivers!H4",
    says: 'partner "XYZ" is not in the partner list',
  },
  { name: "driver year not a year", edits: { "Drivers!I2": "2020" }, at: "Drivers!I2", says: '"2020" is not a financial year' },
  {
    name: "driver repeated in DriverList",
    edits: { "Drivers!A4": "tickets", "Drivers!B4": "Tickets again" },
    at: "Drivers!A4",
    says: 'each driver once ("tickets" is already on row 2)',
  },
  {
    name: "driver ids differing only in case",
    edits: { "Drivers!A4": "Tickets", "Drivers!B4": "Tickets again" },
    at: "Drivers!A4",
    says: 'differs from "tickets" only in capital letters',
  },
  { name: "driver illustrative flag neither yes nor no", edits: { "Drivers!C2": "perhaps" }, at: "Drivers!C2", says: "Yes or No" },
  { name: "driver As at not a date", edits: { "Drivers!E2": "last March" }, at: "Drivers!E2", says: '"last March" is not a date' },
  { name: "DriverList row without an id", edits: { "Drivers!A3": "" }, at: "Drivers!A3", says: "a driver id" },
  {
    name: "two driver rows for one partner",
    edits: { "Drivers!H5": "BRE", "Drivers!J5": 1, "Drivers!K5": 1 },
    at: "Drivers!J5",
    says: "is used more than once",
  },

  // Bases.
  {
    name: "percentages not totalling 100",
    edits: { "Bases!D3": 30 },
    at: "Bases!D2",
    says: 'percentages for basis "IAA" total 105%, not 100%',
  },
  { name: "percentage of 1e9999999", edits: { "Bases!D2": "1e9999999" }, at: "Bases!D2", says: "a figure of at most" },
  { name: "percentage as text", edits: { "Bases!D2": "forty" }, at: "Bases!D2", says: '"forty" is not a number' },
  { name: "percentage negative", edits: { "Bases!D2": -40 }, at: "Bases!D2", says: "is negative" },
  {
    name: "percentage for an unknown partner",
    edits: { "Bases!C4": "XYZ" },
    at: "Bases!C4",
    says: 'partner "XYZ" is not in the partner list',
  },
  { name: "percentage for a partner twice", edits: { "Bases!C4": "LEW" }, at: "Bases!C4", says: 'partner "LEW" appears more than once' },
  { name: "basis kind unknown", edits: { "Bases!B2": "weird" }, at: "Bases!B2", says: "percentages or mix" },
  { name: "mix weights not totalling 100", edits: { "Bases!D5": 60 }, at: "Bases!D5", says: 'weights for basis "usersTickets" total 110%' },
  { name: "mix of an undefined driver", edits: { "Bases!C5": "driver:homes" }, at: "Bases!C5", says: 'driver "homes" is not defined' },
  {
    name: "basis ids differing only in case",
    edits: { "Bases!A7": "iaa", "Bases!B7": "percentages", "Bases!C7": "BRE", "Bases!D7": 100 },
    at: "Bases!A7",
    says: 'differs from "IAA" only in capital letters',
  },

  // Budgets, stated totals, outturns.
  { name: "budget as text", edits: { "Budgets!E2": "lots" }, at: "Budgets!E2", says: '"lots" is not a number' },
  { name: "budget year not a year", edits: { "Budgets!B2": "2020" }, at: "Budgets!B2", says: "is not a financial year" },
  { name: "budget category unknown", edits: { "Budgets!C2": "sundry" }, at: "Budgets!C2", says: '"sundry" is not one of' },
  {
    name: "budget for an unknown partner",
    edits: { "Budgets!A2": "XYZ" },
    at: "Budgets!A2",
    says: 'partner "XYZ" is not in the partner list',
  },
  {
    name: "stated total of an unknown line",
    edits: { "Budgets!H2": "Total", "Budgets!I2": "BLS-99", "Budgets!K2": 100 },
    at: "Budgets!I2",
    says: 'cost line "BLS-99" is not in the model',
  },
  {
    name: "stated total amount as text",
    edits: { "Budgets!H2": "Total", "Budgets!I2": "BLS-01", "Budgets!K2": "lots" },
    at: "Budgets!K2",
    says: '"lots" is not a number',
  },
  {
    name: "outturn year not a year",
    edits: { "Budgets!O2": "2020", "Budgets!P2": "revenue", "Budgets!R2": 100 },
    at: "Budgets!O2",
    says: "is not a financial year",
  },
  {
    name: "outturn category unknown",
    edits: { "Budgets!O2": "2020/21", "Budgets!P2": "sundry", "Budgets!R2": 100 },
    at: "Budgets!P2",
    says: '"sundry" is not one of',
  },
  {
    name: "outturn amount as text",
    edits: { "Budgets!O2": "2020/21", "Budgets!P2": "revenue", "Budgets!R2": "lots" },
    at: "Budgets!R2",
    says: '"lots" is not a number',
  },

  // Scenarios: each problem at its Scenarios row and column.
  {
    name: "setBasis to an unknown basis",
    edits: { "Scenarios!I5": "nonsense" },
    scenario: RUN,
    at: "Scenarios!I5",
    says: 'basis "nonsense" is not defined',
  },
  {
    name: "setBasis to an undefined driver",
    edits: { "Scenarios!I5": "driver:homes" },
    scenario: RUN,
    at: "Scenarios!I5",
    says: 'driver "homes" is not defined',
  },
  {
    name: "setBasis of an unknown line",
    edits: { "Scenarios!D5": "BLS-99" },
    scenario: RUN,
    at: "Scenarios!D5",
    says: 'cost line "BLS-99" is not in the model',
  },
  { name: "setBasis with no basis", edits: { "Scenarios!I5": "" }, scenario: RUN, at: "Scenarios!I5", says: "the new basis" },
  // partnerLeaves (docs/exits.md): the partner in Partner (E), the notice date in Start (J), the leave date in End (K).
  {
    name: "partnerLeaves of a partner the model does not have",
    edits: { "Scenarios!A6": LEAVES, "Scenarios!C6": "partnerLeaves", "Scenarios!E6": "XYZ", "Scenarios!K6": serial(2021, 9, 30) },
    scenario: LEAVES,
    at: "Scenarios!E6",
    says: '"XYZ"',
  },
  {
    name: "partnerLeaves of the host",
    edits: { "Scenarios!A6": LEAVES, "Scenarios!C6": "partnerLeaves", "Scenarios!E6": "BRE", "Scenarios!K6": serial(2021, 9, 30) },
    scenario: LEAVES,
    at: "Scenarios!E6",
    says: '"BRE" is the host',
  },
  {
    name: "partnerLeaves on a day after the model's years",
    edits: { "Scenarios!A6": LEAVES, "Scenarios!C6": "partnerLeaves", "Scenarios!E6": "LEW", "Scenarios!K6": serial(2025, 9, 30) },
    scenario: LEAVES,
    at: "Scenarios!K6",
    says: "a day inside the model's years, 2020/21 to 2022/23",
  },
  {
    name: "partnerLeaves with no leave date",
    edits: { "Scenarios!A6": LEAVES, "Scenarios!C6": "partnerLeaves", "Scenarios!E6": "LEW" },
    scenario: LEAVES,
    at: "Scenarios!K6",
    says: "leaves: a value is required",
  },
  {
    name: "partnerLeaves with notice given after the leave date",
    edits: {
      "Scenarios!A6": LEAVES,
      "Scenarios!C6": "partnerLeaves",
      "Scenarios!E6": "LEW",
      "Scenarios!J6": serial(2021, 10, 1),
      "Scenarios!K6": serial(2021, 9, 30),
    },
    scenario: LEAVES,
    at: "Scenarios!K6",
    says: "is before start date 2021-10-01",
  },
  {
    name: "addLine with an amount in words",
    edits: { "Scenarios!H3": "lots" },
    scenario: JOINS,
    at: "Scenarios!H3",
    says: '"lots" is not a number',
  },
  {
    name: "addLine with a bad start date",
    edits: { "Scenarios!J3": "soon" },
    scenario: JOINS,
    at: "Scenarios!J3",
    says: '"soon" is not a date',
  },
  {
    name: "addLine with a start date before 1900",
    edits: { "Scenarios!J3": "1850-04-01" },
    scenario: JOINS,
    at: "Scenarios!J3",
    says: "outside the dates Excel can hold",
  },
  {
    name: "addLine with an unknown category",
    edits: { "Scenarios!L3": "category=sundry; nature=one-off" },
    scenario: JOINS,
    at: "Scenarios!L3",
    says: '"sundry" is not one of',
  },
  {
    name: "addLine with a basis naming nobody",
    edits: { "Scenarios!I3": "direct:XYZ" },
    scenario: JOINS,
    at: "Scenarios!I3",
    says: 'partner "XYZ" is not in the partner list',
  },
  {
    name: "addLine with a reference differing only in case",
    edits: { "Scenarios!D3": "bls-01" },
    scenario: JOINS,
    at: "Scenarios!D3",
    says: 'differs from "BLS-01" only in capital letters',
  },
  {
    name: "addLine reusing a reference",
    edits: { "Scenarios!D3": "BLS-01" },
    scenario: JOINS,
    at: "Scenarios!D3",
    says: '"BLS-01" is used more than once',
  },
  { name: "an unknown change kind", edits: { "Scenarios!C5": "setColour" }, at: "Scenarios!C5", says: "one of setAmount" },
  { name: "a blank change on a filled row", edits: { "Scenarios!C5": "" }, at: "Scenarios!C5", says: "a change kind" },
  { name: "details that are not key=value pairs", edits: { "Scenarios!L2": "name" }, at: "Scenarios!L2", says: "key=value pairs" },
  {
    name: "addPartner with a comma in the id",
    edits: { "Scenarios!E2": "LH,X", "Scenarios!I3": "equal" },
    scenario: JOINS,
    at: "Scenarios!E2",
    says: 'contains ","',
  },
  {
    name: "addPartner with an id differing only in case from a partner",
    edits: { "Scenarios!E2": "bre", "Scenarios!I3": "equal" },
    scenario: JOINS,
    at: "Scenarios!E2",
    says: 'differs from "BRE" only in capital letters',
  },
  { name: "addPartner with an id already taken", edits: { "Scenarios!E2": "BRE" }, scenario: JOINS, at: "Scenarios!E2", says: '"BRE"' },
  {
    name: "setAmount with a fraction of a penny",
    sample: EKH,
    edits: { "Scenarios!H3": 432_000.001 },
    scenario: "Cheaper split (20% less)",
    at: "Scenarios!H3",
    says: "is not a whole number of the rounding unit",
  },
  {
    name: "setAmount of an unknown line",
    sample: EKH,
    edits: { "Scenarios!D3": "EKH-99" },
    scenario: "Cheaper split (20% less)",
    at: "Scenarios!D3",
    says: 'cost line "EKH-99" is not in the model',
  },
  {
    name: "a stored scenario that no longer applies is a warning",
    edits: { "Scenarios!I5": "nonsense" },
    at: "Scenarios!I5",
    says: 'basis "nonsense" is not defined',
    severity: "warning",
  },

  // Tables and headers.
  { name: "a required column renamed", edits: { "Costs!F1": "Money" }, at: "Costs!A1", says: 'has no column "Amount (£)"' },
  { name: "a column twice", edits: { "Costs!N1": "Category" }, at: "Costs!N1", says: 'has the column "Category" more than once' },
  { name: "a header holding an Excel error", edits: { "Costs!N1": "#VALUE!" }, at: "Costs!N1", says: "not the Excel error #VALUE!" },

  // The other samples.
  {
    // The HR sample's first scenario re-bases "HR split" by percent.NTH and percent.STH; a driver takes value.<partner>.
    name: "HR: a version of a driver given percentages",
    sample: "hr-agreement",
    edits: { "Scenarios!I2": "payslips" },
    scenario: "Re-based from 1 April 2022",
    at: "Scenarios!L2",
    says: "expected value.<partner>=<value> for each partner whose value changes (payslips is a driver) but got percent.NTH",
  },
  {
    name: "East Kent: a one-off dated in 1921",
    sample: EKH,
    edits: { "Costs!G2": serial(1921, 9, 30) },
    at: "Costs!G2",
    says: "falls before the model's years",
    severity: "warning",
  },
  {
    name: "East Kent: homes as text",
    sample: EKH,
    edits: { "Drivers!J2": "5,100 homes" },
    at: "Drivers!J2",
    says: "is not a number",
    scenario: "Ongoing cost split by homes",
  },
  // Leaving and disputes (docs/exits.md): the East Kent Housing sample's Exits and Disputes sheets.
  {
    name: "leaver not a partner",
    sample: EKH,
    edits: { "Exits!A2": "XYZ" },
    at: "Exits!A2",
    says: 'partner "XYZ" is not in the partner list',
  },
  {
    name: "leaving before giving notice",
    sample: EKH,
    edits: { "Exits!C2": serial(2021, 1, 31) },
    at: "Exits!C2",
    says: "is before start date",
  },
  { name: "notice months as text", sample: EKH, edits: { "Exits!D2": "a year" }, at: "Exits!D2", says: "a whole number of months" },
  {
    name: "exit line treatment not stranded or variable",
    sample: EKH,
    edits: { "Exits!I2": "sometimes" },
    at: "Exits!I2",
    says: '"sometimes" is not one of "stranded", "variable"',
  },
  {
    name: "exit line not a cost line",
    sample: EKH,
    edits: { "Exits!H2": "EKH-99" },
    at: "Exits!H2",
    says: 'cost line "EKH-99" is not in the model',
  },
  {
    name: "exit cost for a partner not leaving",
    sample: EKH,
    edits: { "Exits!M2": "CCC" },
    at: "Exits!M2",
    says: '"CCC" is not one of "TDC"',
  },
  {
    name: "disputed amount above the charge",
    sample: EKH,
    edits: { "Disputes!F3": 30_000 },
    at: "Disputes!F3",
    says: "a dispute can hold no more than the charge it disputes",
  },
  {
    name: "dispute status not one of the four",
    sample: EKH,
    edits: { "Disputes!H3": "pending" },
    at: "Disputes!H3",
    says: '"pending" is not one of "open", "agreed", "withdrawn", "recovered"',
  },
  {
    name: "recovery over years nobody paid for",
    sample: EKH,
    edits: { "Disputes!D2": "2019/20", "Disputes!E2": "2019/20" },
    at: "Disputes!F2",
    says: "nobody paid anything",
  },
  {
    name: "oneSource: amount over the cap",
    sample: ONE,
    edits: { "Costs!F2": 2_000_000_000_000 },
    at: "Costs!F2",
    says: "larger than the £1,000,000,000,000.00",
  },

  // Capital financing (oneSource: OS-C01 borrowed over 4 years, OS-C05 by annuity; the option "Cloud first: infrastructure").
  {
    name: "financing not a kind",
    sample: ONE,
    edits: { "Costs!O2": "mortgage" },
    at: "Costs!O2",
    says: '"mortgage" is not one of "borrowing"',
  },
  { name: "asset life of 0 years", sample: ONE, edits: { "Costs!P2": 0 }, at: "Costs!P2", says: "whole number of years from 1 to 60" },
  { name: "asset life of 4.5 years", sample: ONE, edits: { "Costs!P2": 4.5 }, at: "Costs!P2", says: "whole number of years from 1 to 60" },
  { name: "asset life in words", sample: ONE, edits: { "Costs!P2": "four" }, at: "Costs!P2", says: '"four" is not a number' },
  {
    name: "borrowing with no asset life",
    sample: ONE,
    edits: { "Costs!P2": "" },
    at: "Costs!P2",
    says: "financed by borrowing needs its Asset life",
  },
  {
    name: "asset in use before the capital is spent",
    sample: ONE,
    edits: { "Costs!Q6": serial(2009, 7, 6) },
    at: "Costs!Q6",
    says: "before the capital is spent on 2018-03-31",
  },
  {
    name: "MRP method not a kind",
    sample: ONE,
    edits: { "Costs!R2": "straight line" },
    at: "Costs!R2",
    says: '"straight line" is not one of "equal instalments", "annuity"',
  },
  { name: "interest rate negative", sample: ONE, edits: { "Costs!S2": -1 }, at: "Costs!S2", says: "-1 is negative" },
  { name: "interest rate of 150%", sample: ONE, edits: { "Costs!S2": 150 }, at: "Costs!S2", says: "a percentage from 0 to 100" },
  {
    name: "a revenue line financed by borrowing",
    sample: ONE,
    edits: { "Costs!O7": "borrowing", "Costs!P7": 4, "Costs!R7": "annuity", "Costs!S7": 4 },
    at: "Costs!O7",
    says: "only a capital line is financed",
  },
  {
    name: "a cloud option against a line not in the model",
    sample: ONE,
    edits: { "Costs!V2": "OS-C99" },
    at: "Costs!V2",
    says: 'cost line "OS-C99" is not in the model',
  },
  {
    name: "a cloud option against a revenue line",
    sample: ONE,
    edits: { "Costs!V2": "OS-R01" },
    at: "Costs!V2",
    says: "is not a capital line with financing",
  },
  { name: "a cloud subscription negative", sample: ONE, edits: { "Costs!W2": -5 }, at: "Costs!W2", says: "-5.00 is negative" },
  { name: "a cloud option's years in words", sample: ONE, edits: { "Costs!Z2": "ten" }, at: "Costs!Z2", says: '"ten" is not a number' },
];

const FORMULAS: readonly FormulaEntry[] = [
  { name: "FINYEAR of year 1", call: () => formulas.finYear("0001-06-01"), code: "#VALUE!", says: "outside the dates Excel can hold" },
  { name: "FINYEAR of 1899", call: () => formulas.finYear("1899-12-31"), code: "#VALUE!", says: "outside the dates Excel can hold" },
  {
    name: "FINYEAR of a serial past 9999",
    call: () => formulas.finYear(3_000_000),
    code: "#VALUE!",
    says: "outside the dates Excel can hold",
  },
  { name: "FINYEAR of serial 60", call: () => formulas.finYear(60), code: "#VALUE!", says: "29 February 1900" },
  { name: "FINYEAR of text", call: () => formulas.finYear("next week"), code: "#VALUE!", says: "is not a date" },
  {
    name: "YEARPART starting in year 1",
    call: () => formulas.yearPart(82_000, "2020/21", "0001-01-01"),
    code: "#VALUE!",
    says: "Argument start: 0001-01-01 is outside the dates",
  },
  {
    name: "YEARPART ending before 1900",
    call: () => formulas.yearPart(82_000, "2020/21", "2021-01-01", "1850-01-01"),
    code: "#VALUE!",
    says: "Argument end: 1850-01-01 is outside the dates",
  },
  { name: "YEARPART ending before it starts", call: () => formulas.yearPart(82_000, "2020/21", "2021-01-01", "2020-06-01"), code: "#NUM!" },
  {
    name: "PROFILE past the cap (£999,999,999,999.99 at 100% over 40 years)",
    call: () => formulas.profile(BIG, "2020/21", "2059/60", "2020-04-01", undefined, 1),
    code: "#NUM!",
  },
  {
    name: "PROFILE of 101 years",
    call: () => formulas.profile(1000, "2020/21", "2120/21", "2020-04-01"),
    code: "#VALUE!",
    says: "at most 100 years",
  },
  { name: "PROFILE first year after last", call: () => formulas.profile(1000, "2022/23", "2020/21", "2020-04-01"), code: "#NUM!" },
  {
    name: "PROFILE starting before 1900",
    call: () => formulas.profile(1000, "2020/21", "2022/23", "1066-10-14"),
    code: "#VALUE!",
    says: "outside the dates Excel can hold",
  },
  {
    name: "PROFILE base year not a year",
    call: () => formulas.profile(1000, "2020/21", "2022/23", "2020-04-01", undefined, 0.03, "2020"),
    code: "#VALUE!",
    says: "is not a financial year",
  },
  { name: "APPORTION of text", call: () => formulas.apportion("lots", [[1], [2]]), code: "#VALUE!", says: '"lots" is not a number' },
  { name: "APPORTION over the cap", call: () => formulas.apportion(2e12, [[1], [2]]), code: "#NUM!" },
  {
    name: "APPORTION with a driver of ten million digits",
    call: () => formulas.apportion(100, [[1], ["1e9999999"]]),
    code: "#VALUE!",
    says: "position 2",
  },
  {
    name: "APPORTION.MIX with a weight of ten million decimal places",
    call: () =>
      formulas.apportionMix(
        100,
        [
          [1, 2],
          [3, 4],
        ],
        [["1e-9999999", 100]],
      ),
    code: "#VALUE!",
    says: "at least 1E-324",
  },
  {
    name: "PROFILE with indexation of ten million decimal places",
    call: () => formulas.profile(1000, "2020/21", "2022/23", "2020-04-01", undefined, "1e-9999999"),
    code: "#VALUE!",
    says: "at least 1E-12",
  },
  { name: "APPORTION with every driver zero", call: () => formulas.apportion(100, [[0], [0]]), code: "#DIV/0!" },
  { name: "APPORTION with a negative driver", call: () => formulas.apportion(100, [[1], [-2]]), code: "#VALUE!", says: "position 2" },
  {
    name: "APPORTION with a word for a unit",
    call: () => formulas.apportion(100, [[1], [2]], "pounds2"),
    code: "#VALUE!",
    says: "is not a rounding unit",
  },
  { name: "APPORTION.PCT not totalling 100%", call: () => formulas.apportionPct(100, [[40], [59]]), code: "#VALUE!", says: "total 99%" },
  {
    name: "APPORTION.MIX weights not totalling 100%",
    call: () =>
      formulas.apportionMix(
        100,
        [
          [1, 2],
          [3, 4],
        ],
        [[50, 40]],
      ),
    code: "#VALUE!",
    says: "total 90%",
  },
  {
    name: "APPORTION.MIX with a column all zero",
    call: () =>
      formulas.apportionMix(
        100,
        [
          [1, 0],
          [3, 0],
        ],
        [[50, 50]],
      ),
    code: "#DIV/0!",
  },
  { name: "SHARE at position 0", call: () => formulas.share(100, [[1], [2]], 0), code: "#VALUE!", says: "a whole number from 1 to 2" },
  {
    name: "VARIANCE of different shapes",
    call: () => formulas.variance([[1], [2]], [[1]]),
    code: "#VALUE!",
    says: "expected 2 budget cells",
  },
];

describe("bad-input catalogue: workbook edits, through the command line's run path", () => {
  it("has at least 80 entries", () => {
    expect(WORKBOOK.length + FORMULAS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(WORKBOOK.map((e) => [e.name, e] as const))("%s", async (_name, e) => {
    const { reported, done } = await report(e.sample ?? BLS, e.edits, e.scenario);
    const severity = e.severity ?? "error";
    if (severity === "warning") expect(done, `the run should go ahead with a warning:\n${shown(reported)}`).toBeDefined();
    else expect(done, "the run should be refused").toBeUndefined();
    const hit = reported.find((r) => r.severity === severity && r.address === e.at && r.message.includes(e.says));
    expect(
      hit,
      `expected a ${severity} at ${e.at ?? "(no cell)"} saying ${JSON.stringify(e.says)}; got:\n${shown(reported)}`,
    ).toBeDefined();
    // Nothing vague: no message shows a value as "NaN".
    for (const r of reported) expect(r.message).not.toContain('"NaN"');
  });
});

describe("bad-input catalogue: worksheet functions", () => {
  it.each(FORMULAS.map((e) => [e.name, e] as const))("%s", (_name, e) => {
    const out = e.call();
    const cell = Array.isArray(out) && out.length === 1 && Array.isArray(out[0]) && out[0].length === 1 ? (out[0] as unknown[])[0] : out;
    expect(isExcelError(cell), `expected ${e.code}, got ${JSON.stringify(out)}`).toBe(true);
    const err = excelError(cell);
    expect(err.code).toBe(e.code);
    if (e.says !== undefined) expect(err.message).toContain(e.says);
  });
});
