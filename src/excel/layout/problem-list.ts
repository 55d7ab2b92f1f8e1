import { errorMessage, type EngineError, type Where } from "../../engine";
import { problemLocation, workbookProblemMessage, type WorkbookProblem } from "../problems";
import type { CellLocation } from "./cells";

/** One problem ready to list: its message and, where known, the cell to select. */
export interface ListedProblem {
  readonly message: string;
  readonly location: CellLocation | undefined;
  readonly source:
    { readonly kind: "workbook"; readonly problem: WorkbookProblem } | { readonly kind: "engine"; readonly error: EngineError };
}

/**
 * Workbook problems and engine errors as one list for the task pane: each
 * with its message (from the one message function of its kind) and the cell
 * it is about, found with `locate` (from `ModelRead`).
 */
export function listProblems(
  workbook: readonly WorkbookProblem[],
  engine: readonly EngineError[],
  locate: (where: Where) => CellLocation | undefined,
): ListedProblem[] {
  return [
    ...workbook.map((p) => ({
      message: workbookProblemMessage(p),
      location: problemLocation(p),
      source: { kind: "workbook" as const, problem: p },
    })),
    ...engine.map((e) => {
      const location = locate(e.at);
      return {
        message: location === undefined ? errorMessage(e) : `${location.address}: ${errorMessage(e)}`,
        location,
        source: { kind: "engine" as const, error: e },
      };
    }),
  ];
}
