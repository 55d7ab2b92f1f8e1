import type ExcelJS from "exceljs";
import { a1Range } from "../../app";
import { replaceValidationModels, validationModels } from "./exceljs-internals";

/** A data validation as exceljs keeps it, for one cell or (when written) a range. */
type Validation = Record<string, unknown>;

/** One-based row and column of an A1 cell address (no "$", no range); undefined for anything else. */
function cellOf(address: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i === address.length) return undefined;
  let row = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + (ch - 48);
  }
  return row > 0 ? { row, col } : undefined;
}

/** The same text for two validations that say the same (their fields in one order). */
function canonical(v: Validation): string {
  return JSON.stringify(
    Object.keys(v)
      .sort()
      .map((k) => [k, v[k]]),
  );
}

/**
 * A worksheet's data validations (exceljs keeps one per cell, and reads a file's ranges into one per cell) as
 * rectangles that never overlap, keyed "A2:A13", or "B4" for a cell alone: each cell keeps exactly the validation it
 * had. exceljs's own merging, given cells, sorts their addresses as text ("A10" before "A2"), so a column of 12
 * validated rows was written as both A10:A13 and A2:A13: two validations for rows 10 to 13, which Excel's own files
 * never hold and other readers settle differently (exceljs issue 2820 reports Numbers and LibreOffice keeping only
 * the first, so rows 2 to 9 lost their drop-down; the LibreOffice here kept both). Given ranges, exceljs writes them
 * as they are; working them out here also took a 100,000-line Costs sheet's 600,000 validations from seconds to a
 * fraction of one. Entries that are not one cell (a range already) are kept.
 */
export function validationRanges(model: Readonly<Record<string, Validation | undefined>>): Record<string, Validation> {
  const out: Record<string, Validation> = {};
  // Validations that say the same are one group, whether they are one object (read from a range) or copies.
  const keyOf = new Map<Validation, string>();
  const groups = new Map<string, { readonly value: Validation; readonly cols: Map<number, number[]> }>();
  for (const address in model) {
    const v = model[address];
    if (v === undefined || v === null) continue;
    const cell = cellOf(address);
    if (cell === undefined) {
      out[address] = v;
      continue;
    }
    let key = keyOf.get(v);
    if (key === undefined) {
      key = canonical(v);
      keyOf.set(v, key);
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = { value: v, cols: new Map() };
      groups.set(key, group);
    }
    const rows = group.cols.get(cell.col);
    if (rows === undefined) group.cols.set(cell.col, [cell.row]);
    else rows.push(cell.row);
  }
  for (const { value, cols } of groups.values()) {
    // Each column's rows as runs, then runs of the same rows in neighbouring columns as one rectangle.
    let open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
    const rects: { top: number; bottom: number; left: number; right: number }[] = [];
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      const rows = (cols.get(col) ?? []).sort((a, b) => a - b);
      const next = new Map<string, { top: number; bottom: number; left: number; right: number }>();
      for (let i = 0; i < rows.length;) {
        const top = rows[i] as number;
        let bottom = top;
        i++;
        while (i < rows.length && (rows[i] as number) <= bottom + 1) bottom = Math.max(bottom, rows[i++] as number);
        const span = `${top}:${bottom}`;
        const left = open.get(span);
        if (left !== undefined && left.right === col - 1) {
          left.right = col;
          next.set(span, left);
        } else {
          const rect = { top, bottom, left: col, right: col };
          rects.push(rect);
          next.set(span, rect);
        }
      }
      open = next;
    }
    for (const r of rects) out[a1Range(r.top - 1, r.left - 1, r.bottom - r.top + 1, r.right - r.left + 1)] = value;
  }
  return out;
}

/**
 * Runs `write` with every worksheet's data validations as {@link validationRanges} gives them, then puts back what
 * each held, so the workbook in memory keeps one validation per cell as exceljs expects.
 */
export async function withValidationRanges<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const restore: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    const model = validationModels(ws) as Record<string, Validation | undefined>;
    let any = false;
    for (const _ in model) {
      any = true;
      break;
    }
    if (!any) continue;
    replaceValidationModels(ws, validationRanges(model));
    restore.push(() => replaceValidationModels(ws, model));
  }
  try {
    return await write();
  } finally {
    for (const r of restore) r();
  }
}
