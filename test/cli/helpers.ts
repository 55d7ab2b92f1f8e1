import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI's main function in-process, capturing its output (stderr is not a terminal); `now` fixes the clock. */
export async function cli(args: readonly string[], cwd?: string, now?: Date): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { isTTY: false, write: (t: string) => (stderr += t) },
    ...(cwd === undefined ? {} : { cwd }),
    ...(now === undefined ? {} : { now: () => now }),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder and a function to remove it. */
export async function tempDir(): Promise<{ dir: string; file: (name: string) => string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "sa-cli-"));
  return { dir, file: (name) => join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Reads a workbook with exceljs, independently of the CLI's own reader. */
export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A sheet's values as rows of plain cells (1-based exceljs → 0-based arrays). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = row.values as unknown[];
    out[n - 1] = vals.slice(1);
  });
  return Array.from(out, (r) => r ?? []);
}

/** A money cell (pounds, as written) as integer pence, exactly. */
export function pence(v: unknown): number {
  if (typeof v !== "number") throw new Error(`not a number: ${String(v)}`);
  const p = Math.round(v * 100);
  if (Math.abs(p - v * 100) > 1e-6) throw new Error(`not a whole number of pence: ${v}`);
  return p;
}
