import type { CellValue } from "../../excel";

/**
 * What typing text into a cell stores, as Excel would: a number for numeric
 * text (thousands commas and a leading £ allowed), TRUE/FALSE as booleans,
 * anything else as text. Dates stay text (the workbook layer reads ISO dates).
 */
export function typedValue(text: string): CellValue {
  const t = text.trim();
  if (t === "") return "";
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const numeric = t.replace(/^(-?)£/, "$1").replace(/,/g, "");
  if (/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(numeric)) return Number(numeric);
  return text;
}
