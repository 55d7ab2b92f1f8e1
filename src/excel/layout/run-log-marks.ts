import type { SheetMarker } from "./marker";
import { OUTPUT_SHEETS, OUTPUT_TABLES } from "./names";
import { outputSheetRecords, readRunLog } from "./outputs/run-log";
import type { RawTable } from "./read-model";

/**
 * The fingerprint a recognised Run log sheet carries instead of its values'
 * fingerprint: every write reads the log back and writes it again whole, so
 * replacing it never loses an edit, and it is never reported as edited.
 */
export const CARRIED_FORWARD_FP = "carried-forward";

/** Whether a marker's fingerprint says the sheet was edited, given the fingerprint of its values now. */
export function markerEdited(marker: SheetMarker | undefined, now: string | undefined): boolean {
  if (marker?.fp === CARRIED_FORWARD_FP) return false;
  return marker?.fp === undefined || now === undefined || now !== marker.fp;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The third mark of ownership: sheets that lost both the custom property and
 * the hidden name (a program such as exceljs saved the file) recognised from
 * the Run log, which records the sheets its latest run wrote with their
 * kinds, table names and values fingerprints. A sheet is the add-in's only if
 * it has a recorded name and exactly the recorded tables (a user's sheet of
 * the same name without them stays the user's). The Run log's own sheet is
 * recognised by its name and its RunLog table holding the add-in's log.
 * Returns a marker for each sheet so recognised, by sheet name.
 */
export function runLogMarks(
  sheets: readonly { readonly name: string; readonly marker: SheetMarker | undefined }[],
  tables: readonly { readonly name: string; readonly sheet: string }[],
  log: RawTable | undefined,
): Map<string, SheetMarker> {
  const out = new Map<string, SheetMarker>();
  if (log === undefined || !same(log.sheet, OUTPUT_SHEETS.runLog)) return out;
  const entries = readRunLog(log);
  const run = [...entries].reverse().find((e) => e.event === "run");
  if (run === undefined) return out;
  const unmarked = sheets.filter((s) => s.marker === undefined);
  const tablesOn = (sheet: string): string[] =>
    tables
      .filter((t) => same(t.sheet, sheet))
      .map((t) => t.name.toLowerCase())
      .sort();
  for (const r of outputSheetRecords(run)) {
    const sheet = unmarked.find((s) => same(s.name, r.name));
    if (sheet === undefined) continue;
    const want = r.tables.map((t) => t.toLowerCase()).sort();
    if (JSON.stringify(tablesOn(sheet.name)) === JSON.stringify(want))
      out.set(sheet.name, { v: 1, role: "output", kind: r.kind, fp: r.fp });
  }
  const logSheet = unmarked.find((s) => same(s.name, log.sheet));
  if (logSheet !== undefined && JSON.stringify(tablesOn(logSheet.name)) === JSON.stringify([OUTPUT_TABLES.runLog.toLowerCase()]))
    out.set(logSheet.name, { v: 1, role: "output", kind: "runLog", fp: CARRIED_FORWARD_FP });
  return out;
}
