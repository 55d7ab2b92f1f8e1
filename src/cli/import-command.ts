import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { countUsageForWorkbook, importActualsIntoWorkbook, type ImportFile, type Problem, type WorkbookImport } from "../app";
import type { WorkbookPort } from "../excel";
import type { ProgressBar } from "./progress";

/** The paths the run was given to import, as typed and resolved. */
export interface ImportArgs {
  readonly importActuals?: string | undefined;
  readonly importActualsPath?: string;
  readonly importDrivers?: string | undefined;
  readonly importDriversPath?: string;
  /** Who imports (`--prepared-by`; else the Settings table's "Prepared by") and when, for the Run log. */
  readonly preparedBy?: string | undefined;
  readonly now?: Date | undefined;
}

/** A file on disk as an import reads it: streamed in chunks, its size for the progress bar. */
function fileOnDisk(path: string, shown: string, bar: ProgressBar, label: string): ImportFile {
  const totalBytes = statSync(path).size;
  return {
    fileName: basename(shown),
    totalBytes,
    source: () => createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Uint8Array>,
    onProgress: (p) => bar.update(label, p.bytes, Math.max(1, totalBytes)),
  };
}

/**
 * `--import-actuals` and `--import-drivers` (docs/monitoring.md), before the
 * run: the ledger export goes into the Actuals table, which the run then
 * reads and the run's own checked write saves; the usage export is counted
 * and reported. A file that cannot be read, or has any bad row, stops the
 * run with every problem named and nothing written.
 */
export async function importFiles(
  args: ImportArgs,
  port: WorkbookPort,
  bar: ProgressBar,
): Promise<{ ok: true; value: readonly WorkbookImport[] } | { ok: false; error: string; problems: readonly Problem[] }> {
  const done: WorkbookImport[] = [];
  try {
    if (args.importActualsPath !== undefined) {
      const shown = args.importActuals ?? args.importActualsPath;
      const r = await importActualsIntoWorkbook(port, fileOnDisk(args.importActualsPath, shown, bar, "Importing actuals"), {
        by: args.preparedBy,
        now: args.now,
      });
      if (!r.ok) return r;
      done.push(r.value);
    }
    if (args.importDriversPath !== undefined) {
      const shown = args.importDrivers ?? args.importDriversPath;
      const r = await countUsageForWorkbook(port, fileOnDisk(args.importDriversPath, shown, bar, "Counting usage"));
      if (!r.ok) return r;
      done.push(r.value);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The file to import could not be read: ${message}`, problems: [] };
  }
  return { ok: true, value: done };
}
