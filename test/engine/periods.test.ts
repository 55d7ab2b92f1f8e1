import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayNumber,
  fromExcelSerial,
  fyDays,
  fyLabel,
  fyOfDay,
  isoDate,
  longDate,
  parseDate,
  parseFinancialYear,
  toExcelSerial,
  yearFraction,
  type Fraction,
} from "../../src/engine";

const at = { entity: "argument", field: "date" } as const;
const f = (x: Fraction): string => `${x.n}/${x.d}`;

describe("financial years", () => {
  it("labels and parses 2020/21", () => {
    expect(fyLabel(2020)).toBe("2020/21");
    expect(fyLabel(1999)).toBe("1999/00");
    expect(parseFinancialYear("2020/21", at)).toEqual({ ok: true, value: 2020 });
    expect(parseFinancialYear("2020-21", at)).toEqual({ ok: true, value: 2020 });
    expect(parseFinancialYear("2020/2021", at)).toEqual({ ok: true, value: 2020 });
  });

  it("rejects year text that is not a financial year", () => {
    for (const bad of ["2020/22", "2020", "20/21", "next year", ""]) {
      const r = parseFinancialYear(bad, at);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.kind).toBe("unknownYear");
    }
  });

  it("puts 31 March in the previous year and 1 April in the new one", () => {
    expect(fyOfDay(dayNumber(2021, 3, 31))).toBe(2020);
    expect(fyOfDay(dayNumber(2021, 4, 1))).toBe(2021);
    expect(fyOfDay(dayNumber(2021, 1, 1))).toBe(2020);
  });

  it("knows 2023/24 and 2027/28 hold 29 February", () => {
    expect(fyDays(2023)).toBe(366);
    expect(fyDays(2027)).toBe(366);
    expect(fyDays(2020)).toBe(365);
    expect(fyDays(2019)).toBe(366); // 29 Feb 2020
  });
});

describe("dates", () => {
  it("reads Excel serials in the 1900 system, around the fictitious 29 Feb 1900", () => {
    expect(fromExcelSerial(44197, at)).toEqual({ ok: true, value: dayNumber(2021, 1, 1) });
    expect(fromExcelSerial(1, at)).toEqual({ ok: true, value: dayNumber(1900, 1, 1) });
    expect(fromExcelSerial(59, at)).toEqual({ ok: true, value: dayNumber(1900, 2, 28) });
    expect(fromExcelSerial(61, at)).toEqual({ ok: true, value: dayNumber(1900, 3, 1) });
    expect(fromExcelSerial(60, at).ok).toBe(false);
    expect(fromExcelSerial(0, at).ok).toBe(false);
    expect(fromExcelSerial(44197.75, at)).toEqual({ ok: true, value: dayNumber(2021, 1, 1) });
  });

  it("round-trips serials", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_958_465 }).filter((s) => s !== 60),
        (s) => {
          const d = fromExcelSerial(s, at);
          return d.ok && toExcelSerial(d.value) === s;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads ISO text and rejects impossible dates", () => {
    expect(parseDate("2021-01-01", at)).toEqual({ ok: true, value: dayNumber(2021, 1, 1) });
    expect(parseDate("2024-02-29", at).ok).toBe(true);
    expect(parseDate("2023-02-29", at).ok).toBe(false);
    expect(parseDate("01/01/2021", at).ok).toBe(false);
    expect(isoDate(dayNumber(2020, 4, 1))).toBe("2020-04-01");
    expect(longDate(dayNumber(2020, 4, 1))).toBe("1 April 2020");
  });
});

describe("pro-rata", () => {
  const jan2021 = dayNumber(2021, 1, 1);
  it("a charge from 1 January 2021 is 90/365 days or 3/12 months of 2020/21", () => {
    expect(f(yearFraction(2020, jan2021, undefined, "days"))).toBe("18/73"); // 90/365
    expect(f(yearFraction(2020, jan2021, undefined, "months"))).toBe("1/4");
    expect(f(yearFraction(2021, jan2021, undefined, "days"))).toBe("1/1");
  });

  it("counts a part month by its days in the months convention", () => {
    // 16–30 April 2020 is 15 of April's 30 days: half a month, 1/24 of the year.
    expect(f(yearFraction(2020, dayNumber(2020, 4, 16), dayNumber(2020, 4, 30), "months"))).toBe("1/24");
  });

  it("uses 366 days in a leap financial year", () => {
    expect(f(yearFraction(2023, dayNumber(2024, 1, 1), undefined, "days"))).toBe("91/366");
  });

  it("covers nothing outside the charge and everything inside it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (fy, a, len) => {
          const start = dayNumber(2000, 4, 1) + a;
          const end = start + len;
          for (const basis of ["days", "months"] as const) {
            const x = yearFraction(fy, start, end, basis);
            if (x.n < 0n || x.n > x.d) return false;
          }
          return true;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
