/**
 * The one shape of "a problem" that clients show, and the one formatter.
 * Engine errors (`EngineError`, worded by `errorMessage`) and workbook
 * problems (`WorkbookProblem`, worded by `workbookProblemMessage`) are turned
 * into {@link Problem}s here and nowhere else, each located to its cell where
 * the workbook can say, so the task pane and the command line use the same
 * words.
 */
import { errorMessage, type EngineError, type Where } from "../engine";
import { problemLocation, workbookProblemMessage, type CellLocation, type WorkbookProblem } from "../excel";

/** Errors stop a run; warnings are worth knowing but do not. */
export type Severity = "error" | "warning";

/** One problem as every client shows it. */
export interface Problem {
  /** Stable key (for React lists and de-duplication). */
  readonly key: string;
  readonly severity: Severity;
  /** A1 address with sheet, e.g. `Costs!F12`, when the problem is in a cell. */
  readonly address?: string;
  /** What is wrong and, where it helps, what to do; without the address. */
  readonly message: string;
}

/** Turns an engine error's `Where` into a cell, where the workbook can say. */
export type Locate = (where: Where) => CellLocation | undefined;

const NOWHERE: Locate = () => undefined;

/** The problem as one line: `Costs!F12: Cost line "X", amount: …`. */
export function problemLine(p: Problem): string {
  return p.address === undefined ? p.message : `${p.address}: ${p.message}`;
}

/** Workbook problems as problems (their cell, when they have one). */
export function workbookProblems(problems: readonly WorkbookProblem[], severity: Severity = "error", keyPrefix = "workbook"): Problem[] {
  return problems.map((p, i) => {
    const at = problemLocation(p);
    const message = stripAddress(workbookProblemMessage(p), at?.address);
    return { key: `${keyPrefix}-${i}`, severity, message, ...(at === undefined ? {} : { address: at.address }) };
  });
}

/** Engine errors as problems, each located with `locate`. */
export function engineProblems(
  errors: readonly EngineError[],
  locate: Locate | undefined,
  severity: Severity = "error",
  keyPrefix = "engine",
): Problem[] {
  return errors.map((e, i) => {
    const at = (locate ?? NOWHERE)(e.at);
    return { key: `${keyPrefix}-${i}`, severity, message: errorMessage(e), ...(at === undefined ? {} : { address: at.address }) };
  });
}

/** A problem with no cell, from text the application layer words itself. */
export function plainProblem(message: string, severity: Severity = "error", key = "plain"): Problem {
  return { key, severity, message };
}

/** Drops repeated problems (same line and severity), keeping the first. */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.severity}\u0000${problemLine(p)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** True when any problem is an error (a run must not start). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Problems as one paragraph, for a message bar. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map(problemLine).join(" ");
}

/** Workbook problems as one paragraph, for a message bar. */
export function workbookProblemsText(problems: readonly WorkbookProblem[]): string {
  return problemsText(workbookProblems(problems));
}

/** Engine errors as one paragraph, for a message bar. */
export function engineErrorsText(errors: readonly EngineError[], locate?: Locate): string {
  return problemsText(engineProblems(errors, locate));
}

/** Text for something thrown where a value was expected (a bug or a host failure). */
export function thrownText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// Some workbook messages already start with their cell ("Costs!F2: …"); the address is kept apart.
function stripAddress(message: string, address: string | undefined): string {
  return address !== undefined && message.startsWith(`${address}: `) ? message.slice(address.length + 2) : message;
}
