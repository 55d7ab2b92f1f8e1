import { buildOutputSheets, cellAddress, runLogSheet, type CellValue, type SheetSpec, type WorkbookPort } from "../excel";
import { ENGINE, type EngineApi } from "./engine-api";
import { shortFingerprint } from "./fingerprint";
import { openModel } from "./open-model";
import { problemsText, workbookProblems, type Problem } from "./problems";
import { staleness, whenText } from "./run-record";
import { planRun, runPlanned } from "./run-model";

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

/**
 * Recomputes the run recorded in the workbook's Run log from the inputs
 * beside it and compares every value in every output sheet with the
 * recomputation, cell by cell. A workbook received from a partner can so be
 * trusted without trusting the partner's copy of the software: only the
 * inputs and this recomputation matter.
 */
export async function verifyWorkbook(port: WorkbookPort, engine: EngineApi = ENGINE): Promise<VerifyOutcome> {
  const opened = await openModel(port, engine);
  if (opened.kind === "noModel") return { kind: "cannotVerify", reason: opened.message, problems: [] };
  if (opened.kind === "failed") return { kind: "cannotVerify", reason: problemsText(opened.problems), problems: opened.problems };
  const session = opened.session;
  const st = staleness(session);
  if (st.kind === "never")
    return { kind: "cannotVerify", reason: "The workbook's Run log records no run: there is nothing to verify.", problems: [] };
  if (st.kind === "stale")
    return {
      kind: "cannotVerify",
      reason:
        `The inputs changed since the run on ${whenText(st.run.at)} (${st.changed.join(", ") || "the inputs"}): the ` +
        `results cannot be reproduced from them.`,
      problems: [],
    };
  const run = st.run;
  // The recorded scenario: the run settings' one, unless the run asked for another (the command line's --scenario).
  const request = {
    ...(run.scenario === session.read.runSettings.scenario ? {} : { scenario: run.scenario }),
    ...(run.compared === "" ? {} : { compare: [run.compared] }),
  };
  const done = runPlanned(planRun(session, opened.problems, request));
  if (!done.ok)
    return { kind: "cannotVerify", reason: "The model has problems, so the run cannot be recomputed.", problems: done.problems };
  const expected = [
    ...buildOutputSheets({ ...done.outputs, stamp: { when: whenText(run.at), fingerprint: shortFingerprint(run.fingerprint) } }),
    // The log is the record itself, not a result: it is compared with what the model's read found in its table.
    runLogSheet(session.read.runLog),
  ];
  const actual = await port.readOutputs();
  if (!actual.ok)
    return { kind: "cannotVerify", reason: problemsText(workbookProblems(actual.problems)), problems: workbookProblems(actual.problems) };
  const differences: CellDifference[] = [];
  const missingSheets: string[] = [];
  let cells = 0;
  for (const spec of expected) {
    const sheet = actual.value.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    if (sheet === undefined) {
      missingSheets.push(spec.name);
      continue;
    }
    const want = gridOf(spec);
    const have = new Map<string, CellValue>();
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => v !== "" && v !== null && v !== undefined && have.set(`${sheet.row + r},${sheet.col + c}`, v)),
    );
    for (const key of new Set([...want.keys(), ...have.keys()])) {
      cells++;
      const w = want.get(key) ?? "";
      const h = have.get(key) ?? "";
      // Exactly the same value: the same number, the same text.
      if (w !== h) {
        const [r = 0, c = 0] = key.split(",").map(Number);
        differences.push({ address: cellAddress({ sheet: spec.name, row: r, col: c }), written: h, recomputed: w });
      }
    }
  }
  if (differences.length === 0 && missingSheets.length === 0)
    return { kind: "verified", sheets: expected.map((s) => s.name), cells, fingerprint: run.fingerprint, runAt: run.at };
  return { kind: "differs", differences, missingSheets, cells };
}

/** Every non-empty cell a sheet spec lays out, by "row,col". */
function gridOf(spec: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of spec.blocks) b.values.forEach((row, r) => row.forEach((v, c) => v !== "" && out.set(`${b.row + r},${b.col + c}`, v)));
  return out;
}
