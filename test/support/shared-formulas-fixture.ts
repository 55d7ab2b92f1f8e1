import { EAST_KENT_HOUSING } from "../../src/samples";
import { cellKey, type FakeCell } from "./excel-fake";
import { officeHarness, type PortHarness } from "./port-harness";

/** A cell as Excel holds it after calculating: its formula, what it shows, its format; a dynamic array's spill size. */
export type Put = { formula?: string; value: string | number | boolean; format?: string; spill?: { rows: number; cols: number } };

/** Puts a cell into a fake sheet as Excel holds it (formula, shown value, format, spill). */
export function put(h: PortHarness, sheet: string, row: number, col: number, c: Put): void {
  const s = h.fake!.document.sheet(sheet)!;
  const cell: FakeCell = { value: c.value, format: c.format, style: undefined, prefixed: false };
  if (c.formula !== undefined) cell.formula = c.formula;
  if (c.spill !== undefined) cell.spill = c.spill;
  s.cells.set(cellKey(row, col), cell);
}

/** The fake's cell at a zero-based position. */
export function at(h: PortHarness, sheet: string, row: number, col: number): FakeCell | undefined {
  return h.fake!.document.sheet(sheet)!.cells.get(cellKey(row, col));
}

/** Every cell of every sheet with its formula and text prefix (the snapshot leaves those out). */
export function everything(h: PortHarness): string {
  return JSON.stringify(h.fake!.document.sheets.map((s) => [s.name, [...s.cells.entries()].sort((a, b) => a[0] - b[0])]));
}

/** A model workbook in the fake with =SHARED formulas of every shape on two sheets of the user's, and other formulas. */
export async function sharedFormulasWorkbook(): Promise<PortHarness> {
  const h = officeHarness();
  if (!(await h.port.createModel(EAST_KENT_HOUSING.model)).ok) throw new Error("create");
  h.fake!.document.addSheet("Workings");
  h.fake!.document.addSheet("Notes");
  // Text a formula shows, which typed as it is would become a date or a number.
  put(h, "Workings", 0, 0, { formula: "=SHARED.FINYEAR(DATE(2021,1,1))", value: "2020/21" });
  // Other formulas stay formulas.
  put(h, "Workings", 1, 0, { formula: "=SUM(B1:B3)", value: 6 });
  put(h, "Workings", 1, 1, { formula: '="SHARED.X is not a call"', value: "SHARED.X is not a call" });
  // A dynamic array: the anchor holds the formula, the cells to its right only its results.
  put(h, "Workings", 4, 1, { formula: "=SHARED.APPORTION(100,{1;1;1})", value: 33.34, spill: { rows: 1, cols: 3 }, format: "£#,##0.00" });
  put(h, "Workings", 4, 2, { value: 33.33, format: "£#,##0.00" });
  put(h, "Workings", 4, 3, { value: 33.33, format: "£#,##0.00" });
  // Inside another function, in lower case; a number with its format; an error.
  put(h, "Workings", 6, 0, { formula: "=ROUND(shared.yearpart(82000,DATE(2021,1,1),,2020),0)", value: 20219, format: "#,##0" });
  put(h, "Workings", 8, 0, { formula: "=SHARED.SHARE(100,A20:A22,1)", value: "#VALUE!" });
  put(h, "Notes", 2, 2, { formula: "=SHARED.VARIANCE(100,110)", value: 10 });
  return h;
}
