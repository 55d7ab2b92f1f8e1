import type { ExcelRunner } from "../../../src/excel/office/runner";
import { FakeContext, type FakeStats, type InjectedFailure } from "./context";
import { FakeDocument } from "./document";
import { FakeApplication, FakeWorkbook } from "./workbook";

export { FakeDocument, FakeSheet, FakeTable, cellKey, keyCell, type FakeCell, type FakeValue } from "./document";
export { FakeExcelError } from "./errors";
export type { FakeStats, InjectedFailure } from "./context";

/** Excel on the web's limit on a request or a response: 5 MB. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** `Excel.run`'s two forms: `run(batch)` and `run(options, batch)`. */
export type FakeRun = ExcelRunner & (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>);

/** A fake Excel: a document, an `Excel.run` over it, and what it counted. */
export interface FakeExcel {
  readonly document: FakeDocument;
  /** `Excel.run`, with or without run options (`delayForCellEdit`). */
  readonly run: FakeRun;
  /** The user starts typing in a cell (see {@link FakeDocument.cellEdit}). */
  startCellEdit(): void;
  /** The user presses Enter or Esc: batches waiting for the edit to end run now. */
  endCellEdit(): void;
  readonly stats: FakeStats;
  /**
   * Makes a sync never answer, as Excel on the web sometimes does (office-js
   * #6678, #6150, #4805): `atSync` counts from the fake's creation, from 1.
   */
  hang(atSync: number): void;
  /** Plans a failure (sync numbers count from the fake's creation, from 1). */
  fail(failure: InjectedFailure): void;
  /** Clears planned failures. */
  clearFailures(): void;
  /** Zeroes the counters. */
  resetStats(): void;
}

/**
 * A faithful-enough fake of the Excel JavaScript API parts the add-in uses,
 * over an in-memory document: proxies with load/sync semantics (reading an
 * unloaded property throws PropertyNotLoaded), `*OrNullObject` + isNullObject,
 * worksheets with custom properties, visibility and positions, tables, ranges
 * with values (typed as Excel types them) and number formats, used ranges,
 * data validation, conditional formats, charts, frozen panes, selection,
 * `suspendApiCalculationUntilNextSync`, payload limits and injected failures.
 */
export function createFakeExcel(
  options: { sheets?: readonly string[]; requestLimit?: number; responseLimit?: number; honoursDelayForCellEdit?: boolean } = {},
): FakeExcel {
  const document = new FakeDocument(options.sheets ?? ["Sheet1"]);
  const stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [], refused: 0, calcSuspendedSyncs: 0 };
  const failures: InjectedFailure[] = [];
  const hangs = new Set<number>();
  const limits = { request: options.requestLimit ?? WEB_PAYLOAD_LIMIT, response: options.responseLimit ?? WEB_PAYLOAD_LIMIT };
  // Batches run with delayForCellEdit wait here until the user leaves cell edit mode.
  let editEnded: { promise: Promise<void>; resolve: () => void } | undefined;
  const honours = options.honoursDelayForCellEdit ?? true;
  const run = (async (first: unknown, second?: unknown) => {
    const runOptions = (typeof first === "function" ? {} : first) as { delayForCellEdit?: boolean };
    const batch = (typeof first === "function" ? first : second) as (context: Excel.RequestContext) => Promise<unknown>;
    if (runOptions.delayForCellEdit === true && honours && editEnded !== undefined) await editEnded.promise;
    const context = new FakeContext(document, stats, limits, failures, hangs);
    const excelContext = Object.assign(context, { workbook: new FakeWorkbook(context), application: new FakeApplication(context) });
    return batch(excelContext as unknown as Excel.RequestContext);
  }) as FakeRun;
  return {
    document,
    run,
    startCellEdit: () => {
      document.cellEdit = true;
      if (editEnded === undefined) {
        let resolve = (): void => undefined;
        const promise = new Promise<void>((r) => (resolve = r));
        editEnded = { promise, resolve };
      }
    },
    endCellEdit: () => {
      document.cellEdit = false;
      const e = editEnded;
      editEnded = undefined;
      e?.resolve();
    },
    stats,
    hang: (atSync) => hangs.add(atSync),
    fail: (f) => failures.push(f),
    clearFailures: () => failures.splice(0),
    resetStats: () => {
      stats.syncs = 0;
      stats.requestBytes.splice(0);
      stats.responseBytes.splice(0);
      stats.calcSuspendedSyncs = 0;
      stats.refused = 0;
    },
  };
}
