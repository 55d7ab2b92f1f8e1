import type { CellValue } from "../layout/cells";
import { TEXT_FORMAT } from "../layout/names";

/**
 * Values as `Range.values` must be given them. Excel parses text written
 * through `values` as if typed: "2020/21" could become a date, "-£59k" a
 * formula, "TRUE" a boolean. So text is written with Excel's text prefix (a
 * leading apostrophe, which is not part of the value read back), except in
 * columns formatted as text ("@"), where Excel keeps what is typed anyway.
 * `null` stays null: Excel leaves that cell as it is.
 */
export function encodeValues<V extends CellValue | null>(
  values: readonly (readonly V[])[],
  formats: readonly (string | null)[] | undefined,
): V[][] {
  return values.map((row) => row.map((v, c) => (typeof v === "string" && v !== "" && formats?.[c] !== TEXT_FORMAT ? (`'${v}` as V) : v)));
}

/** Per-column number formats expanded to the 2-D array `Range.numberFormat` takes (null: General). */
export function expandFormats(formats: readonly (string | null)[], rows: number): string[][] {
  const row = formats.map((f) => f ?? "General");
  return Array.from({ length: rows }, () => [...row]);
}
