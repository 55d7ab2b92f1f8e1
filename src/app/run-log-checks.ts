import { runLogCell, type RunLogEntry, type RunLogField } from "../excel";
import { FINGERPRINT_TABLES, type InputsFingerprint } from "./fingerprint";
import { whenText } from "./run-record";

/** A SHA-256 as the Run log writes it: 64 lower-case hex digits. */
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Why the Run log's record of its latest run cannot be trusted, or undefined
 * when it reads as the add-in writes it. The log is the evidence a
 * verification and a sign-off rest on, so its own cells are checked: the
 * inputs fingerprint must be a SHA-256, the table fingerprints a JSON object
 * of one SHA-256 per input table group (and nothing else), and the two must
 * agree with each other — when every table is as recorded, the inputs
 * fingerprint must be too (otherwise the fingerprint was edited, not the
 * inputs).
 */
export function runLogDamage(log: readonly RunLogEntry[], now: InputsFingerprint): string | undefined {
  const run = [...log].reverse().find((e) => e.event === "run");
  if (run === undefined) return undefined;
  const where = (field: RunLogField): string => {
    const cell = runLogCell(run, field);
    return cell === undefined ? "" : ` (${cell})`;
  };
  const what = `The Run log's record of the run on ${whenText(run.at)}`;
  if (!SHA256.test(run.fingerprint))
    return (
      `${what} is damaged: its inputs fingerprint${where("fingerprint")} is not a SHA-256 fingerprint (64 hex digits), so ` +
      `the run cannot be identified.`
    );
  const tables = recordedTables(run.tables);
  if (tables === undefined)
    return (
      `${what} is damaged: its table fingerprints${where("tables")} are not what the add-in writes (a SHA-256 for each ` +
      `input table), so what changed since the run cannot be told.`
    );
  const sameTables = FINGERPRINT_TABLES.every((t) => tables[t] === now.tables[t]);
  if (sameTables && run.fingerprint !== now.value)
    return (
      `${what} does not hold together: every table fingerprint${where("tables")} matches the inputs now, but its inputs ` +
      `fingerprint${where("fingerprint")} does not, so the log was edited after the run.`
    );
  if (!sameTables && run.fingerprint === now.value)
    return (
      `${what} does not hold together: its inputs fingerprint${where("fingerprint")} matches the inputs now, but its table ` +
      `fingerprints${where("tables")} do not, so the log was edited after the run.`
    );
  return undefined;
}

/** The table fingerprints of a log entry, or undefined when the cell is not what the add-in writes. */
function recordedTables(text: string): Partial<Record<string, string>> | undefined {
  // Ten groups of 64 hex digits with their names fit in well under 1,000 characters.
  if (text.length > 1000) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const entries = Object.entries(v as Record<string, unknown>);
  const known = new Set<string>(FINGERPRINT_TABLES);
  if (entries.some(([k, h]) => !known.has(k) || typeof h !== "string" || !SHA256.test(h))) return undefined;
  // Every group but Support and Journals (present only for a model with them) is always recorded.
  if (FINGERPRINT_TABLES.some((t) => t !== "Support" && t !== "Journals" && !(t in (v as object)))) return undefined;
  return v as Record<string, string>;
}
