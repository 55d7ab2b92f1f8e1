import "./custom-functions-stub";
import { describe, expect, it } from "vitest";
import { apportion, finYear, share, yearPart } from "../../src/functions/functions";
import { dataType, excelError } from "./custom-functions-stub";
import { col } from "./helpers";

// On a host with CustomFunctionsRuntime 1.4, data-type cells arrive as objects: the
// functions read their basicValue, so they give what the plain values give.
describe("data types in arguments (CustomFunctionsRuntime 1.4)", () => {
  it("reads a formatted-number amount and Double drivers as their numbers", () => {
    const drivers = [[dataType.double(1)], [dataType.double(1)], [dataType.double(1)]];
    expect(apportion(dataType.formattedNumber(100, "£#,##0.00"), drivers)).toEqual(apportion(100, col(1, 1, 1)));
    expect(apportion(dataType.formattedNumber(100, "£#,##0.00"), drivers)).toEqual([[33.34], [33.33], [33.33]]);
    expect(share(dataType.formattedNumber(82_000, "£#,##0"), [[1, 1, 1, 1]], dataType.double(2))).toBe(20_500);
  });

  it("reads a date held as a formatted number", () => {
    // 44197 is 1 January 2021.
    expect(finYear(dataType.formattedNumber(44197, "d mmm yyyy"))).toBe(finYear(44197));
    expect(yearPart(dataType.formattedNumber(36_500, "£#,##0"), "2020/21", dataType.formattedNumber(44197, "d mmm yyyy"))).toBe(
      yearPart(36_500, "2020/21", 44197),
    );
  });

  it("refuses a stock or an entity as an amount with a message naming the argument and what it holds", () => {
    const stock = excelError(apportion(dataType.linkedEntity("Microsoft Corp"), col(1, 1))[0]?.[0]);
    expect(stock.code).toBe("#VALUE!");
    expect(stock.message).toMatch(/amount/);
    expect(stock.message).toContain("Microsoft Corp");
    const entity = excelError(share(dataType.entity("Brent", { Population: 339_800 }), col(1, 1), 1));
    expect(entity.message).toMatch(/amount/);
    expect(entity.message).not.toContain("[object Object]");
  });
});
