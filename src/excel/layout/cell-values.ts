import { parseDate, toExcelSerial, type DateInput, type DecimalInput } from "../../engine";
import type { CellValue } from "./cells";

/**
 * Conversions between model values and cell values. Dates go into cells as
 * Excel serial numbers (1900 date system) so Excel treats them as dates;
 * numbers given as text stay text, so no digit is lost on the way.
 */

const NOWHERE = { entity: "argument", field: "cell" } as const;

/** A model date as a cell: ISO text becomes an Excel serial; anything else is written as given. */
export function dateToCell(d: DateInput | null | undefined): CellValue {
  if (d === null || d === undefined) return "";
  if (typeof d === "number") return d;
  const r = parseDate(d, NOWHERE);
  return r.ok ? toExcelSerial(r.value) : d;
}

/** A model number (number or decimal text) as a cell. */
export function decimalToCell(d: DecimalInput | null | undefined): CellValue {
  return d === null || d === undefined ? "" : d;
}

/** A cell as trimmed text: numbers in their shortest form, booleans as TRUE/FALSE, empty as "". */
export function cellText(v: CellValue | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A cell as a model number: numbers as they are, text trimmed, empty as undefined. */
export function cellDecimal(v: CellValue | undefined): DecimalInput | undefined {
  if (v === undefined || v === "") return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const t = v.trim();
  return t === "" ? undefined : t;
}

/** A cell as a model date: a serial number as it is, text trimmed, empty as undefined. */
export function cellDate(v: CellValue | undefined): DateInput | undefined {
  return cellDecimal(v);
}

/** A comma- or semicolon-separated list of ids: "CAN, DOV" → ["CAN", "DOV"]. */
export function cellList(v: CellValue | undefined): string[] {
  return cellText(v)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Reads a yes/no cell: undefined when it is neither. Blank is no. */
export function cellYesNo(v: CellValue | undefined): boolean | undefined {
  if (v === undefined || v === "") return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  const t = v.trim().toLowerCase();
  if (t === "" || t === "no" || t === "n" || t === "false") return false;
  if (t === "yes" || t === "y" || t === "true") return true;
  return undefined;
}

/** A boolean as the Yes/No the tables show. */
export function yesNo(b: boolean | undefined): CellValue {
  return b === true ? "Yes" : "No";
}

/** A list of ids as one cell: ["CAN", "DOV"] → "CAN, DOV". */
export function listCell(ids: readonly string[] | undefined): CellValue {
  return ids === undefined ? "" : ids.join(", ");
}
