import { hostProblem } from "../port-common";
import type { WorkbookProblem } from "../problems";
import { isSyncTimeLimit } from "./runner";

/**
 * An exception from Excel as a problem value, with the ones a user can fix
 * themselves given a plain meaning: InvalidOperationInCellEditMode (the user
 * is typing in a cell, and the host ran the batch anyway — `delayForCellEdit`
 * is not honoured everywhere: https://learn.microsoft.com/javascript/api/excel/excel.runoptions),
 * and a sync that did not answer within the time limit ({@link isSyncTimeLimit}).
 */
export function excelProblem(operation: string, e: unknown): WorkbookProblem {
  // Unless the caller knows better (a write in flight), a sync that never answered changed nothing it could confirm.
  if (isSyncTimeLimit(e)) return { kind: "syncTimedOut", operation, seconds: Math.ceil(e.limitMs / 1000), written: "nothing", sheets: [] };
  const p = hostProblem(operation, e);
  if (p.kind === "hostError" && p.code === "InvalidOperationInCellEditMode") return { kind: "cellEditMode", operation };
  return p;
}
