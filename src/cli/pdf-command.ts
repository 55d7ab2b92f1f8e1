import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as ExcelJS from "exceljs";
import {
  ABOUT_SHEET,
  aboutSheet,
  COVER_SHEET,
  coverSheet,
  createStorePort,
  OUTPUT_SHEETS,
  workbookProblemMessage,
  type RunOutputs,
  type SheetSpec,
} from "../excel";
import { XlsxStore } from "./xlsx-store";
import { workbookBytes } from "./xlsx/save";

const run = promisify(execFile);

/** The committee pack's sheets, in the order they print. */
export const PACK_SHEETS: readonly string[] = [
  OUTPUT_SHEETS.committee,
  OUTPUT_SHEETS.comparison,
  OUTPUT_SHEETS.budgetCheck,
  OUTPUT_SHEETS.charts,
  // Written only for a model with support services.
  OUTPUT_SHEETS.supportFlows,
];

/** How long LibreOffice may take to convert the pack (its first start in a fresh profile is slow). */
const CONVERT_TIMEOUT_MS = 240_000;

/** The one line said when LibreOffice is not installed. */
export const LIBREOFFICE_NEEDED =
  "--pdf needs LibreOffice (the soffice command), which is not installed here: install it (Debian/Ubuntu: apt-get install " +
  "libreoffice-calc) or print the pack from Excel.";

/** Where LibreOffice installs itself when it is not on `PATH`: Windows and macOS. */
const WELL_KNOWN: Readonly<Record<string, readonly string[]>> = {
  win32: ["C:\\Program Files\\LibreOffice\\program\\soffice.exe", "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"],
  darwin: ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
};

/**
 * LibreOffice's command: `soffice` (then `libreoffice`) on `PATH` (`.exe` on
 * Windows), else where its installer puts it on Windows and macOS; undefined
 * when it is not installed.
 */
export function findSoffice(path: string | undefined = process.env.PATH, platform: string = process.platform): string | undefined {
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

/** Writes a laid-out sheet into a store as it is: values, formats, styles, widths, text layout and print setup. */
function writeSpec(store: XlsxStore, spec: SheetSpec): void {
  store.addSheet(spec.name, true);
  for (const b of spec.blocks)
    store.writeBlock(
      spec.name,
      b.row,
      b.col,
      b.values,
      b.formats?.map((f) => f ?? "General"),
      b.style,
    );
  store.setColumnWidths(spec.name, spec.columnWidths);
  if (spec.text !== undefined) store.setTextLayout(spec.name, spec.text);
  if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
}

/** What writing the pack did. */
export type PdfOutcome = { readonly ok: true; readonly sheets: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * Writes the committee pack (a cover, Committee summary, Scenario comparison, Budget check,
 * Charts, Support flows, and the closing note "About these figures") as a PDF: the run's output sheets are laid out, exactly as in the
 * workbook and with their print setup (A4 landscape, one page wide, header
 * rows repeated, footer), in a temporary workbook holding only those sheets,
 * which LibreOffice converts. LibreOffice runs with its own temporary profile,
 * so a LibreOffice the user has open is neither used nor disturbed. The PDF
 * is written to `target` only when the conversion succeeded.
 */
export async function writePackPdf(outputs: RunOutputs, target: string, soffice: string): Promise<PdfOutcome> {
  const work = await mkdtemp(join(tmpdir(), "sa-pack-"));
  try {
    const store = new XlsxStore(new ExcelJS.Workbook());
    const written = await createStorePort(store).writeOutputs(outputs);
    if (!written.ok)
      return { ok: false, message: `the committee pack could not be laid out: ${written.problems.map(workbookProblemMessage).join(" ")}` };
    for (const s of store.listSheets()) if (!PACK_SHEETS.includes(s.name)) store.deleteSheet(s.name);
    PACK_SHEETS.forEach((name, i) => {
      if (store.listSheets().some((s) => s.name === name)) store.moveSheet(name, i);
    });
    // The cover (with the contents) first and the note on the figures last: pages of the pack only, not of the workbook.
    const contents = [...store.listSheets().map((s) => s.name), ABOUT_SHEET];
    writeSpec(store, coverSheet(outputs, contents));
    store.moveSheet(COVER_SHEET, 0);
    writeSpec(store, aboutSheet(outputs));
    const sheets = store.listSheets().map((s) => s.name);
    const xlsx = join(work, "committee-pack.xlsx");
    // Saved as the command line saves a workbook, so the Charts sheet's charts are in it for LibreOffice to draw.
    await writeFile(xlsx, await workbookBytes(store));
    const profile = join(work, "profile");
    try {
      await run(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          xlsx,
        ],
        { timeout: CONVERT_TIMEOUT_MS },
      );
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      return { ok: false, message: `LibreOffice could not convert the committee pack to PDF: ${detail}` };
    }
    const pdf = join(work, "committee-pack.pdf");
    const made = await stat(pdf).catch(() => undefined);
    if (made === undefined || made.size === 0) return { ok: false, message: "LibreOffice wrote no PDF for the committee pack." };
    try {
      await writeFile(target, await readFile(pdf));
    } catch (e) {
      return { ok: false, message: `the PDF cannot be written there: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}` };
    }
    return { ok: true, sheets };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
