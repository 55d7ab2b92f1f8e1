import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import * as ExcelJS from "exceljs";
import type { RunOutputs } from "../excel";
import { ABOUT_SHEET, aboutSheet, COVER_SHEET, coverSheet, createStorePort, OUTPUT_SHEETS, writeResults } from "../app";
import { ioCause } from "./fs/safe-write";
import type { ConversionProblem } from "./libreoffice";
import { XlsxStore } from "./xlsx-store";
import { writeSheetSpec } from "./xlsx/write-spec";
import { workbookBytes } from "./xlsx/save";

/** The committee pack's sheets, in the order they print. */
export const PACK_SHEETS: readonly string[] = [
  OUTPUT_SHEETS.committee,
  OUTPUT_SHEETS.comparison,
  OUTPUT_SHEETS.budgetCheck,
  OUTPUT_SHEETS.charts,
  // Written only for a model with support services.
  OUTPUT_SHEETS.supportFlows,
  // Written only for a model with capital financing or options (docs/capital.md).
  OUTPUT_SHEETS.capitalFinancing,
  // Written only for a model with monitoring inputs (docs/monitoring.md): where the year is heading, month by month.
  OUTPUT_SHEETS.monitoring,
  // Written only for a model with leavers, or disputes (docs/exits.md).
  OUTPUT_SHEETS.exitStatement,
  OUTPUT_SHEETS.harmReport,
  OUTPUT_SHEETS.disputeRegister,
  OUTPUT_SHEETS.methodology,
  // Written only for a model with actual driver values (docs/versions.md).
  OUTPUT_SHEETS.trueUp,
];

/** The one line said when LibreOffice is not installed. */
export const LIBREOFFICE_NEEDED =
  "--pdf needs LibreOffice (the soffice command), which is not installed here: install it (Debian/Ubuntu: apt-get install " +
  "libreoffice-calc) or print the pack from Excel.";

/** Where LibreOffice installs itself when it is not on `PATH`: Windows and macOS. */
const WELL_KNOWN: Readonly<Record<string, readonly string[]>> = {
  win32: ["C:\\Program Files\\LibreOffice\\program\\soffice.exe", "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"],
  darwin: ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
};

/** The environment variable naming LibreOffice's command when it is installed somewhere else (and, in tests, a stand-in). */
export const SOFFICE_ENV = "SHARED_APPORTION_SOFFICE";

/**
 * LibreOffice's command: the one {@link SOFFICE_ENV} names, else `soffice`
 * (then `libreoffice`) on `PATH` (`.exe` on Windows), else where its
 * installer puts it on Windows and macOS; undefined when it is not installed.
 */
export function findSoffice(
  path: string | undefined = process.env.PATH,
  platform: string = process.platform,
  named: string | undefined = process.env[SOFFICE_ENV],
): string | undefined {
  if (named !== undefined && named !== "") return named;
  const names = platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const candidates = [
    ...(path ?? "")
      .split(platform === "win32" ? ";" : delimiter)
      .filter((d) => d !== "")
      .flatMap((dir) => names.map((n) => join(dir, n))),
    ...(WELL_KNOWN[platform] ?? []),
  ];
  return candidates.find((c) => {
    try {
      accessSync(c, platform === "win32" ? constants.F_OK : constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The committee pack laid out as a workbook for LibreOffice to convert, with the sheets it holds. */
export type PackWorkbook =
  { readonly ok: true; readonly bytes: Buffer; readonly sheets: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * The committee pack as a workbook: a cover (run, sign-off, contents), the run's output sheets
 * (Committee summary, Scenario comparison, Budget check, Charts, Support flows) laid out exactly as
 * in the workbook with their print setup, and the closing note "About these figures" — the cover
 * and the note are pages of the pack only, not sheets of the model. Saved as the command line
 * saves a workbook, so the Charts sheet's charts are in it for LibreOffice to draw.
 */
export async function packWorkbook(outputs: RunOutputs): Promise<PackWorkbook> {
  const store = new XlsxStore(new ExcelJS.Workbook());
  // As the workbook's own write lays the sheets out: the Monitoring sheet with them, for a model with monitoring inputs.
  const written = await writeResults(createStorePort(store), outputs);
  if (written.kind !== "written")
    return { ok: false, message: `the committee pack could not be laid out: ${written.problems.map((p) => p.message).join(" ")}` };
  for (const s of store.listSheets()) if (!PACK_SHEETS.includes(s.name)) store.deleteSheet(s.name);
  PACK_SHEETS.forEach((name, i) => {
    if (store.listSheets().some((s) => s.name === name)) store.moveSheet(name, i);
  });
  const contents = [...store.listSheets().map((s) => s.name), ABOUT_SHEET];
  writeSheetSpec(store, coverSheet(outputs, contents));
  store.moveSheet(COVER_SHEET, 0);
  writeSheetSpec(store, aboutSheet(outputs));
  return { ok: true, bytes: await workbookBytes(store), sheets: store.listSheets().map((s) => s.name) };
}

/** Why no PDF was made, as one line; `what` names the documents ("the committee pack", "the committee pack and 3 statements"). */
export function conversionMessage(p: ConversionProblem, what: string, soffice: string): string {
  switch (p.kind) {
    case "timedOut":
      return (
        `LibreOffice did not finish converting ${what} to PDF within ${p.seconds} seconds, so it was stopped (with every process ` +
        `it started) and nothing was written. Try again with a longer time limit, e.g. --pdf-timeout ${p.seconds * 2}.`
      );
    case "notStarted":
      return `LibreOffice (${soffice}) could not be started: ${ioCause(p.code)}; nothing was written.`;
    case "failed":
      return (
        `LibreOffice failed converting ${what} to PDF (${p.signal === null ? `exit code ${p.exitCode}` : `stopped by ${p.signal}`}` +
        `${p.detail === "" ? "" : `: ${p.detail}`}); nothing was written.`
      );
    case "noPdf":
      return `LibreOffice finished but wrote no PDF for ${what}; nothing was written.`;
  }
}
