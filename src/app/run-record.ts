import type { RunLogEntry, RunOutputs } from "../excel";
import { changedTables, FINGERPRINT_RECIPE, shortFingerprint, type FingerprintTable } from "./fingerprint";
import type { FinishedOutputs } from "./run-model";
import type { ModelSession } from "./session";
import { VERSION } from "./version";

/** Who made a run and when: what the Run log records with it. */
export interface RecordOptions {
  /** The person preparing the run (the Settings table's "Prepared by", or `--prepared-by`). */
  readonly by: string;
  readonly now: Date;
}

/** A date and time as the log and the titles show it, in UTC so every reader sees the same: "1 Dec 2026 14:03 UTC". */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${hh}:${mm} UTC`;
}

/** ISO 8601 UTC to the second: `2026-12-01T14:03:00Z`. */
export function isoSecond(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/**
 * The outputs with their run record: every sheet's title stamped with the
 * time and the inputs fingerprint, and the Run log carried forward with this
 * run added (the log only grows).
 */
export function recordRun(session: ModelSession, outputs: FinishedOutputs, warnings: number, options: RecordOptions): RunOutputs {
  const fp = session.fingerprint(FINGERPRINT_RECIPE);
  const at = isoSecond(options.now);
  let capital = 0;
  let revenue = 0;
  for (const t of outputs.run.totals) {
    if (t.category === "capital") capital += t.amount;
    else revenue += t.amount;
  }
  const entry: RunLogEntry = {
    event: "run",
    at,
    by: options.by,
    scenario: outputs.scenario ?? "",
    fingerprint: fp.value,
    tables: JSON.stringify(fp.tables),
    version: VERSION,
    capital,
    revenue,
    balanced: outputs.run.result.balance.balanced,
    problems: 0,
    warnings,
    compared: outputs.many === undefined ? "" : outputs.many.names.slice(1).join(", "),
    ...(outputs.pair === undefined ? {} : { pair: outputs.pair }),
    recipe: FINGERPRINT_RECIPE,
    // Filled in with the sheets as laid out (buildOutputSheets): the third mark of ownership.
    sheets: "",
  };
  return { ...outputs, stamp: { when: whenText(at), fingerprint: shortFingerprint(fp.value) }, log: [...session.read.runLog, entry] };
}

/** Whether the results in the workbook still match its inputs. */
export type Staleness =
  /** No run has been written to this workbook (or its log was removed). */
  | { readonly kind: "never" }
  | { readonly kind: "current"; readonly run: RunLogEntry; readonly signOff: SignOffState }
  | { readonly kind: "stale"; readonly run: RunLogEntry; readonly changed: readonly FingerprintTable[]; readonly signOff: SignOffState };

/**
 * The sign-off of the latest run, if it has one, and whether the inputs
 * changed since. Only an approval recorded after that run, of that run's
 * fingerprint, counts: a sign-off of an earlier run (another model, or inputs
 * since changed and run again) says nothing about the run on the page.
 */
export type SignOffState =
  | { readonly kind: "none" }
  | { readonly kind: "current"; readonly entry: RunLogEntry }
  | { readonly kind: "changed"; readonly entry: RunLogEntry; readonly changed: readonly FingerprintTable[] };

/** Compares the inputs now in the workbook with the last run (and its sign-off) in its Run log. */
export function staleness(session: ModelSession): Staleness {
  const log = session.read.runLog;
  const at = log.map((e) => e.event).lastIndexOf("run");
  const run = log[at];
  if (run === undefined) return { kind: "never" };
  // Under the run's own recipe: a recipe-1 run is compared as it always was (run settings included).
  const fp = session.fingerprint(run.recipe);
  const changed = run.fingerprint === fp.value ? [] : changedTables(parseTables(run.tables), fp.tables);
  const approval = log.slice(at + 1).find((e) => e.event === "sign-off" && e.fingerprint === run.fingerprint);
  const signOff: SignOffState =
    approval === undefined
      ? { kind: "none" }
      : run.fingerprint === fp.value
        ? { kind: "current", entry: approval }
        : { kind: "changed", entry: approval, changed };
  if (run.fingerprint === fp.value) return { kind: "current", run, signOff };
  return { kind: "stale", run, changed, signOff };
}

/**
 * The warnings a client shows for a staleness, in plain words (none when the
 * results are current): one sentence, never two that contradict — results
 * that were signed off and have since gone out of date say both in one.
 */
export function stalenessWarnings(s: Staleness): string[] {
  if (s.kind !== "stale") return [];
  if (s.signOff.kind === "changed")
    return [
      `The inputs changed since sign-off by ${s.signOff.entry.by} on ${whenText(s.signOff.entry.at)}: ${tablesText(s.changed)}. ` +
        `These results, from the run on ${whenText(s.run.at)}, are out of date: run the model again and have the new run signed off.`,
    ];
  return [
    `These results are out of date: ${tablesText(s.changed)} changed since the run on ${whenText(s.run.at)}. Run the model ` +
      `again before relying on them.`,
  ];
}

function tablesText(tables: readonly string[]): string {
  const t = [...tables];
  if (t.length <= 1) return t[0] ?? "the inputs";
  return `${t.slice(0, -1).join(", ")} and ${t[t.length - 1]}`;
}

function parseTables(text: string): Partial<Record<string, string>> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
