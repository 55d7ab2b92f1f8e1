import { describe, expect, it } from "vitest";
import { runModel } from "../../src/engine";
import type { SheetSpec } from "../../src/excel/layout/cells";
import { allocationsSheet } from "../../src/excel/layout/outputs/allocations";
import { EXCEL_LIMITS, sheetLimitProblems } from "../../src/excel/layout/sheet-limits";
import { planWrite } from "../../src/excel/layout/write-plan";
import { workbookProblemMessage } from "../../src/excel/problems";
import { syntheticScaleModel } from "../../src/samples";

const run = runModel(syntheticScaleModel({ lines: 40, partners: 5, years: 3 }));
if (!run.ok) throw new Error("engine");
const sheet = allocationsSheet(run.value);

describe("Excel's limits on a sheet", () => {
  it("are Excel's published ones", () => {
    expect(EXCEL_LIMITS).toEqual({ rows: 1_048_576, columns: 16_384, cellText: 32_767 });
  });

  it("let a sheet that fits through, and stop one a row or a column too big, at the first cell past the limit", () => {
    // 2 rows above the table, 1 header and 120 line-years; 9 fixed columns, 5 partners and the check.
    expect(sheetLimitProblems(sheet, { rows: 122, columns: 15, cellText: 100 })).toEqual([]);
    const rows = sheetLimitProblems(sheet, { rows: 121, columns: 15, cellText: 100 });
    expect(rows).toEqual([
      {
        kind: "beyondExcelLimits",
        sheet: "Allocations",
        limit: "rows",
        needed: 122,
        allowed: 121,
        at: { sheet: "Allocations", row: 120, col: 0, address: "Allocations!A121" },
      },
    ]);
    expect(workbookProblemMessage(rows[0]!)).toBe(
      'Allocations!A121: the sheet "Allocations" would need 122 rows, and Excel allows 121. Nothing was written. Split the model ' +
        "into smaller workbooks (fewer cost lines, partners or years).",
    );
    const cols = sheetLimitProblems(sheet, { rows: 200, columns: 14, cellText: 100 });
    expect(cols.map((p) => p.kind === "beyondExcelLimits" && [p.limit, p.needed, p.at.address])).toEqual([
      ["columns", 15, "Allocations!N1"],
    ]);
  });

  it("stop text longer than a cell holds, naming that cell", () => {
    const longest = Math.max(...sheet.blocks.flatMap((b) => b.values.flat()).map((v) => (typeof v === "string" ? v.length : 0)));
    const p = sheetLimitProblems(sheet, { rows: 200, columns: 20, cellText: longest - 1 });
    expect(p).toHaveLength(1);
    expect(p[0]?.kind === "beyondExcelLimits" && p[0].at.address).toBe("Allocations!A1");
  });

  it("stop a table whose headers would clash (Excel ignores case), and planWrite refuses before writing anything", () => {
    const clash: SheetSpec = {
      ...sheet,
      blocks: sheet.blocks.map((b, i) => (i === 1 ? { ...b, values: [b.values[0]!.map((h, c) => (c === 10 ? "p01 (£)" : h))] } : b)),
    };
    const p = sheetLimitProblems(clash);
    expect(p).toHaveLength(1);
    expect(p[0]?.kind === "unwritableModel" && p[0].detail).toContain('two columns headed "p01 (£)"');
    const plan = planWrite([], [], [clash], { replaceInputs: false });
    expect(plan.ok).toBe(false);
  });
});
