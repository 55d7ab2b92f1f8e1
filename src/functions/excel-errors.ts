import { errorMessage, parseDecimal, type EngineError, type EngineErrorKind } from "../engine";

/**
 * The one place engine errors become Excel errors. Only #VALUE! and #N/A can
 * carry a message in Excel (shown when the user clicks the cell's error
 * flag), so those are used wherever naming the argument and position helps;
 * #DIV/0! and #NUM! are used where Excel's own functions would use them.
 */

/** The Excel errors the formulas return. */
export type ExcelErrorName = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

/** A fixed Excel error, or a rule choosing one from the error's details. */
type Rule = ExcelErrorName | ((e: EngineError) => ExcelErrorName);

/**
 * Every engine error kind and its Excel error. A `Record` over the kinds, so
 * a new kind added to the engine does not compile until it is mapped here.
 */
export const EXCEL_ERROR_FOR: Readonly<Record<EngineErrorKind, Rule>> = {
  // Wrong kind of value, or a value Excel users would fix by reading the message.
  notANumber: "#VALUE!",
  negativeValue: "#VALUE!",
  percentagesNotHundred: "#VALUE!",
  weightsNotHundred: "#VALUE!",
  amountPrecision: "#VALUE!",
  invalidDate: "#VALUE!",
  unknownYear: "#VALUE!",
  invalidChoice: "#VALUE!",
  shapeMismatch: "#VALUE!",
  outOfRange: "#VALUE!",
  noPartners: "#VALUE!",
  duplicatePartner: "#VALUE!",
  duplicateId: "#VALUE!",
  // Something needed is not there: Excel's "not available".
  missingValue: "#N/A",
  unknownPartner: "#N/A",
  unknownBasis: "#N/A",
  unknownDriver: "#N/A",
  unknownSupportService: "#N/A",
  supportUnreached: "#DIV/0!",
  unknownCostLine: "#N/A",
  lineNotCharged: "#VALUE!",
  unknownScenario: "#N/A",
  // Nothing to divide by: every driver zero, or a zero budget under a percentage.
  allDriversZero: "#DIV/0!",
  divideByZero: "#DIV/0!",
  noMembers: "#DIV/0!",
  directPartMember: "#NUM!",
  // A number outside what the calculation allows, as Excel's own functions report it.
  amountTooLarge: "#NUM!",
  yearAmountTooLarge: "#NUM!",
  modelTotalTooLarge: "#NUM!",
  // A date outside Excel's range gets a message saying so (#NUM! could not carry one).
  dateOutOfRange: "#VALUE!",
  tooManyYears: "#NUM!",
  // Model-only checks (the formulas never raise them); mapped so every kind has an Excel error.
  withinItself: "#VALUE!",
  withinWithin: "#VALUE!",
  excludedPartner: "#VALUE!",
  caseClash: "#VALUE!",
  // Journals and invoices (the model's ledger inputs; no formula raises them).
  codingMissing: "#N/A",
  codingAmbiguous: "#VALUE!",
  ledgerCodeMissing: "#N/A",
  journalsNeedHost: "#N/A",
  journalsByServiceNoList: "#N/A",
  layoutIncomplete: "#VALUE!",
  journalUnbalanced: "#VALUE!",
  badIdCharacter: "#VALUE!",
  endBeforeStart: "#NUM!",
  yearRange: "#NUM!",
  noSupportServices: "#N/A",
  outturnYearOutside: "#VALUE!",
  nothingCharged: "#DIV/0!",
  timeOfDay: "#VALUE!",
  appliesAndExcludes: "#VALUE!",
  removeHost: "#VALUE!",
  sameComparison: "#VALUE!",
  duplicateServiceLine: "#VALUE!",
  mixedMeasures: "#VALUE!",
  // Capital financing (model-only checks).
  capitalFieldOnRevenue: "#VALUE!",
  capitalFinancingOngoing: "#VALUE!",
  capitalNeeds: "#N/A",
  notBorrowing: "#VALUE!",
  inUseBeforeSpend: "#NUM!",
  optionLineNotBorrowing: "#VALUE!",
  // Leaving and disputes (model-only checks).
  disputeExceedsCharge: "#VALUE!",
  nothingPaid: "#DIV/0!",
  // A zero or negative unit (or a fraction of a penny) is a bad number: #NUM!.
  // A word that is not a unit (e.g. "pounds2") is text where a number belongs: #VALUE!.
  invalidUnit: (e) => (e.kind === "invalidUnit" && parseDecimal(e.text) !== undefined ? "#NUM!" : "#VALUE!"),
};

/** The Excel error for one engine error. */
export function excelErrorName(e: EngineError): ExcelErrorName {
  const rule = EXCEL_ERROR_FOR[e.kind];
  return typeof rule === "function" ? rule(e) : rule;
}

/** True for the Excel errors that show a message. */
export function carriesMessage(name: ExcelErrorName): boolean {
  return name === "#VALUE!" || name === "#N/A";
}

function codeOf(name: ExcelErrorName): CustomFunctions.ErrorCode {
  switch (name) {
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    case "#DIV/0!":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
  }
}

/** Position of an error's argument in the formula's argument list (unknown arguments last). */
function argumentRank(e: EngineError, order: readonly string[]): number {
  const field = e.at.field ?? "";
  const i = order.findIndex((name) => field === name || field.startsWith(`${name} `));
  return i < 0 ? order.length : i;
}

/** Capitalises the first letter of a message. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Turns the engine's errors into the one Excel error a cell can show. The
 * error for the earliest argument (in `order`, the formula's argument order)
 * wins; its message says how many other problems there are.
 */
export function toExcelError(errors: readonly EngineError[], order: readonly string[] = []): CustomFunctions.Error {
  const sorted = errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => argumentRank(a.e, order) - argumentRank(b.e, order) || a.i - b.i)
    .map((x) => x.e);
  const first = sorted[0];
  if (first === undefined) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Unexpected problem: no details.");
  const name = excelErrorName(first);
  if (!carriesMessage(name)) return new CustomFunctions.Error(codeOf(name));
  const more = sorted.length - 1;
  const suffix = more > 0 ? ` (${more} more problem${more === 1 ? "" : "s"}.)` : "";
  return new CustomFunctions.Error(codeOf(name), sentence(errorMessage(first)) + suffix);
}

/**
 * The last line of defence: anything thrown inside a formula becomes #VALUE!
 * with a message, never an exception escaping into Excel.
 */
export function unexpectedError(thrown: unknown): CustomFunctions.Error {
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected problem: ${detail}`);
}
