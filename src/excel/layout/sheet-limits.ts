import type { WorkbookProblem } from "../problems";
import { cellAddress } from "./address";
import type { SheetSpec } from "./cells";

/** What one Excel worksheet can hold (Excel's specifications and limits; the same in Excel on the web). */
export const EXCEL_LIMITS = {
  rows: 1_048_576,
  columns: 16_384,
  cellText: 32_767,
} as const;

/**
 * The longest name of a table column. Excel keeps a column's name in the
 * table part and offers to repair a file whose names are longer (ClosedXML
 * #141 and #174, openpyxl pull request #402).
 */
export const TABLE_COLUMN_NAME_MAX = 255;

/**
 * The longest sheet name Excel takes
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-name-member).
 */
export const SHEET_NAME_MAX = 31;

/** How much of a long column name's end is kept when it is shortened: the end says what the column holds ("(£)", "%"). */
const KEPT_END = 60;

/** Text cut to `max` characters, its start and end kept around "…", never splitting a surrogate pair. */
function middleCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.min(KEPT_END, Math.floor(max / 3));
  let head = max - end - 1;
  let tail = text.length - end;
  if (/[\uD800-\uDBFF]/.test(text[head - 1] ?? "")) head--;
  if (/[\uDC00-\uDFFF]/.test(text[tail] ?? "")) tail++;
  return `${text.slice(0, head)}\u2026${text.slice(tail)}`;
}

/**
 * Table column names as Excel will keep them: at most 255 characters and
 * unique ignoring case. A longer name keeps its start and its last 60
 * characters around "…" (a scenario's name and the "(£)" after it); a name
 * equal to an earlier one, ignoring case, gets " (2)", " (3)"… within the
 * limit. The same names always give the same result; names that already fit
 * and differ are returned unchanged.
 */
export function fitColumnNames(names: readonly string[], max: number = TABLE_COLUMN_NAME_MAX): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let fitted = middleCut(name, max);
    for (let n = 2; seen.has(fitted.toLowerCase()); n++) fitted = `${middleCut(name, max - ` (${n})`.length)} (${n})`;
    seen.add(fitted.toLowerCase());
    return fitted;
  });
}

/** Limits to check a sheet against (tests pass smaller ones). */
export interface SheetLimits {
  readonly rows: number;
  readonly columns: number;
  readonly cellText: number;
}

/**
 * Everything about a sheet that Excel could not hold: rows or columns past
 * the sheet's end, text longer than a cell takes, and tables with two
 * columns of the same header (Excel would rename one, so a table the add-in
 * documents would not be what it wrote). At most one problem of each kind
 * per sheet, at the first cell concerned, so a model a thousand rows too
 * big gets one line, not a thousand. Excel would refuse such a write part
 * of the way through, or truncate it; this says so before anything is written.
 */
export function sheetLimitProblems(spec: SheetSpec, limits: SheetLimits = EXCEL_LIMITS): WorkbookProblem[] {
  const problems: WorkbookProblem[] = [];
  // Every name the add-in writes is its own or fitted (statementSheetName); this keeps it so.
  if (spec.name.length === 0 || spec.name.length > SHEET_NAME_MAX || /[[\]:*?/\\]/.test(spec.name) || /^'|'$/.test(spec.name))
    problems.push({ kind: "invalidSheetName", sheet: spec.name });
  const at = (row: number, col: number) => {
    const ref = { sheet: spec.name, row: Math.min(row, limits.rows - 1), col: Math.min(col, limits.columns - 1) };
    return { ...ref, address: cellAddress(ref) };
  };
  let rows = 0;
  let cols = 0;
  let text: { row: number; col: number; length: number } | undefined;
  const extend = (row: number, col: number, height: number, width: number): void => {
    rows = Math.max(rows, row + height);
    cols = Math.max(cols, col + width);
  };
  for (const b of spec.blocks) {
    let width = 0;
    for (let r = 0; r < b.values.length; r++) {
      const values = b.values[r] ?? [];
      if (values.length > width) width = values.length;
      if (text !== undefined) continue;
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        if (typeof v === "string" && v.length > limits.cellText) {
          text = { row: b.row + r, col: b.col + c, length: v.length };
          break;
        }
      }
    }
    extend(b.row, b.col, b.values.length, width);
  }
  for (const t of spec.tables) extend(t.row, t.col, t.rows, t.cols);
  for (const c of spec.conditionalFormats) extend(c.row, c.col, c.rows, c.cols);
  for (const c of spec.charts) extend(c.to.row, c.to.col, 1, 1);
  if (rows > limits.rows)
    problems.push({
      kind: "beyondExcelLimits",
      sheet: spec.name,
      limit: "rows",
      needed: rows,
      allowed: limits.rows,
      at: at(limits.rows, 0),
    });
  if (cols > limits.columns)
    problems.push({
      kind: "beyondExcelLimits",
      sheet: spec.name,
      limit: "columns",
      needed: cols,
      allowed: limits.columns,
      at: at(0, limits.columns),
    });
  if (text !== undefined)
    problems.push({
      kind: "beyondExcelLimits",
      sheet: spec.name,
      limit: "cellText",
      needed: text.length,
      allowed: limits.cellText,
      at: at(text.row, text.col),
    });
  for (const t of spec.tables) {
    // The header row as written, cell by cell, from whichever blocks cover it.
    const headerAt = (col: number): string => {
      const b = spec.blocks.find(
        (x) => x.row <= t.row && t.row < x.row + x.values.length && x.col <= col && col < x.col + (x.values[t.row - x.row]?.length ?? 0),
      );
      return String(b?.values[t.row - b.row]?.[col - b.col] ?? "");
    };
    const seen = new Set<string>();
    for (let c = t.col; c < t.col + t.cols; c++) {
      const h = headerAt(c);
      if (h.length > TABLE_COLUMN_NAME_MAX) {
        problems.push({ kind: "columnNameTooLong", table: t.name, length: h.length, allowed: TABLE_COLUMN_NAME_MAX, at: at(t.row, c) });
        break;
      }
      if (seen.has(h.toLowerCase())) {
        problems.push({
          kind: "unwritableModel",
          detail:
            `the table "${t.name}" on the sheet "${spec.name}" would have two columns headed "${h}" (Excel column headers ` +
            `ignore case), at ${at(t.row, c).address}. Rename the partner or driver whose id makes the clash.`,
        });
        break;
      }
      seen.add(h.toLowerCase());
    }
  }
  return problems;
}
