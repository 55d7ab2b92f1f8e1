import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { a1, cellAddress, columnIndex, columnLetters, parseAddress, quoteSheet, rangeAddress } from "../../src/excel/layout/address";

describe("A1 addresses", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(columnIndex("XFD")).toBe(16383);
    expect(columnIndex("1A")).toBe(-1);
  });

  it("round-trips every column", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
  });

  it("writes cost line cells like Costs!F12 and quotes sheet names with spaces", () => {
    expect(cellAddress({ sheet: "Costs", row: 11, col: 5 })).toBe("Costs!F12");
    expect(cellAddress({ sheet: "Budget check", row: 0, col: 0 })).toBe("'Budget check'!A1");
    expect(quoteSheet("O'Brien's")).toBe("'O''Brien''s'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(rangeAddress({ sheet: "Lists", row: 1, col: 0, rows: 3, cols: 1 })).toBe("Lists!A2:A4");
  });

  it("parses what it writes", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[!]/.test(s)),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        (sheet, row, col, rows, cols) => {
          const r = parseAddress(rangeAddress({ sheet, row, col, rows, cols }));
          expect(r).toEqual({ sheet, row, col, rows, cols });
        },
      ),
    );
    expect(parseAddress("$B$2", "Costs")).toEqual({ sheet: "Costs", row: 1, col: 1, rows: 1, cols: 1 });
    expect(parseAddress("nonsense")).toBeUndefined();
    expect(a1(0, 0)).toBe("A1");
  });
});
