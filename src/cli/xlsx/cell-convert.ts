import type { CellValue as ExcelValue } from "exceljs";
import type { CellValue } from "../../excel";

const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch (1899-12-30, the 1900 system) to 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/** A JS date (as exceljs reads a date-formatted cell, in UTC) as the Excel serial number `Range.values` returns. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EPOCH_OFFSET;
}

/**
 * An exceljs cell value as the add-in's {@link CellValue}, the way Office.js
 * `Range.values` reports it: text, number or boolean; dates as serial
 * numbers; formulas as their cached result; rich text and hyperlinks as their
 * text; error values as their text (`#N/A`); empty as `""`.
 */
export function fromExcel(v: ExcelValue | undefined): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return "result" in v ? fromExcel(v.result as ExcelValue) : "";
    if ("text" in v) return fromExcel(v.text as ExcelValue);
  }
  return "";
}

/** A {@link CellValue} as exceljs stores it: `""` is an empty cell (null), everything else as is (never a formula). */
export function toExcel(v: CellValue): ExcelValue {
  return v === "" ? null : v;
}
