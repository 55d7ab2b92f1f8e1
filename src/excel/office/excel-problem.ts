import { hostProblem } from "../port-common";
import type { WorkbookProblem } from "../problems";

/**
 * An exception from Excel as a problem value, with the ones a user can fix
 * themselves given a plain meaning: InvalidOperationInCellEditMode (the user
 * is typing in a cell, and the host ran the batch anyway — `delayForCellEdit`
 * is not honoured everywhere: https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 */
export function excelProblem(operation: string, e: unknown): WorkbookProblem {
  const p = hostProblem(operation, e);
  if (p.kind === "hostError" && p.code === "InvalidOperationInCellEditMode") return { kind: "cellEditMode", operation };
  return p;
}
