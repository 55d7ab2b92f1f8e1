import { describe, expect, it } from "vitest";
import type { SheetSpec } from "../../src/excel/layout/cells";
import { planWrite, sheetLimits } from "../../src/excel/layout/write-plan";
import { workbookProblemMessage } from "../../src/excel/problems";

function spec(blocks: SheetSpec["blocks"], tables: SheetSpec["tables"] = []): SheetSpec {
  return {
    name: "Allocations",
    kind: "allocations",
    role: "output",
    blocks,
    tables,
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 0,
    columnWidths: [],
  };
}

describe("output sheets stay within a sheet's limits, or nothing is written", () => {
  it("a table running past row 1,048,576 is refused before anything is written", () => {
    const tall = spec([], [{ name: "Allocations", row: 3, col: 0, rows: 1_048_574, cols: 5, style: "TableStyleLight9" }]);
    expect(sheetLimits(tall).map(workbookProblemMessage)).toEqual([
      'The "Allocations" sheet would need 1,048,577 rows, more than the 1,048,576 a sheet has; nothing was written. Run fewer ' +
        "years or lines (or a scenario of part of the model).",
    ]);
    const planned = planWrite([], [], [tall], { replaceInputs: false });
    expect(planned.ok).toBe(false);
  });

  it("a sheet ending on the last row is fine", () => {
    expect(sheetLimits(spec([], [{ name: "Allocations", row: 3, col: 0, rows: 1_048_573, cols: 5, style: "TableStyleLight9" }]))).toEqual(
      [],
    );
  });

  it("a note over 32,767 characters is refused with its cell", () => {
    const long = spec([{ row: 1, col: 0, values: [["n".repeat(32_768)]], style: "note" }]);
    expect(sheetLimits(long).map(workbookProblemMessage)).toEqual([
      'A2 on the "Allocations" sheet would hold 32,768 characters, more than the 32,767 a cell holds; nothing was written.',
    ]);
    expect(sheetLimits(spec([{ row: 1, col: 0, values: [["n".repeat(32_767)]], style: "note" }]))).toEqual([]);
  });
});
