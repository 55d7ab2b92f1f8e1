import { join } from "node:path";
import { invoiceCsvFiles, journalCsvFiles } from "../app";
import type { JournalsReport } from "../engine";
import type { RunOutputs } from "../excel";
import { checkOutputs, writeOutput, type CheckedOutput, type OutputFile, type Reserved } from "./fs/output-files";
import { outputRefusalMessage } from "./fs/output-messages";
import { removeStaleTemps, removeStaleTempsIn } from "./fs/temp-files";
import { convertToPdfs } from "./libreoffice";
import { conversionMessage, packWorkbook } from "./pdf-command";
import { STATEMENT_TEMP, statementNames, statementWorkbook } from "./statements-command";

/** The files a run writes beside the workbook, as asked for on the command line. */
export interface FilesRequest {
  /** `--pdf`: the committee pack (absolute path, and as typed). */
  readonly pdf?: { readonly path: string; readonly shown: string };
  /** `--statements`: the folder for the partner statements (absolute path, and as typed). */
  readonly statements?: { readonly path: string; readonly shown: string };
  /** `--journals` / `--invoices`: the CSV folders (absolute path, and as typed). */
  readonly journals?: { readonly path: string; readonly shown: string };
  readonly invoices?: { readonly path: string; readonly shown: string };
  /** The run's journals and invoices, made before anything is written. */
  readonly journalsReport?: JournalsReport;
  /** `--csv-bom`: each CSV starts with a byte-order mark. */
  readonly csvBom?: boolean;
  /** LibreOffice's command, for the PDFs. */
  readonly soffice?: string;
  readonly timeoutSeconds: number;
  /** Files none of these may replace: the model, the results workbook. */
  readonly reserved: readonly Reserved[];
  /** `--force`: an existing file may be replaced. */
  readonly force: boolean;
}

/** A file ready to write: checked, with its bytes. */
interface Ready {
  readonly out: CheckedOutput;
  readonly bytes: Uint8Array;
}

/** Everything the run will write beside the workbook, made and checked, not yet written. */
export interface PreparedFiles {
  readonly ready: readonly Ready[];
  /** The pack's sheets, when there is a pack. */
  readonly packSheets: readonly string[] | undefined;
  /** The statements' file names, when there are statements. */
  readonly statementNames: readonly string[] | undefined;
  /** The statements' folder (absolute), where interrupted runs' temporary statements are cleaned up. */
  readonly statementsFolder: string | undefined;
  /** The journals' and invoices' CSV file names, when asked for. */
  readonly journalNames?: readonly string[];
  readonly invoiceNames?: readonly string[];
}

/** Why nothing was written: one line, and one line for each file when several were refused. */
export interface FilesRefused {
  readonly message: string;
  readonly lines: readonly string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Makes every file the run writes beside the workbook, and checks them all,
 * before anything is written (the workbook included): the names first (so a
 * refusal costs nothing), then the statements' workbooks, then every PDF in
 * one LibreOffice conversion under the time limit. `pack` is the run as the
 * pack states it. Writes nothing.
 */
export async function prepareFiles(
  pack: RunOutputs,
  outputs: RunOutputs,
  request: FilesRequest,
): Promise<{ ok: true; files: PreparedFiles } | { ok: false; refused: FilesRefused }> {
  const withPdf = request.pdf !== undefined && request.soffice !== undefined;
  const statements = request.statements === undefined ? [] : statementNames(outputs);
  const folder = request.statements;
  const files: OutputFile[] = [];
  if (request.pdf !== undefined) files.push(request.pdf);
  for (const s of statements) {
    for (const ext of withPdf ? [".xlsx", ".pdf"] : [".xlsx"])
      files.push({
        path: join(folder?.path ?? "", `${s.stem}${ext}`),
        shown: join(folder?.shown ?? "", `${s.stem}${ext}`),
        createFolder: true,
      });
  }
  // The CSVs (docs/journals.md): made in memory now, checked and written with every other file.
  const bytes = new Map<string, Uint8Array>();
  const csvOptions = { bom: request.csvBom === true };
  const report = request.journalsReport;
  const csvSets = [
    { folder: request.journals, made: report === undefined ? [] : journalCsvFiles(report, csvOptions) },
    { folder: request.invoices, made: report === undefined ? [] : invoiceCsvFiles(report, csvOptions) },
  ];
  const csvNames: (string[] | undefined)[] = [];
  for (const { folder: at, made } of csvSets) {
    if (at === undefined) {
      csvNames.push(undefined);
      continue;
    }
    csvNames.push(made.map((f) => f.name));
    for (const f of made) {
      const file = { path: join(at.path, f.name), shown: join(at.shown, f.name), createFolder: true };
      files.push(file);
      bytes.set(file.path, new TextEncoder().encode(f.text));
    }
  }
  const checked = await checkOutputs(files, { reserved: request.reserved, force: request.force });
  if (!checked.ok) {
    const lines = checked.refusals.map((r) => outputRefusalMessage(r));
    return {
      ok: false,
      refused:
        lines.length === 1
          ? { message: lines[0] ?? "", lines: [] }
          : { message: `${plural(lines.length, "file")} cannot be written, so nothing was written:`, lines },
    };
  }
  const byPath = new Map(checked.checked.map((c) => [c.file.path, c]));
  const books: Buffer[] = [];
  for (const s of statements) {
    const book = await statementWorkbook(s);
    books.push(book);
    bytes.set(join(folder?.path ?? "", `${s.stem}.xlsx`), book);
  }
  let packSheets: readonly string[] | undefined;
  if (withPdf && request.pdf !== undefined && request.soffice !== undefined) {
    const book = await packWorkbook(pack);
    if (!book.ok) return { ok: false, refused: { message: `${request.pdf.shown}: ${book.message}`, lines: [] } };
    packSheets = book.sheets;
    const converted = await convertToPdfs([book.bytes, ...books], request.soffice, request.timeoutSeconds);
    if (!converted.ok) {
      const what =
        statements.length === 0 ? "the committee pack" : `the committee pack and ${plural(statements.length, "partner statement")}`;
      return { ok: false, refused: { message: conversionMessage(converted.problem, what, request.soffice), lines: [] } };
    }
    const [packPdf, ...statementPdfs] = converted.pdfs;
    if (packPdf !== undefined) bytes.set(request.pdf.path, packPdf);
    statements.forEach((s, i) => {
      const pdf = statementPdfs[i];
      if (pdf !== undefined) bytes.set(join(folder?.path ?? "", `${s.stem}.pdf`), pdf);
    });
  }
  const ready: Ready[] = [];
  for (const f of files) {
    const out = byPath.get(f.path);
    const b = bytes.get(f.path);
    if (out !== undefined && b !== undefined) ready.push({ out, bytes: b });
  }
  return {
    ok: true,
    files: {
      ready,
      packSheets,
      statementNames:
        folder === undefined ? undefined : statements.flatMap((s) => (withPdf ? [`${s.stem}.xlsx`, `${s.stem}.pdf`] : [`${s.stem}.xlsx`])),
      statementsFolder: folder?.path,
      ...(csvNames[0] === undefined ? {} : { journalNames: csvNames[0] }),
      ...(csvNames[1] === undefined ? {} : { invoiceNames: csvNames[1] }),
    },
  };
}

/**
 * Writes the prepared files, each through a temporary file beside it, the
 * committee pack first, then the statements. First removes the temporary files
 * interrupted runs left in those folders (their process gone), and says so.
 * A file that fails (the disk filled, someone saved one meanwhile) stops the
 * writing; the message names it and the files already written.
 */
export async function writeFiles(
  files: PreparedFiles,
): Promise<{ ok: true; notes: string[] } | { ok: false; message: string; notes: string[] }> {
  const notes: string[] = [];
  const removed: string[] = [];
  if (files.statementsFolder !== undefined) removed.push(...(await removeStaleTempsIn(files.statementsFolder, STATEMENT_TEMP)).removed);
  for (const r of files.ready) removed.push(...(await removeStaleTemps(r.out.target)).removed);
  if (removed.length > 0)
    notes.push(
      `note: removed ${plural(removed.length, "temporary file")} left by an interrupted run (${[...new Set(removed)].join(", ")}).`,
    );
  const written: string[] = [];
  for (const r of files.ready) {
    const problem = await writeOutput(r.out, r.bytes);
    if (problem !== undefined) {
      return { ok: false, message: outputRefusalMessage({ kind: "write", file: r.out.file, problem }, written), notes };
    }
    written.push(r.out.file.shown);
  }
  return { ok: true, notes };
}
