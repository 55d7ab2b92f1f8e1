import { planBatches } from "../layout/batches";
import type { SheetSpec } from "../layout/cells";
import { gridFingerprint } from "../layout/fingerprint";
import { editedSheets, planWrite, swapOutcome, type WritePlan } from "../layout/write-plan";
import type { PortResult, WriteReport } from "../port";
import { done, failed, hostProblem } from "../port-common";
import type { WorkbookProblem } from "../problems";
import { queueBatch, queueSwap } from "./render";
import { LEDGER_SHEET_PREFIX } from "../layout/outputs/ledger-sheets";
import { OPTIONAL_OUTPUT_NAMES, withRetiredOutputs } from "../layout/retired-outputs";
import { isSyncTimeLimit } from "./runner";
import { readState } from "./state";
import { loadValues } from "./values";

/** Options of one write. */
export interface WriteSheetsOptions {
  readonly replaceInputs: boolean;
  readonly replaceEdited: boolean;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** What the write is for, in the words of a message ("write the results"); default "write the sheets". */
  readonly operation?: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

async function deleteStaging(context: Excel.RequestContext, plan: WritePlan): Promise<string[]> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const staged = new Set(plan.sheets.map((p) => p.staging.toLowerCase()));
    const left = sheets.items.filter((s) => staged.has(s.name.toLowerCase()));
    for (const s of left) s.delete();
    await context.sync();
    return [];
  } catch {
    return plan.sheets.map((p) => p.staging);
  }
}

async function afterFailedSwap(context: Excel.RequestContext, plan: WritePlan, e: unknown): Promise<WorkbookProblem> {
  const detail = describe(e);
  try {
    const state = await readState(context);
    return { kind: "writeFailed", stage: "swap", detail, ...swapOutcome(plan, state.sheets) };
  } catch {
    return {
      kind: "writeFailed",
      stage: "swap",
      detail: `${detail}; the workbook could not be read back to check what was left`,
      replaced: [],
      kept: [],
      missing: [],
      leftover: [],
    };
  }
}

const seconds = (ms: number): number => Math.ceil(ms / 1000);

function describe(e: unknown): string {
  const p = hostProblem("write", e);
  return p.kind === "hostError" ? `${p.detail} (${p.code})` : String(e);
}

/**
 * Replaces the add-in's own sheets with new specs, in a constant number of
 * syncs for any size of sheet (2 to read the state, 1 more to read owned
 * outputs back for edit detection, 1 per staging batch — one unless the
 * cells exceed the per-request byte budget — and 1 to swap):
 * 1. read the sheets, markers and tables; plan, refusing anything not ours;
 * 2. unless told to replace edited outputs, read the owned outputs back and
 *    compare them with the fingerprints stored when they were written;
 * 3. build each new sheet hidden, under a staging name, in byte-bounded
 *    batches with calculation suspended (cancellable between batches);
 * 4. swap them in, in one request.
 * A failure in 1–3 leaves every previous sheet as it was (staging sheets are
 * removed, or left hidden for the next write to remove); a failure in 4 is
 * reported sheet by sheet.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  specs: readonly SheetSpec[],
  options: WriteSheetsOptions,
): Promise<PortResult<WriteReport>> {
  const operation = options.operation ?? "write the sheets";
  // The optional outputs too: one an earlier run left may be replaced (see withRetiredOutputs), and edits to it count.
  const names = new Set([...specs.map((s) => s.name), ...OPTIONAL_OUTPUT_NAMES].map((n) => n.toLowerCase()));
  // Ledger sheets are named by partner and journal, so known by their prefix: one the latest run does not write is retired.
  const ledger = LEDGER_SHEET_PREFIX.toLowerCase();
  const state = await readState(
    context,
    (name) => !options.replaceEdited && (names.has(name.toLowerCase()) || name.toLowerCase().startsWith(ledger)),
  );
  const all = withRetiredOutputs(state.sheets, specs);
  const planned = planWrite(state.sheets, state.tables, all, { replaceInputs: options.replaceInputs, definedNames: state.names });
  if (!planned.ok) return failed(planned.problems);
  const plan = planned.plan;
  if (!options.replaceEdited) {
    const outputs = plan.sheets.filter((p) => p.replaces !== undefined && p.spec.role === "output");
    const used = outputs.map((p) => state.sheets.find((s) => same(s.name, p.replaces ?? ""))?.used);
    const pieces = used.filter((u): u is NonNullable<typeof u> => u !== undefined);
    const values = await loadValues(context, pieces, options.maxResponseBytes);
    const current = new Map<string, string>();
    outputs.forEach((p, i) => {
      const u = used[i];
      const k = (p.replaces ?? "").toLowerCase();
      if (u === undefined) current.set(k, gridFingerprint(0, 0, []));
      else current.set(k, gridFingerprint(u.row, u.col, values[pieces.indexOf(u)] ?? []));
    });
    const edited = editedSheets(plan, state.sheets, current);
    if (edited.length > 0) return failed([{ kind: "outputsEdited", sheets: edited }]);
  }
  const batches = planBatches(plan.sheets, options.maxRequestBytes);
  const sheets = context.workbook.worksheets;
  try {
    for (const [i, batch] of batches.entries()) {
      if (options.signal?.aborted === true) {
        const leftover = await deleteStaging(context, plan);
        return failed(
          leftover.length > 0
            ? [{ kind: "writeFailed", stage: "stage", detail: "cancelled", replaced: [], kept: [], missing: [], leftover }]
            : [{ kind: "cancelled" }],
        );
      }
      if (i === 0) for (const name of plan.staleStaging) sheets.getItem(name).delete();
      queueBatch(context, batch);
      // One request per byte-bounded batch: Excel on the web refuses requests over 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      options.onProgress?.(i + 1, batches.length);
    }
  } catch (e) {
    // Excel stopped answering: ask it nothing more. Only hidden staging sheets can have been written.
    if (isSyncTimeLimit(e))
      return failed([{ kind: "syncTimedOut", operation, seconds: seconds(e.limitMs), written: "stagingOnly", sheets: [] }]);
    const leftover = await deleteStaging(context, plan);
    const kept = plan.sheets.filter((p) => p.replaces !== undefined).map((p) => p.spec.name);
    return failed([{ kind: "writeFailed", stage: "stage", detail: describe(e), replaced: [], kept, missing: [], leftover }]);
  }
  if (options.signal?.aborted === true) {
    const leftover = await deleteStaging(context, plan);
    return failed(
      leftover.length > 0
        ? [{ kind: "writeFailed", stage: "stage", detail: "cancelled", replaced: [], kept: [], missing: [], leftover }]
        : [{ kind: "cancelled" }],
    );
  }
  try {
    queueSwap(context, plan);
    await context.sync();
  } catch (e) {
    // The swap was sent and not answered: it may or may not have happened, sheet by sheet.
    if (isSyncTimeLimit(e)) {
      const sheets = plan.sheets.map((p) => p.spec.name);
      return failed([{ kind: "syncTimedOut", operation, seconds: seconds(e.limitMs), written: "unknown", sheets }]);
    }
    return failed([await afterFailedSwap(context, plan, e)]);
  }
  return done({ sheets: plan.sheets.map((p) => p.spec.name), batches: batches.length, bytes: batches.reduce((a, b) => a + b.bytes, 0) });
}
