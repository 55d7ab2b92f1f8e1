import { INPUT_TABLES, TABLE_ORDER, type WorkbookPort, type WorkbookStatus } from "../excel";
import type { EngineApi } from "./engine-api";
import { workbookProblems, type Problem } from "./problems";
import { createSession, type ModelSession } from "./session";

/** What opening the model in a workbook found. */
export type OpenOutcome =
  /** The model was read (it may still have problems: see `checkModel`). */
  | { readonly kind: "opened"; readonly status: WorkbookStatus; readonly session: ModelSession; readonly problems: readonly Problem[] }
  /** The workbook holds no model: `message` says which required tables are missing. */
  | { readonly kind: "noModel"; readonly status: WorkbookStatus; readonly message: string }
  /** The workbook could not be read at all. */
  | { readonly kind: "failed"; readonly problems: readonly Problem[] };

/** The one wording of "there is no model in this workbook", naming the missing tables. */
export function noModelMessage(status: WorkbookStatus): string {
  const required = new Set(TABLE_ORDER.filter((k) => INPUT_TABLES[k].required).map((k) => INPUT_TABLES[k].name));
  const missing = status.tables.filter((t) => !t.present && required.has(t.name)).map((t) => t.name);
  const tables =
    missing.length === 0
      ? ""
      : `: the table${missing.length === 1 ? "" : "s"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`;
  return `There is no model in this workbook${tables}. Create one on the task pane's Start screen, or with shared-apportion --sample.`;
}

/**
 * Reads the model in a workbook through its port, once: the workbook's
 * status, the input tables and the stored scenarios. Problems reading cells
 * come back with the session (the model is built from everything readable);
 * a workbook without the required tables is `noModel`.
 */
export async function openModel(port: WorkbookPort, engine: EngineApi): Promise<OpenOutcome> {
  const status = await port.inspect();
  if (!status.ok) return { kind: "failed", problems: workbookProblems(status.problems) };
  if (!status.value.hasModel) return { kind: "noModel", status: status.value, message: noModelMessage(status.value) };
  const read = await port.readModel();
  if (!read.ok) return { kind: "failed", problems: workbookProblems(read.problems) };
  // The scenarios are part of the model read (the Scenarios table); reading them again would be a second request.
  const scenarios = read.value.model.scenarios ?? [];
  return {
    kind: "opened",
    status: status.value,
    session: createSession(read.value, scenarios, engine),
    problems: workbookProblems(read.value.problems),
  };
}
