import type { CellValue } from "./cells";

/**
 * True for a formula that calls one of the add-in's functions (`=SHARED.SHARE(…)`, `=ROUND(SHARED.YEARPART(…),0)`):
 * "SHARED." followed by a name, outside any text in quotes, not part of a longer name (`MYSHARED.X`). Case does not
 * matter, as in Excel.
 */
export function isSharedFormula(formula: unknown): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  // Text in quotes ("…", with "" for a quote inside) is not a call.
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return /(^|[^A-Za-z0-9_.])SHARED\.[A-Za-z]/i.test(code);
}

/** Excel's error values as `Range.values` gives them. */
const ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|BUSY!)$/;

/** True when a cell shows one of Excel's error values (#VALUE!, #NAME?…). */
export function isErrorValue(v: CellValue): boolean {
  return typeof v === "string" && ERRORS.test(v);
}

/** True while a custom function has not returned yet: Excel shows #BUSY! (or #GETTING_DATA in older hosts). */
export function isBusyValue(v: CellValue): boolean {
  return v === "#BUSY!" || v === "#GETTING_DATA";
}

/**
 * What a cell's shown value is written as, so that it stays exactly what it
 * showed: text with Excel's text prefix (a leading apostrophe, which is not
 * part of the value), so "2021/22", "001" or "=A1" are not turned into a
 * date, a number or a formula as typed text would be; numbers and true/false
 * as they are. The cell's number format is not touched, so a number shows as
 * it did.
 */
export function valueToWrite(v: CellValue): CellValue {
  return typeof v === "string" && v !== "" ? `'${v}` : v;
}

/** The =SHARED formulas of one sheet and the cells that turning them into values changes. */
export interface SharedFormulaSheet {
  readonly sheet: string;
  /** Cells holding an =SHARED formula. */
  readonly formulas: number;
  /** Cells that change: each formula's cell and the cells its results spill into. */
  readonly cells: number;
  /** Of those cells, how many show an error value (#VALUE!…): they would keep it as text. */
  readonly errors: number;
  /** Of those cells, how many are still calculating (#BUSY!). */
  readonly busy: number;
}

/** The workbook's =SHARED formulas, sheet by sheet (sheets without any left out). */
export interface SharedFormulasFound {
  readonly sheets: readonly SharedFormulaSheet[];
  readonly formulas: number;
  readonly cells: number;
  readonly errors: number;
  readonly busy: number;
}

/** One cell to write: zero-based row and column on its sheet, and the value it showed. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

/** A rectangle (zero-based), e.g. a formula's spill range. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The cells of one sheet to turn into values: each =SHARED formula's cell
 * and, for a formula whose results spill (a dynamic array such as
 * =SHARED.APPORTION), every cell of its spill range, each with the value it
 * shows. `formulas` and `values` are the sheet's used range from (`row`,
 * `col`); `spills` the spill range of each formula found (undefined where it
 * does not spill), in the order {@link sharedFormulaCells} lists them.
 */
export function sheetWrites(
  grid: { readonly row: number; readonly col: number; readonly values: readonly (readonly CellValue[])[] },
  anchors: readonly { readonly row: number; readonly col: number }[],
  spills: readonly (Rect | undefined)[],
): CellWrite[] {
  const seen = new Set<string>();
  const out: CellWrite[] = [];
  const add = (row: number, col: number): void => {
    const k = `${row},${col}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ row, col, value: grid.values[row - grid.row]?.[col - grid.col] ?? "" });
  };
  anchors.forEach((a, i) => {
    const s = spills[i];
    if (s === undefined) add(a.row, a.col);
    else for (let r = 0; r < s.rows; r++) for (let c = 0; c < s.cols; c++) add(s.row + r, s.col + c);
  });
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The cells holding an =SHARED formula in a sheet's used range (its formulas from `row`, `col`), in reading order. */
export function sharedFormulaCells(grid: {
  readonly row: number;
  readonly col: number;
  readonly formulas: readonly (readonly unknown[])[];
}): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  grid.formulas.forEach((line, r) => line.forEach((f, c) => isSharedFormula(f) && out.push({ row: grid.row + r, col: grid.col + c })));
  return out;
}

/** Cells written in runs along each row: one range per run of neighbouring cells, so a row of results is one write. */
export function rowRuns(writes: readonly CellWrite[]): { row: number; col: number; values: CellValue[] }[] {
  const out: { row: number; col: number; values: CellValue[] }[] = [];
  for (const w of writes) {
    const last = out[out.length - 1];
    if (last !== undefined && last.row === w.row && last.col + last.values.length === w.col) last.values.push(valueToWrite(w.value));
    else out.push({ row: w.row, col: w.col, values: [valueToWrite(w.value)] });
  }
  return out;
}

/** A sheet's count from its writes. */
export function sheetCount(sheet: string, formulas: number, writes: readonly CellWrite[]): SharedFormulaSheet {
  return {
    sheet,
    formulas,
    cells: writes.length,
    errors: writes.filter((w) => isErrorValue(w.value)).length,
    busy: writes.filter((w) => isBusyValue(w.value)).length,
  };
}

/** The workbook's total from its sheets' counts. */
export function foundTotal(sheets: readonly SharedFormulaSheet[]): SharedFormulasFound {
  const kept = sheets.filter((s) => s.formulas > 0);
  const sum = (k: "formulas" | "cells" | "errors" | "busy"): number => kept.reduce((n, s) => n + s[k], 0);
  return { sheets: kept, formulas: sum("formulas"), cells: sum("cells"), errors: sum("errors"), busy: sum("busy") };
}
