import { dayNumber, toExcelSerial } from "../../src/engine";
import { problemLine, runWorkbook, type Problem, type WorkbookRun } from "../../src/app";
import type { CellValue } from "../../src/excel/layout/cells";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { sampleById } from "../../src/samples";

/**
 * Runs an edited sample workbook through the application layer's
 * `runWorkbook` (what the command line calls; the task pane's Run goes through
 * the same `checkModel` and `planRun`) over a workbook port, here the
 * in-memory one, and lists everything it reports: errors that stop the run,
 * and warnings on a run that went ahead.
 */

/** One thing reported about a workbook. */
export interface Reported {
  readonly severity: "error" | "warning";
  readonly address: string | undefined;
  readonly message: string;
}

/** An edit to a sample: cells typed as a user would (typing below a table extends it). */
export type Edits = Readonly<Record<string, CellValue>>;

/** The Excel serial of a calendar date, as a date cell holds it. */
export function serial(year: number, month: number, day: number): number {
  return toExcelSerial(dayNumber(year, month, day));
}

/** A fresh in-memory workbook holding a sample model, with its port. */
export async function sampleWorkbook(
  sample: string,
): Promise<{ workbook: MemoryWorkbook; port: ReturnType<typeof createMemoryPort>["port"] }> {
  const s = sampleById(sample);
  if (s === undefined) throw new Error(`no sample ${sample}`);
  const { port, workbook } = createMemoryPort(new MemoryWorkbook(["Sheet1"]));
  const created = await port.createModel(s.model, { notes: s.notes });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return { workbook, port };
}

/** A run that went ahead. */
export type Done = Extract<WorkbookRun, { ok: true }>;

/** What a run of the edited sample reports, and the run itself when it went ahead. */
export async function report(sample: string, edits: Edits, scenario?: string): Promise<{ reported: Reported[]; done: Done | undefined }> {
  const { workbook, port } = await sampleWorkbook(sample);
  for (const [address, value] of Object.entries(edits)) workbook.setCellValue(address, value);
  const r = await runWorkbook(port, scenario === undefined ? {} : { scenario });
  if (!r.ok) {
    if (r.kind === "noModel") return { reported: [{ severity: "error", address: undefined, message: r.message }], done: undefined };
    return { reported: r.problems.map(as), done: undefined };
  }
  return { reported: r.warnings.map(as), done: r };
}

function as(p: Problem): Reported {
  return { severity: p.severity, address: p.address, message: p.message };
}

/** The reports as lines, for a failing assertion's message. */
export function shown(reported: readonly Reported[]): string {
  return reported
    .map(
      (r) =>
        `${r.severity}: ` +
        problemLine({ key: "", severity: r.severity, message: r.message, ...(r.address === undefined ? {} : { address: r.address }) }),
    )
    .join("\n");
}
