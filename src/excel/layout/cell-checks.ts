import type { WorkbookProblem } from "../problems";
import { locate, MAX_ROW } from "./address";
import type { CellValue, Grid } from "./cells";

/**
 * Checks every cell of an input table before anything reads it, for what no
 * column could accept: text longer than a cell may hold, a number that is not
 * a number (NaN or infinity, as a date Excel cannot show reads back), an
 * Excel error value left by a formula, and rows past the last row of a sheet.
 * Each becomes a located problem and the cell is read as blank, so nothing
 * downstream shows it as `"NaN"` or copies 40,000 characters into an output.
 */

/** The most characters an Excel cell holds. */
export const MAX_CELL_TEXT = 32_767;

/** Excel's error values as `Range.values` (and the command line's reader) return them. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
]);

/** How a bad cell's value is shown in a message: long text cut short, so the message stays readable. */
function preview(v: CellValue): string {
  if (typeof v === "number" && !Number.isFinite(v)) return "(an invalid number)";
  const t = typeof v === "string" ? v : String(v);
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** What is wrong with a cell, or undefined when nothing is (before any column's own rules). */
export function cellFault(v: CellValue): string | undefined {
  if (typeof v === "number")
    return Number.isFinite(v)
      ? undefined
      : "a number or date Excel can hold (this cell holds an invalid number: a date out of range, or the result of a broken formula)";
  if (typeof v !== "string") return undefined;
  if (v.length > MAX_CELL_TEXT)
    return (
      `text of at most ${MAX_CELL_TEXT.toLocaleString("en-GB")} characters, the most an Excel cell holds (this has ` +
      `${v.length.toLocaleString("en-GB")})`
    );
  const t = v.trim();
  if (EXCEL_ERRORS.has(t.toUpperCase())) return `a value, not the Excel error ${t} (fix the formula or retype the cell)`;
  return undefined;
}

/** A table's values with bad cells blanked and rows past the sheet's end dropped, and the problems found. */
export function checkTableCells(
  table: { readonly name: string; readonly sheet: string; readonly row: number; readonly col: number; readonly values: Grid },
  headers: readonly string[],
): { values: Grid; problems: WorkbookProblem[] } {
  const problems: WorkbookProblem[] = [];
  let values = table.values;
  const lastIndex = MAX_ROW - table.row;
  if (values.length - 1 > lastIndex) {
    problems.push({
      kind: "rowsPastEnd",
      table: table.name,
      rows: values.length - 1 - lastIndex,
      at: locate({ sheet: table.sheet, row: MAX_ROW, col: table.col }),
    });
    values = values.slice(0, lastIndex + 1);
  }
  let copy: CellValue[][] | undefined;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as CellValue;
      const fault = cellFault(v);
      if (fault === undefined) continue;
      copy ??= values.map((x) => [...x]);
      (copy[r] as CellValue[])[c] = "";
      problems.push({
        kind: "invalidCell",
        table: table.name,
        column: r === 0 ? "(header)" : (headers[c] ?? ""),
        value: preview(v),
        expected: fault,
        at: locate({ sheet: table.sheet, row: table.row + r, col: table.col + c }),
      });
    }
  }
  return { values: copy ?? values, problems };
}
