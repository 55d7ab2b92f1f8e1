/**
 * The one place the task pane turns errors-as-values into text. Problems are
 * listed by the workbook layer's `listProblems` (engine errors through the
 * engine's `errorMessage`, workbook problems through `workbookProblemMessage`,
 * each with its cell); the task pane adds no messages of its own for either,
 * only a key and whether the problem stops a run.
 */
import { errorMessage, type EngineError, type Where } from "../engine";
import type { CellLocation } from "../excel/layout/cells";
import { listProblems } from "../excel/layout/problem-list";
import { workbookProblemMessage, type WorkbookProblem } from "../excel/problems";

/** One problem as the task pane lists it: the message, and the cell to select if there is one. */
export interface ShownProblem {
  /** Stable key for React lists. */
  readonly key: string;
  /** The message, starting with the cell address where there is one. */
  readonly message: string;
  /** A1 address with sheet, e.g. `Costs!F12`. */
  readonly address?: string;
  /** Errors stop a run; warnings do not. */
  readonly severity: "error" | "warning";
}

/** Finds no cell: for problems with no model read to locate them in. */
const NOWHERE = (): CellLocation | undefined => undefined;

/** Workbook problems and engine errors as shown problems, each with its cell where the workbook can say. */
export function shownProblems(
  workbook: readonly WorkbookProblem[],
  engine: readonly EngineError[],
  locate: ((where: Where) => CellLocation | undefined) | undefined,
  severity: ShownProblem["severity"] = "error",
  keyPrefix = "problem",
): ShownProblem[] {
  return listProblems(workbook, engine, locate ?? NOWHERE).map((p, i) => ({
    key: `${keyPrefix}-${i}`,
    message: p.message,
    severity,
    ...(p.location ? { address: p.location.address } : {}),
  }));
}

/** Engine errors as shown problems. */
export function engineProblems(
  errors: readonly EngineError[],
  locate: ((where: Where) => CellLocation | undefined) | undefined,
  severity: ShownProblem["severity"] = "error",
  keyPrefix = "engine",
): ShownProblem[] {
  return shownProblems([], errors, locate, severity, keyPrefix);
}

/** Workbook problems as one paragraph, for a message bar. */
export function workbookProblemsText(problems: readonly WorkbookProblem[]): string {
  return problems.map(workbookProblemMessage).join(" ");
}

/** Engine errors as one paragraph, for a message bar. */
export function engineErrorsText(errors: readonly EngineError[]): string {
  return errors.map(errorMessage).join(" ");
}

/** Text for something thrown where a value was expected (a bug or a host failure). */
export function thrownText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
