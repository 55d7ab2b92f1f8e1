import type { CellLocation, CellRef, RangeRef } from "./cells";

/** The largest row and column indexes Excel allows (zero-based). */
export const MAX_ROW = 1_048_575;
/** The largest zero-based column index (XFD). */
export const MAX_COL = 16_383;

/** Column letters for a zero-based index: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Zero-based column index of letters: "A" → 0, "AA" → 26. Returns -1 for anything else. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Quotes a sheet name for an address when Excel requires it: `'Budget check'!A1`. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A1 address of a cell within its sheet: (11, 5) → "F12". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address of a rectangle within its sheet: "A1:C9" (or "A1" for one cell). */
export function a1Range(row: number, col: number, rows: number, cols: number): string {
  return rows === 1 && cols === 1 ? a1(row, col) : `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** Full address of a cell: `Costs!F12`. */
export function cellAddress(ref: CellRef): string {
  return `${quoteSheet(ref.sheet)}!${a1(ref.row, ref.col)}`;
}

/** Full address of a rectangle: `Costs!A1:N40`. */
export function rangeAddress(ref: RangeRef): string {
  return `${quoteSheet(ref.sheet)}!${a1Range(ref.row, ref.col, ref.rows, ref.cols)}`;
}

/** Absolute reference to a rectangle for formulas and validation lists: `=Lists!$A$2:$A$9`. */
export function absoluteFormula(ref: RangeRef): string {
  const tl = `$${columnLetters(ref.col)}$${ref.row + 1}`;
  const br = `$${columnLetters(ref.col + ref.cols - 1)}$${ref.row + ref.rows}`;
  return `=${quoteSheet(ref.sheet)}!${ref.rows === 1 && ref.cols === 1 ? tl : `${tl}:${br}`}`;
}

/** A cell with its address. */
export function locate(ref: CellRef): CellLocation {
  return { sheet: ref.sheet, row: ref.row, col: ref.col, address: cellAddress(ref) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * Reads an address such as `Costs!F12`, `'Budget check'!A1:C3` or `$B$2`
 * (then `defaultSheet` is used). Returns undefined for anything else.
 */
export function parseAddress(text: string, defaultSheet?: string): RangeRef | undefined {
  const t = text.trim();
  let sheet = defaultSheet;
  let rest = t;
  const bang = t.lastIndexOf("!");
  if (bang >= 0) {
    const rawSheet = t.slice(0, bang);
    rest = t.slice(bang + 1);
    sheet =
      rawSheet.startsWith("'") && rawSheet.endsWith("'") && rawSheet.length >= 2 ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  }
  if (sheet === undefined || sheet === "") return undefined;
  const [first, second, extra] = rest.split(":");
  if (first === undefined || extra !== undefined) return undefined;
  const a = CELL.exec(first);
  if (!a) return undefined;
  const r1 = Number(a[2]) - 1;
  const c1 = columnIndex(a[1] ?? "");
  let r2 = r1;
  let c2 = c1;
  if (second !== undefined) {
    const b = CELL.exec(second);
    if (!b) return undefined;
    r2 = Number(b[2]) - 1;
    c2 = columnIndex(b[1] ?? "");
  }
  if (c1 < 0 || c2 < 0 || r1 < 0 || r2 < 0 || r1 > MAX_ROW || r2 > MAX_ROW || c1 > MAX_COL || c2 > MAX_COL) return undefined;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { sheet, row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}
