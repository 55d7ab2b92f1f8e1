import {
  differenceLine,
  methodologyOf,
  paperAgainst,
  journalsJson,
  journalsOfRun,
  journalsProblems,
  problemLine,
  recordRun,
  runStatus,
  runStatusNotice,
  runWorkbook,
  staleness,
  stalenessWarnings,
  verifyWorkbook,
  whenText,
  writeResults,
  type Problem,
  createStorePort,
  decodeMarker,
} from "../app";
import type { RunOutputs } from "../excel";
import { EXIT, type Outcome } from "./outcome";
import type { ProgressBar } from "./progress";
import { methodologyJson } from "./methodology-report";
import { runJson, runText, type WriteSummary } from "./report";
import { beginWrite, type WriteSession } from "./write-session";
import { BulkXlsxStore } from "./xlsx/bulk-store";
import type { Limits } from "./xlsx/limits";
import { DeferredSheetKept } from "./xlsx/deferred-sheets";
import { openWorkbook } from "./xlsx/open";
import { workbookBytes } from "./xlsx/save";
import { lostFeaturesText } from "./xlsx/unsupported";
import { DEFAULT_PDF_TIMEOUT_SECONDS } from "./libreoffice";
import { LIBREOFFICE_NEEDED } from "./pdf-command";
import { prepareFiles, writeFiles, type FilesRequest, type PreparedFiles } from "./run-files";
import { signOffCommand } from "./sign-off-command";

/** A run as the command line was asked for it, with absolute paths. */
export interface RunArgs {
  /** As typed, for messages. */
  readonly file: string;
  readonly out: string | undefined;
  readonly path: string;
  readonly outPath: string | undefined;
  readonly check: boolean;
  readonly noWrite: boolean;
  readonly scenario: string | undefined;
  readonly json: boolean;
  readonly force: boolean;
  readonly preparedBy?: string | undefined;
  readonly signOff?: string | undefined;
  readonly verify?: boolean;
  readonly compare?: readonly string[];
  /** The time to record (tests fix it); default now. */
  readonly now?: Date;
  /** Size limits for opening the workbook (docs/cli-safety.md). */
  readonly limits?: Limits;
  /** `--pdf` as typed, and its absolute path: the committee pack as PDF. */
  readonly pdf?: string | undefined;
  readonly pdfPath?: string;
  /** LibreOffice's command for `--pdf` (undefined: not installed). */
  readonly soffice?: string | undefined;
  /** `--statements` as typed, and its absolute path: one statement workbook per partner. */
  readonly statements?: string | undefined;
  readonly statementsPath?: string;
  /** `--journals` / `--invoices` as typed, and their absolute paths: CSV folders (docs/journals.md). */
  readonly journals?: string | undefined;
  readonly journalsPath?: string;
  readonly invoices?: string | undefined;
  readonly invoicesPath?: string;
  /** `--csv-bom`: each CSV starts with a byte-order mark. */
  readonly csvBom?: boolean;
  /** `--pdf-timeout`: how long LibreOffice may take, in seconds (default {@link DEFAULT_PDF_TIMEOUT_SECONDS}). */
  readonly pdfTimeoutSeconds?: number | undefined;
  /** Warnings about the arguments themselves, said before the run's own. */
  readonly warnings?: readonly string[];
  /** `--against` as typed, and its absolute path: last year's signed-off workbook, for the methodology paper. */
  readonly against?: string | undefined;
  readonly againstPath?: string;
}

const NAME = "shared-apportion";

/** A problem as `--json` gives it. */
function problemJson(p: Problem): { address: string | null; message: string } {
  return { address: p.address ?? null, message: p.message };
}

function failure(
  code: number,
  json: boolean,
  error: string,
  problems: readonly Problem[] = [],
  notes: readonly string[] = [],
  said: readonly string[] = [],
): Outcome {
  if (json)
    return {
      code,
      out: [
        JSON.stringify({ ok: false, error, problems: problems.map(problemJson), ...(notes.length > 0 ? { stale: notes } : {}) }, null, 2),
      ],
    };
  return {
    code,
    err: [...said, `${NAME}: ${error}`, ...problems.map((p) => `  ${problemLine(p)}`), ...notes.map((n) => `warning: ${n}`)],
  };
}

/** The files beside the workbook this run was asked for, and what none of them may replace. */
function filesRequest(args: RunArgs): FilesRequest {
  const inPlace = args.outPath === undefined || args.outPath === args.path;
  return {
    ...(args.pdfPath === undefined ? {} : { pdf: { path: args.pdfPath, shown: args.pdf ?? args.pdfPath } }),
    ...(args.statementsPath === undefined
      ? {}
      : { statements: { path: args.statementsPath, shown: args.statements ?? args.statementsPath } }),
    ...(args.journalsPath === undefined ? {} : { journals: { path: args.journalsPath, shown: args.journals ?? args.journalsPath } }),
    ...(args.invoicesPath === undefined ? {} : { invoices: { path: args.invoicesPath, shown: args.invoices ?? args.invoicesPath } }),
    csvBom: args.csvBom === true,
    ...(args.soffice === undefined ? {} : { soffice: args.soffice }),
    timeoutSeconds: args.pdfTimeoutSeconds ?? DEFAULT_PDF_TIMEOUT_SECONDS,
    reserved: [
      { path: args.path, shown: args.file, what: "the model" },
      ...(inPlace || args.outPath === undefined
        ? []
        : [{ path: args.outPath, shown: args.out ?? args.outPath, what: "the results workbook" }]),
    ],
    force: args.force,
  };
}

/**
 * Opens the workbook, runs the model (or only checks it), and writes the
 * output sheets into the workbook or into `--out`. The input file is read
 * once and only ever replaced as a whole, through a temporary file, when the
 * results are to be written into it; with `--out`, `--check` or `--no-write`
 * it is never touched. The files asked for beside it (`--pdf`, `--statements`)
 * are made and checked before anything is written (run-files.ts); then the
 * workbook is written, then they are. Warnings about the arguments come first.
 */
export async function runCommand(args: RunArgs, bar: ProgressBar): Promise<Outcome> {
  const outcome = await runChecked(args, bar);
  const warned = (args.warnings ?? []).map((w) => `warning: ${w}`);
  return warned.length === 0 ? outcome : { ...outcome, err: [...warned, ...(outcome.err ?? [])] };
}

/** The run itself, once the arguments' warnings are set aside. */
async function runChecked(args: RunArgs, bar: ProgressBar): Promise<Outcome> {
  // Said before anything is read or written, so a run asked for a PDF never half-happens.
  if (args.pdfPath !== undefined && args.soffice === undefined) return failure(EXIT.file, args.json, LIBREOFFICE_NEEDED);
  if (args.check || args.noWrite || args.verify === true) return runDeferred(args, bar, undefined);
  // A write is checked and locked before the workbook is read: a read-only or busy file is
  // refused at once, and the identity check before the rename then covers the whole run.
  const inPlace = args.outPath === undefined || args.outPath === args.path;
  const begun = await beginWrite(inPlace ? args.path : (args.outPath ?? args.path), inPlace ? args.file : (args.out ?? args.file), inPlace);
  if (!begun.ok) return failure(EXIT.file, args.json, begun.message);
  try {
    const outcome = await runDeferred(args, bar, begun.session);
    return begun.session.notes.length === 0 ? outcome : { ...outcome, err: [...begun.session.notes, ...(outcome.err ?? [])] };
  } finally {
    await begun.session.release();
  }
}

/**
 * {@link runAndWrite} with the old output sheets left in the file, not loaded (they are only replaced
 * or compared; see xlsx/deferred-sheets.ts). A sign-off saves the workbook with them, so it loads
 * them; so does a write that would keep one of them after all (it is run again, reading them).
 */
async function runDeferred(args: RunArgs, bar: ProgressBar, session: WriteSession | undefined): Promise<Outcome> {
  if (args.signOff !== undefined) return runAndWrite(args, bar, session, false);
  try {
    return await runAndWrite(args, bar, session, true);
  } catch (e) {
    if (!(e instanceof DeferredSheetKept)) throw e;
    return runAndWrite(args, bar, session, false);
  }
}

async function runAndWrite(args: RunArgs, bar: ProgressBar, session: WriteSession | undefined, defer: boolean): Promise<Outcome> {
  bar.update("Reading", 0, 1);
  const opened = await openWorkbook(args.path, args.limits, { deferOutputs: defer, keepDeferredValues: args.verify === true });
  if (!opened.ok) return failure(EXIT.file, args.json, opened.problem.message.replace(args.path, args.file));
  // Long output blocks are held as rows and written in bulk when saving (see BulkXlsxStore).
  const store = BulkXlsxStore.from(opened.value.store);
  const active = store.workbook.worksheets[store.workbook.views?.[0]?.activeTab ?? 0];
  const port = createStorePort(store);
  bar.update("Calculating", 1, 3);
  if (args.verify === true) return verifyCommand(args, await verifyWorkbook(port));
  // A sign-off approves the run in the file as it is: it is never run again here (src/app/sign-off.ts).
  if (args.signOff !== undefined && session !== undefined)
    return signOffCommand({
      file: args.file,
      by: args.signOff,
      now: args.now ?? new Date(),
      json: args.json,
      force: args.force,
      opened: opened.value,
      store,
      port,
      active,
      session,
    });
  const result = await runWorkbook(port, {
    ...(args.scenario === undefined ? {} : { scenario: args.scenario }),
    ...(args.compare === undefined || args.compare.length === 0 ? {} : { compare: args.compare }),
  });
  if (!result.ok) {
    if (result.kind === "noModel") return failure(EXIT.file, args.json, `${args.file}: ${result.message}`);
    // The results in the file came from other inputs: say so next to the problems.
    const stale = result.session === undefined ? [] : stalenessWarnings(staleness(result.session));
    return failure(
      EXIT.problems,
      args.json,
      `${args.file}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to fix before the model can run:`,
      result.problems,
      stale,
    );
  }
  const warnings = result.warnings;
  const before = staleness(result.session);
  const stale = stalenessWarnings(before);
  if (args.check) {
    const m = result.session.model;
    const summary =
      `${args.file}: no problems found (${m.partners.length} partners, ${m.costLines.length} cost lines, ` +
      `${result.session.scenarios.length} scenarios).`;
    // Where the latest run stands, in the words every client uses (the warnings say it when it is out of date).
    const notice = runStatusNotice(runStatus(result.session));
    const status = notice === undefined ? null : { title: notice.title, text: notice.text };
    if (args.json)
      return {
        code: EXIT.ok,
        out: [JSON.stringify({ ok: true, file: args.file, problems: [], warnings: warnings.map(problemJson), stale, status }, null, 2)],
      };
    return {
      code: EXIT.ok,
      out: [summary, ...(notice === undefined || notice.intent === "warning" ? [] : [`${notice.title}: ${notice.text}`])],
      err: [...warnings.map((w) => `warning: ${problemLine(w)}`), ...stale.map((s) => `warning: ${s}`)],
    };
  }

  const inPlace = !args.noWrite && (args.outPath === undefined || args.outPath === args.path);
  const notes: string[] = warnings.map((w) => `warning: ${problemLine(w)}`);
  if (args.noWrite) notes.push(...stale.map((s) => `warning: ${s}`));
  else if (before.kind === "stale")
    notes.push(`note: the results in ${args.file} were out of date (from the run on ${whenText(before.run.at)}); these replace them.`);
  // What is written carries its run record: every title stamped, the Run log carried forward with this run (or sign-off) added.
  const record = { by: args.preparedBy ?? result.session.read.preparedBy, now: args.now ?? new Date() };
  const toWrite = recordRun(result.session, result.outputs, warnings.length, record);
  // Last year's signed-off run, checked before anything is written: the paper in the pack, the statements and --json.
  // The workbook's own Methodology sheet stays this run's second year against its first, which --verify can recompute.
  let methodology: RunOutputs["methodology"];
  if (args.againstPath !== undefined) {
    const shown = args.against ?? args.againstPath;
    const other = await openWorkbook(args.againstPath, args.limits);
    if (!other.ok) return failure(EXIT.file, args.json, other.problem.message.replace(args.againstPath, shown));
    const compared = await paperAgainst(result.outputs, createStorePort(BulkXlsxStore.from(other.value.store)), shown);
    if (!compared.ok) return failure(EXIT.problems, args.json, compared.message);
    methodology = { paper: compared.paper, against: compared.against };
  }
  // Journals and invoices (docs/journals.md) are made from the stamped run, before anything is written: asked for
  // with --journals or --invoices, a charge without a code stops the run with every such problem located.
  const journals = journalsOfRun(toWrite);
  const csvAsked = args.journalsPath !== undefined || args.invoicesPath !== undefined;
  if (csvAsked && journals === undefined)
    return failure(
      EXIT.problems,
      args.json,
      `${args.file}: --journals and --invoices need the model's coding and ledgers (the Coding and Ledgers sheets); nothing was written.`,
    );
  if (journals !== undefined && !journals.ok) {
    const problems = journalsProblems(journals, result.session.read.locate);
    if (csvAsked)
      return failure(
        EXIT.problems,
        args.json,
        `${args.file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} to fix before the journals can be written; ` +
          "nothing was written:",
        problems,
      );
    // Not asked for: the model check has already warned of each (see checkModel), so they are not said twice.
  }
  const journalsReport = journals?.ok === true ? journals.value : undefined;
  let write: WriteSummary = { file: undefined, sheets: [], charts: [] };
  let commitWorkbook: (() => Promise<string | undefined>) | undefined;
  if (session !== undefined) {
    const replaced = (sheet: string): boolean => {
      const role = decodeMarker(store.listSheets().find((s) => s.name === sheet)?.marker)?.role;
      return role === "output" || role === "staging";
    };
    const secondOnly = store.markedBySecondMarkOnly().filter(replaced);
    if (secondOnly.length > 0) {
      notes.push(
        `note: ${args.file} was saved by a program that drops the add-in's sheet markers (LibreOffice or openpyxl, for example); ` +
          `its sheets were recognised by their second mark (the name _SharedApportion), and these will be replaced: ` +
          `${secondOnly.join(", ")}.`,
      );
    }
    const lost = await opened.value.lost(replaced);
    if (lost.length > 0 && inPlace && !args.force) {
      return failure(
        EXIT.file,
        args.json,
        `${args.file} holds ${lostFeaturesText(lost)}, which this tool cannot keep when it rewrites the file; nothing was ` +
          `written. Use --out <copy.xlsx> to write the results to a new file, or --force to write into this one anyway.`,
      );
    }
    if (lost.length > 0)
      notes.push(`note: ${args.out ?? args.file} lacks ${lostFeaturesText(lost)} from ${args.file} (this tool cannot write them).`);
    const written = await writeResults(port, toWrite, {
      replaceEdited: args.force,
      onProgress: (done, total) => bar.update("Writing sheets", done, total),
    });
    if (written.kind !== "written") {
      const problems =
        written.kind === "needsConsent"
          ? written.problems.map((p) => ({ ...p, message: `${p.message} Add --force to replace them.` }))
          : written.problems;
      return failure(EXIT.file, args.json, `${args.file}: the results were not written:`, problems);
    }
    const bytes = await workbookBytes(store, active);
    commitWorkbook = () => session.commit(bytes, opened.value.identity);
    write = {
      file: inPlace ? args.file : (args.out ?? args.file),
      sheets: written.report.sheets,
      charts: store.allCharts().map((c) => ({ sheet: c.sheet, name: c.chart.name, title: c.chart.title })),
    };
  }
  // Every other file is made and checked before anything is written, the workbook included: a refusal or a
  // failed conversion leaves every file as it was.
  const asked = args.pdfPath !== undefined || args.statementsPath !== undefined || csvAsked;
  let files: PreparedFiles | undefined;
  if (asked) {
    bar.update(args.pdfPath === undefined ? "Making statements" : "Making the PDF", 2, 3);
    // Without a write nothing is recorded in the Run log: the pack says "calculated", not "run".
    const recorded = methodology === undefined ? toWrite : { ...toWrite, methodology };
    const pack =
      session === undefined && recorded.stamp !== undefined ? { ...recorded, stamp: { ...recorded.stamp, recorded: false } } : recorded;
    const prepared = await prepareFiles(pack, recorded, {
      ...filesRequest(args),
      ...(journalsReport === undefined ? {} : { journalsReport }),
    });
    if (!prepared.ok)
      return failure(
        EXIT.file,
        args.json,
        prepared.refused.message,
        prepared.refused.lines.map((message) => ({ key: "", severity: "error", message })),
      );
    files = prepared.files;
  }
  if (commitWorkbook !== undefined) {
    bar.update("Saving", 2, 3);
    const refused = await commitWorkbook();
    if (refused !== undefined) return failure(EXIT.file, args.json, refused);
  }
  const said = write.file === undefined ? "" : ` The results were written to ${write.file}.`;
  const extras: string[] = [];
  if (files !== undefined) {
    bar.update("Writing files", 2, 3);
    const done = await writeFiles(files);
    if (!done.ok) return failure(EXIT.file, args.json, `${done.message}${said}`, [], [], done.notes);
    notes.push(...done.notes);
    if (files.packSheets !== undefined) extras.push(`Committee pack (${files.packSheets.join(", ")}) written to ${args.pdf ?? ""}.`);
    if (files.statementNames !== undefined)
      extras.push(`Partner statements written to ${args.statements ?? ""}: ${files.statementNames.join(", ")}.`);
    if (files.journalNames !== undefined) extras.push(`Journals written to ${args.journals ?? ""}: ${files.journalNames.join(", ")}.`);
    if (files.invoiceNames !== undefined) extras.push(`Invoices written to ${args.invoices ?? ""}: ${files.invoiceNames.join(", ")}.`);
  }
  if (methodology !== undefined)
    extras.push(`Methodology paper: ${methodology.paper.year} against ${methodology.paper.previousYear} of ${methodology.against}.`);
  const pdfSheets = files?.packSheets ?? null;
  const statementFiles = files?.statementNames ?? null;
  bar.update("Done", 3, 3);
  if (args.json) {
    const json = {
      ...runJson(result.outputs, args.file, write),
      methodology: methodologyJson(
        methodologyOf(methodology === undefined ? result.outputs : { ...result.outputs, methodology }),
        result.outputs.run.model,
        methodology?.against,
      ),
      warnings: warnings.map(problemJson),
      stale: args.noWrite ? stale : [],
      pdf: pdfSheets === null ? null : { file: args.pdf, sheets: pdfSheets },
      statements: statementFiles === null ? null : { folder: args.statements, files: statementFiles },
      journals: journalsReport === undefined ? null : journalsJson(journalsReport),
      journalFiles: files?.journalNames === undefined ? null : { folder: args.journals, files: files.journalNames },
      invoiceFiles: files?.invoiceNames === undefined ? null : { folder: args.invoices, files: files.invoiceNames },
    };
    return { code: EXIT.ok, out: [JSON.stringify(json, null, 2)] };
  }
  return { code: EXIT.ok, out: [...runText(result.outputs, args.file, write), ...extras], err: notes };
}

/** The report of `--verify`: exit 0 only when every output cell agrees with the recomputation. */
function verifyCommand(args: RunArgs, v: Awaited<ReturnType<typeof verifyWorkbook>>): Outcome {
  if (v.kind === "verified") {
    if (args.json)
      return {
        code: EXIT.ok,
        out: [
          JSON.stringify(
            {
              ok: true,
              verified: true,
              file: args.file,
              run: v.runAt,
              fingerprint: v.fingerprint,
              sheets: v.sheets,
              cells: v.cells,
              differences: [],
            },
            null,
            2,
          ),
        ],
      };
    return {
      code: EXIT.ok,
      out: [
        `${args.file}: verified. Every value in ${v.sheets.join(", ")} (${v.cells} cells) is what the run of ` +
          `${whenText(v.runAt)} gives when recomputed from the inputs (fingerprint ${v.fingerprint}).`,
      ],
    };
  }
  if (v.kind === "cannotVerify") return failure(EXIT.problems, args.json, `${args.file}: cannot verify: ${v.reason}`, v.problems);
  const diffs = v.differences;
  if (args.json) {
    const out = {
      ok: false,
      verified: false,
      file: args.file,
      cells: v.cells,
      missingSheets: v.missingSheets,
      differences: diffs.map((d) => ({ address: d.address, written: d.written, recomputed: d.recomputed })),
    };
    return { code: EXIT.problems, out: [JSON.stringify(out, null, 2)] };
  }
  return {
    code: EXIT.problems,
    err: [
      `${NAME}: ${args.file}: NOT verified: ${diffs.length} cell${diffs.length === 1 ? "" : "s"} ` +
        `differ${diffs.length === 1 ? "s" : ""} from the ` +
        `recomputation${v.missingSheets.length > 0 ? `; missing sheets: ${v.missingSheets.join(", ")}` : ""}:`,
      ...diffs.map((d) => `  ${differenceLine(d)}`),
    ],
  };
}
