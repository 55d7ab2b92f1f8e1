import "./custom-functions-stub";
import { describe, expect, it } from "vitest";
import type { EngineError, EngineErrorKind, Where } from "../../src/engine";
import { EXCEL_ERROR_FOR, excelErrorName, toExcelError, unexpectedError } from "../../src/functions/excel-errors";
import * as formulas from "../../src/functions/functions";
import { readCell, readTable, readVector, spillLike } from "../../src/functions/cells";
import { associations, excelError } from "./custom-functions-stub";

const at: Where = { entity: "argument", field: "drivers", index: 2 };

/** One example of every engine error kind, with the Excel error it must become. */
const EXAMPLES: Record<EngineErrorKind, [EngineError, string]> = {
  notANumber: [{ kind: "notANumber", value: "x", at }, "#VALUE!"],
  negativeValue: [{ kind: "negativeValue", value: "-1", at }, "#VALUE!"],
  percentagesNotHundred: [{ kind: "percentagesNotHundred", basis: "percentages", total: "99", at }, "#VALUE!"],
  weightsNotHundred: [{ kind: "weightsNotHundred", basis: "weights", total: "90", at }, "#VALUE!"],
  amountPrecision: [{ kind: "amountPrecision", amount: "1.005", unit: "0.01", at }, "#VALUE!"],
  invalidDate: [{ kind: "invalidDate", text: "60", at }, "#VALUE!"],
  unknownYear: [{ kind: "unknownYear", text: "2020", at }, "#VALUE!"],
  invalidChoice: [{ kind: "invalidChoice", value: "weeks", allowed: ["days", "months"], at }, "#VALUE!"],
  shapeMismatch: [{ kind: "shapeMismatch", expected: "a row", actual: "a block", at }, "#VALUE!"],
  outOfRange: [{ kind: "outOfRange", value: "9", expected: "1 to 3", at }, "#VALUE!"],
  noPartners: [{ kind: "noPartners", at }, "#VALUE!"],
  duplicatePartner: [{ kind: "duplicatePartner", partner: "LBH", at }, "#VALUE!"],
  duplicateId: [{ kind: "duplicateId", id: "EKH-01", at }, "#VALUE!"],
  duplicateServiceLine: [{ kind: "duplicateServiceLine", partner: "LEW", service: "Housing", year: "", first: 1, at }, "#VALUE!"],
  mixedMeasures: [{ kind: "mixedMeasures", partner: "LEW", year: "2022/23", measures: ["users", "FTE"], at }, "#VALUE!"],
  missingValue: [{ kind: "missingValue", at }, "#N/A"],
  unknownPartner: [{ kind: "unknownPartner", partner: "LBX", at }, "#N/A"],
  unknownBasis: [{ kind: "unknownBasis", basis: "tickets", at }, "#N/A"],
  unknownDriver: [{ kind: "unknownDriver", driver: "users", at }, "#N/A"],
  supportUnreached: [{ kind: "supportUnreached", service: "ICT", partners: ["A"], at }, "#DIV/0!"],
  unknownSupportService: [{ kind: "unknownSupportService", service: "ICT", known: [], at }, "#N/A"],
  unknownCostLine: [{ kind: "unknownCostLine", line: "EKH-09", at }, "#N/A"],
  lineNotCharged: [{ kind: "lineNotCharged", line: "EKH-09", at }, "#VALUE!"],
  unknownScenario: [{ kind: "unknownScenario", scenario: "Joins", known: [], at }, "#N/A"],
  capitalFieldOnRevenue: [{ kind: "capitalFieldOnRevenue", field: "Asset life", at }, "#VALUE!"],
  capitalFinancingOngoing: [{ kind: "capitalFinancingOngoing", at }, "#VALUE!"],
  capitalNeeds: [{ kind: "capitalNeeds", what: "Asset life", financing: "borrowing", at }, "#N/A"],
  notBorrowing: [{ kind: "notBorrowing", field: "Interest rate", financing: "grant", at }, "#VALUE!"],
  inUseBeforeSpend: [{ kind: "inUseBeforeSpend", inUse: "2020-01-01", start: "2021-01-01", at }, "#NUM!"],
  optionLineNotBorrowing: [{ kind: "optionLineNotBorrowing", line: "NET", what: "is financed by grant", at }, "#VALUE!"],
  disputeExceedsCharge: [{ kind: "disputeExceedsCharge", amount: "10.00", charged: "5.00", at }, "#VALUE!"],
  nothingPaid: [{ kind: "nothingPaid", what: "line EKH-01 in 2020/21", at }, "#DIV/0!"],
  allDriversZero: [{ kind: "allDriversZero", basis: "drivers", at }, "#DIV/0!"],
  divideByZero: [{ kind: "divideByZero", at }, "#DIV/0!"],
  noMembers: [{ kind: "noMembers", basis: "equal", when: "in 2020/21", at }, "#DIV/0!"],
  directPartMember: [{ kind: "directPartMember", partner: "SOU", year: "2021/22", at }, "#NUM!"],
  amountTooLarge: [{ kind: "amountTooLarge", amount: "1e13", at }, "#NUM!"],
  endBeforeStart: [{ kind: "endBeforeStart", start: "2021-01-01", end: "2020-01-01", at }, "#NUM!"],
  yearRange: [{ kind: "yearRange", from: "2023/24", to: "2020/21", at }, "#NUM!"],
  invalidUnit: [{ kind: "invalidUnit", text: "0", at }, "#NUM!"],
  dateOutOfRange: [{ kind: "dateOutOfRange", text: "0001-06-01", at }, "#VALUE!"],
  tooManyYears: [{ kind: "tooManyYears", from: "2020/21", to: "3019/20", years: 1000, at }, "#NUM!"],
  yearAmountTooLarge: [{ kind: "yearAmountTooLarge", amount: "1000000000000.01", year: "2060/61", at }, "#NUM!"],
  modelTotalTooLarge: [{ kind: "modelTotalTooLarge", at }, "#NUM!"],
  withinItself: [{ kind: "withinItself", partner: "LBH", at }, "#VALUE!"],
  withinWithin: [{ kind: "withinWithin", partner: "LBH", parent: "LEW", at }, "#VALUE!"],
  noSupportServices: [{ kind: "noSupportServices", service: "ICT", at }, "#N/A"],
  outturnYearOutside: [{ kind: "outturnYearOutside", year: "2030/31", first: "2020/21", last: "2022/23", at }, "#VALUE!"],
  nothingCharged: [{ kind: "nothingCharged", year: "2020/21", what: "2020/21 revenue", reason: "noLines", at }, "#DIV/0!"],
  timeOfDay: [{ kind: "timeOfDay", value: "45301.5", time: "12:00", at }, "#VALUE!"],
  appliesAndExcludes: [{ kind: "appliesAndExcludes", partners: ["BRE"], at }, "#VALUE!"],
  removeHost: [{ kind: "removeHost", partner: "BRE", at }, "#VALUE!"],
  sameComparison: [{ kind: "sameComparison", scenario: "Joins", at }, "#VALUE!"],
  excludedPartner: [{ kind: "excludedPartner", partner: "LBH", at }, "#VALUE!"],
  caseClash: [{ kind: "caseClash", id: "bre", other: "BRE", at }, "#VALUE!"],
  codingMissing: [{ kind: "codingMissing", partner: "LEW", line: "C1", service: "", yearLabel: "2025/26", amount: "£1.00", at }, "#N/A"],
  codingAmbiguous: [{ kind: "codingAmbiguous", partner: "LEW", line: "C1", rows: [1, 2], at }, "#VALUE!"],
  ledgerCodeMissing: [{ kind: "ledgerCodeMissing", partner: "LEW", code: "a creditor account", needed: "for its journal", at }, "#N/A"],
  journalsNeedHost: [{ kind: "journalsNeedHost", at }, "#N/A"],
  journalsByServiceNoList: [
    { kind: "journalsByServiceNoList", partner: "LEW", yearLabel: "2025/26", category: "revenue", amount: "£1.00", at },
    "#N/A",
  ],
  layoutIncomplete: [{ kind: "layoutIncomplete", layout: "mine", missing: "has no amount column", at }, "#VALUE!"],
  journalUnbalanced: [
    { kind: "journalUnbalanced", ledger: "LEW", journal: "expenditure", debits: "£1.00", credits: "£0.99", at },
    "#VALUE!",
  ],
  badIdCharacter: [{ kind: "badIdCharacter", id: "A,B", character: ",", at }, "#VALUE!"],
};

describe("engine error → Excel error (src/functions/excel-errors.ts)", () => {
  it("maps every engine error kind", () => {
    expect(Object.keys(EXCEL_ERROR_FOR).sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [kind, [error, code]] of Object.entries(EXAMPLES)) {
      expect(excelErrorName(error), kind).toBe(code);
      const cell = excelError(toExcelError([error]));
      expect(cell.code, kind).toBe(code);
      if (code === "#VALUE!" || code === "#N/A") expect(cell.message, kind).toContain("drivers, position 2");
      else expect(cell.message, kind).toBeUndefined();
    }
  });

  it("gives #NUM! for a non-positive or sub-penny unit but #VALUE! (with a message) for a word that is not a unit", () => {
    expect(excelErrorName({ kind: "invalidUnit", text: "-1", at })).toBe("#NUM!");
    expect(excelErrorName({ kind: "invalidUnit", text: "0.001", at })).toBe("#NUM!");
    expect(excelErrorName({ kind: "invalidUnit", text: "dollars", at })).toBe("#VALUE!");
  });

  it("reports the error in the earliest argument first and counts the others", () => {
    const errors: EngineError[] = [
      { kind: "invalidUnit", text: "x", at: { entity: "argument", field: "unit" } },
      { kind: "notANumber", value: "y", at: { entity: "argument", field: "drivers column 2", index: 3 } },
      { kind: "missingValue", at: { entity: "argument", field: "amount" } },
    ];
    const e = excelError(toExcelError(errors, ["amount", "drivers", "unit"]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe("Argument amount: a value is required. (2 more problems.)");
    const second = excelError(toExcelError(errors.slice(0, 2), ["amount", "drivers", "unit"]));
    expect(second.message).toBe('Argument drivers column 2, position 3: "y" is not a number. (1 more problem.)');
  });

  it("turns anything thrown into #VALUE! with a message", () => {
    const e = excelError(unexpectedError(new RangeError("boom")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("boom");
  });
});

describe("reading cells (src/functions/cells.ts)", () => {
  it("reads numbers at Excel's 15 significant digits and leaves everything else alone", () => {
    expect(readCell(0.1 + 0.2)).toBe(0.3);
    expect(readCell(999_999_999_999.99)).toBe(999_999_999_999.99);
    expect(readCell(1_000_000_000_000)).toBe(1_000_000_000_000);
    expect(readCell("0.30000000000000004")).toBe("0.30000000000000004");
    expect(readCell(null)).toBeNull();
    expect(readCell(Infinity)).toBe(Infinity);
  });

  it("reads a row, a column or a single cell, and rejects a block", () => {
    expect(readVector([[1, 2, 3]], "d")).toEqual({ ok: true, value: { values: [1, 2, 3], orientation: "row" } });
    expect(readVector([[1], [2]], "d")).toEqual({ ok: true, value: { values: [1, 2], orientation: "column" } });
    expect(readVector(5, "d")).toEqual({ ok: true, value: { values: [5], orientation: "column" } });
    const block = readVector(
      [
        [1, 2],
        [3, 4],
      ],
      "d",
    );
    expect(block.ok).toBe(false);
    expect(readVector([], "d").ok).toBe(false);
    expect(readTable([[1, 2], [3]], "d").ok).toBe(false);
  });

  it("spills in the shape it read", () => {
    expect(spillLike([1, 2], "row")).toEqual([[1, 2]]);
    expect(spillLike([1, 2], "column")).toEqual([[1], [2]]);
  });
});

describe("registration", () => {
  it("associates every SHARED function id with its exported function", () => {
    expect(Object.fromEntries(associations)).toEqual({
      APPORTION: formulas.apportion,
      SHARE: formulas.share,
      "APPORTION.PCT": formulas.apportionPct,
      "APPORTION.MIX": formulas.apportionMix,
      FINYEAR: formulas.finYear,
      YEARPART: formulas.yearPart,
      PROFILE: formulas.profile,
      VARIANCE: formulas.variance,
    });
  });

  it("exports only the formulas (every export is registered)", () => {
    const exported = Object.values(formulas).filter((v) => typeof v === "function");
    expect(new Set(associations.values())).toEqual(new Set(exported));
  });
});
