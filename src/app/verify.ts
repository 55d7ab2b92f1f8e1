import {
  buildOutputSheets,
  cellAddress,
  outputSheetRecords,
  type CellValue,
  type OutputValues,
  type RunLogEntry,
  type SheetSpec,
  type WorkbookPort,
} from "../excel";
import { ENGINE, type EngineApi } from "./engine-api";
import { shortFingerprint } from "./fingerprint";
import { openModel } from "./open-model";
import { problemsText, workbookProblems, type Problem } from "./problems";
import { staleness, whenText } from "./run-record";
import { runLogDamage } from "./run-log-checks";
import { planRun, runPlanned, type FinishedOutputs } from "./run-model";
import type { RunRequest } from "./run-request";
import type { ModelSession } from "./session";
import { withMonitoringSheet } from "./monitoring";

/** A cell whose written value differs from what the recorded run gives when recomputed. */
export interface CellDifference {
  /** e.g. `Summary!F9`. */
  readonly address: string;
  /** What the workbook holds ("" for an empty cell). */
  readonly written: CellValue;
  /** What recomputing the run from the inputs gives ("" for an empty cell). */
  readonly recomputed: CellValue;
}

/**
 * A differing cell as one line, the same in every client: `Summary!D7: written 408888.9, recomputed 408888.89`.
 * Text is quoted, so a number typed as text is told apart from the number; a blank is "(empty)".
 */
export function differenceLine(d: CellDifference): string {
  const shown = (v: CellValue): string => (v === "" ? "(empty)" : typeof v === "string" ? JSON.stringify(v) : String(v));
  return `${d.address}: written ${shown(d.written)}, recomputed ${shown(d.recomputed)}`;
}

/** What verifying a workbook found. */
export type VerifyOutcome =
  /** Every value in every output sheet is what the recorded run gives. */
  | {
      readonly kind: "verified";
      readonly sheets: readonly string[];
      readonly cells: number;
      readonly fingerprint: string;
      readonly runAt: string;
    }
  /** Some cells differ (each listed), or sheets are missing. */
  | {
      readonly kind: "differs";
      readonly differences: readonly CellDifference[];
      readonly missingSheets: readonly string[];
      readonly cells: number;
    }
  /** The run cannot be recomputed: no run recorded, inputs changed since it, or the model now has problems. */
  | { readonly kind: "cannotVerify"; readonly reason: string; readonly problems: readonly Problem[] };

/** The run recorded in a workbook, recomputed from the inputs beside it: what verifying and signing off start from. */
export interface RecomputedRun {
  readonly session: ModelSession;
  /** The Run log's latest run. */
  readonly run: RunLogEntry;
  /** The recomputed outputs, stamped as the recorded run was and carrying the Run log as it is. */
  readonly outputs: FinishedOutputs;
}

/** Verifying, with the recomputation when there was one (a sign-off writes the Run log from it). */
export interface RecordedRunCheck {
  readonly outcome: VerifyOutcome;
  readonly recomputed: RecomputedRun | undefined;
}

/**
 * Recomputes the run recorded in the workbook's Run log from the inputs
 * beside it and compares every value in every output sheet with the
 * recomputation, cell by cell. A workbook received from a partner can so be
 * trusted without trusting the partner's copy of the software: only the
 * inputs and this recomputation matter.
 */
export async function verifyWorkbook(port: WorkbookPort, engine: EngineApi = ENGINE): Promise<VerifyOutcome> {
  return (await checkRecordedRun(port, engine)).outcome;
}

/** {@link verifyWorkbook}, keeping the recomputed run for a caller that goes on to record an approval of it. */
export async function checkRecordedRun(port: WorkbookPort, engine: EngineApi = ENGINE): Promise<RecordedRunCheck> {
  const cannot = (reason: string, problems: readonly Problem[] = []): RecordedRunCheck => ({
    outcome: { kind: "cannotVerify", reason, problems },
    recomputed: undefined,
  });
  const opened = await openModel(port, engine);
  if (opened.kind === "noModel") return cannot(opened.message);
  if (opened.kind === "failed") return cannot(problemsText(opened.problems), opened.problems);
  const session = opened.session;
  const st = staleness(session);
  if (st.kind === "never") return cannot("The workbook's Run log records no run: there is nothing to verify.");
  const damaged = runLogDamage(session.read.runLog, session.fingerprint(st.run.recipe));
  if (damaged !== undefined) return cannot(damaged);
  if (st.kind === "stale")
    return cannot(
      `The inputs changed since the run on ${whenText(st.run.at)} (${st.changed.join(", ") || "the inputs"}): the ` +
        `results cannot be reproduced from them.`,
    );
  const run = st.run;
  const done = runPlanned(planRun(session, opened.problems, recordedRequest(session, run)));
  if (!done.ok) return cannot("The model has problems, so the run cannot be recomputed.", done.problems);
  const outputs: FinishedOutputs = {
    ...done.outputs,
    stamp: { when: whenText(run.at), fingerprint: shortFingerprint(run.fingerprint) },
    log: session.read.runLog,
  };
  // The log is the record itself, not a result: it is compared with what the model's read found in its table.
  const expected = buildOutputSheets(outputs.run.model.monitoring === undefined ? outputs : withMonitoringSheet(outputs));
  const actual = await port.readOutputs();
  if (!actual.ok) return cannot(problemsText(workbookProblems(actual.problems)), workbookProblems(actual.problems));
  return { outcome: await compareSheets(expected, actual.value, run), recomputed: { session, run, outputs } };
}

/** The run request that reproduces a recorded run: its scenario and the comparison it made. */
function recordedRequest(session: ModelSession, run: RunLogEntry): RunRequest {
  // Recipe 2 records the whole request (the run settings may have changed since without voiding the run).
  if (run.recipe === 2)
    return {
      scenario: run.scenario,
      compare: run.compared === "" ? [] : [run.compared],
      ...(run.pair === undefined ? { noPair: true } : { pair: run.pair }),
    };
  // Recipe 1: the run settings are covered by its fingerprint, so while it is current they are the run's.
  // The recorded scenario: the run settings' one, unless the run asked for another (the command line's --scenario).
  return {
    ...(run.scenario === session.read.runSettings.scenario ? {} : { scenario: run.scenario }),
    ...(run.compared === "" ? {} : { compare: [run.compared] }),
  };
}

async function compareSheets(expected: readonly SheetSpec[], actual: readonly OutputValues[], run: RunLogEntry): Promise<VerifyOutcome> {
  const differences: CellDifference[] = [];
  const missingSheets: string[] = [];
  let cells = 0;
  // The kinds of sheet the run recorded writing: an output sheet added to the add-in since (the Methodology sheet) is not
  // missing from a run an older add-in made and recorded. A run that recorded none is held to every sheet.
  const recorded = new Set(outputSheetRecords(run).map((r) => r.kind));
  for (const spec of expected) {
    const sheet = actual.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    if (sheet === undefined) {
      if (recorded.size === 0 || recorded.has(spec.kind)) missingSheets.push(spec.name);
      continue;
    }
    const found = await compareSheet(spec, sheet);
    if (found === undefined) continue;
    cells += found.cells;
    for (const d of found.differences) differences.push(d);
  }
  if (differences.length === 0 && missingSheets.length === 0)
    return { kind: "verified", sheets: expected.map((s) => s.name), cells, fingerprint: run.fingerprint, runAt: run.at };
  return { kind: "differs", differences, missingSheets, cells };
}

/**
 * One sheet compared with its recomputation, its written values visited once in row order (streamed from the file
 * where the port can, so no sheet's old values are held): first every cell the recomputation lays out, in the order it
 * lays them out (each once), then every other written cell, row by row. Undefined for a Run log laid out by an older
 * add-in (other columns, in another order): it is read by its headers and checked as evidence (runLogDamage), and laid
 * out in the current order at the next write, so its cells are not compared.
 */
async function compareSheet(
  spec: SheetSpec,
  sheet: OutputValues,
): Promise<{ readonly cells: number; readonly differences: readonly CellDifference[] } | undefined> {
  const want = laidOut(spec);
  if (spec.kind === "runLog" && !sameHeaders(want, sheet)) return undefined;
  const { width, height } = want;
  const address = (r: number, c: number): string => cellAddress({ sheet: spec.name, row: r, col: c });
  // Each laid-out cell: 0 not laid out, 1 laid out, 2 laid out and written, 3 reported.
  const mark = new Uint8Array(width * height);
  let cells = 0;
  want.each((r, c) => {
    const i = r * width + c;
    if (mark[i] === 0) {
      mark[i] = 1;
      cells++;
    }
  });
  // Written values of laid-out cells that differ (the same text, the same number at the precision a cell keeps:
  // see sameStored), by cell; written cells the recomputation leaves empty, in row order.
  const changed = new Map<number, CellValue>();
  const extra: CellDifference[] = [];
  const visit = (r: number, c: number, v: CellValue | null | undefined): void => {
    if (v === "" || v === null || v === undefined) return;
    const i = r < height && c < width ? r * width + c : -1;
    if (i >= 0 && mark[i] === 1) {
      mark[i] = 2;
      if (!sameStored(want.at(r, c), v)) changed.set(i, v);
      return;
    }
    cells++;
    extra.push({ address: address(r, c), written: v, recomputed: "" });
  };
  if (sheet.eachValue !== undefined) await sheet.eachValue(visit);
  else sheet.values.forEach((line, i) => line.forEach((v, j) => visit(sheet.row + i, sheet.col + j, v)));
  const differences: CellDifference[] = [];
  want.each((r, c) => {
    const i = r * width + c;
    const m = mark[i];
    if (m === 3) return;
    mark[i] = 3;
    if (m === 1) differences.push({ address: address(r, c), written: "", recomputed: want.at(r, c) });
    else if (changed.has(i)) differences.push({ address: address(r, c), written: changed.get(i) ?? "", recomputed: want.at(r, c) });
  });
  for (const d of extra) differences.push(d);
  return { cells, differences };
}

/**
 * Whether a written cell holds the recomputed value: the same text, or the same number to 15
 * significant digits — the precision Excel keeps and shows. A program that re-saves the file may
 * write a double with fewer digits than the shortest round trip (openpyxl wrote 1869706.142376863
 * for 1869706.1423768634); that is the same figure, while any edit of a figure changes it well
 * within 15 digits (a penny on £10bn is the 13th).
 */
export function sameStored(recomputed: CellValue, written: CellValue): boolean {
  if (recomputed === written) return true;
  if (typeof recomputed !== "number" || typeof written !== "number") return false;
  return recomputed.toPrecision(15) === written.toPrecision(15);
}

/** The Run log's header row (its table starts at row 3) as written and as laid out now. */
function sameHeaders(want: LaidOut, sheet: OutputValues): boolean {
  const have = (c: number): CellValue => {
    const v = sheet.values[3 - sheet.row]?.[c - sheet.col];
    return v === null || v === undefined ? "" : v;
  };
  let laid = 0;
  for (let c = 0; c < want.width; c++) if (want.at(3, c) !== "") laid = c + 1;
  const width = Math.max(laid, sheet.col + (sheet.values[3 - sheet.row]?.length ?? 0));
  for (let c = 0; c < width; c++) if (want.at(3, c) !== have(c)) return false;
  return true;
}

/** What a sheet spec lays out, read from its blocks where they are (later blocks over earlier, as they are written). */
interface LaidOut {
  readonly width: number;
  readonly height: number;
  /** The value laid out at a cell; "" for none. */
  at(r: number, c: number): CellValue;
  /** Every non-empty value of every block, in the order the blocks lay them out (a cell covered twice, twice). */
  each(visit: (r: number, c: number) => void): void;
}

function laidOut(spec: SheetSpec): LaidOut {
  const blocks = spec.blocks;
  // The blocks over each row, in order: most rows are in one block, so nothing is copied.
  const byRow: number[][] = [];
  let width = 0;
  blocks.forEach((b, k) =>
    b.values.forEach((line, i) => {
      (byRow[b.row + i] ??= []).push(k);
      width = Math.max(width, b.col + line.length);
    }),
  );
  return {
    width,
    height: byRow.length,
    at(r, c) {
      const list = byRow[r];
      if (list === undefined) return "";
      for (let k = list.length - 1; k >= 0; k--) {
        const b = blocks[list[k] ?? -1];
        const v = b?.values[r - b.row]?.[c - b.col];
        if (v !== undefined && v !== "") return v;
      }
      return "";
    },
    each(visit) {
      for (const b of blocks)
        b.values.forEach((line, i) =>
          line.forEach((v, j) => {
            if (v !== "") visit(b.row + i, b.col + j);
          }),
        );
    },
  };
}
