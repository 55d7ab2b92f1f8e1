import "./custom-functions-stub";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromExcelSerial, isoDate } from "../../src/engine";
import { finYear, profile, yearPart } from "../../src/functions/functions";
import { expectError, pence } from "./helpers";

const JAN_2021 = 44197; // Excel serial of 1 January 2021

describe("Excel dates", () => {
  it("reads Excel serial 44197 as 2021-01-01", () => {
    const d = fromExcelSerial(JAN_2021, { entity: "argument", field: "date" });
    expect(d.ok && isoDate(d.value)).toBe("2021-01-01");
  });
});

describe("SHARED.FINYEAR", () => {
  it("gives the financial year of a serial date or ISO text", () => {
    expect(finYear(JAN_2021)).toBe("2020/21");
    expect(finYear("2021-03-31")).toBe("2020/21");
    expect(finYear("2021-04-01")).toBe("2021/22");
    expect(finYear(JAN_2021 + 0.75)).toBe("2020/21"); // a time of day is ignored
    expect(finYear("2099-12-31")).toBe("2099/00");
  });

  it("handles Excel's 1900 dates either side of its fictitious 29 February 1900", () => {
    expect(finYear(59)).toBe("1899/00"); // 28 February 1900
    expect(finYear(61)).toBe("1899/00"); // 1 March 1900
    expect(finYear(92)).toBe("1900/01"); // 1 April 1900
  });

  it("returns #VALUE! for serial 60 (29 February 1900 never existed) and for text that is not a date", () => {
    expectError(finYear(60), "#VALUE!", "date", "60");
    expectError(finYear("2021-02-30"), "#VALUE!", "date", "2021-02-30");
    expectError(finYear("1 Jan 2021"), "#VALUE!", "YYYY-MM-DD");
    expectError(finYear(0), "#VALUE!", "date");
  });

  it("rejects years before 1900 in every date argument instead of reading year 1 as 1901", () => {
    expectError(finYear("0001-06-01"), "#VALUE!", "Argument date: 0001-06-01 is outside the dates Excel can hold");
    expectError(finYear("0099-06-01"), "#VALUE!", "outside the dates Excel can hold");
    expectError(finYear("1899-12-31"), "#VALUE!", "outside the dates Excel can hold");
    expect(finYear("1900-01-01")).toBe("1899/00");
    expectError(finYear(2_958_466), "#VALUE!", "serial 2958466 is outside the dates Excel can hold");
    expectError(yearPart(82_000, "2020/21", "0001-01-01"), "#VALUE!", "Argument start: 0001-01-01");
    expectError(yearPart(82_000, "2020/21", "2021-01-01", "0050-01-01"), "#VALUE!", "Argument end: 0050-01-01");
    expectError(profile(82_000, "2020/21", "2022/23", "1492-10-12"), "#VALUE!", "Argument start: 1492-10-12");
  });

  it("returns #N/A for a blank date", () => {
    expectError(finYear(null), "#N/A", "date");
    expectError(finYear(""), "#N/A", "date");
  });
});

describe("SHARED.YEARPART", () => {
  it("takes 90/365 of 2020/21 by days and 3/12 by months for a charge from 1 January 2021", () => {
    expect(yearPart(365, "2020/21", JAN_2021)).toBe(90);
    expect(yearPart(365, "2020/21", JAN_2021, null, "days")).toBe(90);
    expect(yearPart(1200, "2020/21", JAN_2021, null, "months")).toBe(300);
    expect(yearPart(1200, "2020/21", "2021-01-01", undefined, "Months")).toBe(300);
  });

  it("rounds the exact part once, half away from zero, to the penny (or the unit)", () => {
    // 82,000 × 90/365 = 20,219.178…
    expect(yearPart(82_000, "2020/21", JAN_2021)).toBe(20_219.18);
    expect(yearPart(-82_000, "2020/21", JAN_2021)).toBe(-20_219.18);
    expect(yearPart(82_000, "2020/21", JAN_2021, null, null, 1000)).toBe(20_000);
    expect(yearPart(82_000, "2020/21", JAN_2021, null, "months")).toBe(20_500);
  });

  it("applies an end date (inclusive) and gives 0 for a year the charge does not touch", () => {
    expect(yearPart(1200, "2020/21", "2020-04-01", "2020-09-30", "months")).toBe(600);
    expect(yearPart(365, "2020/21", "2020-04-01", "2020-09-30")).toBe(183);
    expect(yearPart(82_000, "2021/22", JAN_2021)).toBe(82_000);
    expect(yearPart(82_000, "2019/20", JAN_2021)).toBe(0);
    expect(yearPart(82_000, "2022/23", "2020-04-01", "2021-03-31")).toBe(0);
  });

  it("uses 366 days in a year holding 29 February (2023/24)", () => {
    expect(yearPart(366, "2023/24", "2023-04-01")).toBe(366);
    expect(yearPart(366, "2023/24", "2024-02-29")).toBe(32);
  });

  it("returns #VALUE! for an unknown basis word, listing the choices", () => {
    expectError(yearPart(1200, "2020/21", JAN_2021, null, "weeks"), "#VALUE!", "basis", "weeks", '"days", "months"');
  });

  it("returns #VALUE! for a year not written like 2020/21", () => {
    expectError(yearPart(1200, "2020", JAN_2021), "#VALUE!", "year", "2020/21");
    expectError(yearPart(1200, "2020/22", JAN_2021), "#VALUE!", "year");
  });

  it("returns #NUM! for an end date before the start date", () => {
    expectError(yearPart(1200, "2020/21", "2021-01-01", "2020-12-31"), "#NUM!");
  });

  it("returns #VALUE! for a bad date, naming the argument", () => {
    expectError(yearPart(1200, "2020/21", 60), "#VALUE!", "start", "60");
    expectError(yearPart(1200, "2020/21", JAN_2021, "soon"), "#VALUE!", "end", "soon");
  });

  it("returns #N/A for a blank amount or start, #NUM! for a bad unit", () => {
    expectError(yearPart(null, "2020/21", JAN_2021), "#N/A", "amount");
    expectError(yearPart(1200, "2020/21", null), "#N/A", "start");
    expectError(yearPart(1200, "2020/21", JAN_2021, null, null, -1), "#NUM!");
  });
});

describe("SHARED.PROFILE", () => {
  it("spills one amount per year along a row, pro-rating the first part year", () => {
    expect(profile(82_000, "2020/21", "2023/24", JAN_2021)).toEqual([[20_219.18, 82_000, 82_000, 82_000]]);
  });

  it("shows 0 for years before the start or after the end", () => {
    expect(profile(82_000, "2019/20", "2022/23", JAN_2021, "2022-03-31")).toEqual([[0, 20_219.18, 82_000, 0]]);
  });

  it("compounds indexation each year after the base year (the start year by default)", () => {
    // 82,000 × 1.03 = 84,460; × 1.03² = 86,993.80; × 1.03³ = 89,603.614 → 89,603.61
    expect(profile(82_000, "2020/21", "2023/24", JAN_2021, null, 0.03)).toEqual([[20_219.18, 84_460, 86_993.8, 89_603.61]]);
  });

  it("prices the amount in a chosen base year", () => {
    expect(profile(82_000, "2020/21", "2023/24", JAN_2021, null, 0.03, "2021/22")).toEqual([[20_219.18, 82_000, 84_460, 86_993.8]]);
  });

  it("profiles by months and to £000s when asked", () => {
    expect(profile(82_000, "2020/21", "2021/22", JAN_2021, null, null, null, "months")).toEqual([[20_500, 82_000]]);
    expect(profile(82_000, "2020/21", "2021/22", JAN_2021, null, null, null, null, 1000)).toEqual([[20_000, 82_000]]);
  });

  it("returns #NUM! when the first year is after the last", () => {
    expectError(profile(82_000, "2023/24", "2020/21", JAN_2021), "#NUM!");
  });

  it("returns #VALUE! for an indexation rate typed as a whole number (3 is 300%)", () => {
    expectError(profile(82_000, "2020/21", "2023/24", JAN_2021, null, 3), "#VALUE!", "indexation", "3%");
    expectError(profile(82_000, "2020/21", "2023/24", JAN_2021, null, -1), "#VALUE!", "indexation");
    expectError(profile(82_000, "2020/21", "2023/24", JAN_2021, null, "3%"), "#VALUE!", "indexation", "3%");
  });

  it("returns #VALUE! for more than 100 years, and for a bad base year", () => {
    expectError(profile(1, "2000/01", "2100/01", "2000-04-01"), "#VALUE!", "last_year", "at most 100 years");
    expectError(profile(1, "2020/21", "2021/22", "2020-04-01", null, 0.03, "next year"), "#VALUE!", "base_year");
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { minLength: 9, maxLength: 9 }), (args) => {
        const [a, f, l, s, e, i, b, basis, u] = args;
        expect(() => profile(a, f, l, s, e, i, b, basis, u)).not.toThrow();
        expect(() => yearPart(a, f, s, e, basis, u)).not.toThrow();
        expect(() => finYear(a)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("property: with no indexation, whole years give the annual amount and every year is exact to the penny", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom("days", "months"),
        (p, offset, basis) => {
          const start = JAN_2021 - 275 + offset; // a day in 2020/21
          const out = profile(p / 100, "2020/21", "2022/23", start, null, null, null, basis);
          const [first, second, third] = (out[0] ?? []).map(pence);
          expect(second).toBe(p);
          expect(third).toBe(p);
          expect(Math.abs(first ?? NaN)).toBeLessThanOrEqual(Math.abs(p));
          expect(yearPart(p / 100, "2020/21", start, null, basis)).toBe((first ?? NaN) / 100);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("SHARED.PROFILE beyond the money cap", () => {
  it("is #NUM!, never a figure past £1 trillion (£999,999,999,999.99 at 100% over 40 years)", () => {
    const out = profile(999_999_999_999.99, "2020/21", "2059/60", "2020-04-01", undefined, 1);
    expectError(out, "#NUM!");
  });

  it("the last year at or below the cap is still given", () => {
    // £500bn doubling: 2020/21 £500bn, 2021/22 £1tn exactly (the cap), 2022/23 would be £2tn.
    expect(profile(500_000_000_000, "2020/21", "2021/22", "2020-04-01", undefined, 1)).toEqual([[500_000_000_000, 1_000_000_000_000]]);
    expectError(profile(500_000_000_000, "2020/21", "2022/23", "2020-04-01", undefined, 1), "#NUM!");
  });
});
