import type { RunLogEntry } from "../excel";
import { shortFingerprint, type FingerprintTable } from "./fingerprint";
import { staleness, stalenessWarnings, whenText } from "./run-record";
import type { ModelSession } from "./session";

/** A verification that passed: which run it recomputed (from the Run log) and from which inputs. */
export interface VerifiedRun {
  readonly runAt: string;
  readonly fingerprint: string;
}

/**
 * The one status of the latest run, from which every client words what it
 * shows: never two that contradict ("Out of date" beside "Verified"), since
 * a verification or a sign-off counts only while the run is current.
 */
export type RunStatus =
  /** No run recorded in the workbook's Run log. */
  | { readonly kind: "noRun" }
  /** The results match the inputs now; `verified` when a verification of this run, from these inputs, passed. */
  | { readonly kind: "current"; readonly run: RunLogEntry; readonly verified: boolean }
  /** As current, and approved (after the run, of its fingerprint). */
  | { readonly kind: "signedOff"; readonly run: RunLogEntry; readonly signOff: RunLogEntry; readonly verified: boolean }
  /** The inputs changed since the run: which tables. */
  | { readonly kind: "outOfDate"; readonly run: RunLogEntry; readonly changed: readonly FingerprintTable[] }
  /** The run was signed off, and the inputs changed since. */
  | {
      readonly kind: "changedSinceSignOff";
      readonly run: RunLogEntry;
      readonly signOff: RunLogEntry;
      readonly changed: readonly FingerprintTable[];
    };

/** The status of the latest run in a session's workbook; `verified` is the last verification that passed, if any. */
export function runStatus(session: ModelSession, verified?: VerifiedRun): RunStatus {
  const s = staleness(session);
  if (s.kind === "never") return { kind: "noRun" };
  if (s.kind === "stale")
    return s.signOff.kind === "none"
      ? { kind: "outOfDate", run: s.run, changed: s.changed }
      : { kind: "changedSinceSignOff", run: s.run, signOff: s.signOff.entry, changed: s.changed };
  // A verification stands for the run it recomputed from the inputs it read; any later change voids it.
  const isVerified = verified !== undefined && verified.runAt === s.run.at && verified.fingerprint === session.fingerprint().value;
  return s.signOff.kind === "current"
    ? { kind: "signedOff", run: s.run, signOff: s.signOff.entry, verified: isVerified }
    : { kind: "current", run: s.run, verified: isVerified };
}

/** A status in words: a title, one paragraph and how to show it. */
export interface RunStatusNotice {
  readonly intent: "success" | "info" | "warning";
  readonly title: string;
  readonly text: string;
}

/** The words for a status, the same in every client (undefined when no run is recorded). */
export function runStatusNotice(s: RunStatus): RunStatusNotice | undefined {
  if (s.kind === "noRun") return undefined;
  const run = `the run on ${whenText(s.run.at)} (fingerprint ${shortFingerprint(s.run.fingerprint)})`;
  const checked = " Verified: every value in the result sheets is what these inputs give.";
  switch (s.kind) {
    case "current":
      return {
        intent: s.verified ? "success" : "info",
        title: s.verified ? "Current and verified" : "Current",
        text: `The results are from ${run} and match the inputs now.${s.verified ? checked : ""}`,
      };
    case "signedOff":
      return {
        intent: "success",
        title: s.verified ? "Signed off and verified" : "Signed off",
        text:
          `The results are from ${run}, signed off by ${s.signOff.by} on ${whenText(s.signOff.at)}, and match the inputs ` +
          `now.${s.verified ? checked : ""}`,
      };
    case "outOfDate":
      return { intent: "warning", title: "Out of date", text: stalenessWarnings(staleOf(s)).join(" ") };
    case "changedSinceSignOff":
      return { intent: "warning", title: "Changed since sign-off", text: stalenessWarnings(staleOf(s)).join(" ") };
  }
}

function staleOf(s: Extract<RunStatus, { kind: "outOfDate" | "changedSinceSignOff" }>): Parameters<typeof stalenessWarnings>[0] {
  return {
    kind: "stale",
    run: s.run,
    changed: s.changed,
    signOff: s.kind === "outOfDate" ? { kind: "none" } : { kind: "changed", entry: s.signOff, changed: s.changed },
  };
}
