import { decodeMarker } from "../excel/layout/marker";
import { workbookProblemMessage, type WorkbookProblem } from "../excel/problems";
import { createStorePort } from "../excel/store/store-port";
import { scenarioWarnings } from "./check";
import { EXIT, type Outcome } from "./outcome";
import type { ProgressBar } from "./progress";
import { runJson, runText, type WriteSummary } from "./report";
import { problemLine, runWorkbook, type CliProblem } from "./run-model";
import { BulkXlsxStore } from "./xlsx/bulk-store";
import { openWorkbook } from "./xlsx/open";
import { workbookBytes, writeFileAtomic } from "./xlsx/save";
import { lostFeaturesText } from "./xlsx/unsupported";

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
}

const NAME = "shared-apportion";

function failure(code: number, json: boolean, error: string, problems: readonly CliProblem[] = []): Outcome {
  if (json) return { code, out: [JSON.stringify({ ok: false, error, problems: problems.map((p) => ({ address: p.address ?? null, message: p.message })) }, null, 2)] };
  return { code, err: [`${NAME}: ${error}`, ...problems.map((p) => `  ${problemLine(p)}`)] };
}

function writeProblemText(p: WorkbookProblem): string {
  const text = workbookProblemMessage(p);
  if (p.kind === "outputsEdited") return `${text} Add --force to replace them.`;
  return text;
}

/**
 * Opens the workbook, runs the model (or only checks it), and writes the
 * output sheets into the workbook or into `--out`. The input file is read
 * once and only ever replaced as a whole, through a temporary file, when the
 * results are to be written into it; with `--out`, `--check` or `--no-write`
 * it is never touched.
 */
export async function runCommand(args: RunArgs, bar: ProgressBar): Promise<Outcome> {
  bar.update("Reading", 0, 1);
  const opened = await openWorkbook(args.path);
  if (!opened.ok) return failure(EXIT.file, args.json, opened.problem.message.replace(args.path, args.file));
  // Long output blocks are held as rows and written in bulk when saving (see BulkXlsxStore).
  const store = BulkXlsxStore.from(opened.value.store);
  const active = store.workbook.worksheets[store.workbook.views?.[0]?.activeTab ?? 0];
  const port = createStorePort(store);
  bar.update("Calculating", 1, 3);
  const result = await runWorkbook(port, args.scenario === undefined ? {} : { scenario: args.scenario });
  if (!result.ok) {
    if (result.kind === "noModel") return failure(EXIT.file, args.json, `${args.file}: ${result.message}`);
    return failure(EXIT.problems, args.json, `${args.file}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} to fix before the model can run:`, result.problems);
  }
  const warnings = scenarioWarnings(result.read, result.outputs.scenario);
  if (args.check) {
    const m = result.read.model;
    const summary = `${args.file}: no problems found (${m.partners.length} partners, ${m.costLines.length} cost lines, ${(m.scenarios ?? []).length} scenarios).`;
    if (args.json) return { code: EXIT.ok, out: [JSON.stringify({ ok: true, file: args.file, problems: [], warnings: warnings.map((w) => ({ address: w.address ?? null, message: w.message })) }, null, 2)] };
    return { code: EXIT.ok, out: [summary], err: warnings.map((w) => `warning: ${problemLine(w)}`) };
  }

  const inPlace = !args.noWrite && (args.outPath === undefined || args.outPath === args.path);
  const notes: string[] = warnings.map((w) => `warning: ${problemLine(w)}`);
  let write: WriteSummary = { file: undefined, sheets: [], chartsNotWritten: [] };
  if (!args.noWrite) {
    const replaced = (sheet: string): boolean => {
      const role = decodeMarker(store.listSheets().find((s) => s.name === sheet)?.marker)?.role;
      return role === "output" || role === "staging";
    };
    const lost = await opened.value.lost(replaced);
    if (lost.length > 0 && inPlace && !args.force) {
      return failure(EXIT.file, args.json, `${args.file} holds ${lostFeaturesText(lost)}, which this tool cannot keep when it rewrites the file; nothing was written. Use --out <copy.xlsx> to write the results to a new file, or --force to write into this one anyway.`);
    }
    if (lost.length > 0) notes.push(`note: ${args.out ?? args.file} lacks ${lostFeaturesText(lost)} from ${args.file} (this tool cannot write them).`);
    const written = await port.writeOutputs(result.outputs, { replaceEdited: args.force, onProgress: (done, total) => bar.update("Writing sheets", done, total) });
    if (!written.ok) return failure(EXIT.file, args.json, `${args.file}: the results were not written:`, written.problems.map((p) => ({ message: writeProblemText(p) })));
    const target = inPlace ? args.path : (args.outPath ?? args.path);
    const shown = inPlace ? args.file : (args.out ?? args.file);
    bar.update("Saving", 2, 3);
    try {
      await writeFileAtomic(target, await workbookBytes(store, active));
    } catch (e) {
      const why = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      return failure(EXIT.file, args.json, `cannot write ${shown} (${why}); ${inPlace ? "the workbook was left as it was" : "nothing was written"}.`);
    }
    write = { file: shown, sheets: written.value.sheets, chartsNotWritten: store.unwrittenCharts() };
  }
  bar.update("Done", 3, 3);
  if (args.json) return { code: EXIT.ok, out: [JSON.stringify({ ...runJson(result, args.file, write), warnings: warnings.map((w) => ({ address: w.address ?? null, message: w.message })) }, null, 2)] };
  return { code: EXIT.ok, out: runText(result, args.file, write), err: notes };
}
