import { describe, expect, it } from "vitest";
import { checkTableCells, MAX_CELL_TEXT } from "../../src/excel/layout/cell-checks";
import { readModelTables, type RawTable } from "../../src/excel/layout/read-model";
import { workbookProblemMessage } from "../../src/excel/problems";

const COSTS_HEADER = ["Ref", "Description", "Service", "Category", "Nature", "Amount (£)", "Start", "End", "Basis"];

function costsAt(row: number, bodyRows: number): RawTable {
  const body = Array.from({ length: bodyRows }, (_, i) => [`L${i + 1}`, "", "", "revenue", "one-off", 100, 44287, "", "equal"]);
  return { name: "Costs", sheet: "Costs", row, col: 0, values: [COSTS_HEADER, ...body] };
}

describe("cells no column could accept", () => {
  it("rows past row 1,048,576 are refused with the table's last row, not read", () => {
    // Header on row 1,048,570 (zero-based 1,048,569): six body rows fit, four do not.
    const { values, problems } = checkTableCells(costsAt(1_048_569, 10), COSTS_HEADER);
    expect(values.length).toBe(7);
    expect(problems.map(workbookProblemMessage)).toEqual([
      'Costs!A1048576: table "Costs" runs 4 rows past row 1,048,576, the last row of a sheet; those rows were not read. Move the ' +
        "table up or split it.",
    ]);
  });

  it("a table ending on the last row is fine", () => {
    expect(checkTableCells(costsAt(1_048_569, 6), COSTS_HEADER).problems).toEqual([]);
  });

  it("text over 32,767 characters is refused at its cell, shown cut short, and read as blank", () => {
    const raw = costsAt(0, 2);
    const long = "d".repeat(MAX_CELL_TEXT + 1);
    const edited: RawTable = { ...raw, values: raw.values.map((r, i) => (i === 2 ? r.map((v, c) => (c === 1 ? long : v)) : r)) };
    const { values, problems } = checkTableCells(edited, COSTS_HEADER);
    expect(values[2]?.[1]).toBe("");
    expect(problems).toHaveLength(1);
    const message = workbookProblemMessage(problems[0]!);
    expect(message.startsWith('Costs!B3: "dddddddddddddddddddddddddddddddddddddddd…" in column "Description"')).toBe(true);
    expect(message).toContain("at most 32,767 characters, the most an Excel cell holds (this has 32,768)");
    expect(message.length).toBeLessThan(300);
  });

  it("exactly 32,767 characters is accepted", () => {
    const raw = costsAt(0, 1);
    const edited: RawTable = { ...raw, values: [raw.values[0]!, raw.values[1]!.map((v, c) => (c === 1 ? "d".repeat(MAX_CELL_TEXT) : v))] };
    expect(checkTableCells(edited, COSTS_HEADER).problems).toEqual([]);
  });

  it('NaN, infinity and Excel error values are located and never shown as "NaN"', () => {
    const raw = costsAt(0, 1);
    const row = raw.values[1]!.map((v, c) => (c === 5 ? Number.NaN : c === 6 ? Number.POSITIVE_INFINITY : c === 8 ? "#REF!" : v));
    const { problems } = checkTableCells({ ...raw, values: [raw.values[0]!, row] }, COSTS_HEADER);
    const messages = problems.map(workbookProblemMessage);
    expect(messages).toEqual([
      'Costs!F2: "(an invalid number)" in column "Amount (£)" of table "Costs" is not valid; expected a number or date Excel can ' +
        "hold (this cell holds an invalid number: a date out of range, or the result of a broken formula).",
      'Costs!G2: "(an invalid number)" in column "Start" of table "Costs" is not valid; expected a number or date Excel can hold ' +
        "(this cell holds an invalid number: a date out of range, or the result of a broken formula).",
      'Costs!I2: "#REF!" in column "Basis" of table "Costs" is not valid; expected a value, not the Excel error #REF! (fix the ' +
        "formula or retype the cell).",
    ]);
  });

  it("readModelTables reports them and leaves the bad cells out of the model", () => {
    const raw = costsAt(0, 1);
    const row = raw.values[1]!.map((v, c) => (c === 1 ? "x".repeat(40_000) : v));
    const read = readModelTables(new Map([["Costs", { ...raw, values: [raw.values[0]!, row] }]]));
    expect(read.problems.some((p) => p.kind === "invalidCell" && p.at.address === "Costs!B2")).toBe(true);
    expect(read.model.costLines[0]?.description).toBeUndefined();
  });
});
