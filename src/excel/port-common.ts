import type { CellValue } from "./layout/cells";
import { INPUT_TABLES, TABLE_ORDER } from "./layout/input-tables";
import { decodeMarker, type SheetMarker } from "./layout/marker";
import { INPUT_SHEETS, LISTS_SHEET, OUTPUT_SHEETS } from "./layout/names";
import type { PortResult, WorkbookStatus } from "./port";
import type { WorkbookProblem } from "./problems";

/** A successful port result. */
export function done<T>(value: T): PortResult<T> {
  return { ok: true, value };
}

/** A failed port result. */
export function failed<T>(problems: readonly WorkbookProblem[]): PortResult<T> {
  return { ok: false, problems };
}

/** Every name the add-in gives a sheet. */
export const OWN_SHEET_NAMES: readonly string[] = [...Object.values(INPUT_SHEETS), LISTS_SHEET, ...Object.values(OUTPUT_SHEETS)];

/** The status of a workbook from its sheets (with decoded markers) and table names. */
export function workbookStatus(
  sheets: readonly { name: string; marker: SheetMarker | undefined }[],
  tableNames: readonly string[],
): WorkbookStatus {
  const present = new Set(tableNames.map((t) => t.toLowerCase()));
  const tables = TABLE_ORDER.map((k) => ({ name: INPUT_TABLES[k].name, present: present.has(INPUT_TABLES[k].name.toLowerCase()) }));
  const own = new Set(OWN_SHEET_NAMES.map((n) => n.toLowerCase()));
  return {
    hasModel: TABLE_ORDER.filter((k) => INPUT_TABLES[k].required).every((k) => present.has(INPUT_TABLES[k].name.toLowerCase())),
    tables,
    inputSheets: sheets.filter((s) => s.marker?.role === "input" || s.marker?.role === "lists").map((s) => s.name),
    outputSheets: sheets.filter((s) => s.marker?.role === "output").map((s) => s.name),
    foreignSheets: sheets.filter((s) => s.marker === undefined && own.has(s.name.toLowerCase())).map((s) => s.name),
  };
}

/** Decodes each sheet's marker. */
export function withMarkers<T extends { readonly marker: string | undefined }>(
  sheets: readonly T[],
): (Omit<T, "marker"> & { marker: SheetMarker | undefined })[] {
  return sheets.map((s) => ({ ...s, marker: decodeMarker(s.marker) }));
}

/** A host error (an exception from Excel or a store) as a problem value. */
export function hostProblem(operation: string, e: unknown): WorkbookProblem {
  const code =
    typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string"
      ? (e as { code: string }).code
      : "Error";
  const detail =
    e instanceof Error
      ? e.message
      : typeof e === "object" && e !== null && "message" in e
        ? String((e as { message: unknown }).message)
        : String(e);
  return { kind: "hostError", operation, code, detail };
}

/** True for an error saying a request or response was too large for Excel on the web. */
export function isPayloadError(e: unknown): boolean {
  const code = typeof e === "object" && e !== null && "code" in e ? (e as { code: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** A row of cells with undefined (leave as is) replaced for writing: used when a store writes whole rows. */
export function fillRow(row: readonly (CellValue | undefined)[], existing: readonly CellValue[]): CellValue[] {
  return row.map((v, i) => (v === undefined ? (existing[i] ?? "") : v));
}

/**
 * True for a sheet a run writes (Summary, Allocations…): an owned output that is not a partner's statement sheet, which
 * only the statement command writes. A run's check of edited sheets looks at these alone, so an edited statement sheet
 * is not offered for a replacement the run would not make.
 */
export function isRunOutput(marker: { readonly role: string; readonly kind: string } | undefined): boolean {
  return marker?.role === "output" && marker.kind !== "partnerStatement";
}

/** The sheets a write of outputs lays down: every one, or only the kinds asked for (a sign-off's Run log). */
export function chosenSheets<T extends { readonly kind: string }>(specs: readonly T[], only: readonly string[] | undefined): readonly T[] {
  return only === undefined ? specs : specs.filter((s) => only.includes(s.kind));
}
