import * as ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XlsxStore } from "../../src/cli/xlsx-store";
import { validationModels } from "../../src/cli/xlsx/exceljs-internals";

/** The list sources of a sheet's validations, by cell. */
function sources(store: XlsxStore, sheet: string): Record<string, string | undefined> {
  const ws = store.workbook.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  const models = validationModels(ws);
  return Object.fromEntries(Object.keys(models).map((k) => [k, models[k]?.formulae?.[0]]));
}

describe("renaming a sheet in the command line's workbook", () => {
  it("rewrites the list validations that point at it, as Excel does, on every rename and after validations are added", () => {
    const store = new XlsxStore(new ExcelJS.Workbook());
    store.addSheet("Lists", false);
    store.addSheet("Costs", true);
    store.addSheet("Mine", true);
    const list = { kind: "range", range: { sheet: "Lists", row: 0, col: 0, rows: 3, cols: 1 } } as const;
    store.addValidation("Costs", { row: 1, col: 0, rows: 2, cols: 1, source: list, strict: true, message: "Pick one" });
    store.addValidation("Mine", {
      row: 0,
      col: 0,
      rows: 1,
      cols: 1,
      source: { kind: "values", values: ["a", "b"] },
      strict: false,
      message: "m",
    });
    store.renameSheet("Lists", "Lists old");
    expect(sources(store, "Costs")).toEqual({ A2: "'Lists old'!$A$1:$A$3", A3: "'Lists old'!$A$1:$A$3" });
    expect(sources(store, "Mine")).toEqual({ A1: '"a,b"' });
    // A second rename finds the formula again under its new name.
    store.renameSheet("Lists old", "Lists");
    expect(sources(store, "Costs").A2).toBe("Lists!$A$1:$A$3");
    // A validation added after a rename (the formulas naming sheets are looked for again) is rewritten too.
    store.addSheet("Other", false);
    store.addValidation("Mine", {
      row: 4,
      col: 1,
      rows: 1,
      cols: 1,
      source: { kind: "range", range: { sheet: "Other", row: 0, col: 0, rows: 2, cols: 1 } },
      strict: true,
      message: "m",
    });
    store.renameSheet("Other", "Other 2");
    expect(sources(store, "Mine").B5).toBe("'Other 2'!$A$1:$A$2");
    expect(sources(store, "Costs").A3).toBe("Lists!$A$1:$A$3");
  });
});
