import type { RunLogEntry, RunOutputs, WorkbookPort } from "../excel";
import { ENGINE, type EngineApi } from "./engine-api";
import { shortFingerprint } from "./fingerprint";
import { workbookProblems, type Problem } from "./problems";
import { isoSecond, whenText, type RecordOptions } from "./run-record";
import { checkRecordedRun, differenceLine } from "./verify";

/** What was approved: the run named as the Run log records it, and who approved it when. */
export interface SignedRun {
  /** "Name, Role". */
  readonly by: string;
  /** When the approval was recorded (ISO 8601 UTC). */
  readonly at: string;
  /** When the approved run was made (ISO 8601 UTC). */
  readonly runAt: string;
  /** The scenario it ran ("" for the base model). */
  readonly scenario: string;
  /** The scenarios it compared side by side ("" for none). */
  readonly compared: string;
  /** The run's inputs fingerprint, in full. */
  readonly fingerprint: string;
}

/** A sign-off recorded, or refused with the reason (nothing written). */
export type SignOffResult =
  /** `outputs`: the verified run as written, with the approval in its log (a file format that drops charts lays them again from it). */
  | { readonly ok: true; readonly signed: SignedRun; readonly outputs: RunOutputs }
  | { readonly ok: false; readonly message: string; readonly problems: readonly Problem[] };

/** How many differing cells a refusal names (the verification lists them all). */
const NAMED_DIFFERENCES = 3;

/**
 * Signs off the run recorded in the workbook: first verifies it (recomputes
 * the recorded run, with its scenario and comparisons, and compares every
 * output cell), and refuses with the reason when it is out of date or does
 * not verify. Otherwise appends the approval to the Run log and writes the
 * Run log alone: no result sheet is rewritten, so the figures approved are
 * exactly the figures on the page.
 */
export async function signOffWorkbook(port: WorkbookPort, options: RecordOptions, engine: EngineApi = ENGINE): Promise<SignOffResult> {
  const by = options.by.trim();
  const refused = (reason: string, problems: readonly Problem[] = []): SignOffResult => ({
    ok: false,
    message: `Not signed off: ${reason}`,
    problems,
  });
  const { outcome, recomputed } = await checkRecordedRun(port, engine);
  if (outcome.kind === "cannotVerify") return refused(outcome.reason, outcome.problems);
  if (outcome.kind === "differs" || recomputed === undefined) {
    const diffs = outcome.kind === "differs" ? outcome.differences : [];
    const missing = outcome.kind === "differs" ? outcome.missingSheets : [];
    const named = diffs.slice(0, NAMED_DIFFERENCES).map(differenceLine).join("; ") + (diffs.length > NAMED_DIFFERENCES ? "; …" : "");
    const parts = [
      ...(diffs.length > 0 ? [`${diffs.length} cell${diffs.length === 1 ? "" : "s"} differ from the recomputation (${named})`] : []),
      ...(missing.length > 0 ? [`missing sheets: ${missing.join(", ")}`] : []),
    ];
    return refused(`the results do not verify: ${parts.join("; ")}. Run the model again, review the results, then sign off.`);
  }
  const { session, run, outputs } = recomputed;
  const at = isoSecond(options.now);
  // The sign-off's own time, not the run's: its local time is worked out when the log is written.
  const { source: _source, when: _when, ...recorded } = run;
  const entry: RunLogEntry = { ...recorded, event: "sign-off", at, by };
  const signed: RunOutputs = { ...outputs, log: [...session.read.runLog, entry] };
  const written = await port.writeOutputs(signed, { onlyKinds: ["runLog"] });
  if (!written.ok) return refused("the Run log could not be written.", workbookProblems(written.problems));
  return {
    ok: true,
    signed: { by, at, runAt: run.at, scenario: run.scenario, compared: run.compared, fingerprint: run.fingerprint },
    outputs: signed,
  };
}

/** What a sign-off approved, in one sentence for every client. */
export function signedText(s: SignedRun): string {
  return `Signed off by ${s.by} on ${whenText(s.at)}: ${signedRunText(s)}.`;
}

/** The run a sign-off names, e.g. "the run of 1 Dec 2026 14:03 UTC (base model; compared with A, B; fingerprint 3f2a9c0d1e4b)". */
export function signedRunText(s: Pick<SignedRun, "runAt" | "scenario" | "compared" | "fingerprint">): string {
  const scenario = s.scenario === "" ? "base model" : `scenario ${s.scenario}`;
  const compared = s.compared === "" ? "" : `; compared with ${s.compared}`;
  return `the run of ${whenText(s.runAt)} (${scenario}${compared}; fingerprint ${shortFingerprint(s.fingerprint)})`;
}
