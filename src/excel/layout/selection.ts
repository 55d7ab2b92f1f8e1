import { CATEGORIES, NATURES, type ApportionResult, type Category, type Charge, type Nature } from "../../engine";
import type { CellValue } from "./cells";
import { cellText } from "./cell-values";
import { normaliseHeader } from "./read-model";
import { ALL_PARTNERS, ALL_YEARS, SUMMARY_HEADER_ROW } from "./outputs/summary";

/** What a selected cell in an output sheet is about. */
export type SelectionTarget =
  /** A charge: one cost line, partner and year (Allocations or Trace). */
  | { readonly kind: "charge"; readonly lineRef: string; readonly partner: string; readonly yearLabel: string }
  /** A total in the Summary pivot; undefined parts mean "all" (all partners, all years, both categories…). */
  | { readonly kind: "total"; readonly partner: string | undefined; readonly yearLabel: string | undefined; readonly category: Category | undefined; readonly nature: Nature | undefined }
  /** Anything else. */
  | { readonly kind: "none" };

/** The row of each output sheet kind that holds its column headers. */
export function headerRowOf(kind: string): number | undefined {
  if (kind === "allocations" || kind === "trace") return 0;
  if (kind === "summary") return SUMMARY_HEADER_ROW;
  return undefined;
}

function column(headers: readonly CellValue[], name: string): number {
  return headers.findIndex((h) => normaliseHeader(cellText(h)) === normaliseHeader(name));
}

/**
 * Maps a selected cell back to what it shows, from the sheet's kind (its
 * marker), the selected row's values, the header row's values and the
 * selected column (all zero-based from column A). Pure, so every adapter and
 * the task pane agree.
 */
export function describeSelection(kind: string, row: number, col: number, rowValues: readonly CellValue[], headers: readonly CellValue[]): SelectionTarget {
  const headerRow = headerRowOf(kind);
  if (headerRow === undefined || row <= headerRow) return { kind: "none" };
  if (kind === "allocations" || kind === "trace") {
    const ref = cellText(rowValues[column(headers, "Ref")]);
    const partner = cellText(rowValues[column(headers, "Partner")]);
    const year = cellText(rowValues[column(headers, "Year")]);
    return ref === "" || partner === "" || year === "" ? { kind: "none" } : { kind: "charge", lineRef: ref, partner, yearLabel: year };
  }
  const partner = cellText(rowValues[column(headers, "Partner")]);
  const year = cellText(rowValues[column(headers, "Year")]);
  if (partner === "" || year === "") return { kind: "none" };
  const header = normaliseHeader(cellText(headers[col]));
  const category = CATEGORIES.find((c) => header.startsWith(c));
  const nature = category === undefined ? undefined : NATURES.find((n) => header.startsWith(normaliseHeader(`${category} ${n}`)));
  return {
    kind: "total",
    partner: partner === ALL_PARTNERS ? undefined : partner,
    yearLabel: year === ALL_YEARS ? undefined : year,
    category,
    nature,
  };
}

/** The charge of a core result a selection points at (undefined for a partner within another, whose charges the core result does not hold). */
export function findCharge(result: ApportionResult, target: SelectionTarget): Charge | undefined {
  if (target.kind !== "charge") return undefined;
  return result.charges.find((c) => c.lineRef === target.lineRef && c.partner === target.partner && c.yearLabel === target.yearLabel);
}
