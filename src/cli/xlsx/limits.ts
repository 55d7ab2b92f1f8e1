/**
 * How much a workbook may hold before the command line refuses to open it.
 * Checked before anything is parsed, so a hostile or broken file (a 5 MB zip
 * whose sheet inflates to gigabytes, a table claiming every cell of a sheet)
 * is refused in one line instead of exhausting memory. The defaults are far
 * above any real apportionment model; `--max-unzipped` and `--max-table-cells`
 * raise them (docs/cli-safety.md).
 */
export interface Limits {
  /** The file, and all of its parts once inflated, in MiB. */
  readonly unzippedMiB: number;
  /** Cells (rows × columns, header included) of any one table. */
  readonly tableCells: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Limits = { unzippedMiB: 256, tableCells: 2_000_000 };

/** Parts (files inside the zip) a workbook may have. */
export const MAX_PARTS = 10_000;

/** MiB as bytes. */
export function mib(n: number): number {
  return Math.floor(n * 1024 * 1024);
}
