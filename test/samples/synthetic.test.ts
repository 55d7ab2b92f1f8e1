import { describe, expect, it } from "vitest";
import { validateModel } from "../../src/engine";
import { buildInputSheets } from "../../src/excel";
import { MAX_CELL_TEXT } from "../../src/excel/layout/cell-checks";
import { syntheticScaleModel } from "../../src/samples";

describe("the synthetic scale model is valid and writable at any size", () => {
  // 50,000 lines once failed: the ICT stated total listed every ICT line in one cell (past 32,767 characters).
  it.each([1_000, 50_000, 100_000])("%i lines lay out as input sheets with no cell past Excel's limits", (lines) => {
    const model = syntheticScaleModel({ lines, partners: 20, years: 5 });
    const laid = buildInputSheets(model);
    if (!laid.ok) throw new Error(JSON.stringify(laid.problems));
    // Every text cell fits in an Excel cell (the reader refuses longer text, so the model could not be read back).
    const tooLong = laid.sheets.flatMap((sheet) =>
      sheet.blocks.flatMap((b) =>
        b.values
          .flat()
          .filter((v) => typeof v === "string" && v.length > MAX_CELL_TEXT)
          .map(() => sheet.name),
      ),
    );
    expect(tooLong).toEqual([]);
    expect(model.statedTotals?.[0]?.lines.length).toBeGreaterThan(0);
  });

  it("validates with no problems", () => {
    const checked = validateModel(syntheticScaleModel({ lines: 5_000, partners: 20, years: 5 }));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });
});
