/** The options the adapter passes to `Excel.run` (a subset of `Excel.RunOptions`). */
export interface ExcelRunOptions {
  /**
   * Wait until the user leaves cell edit mode instead of failing: without it,
   * every batch sent while the user is typing in a cell fails with
   * InvalidOperationInCellEditMode
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  readonly delayForCellEdit?: boolean;
}

/**
 * How the adapter gets a request context: `Excel.run` in Office, a fake in
 * tests. Each call is one batch of work with its own `context.sync()` calls.
 */
export type ExcelRunner = <T>(options: ExcelRunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The options of every batch the adapter runs. */
export const RUN_OPTIONS: ExcelRunOptions = { delayForCellEdit: true };

/** `Excel.run`, looked up when called so that merely importing this module needs no Office.js. */
export const excelRun: ExcelRunner = (options, batch) => Excel.run({ ...options }, batch);

/** The Excel API requirement set the adapter needs (worksheet custom properties are ExcelApi 1.12). */
export const REQUIRED_API = { set: "ExcelApi", version: "1.12" } as const;

/** True when running in an Office host that supports {@link REQUIRED_API} (or outside Office, where a fake runner is used). */
export function hostSupportsRequirements(): boolean {
  if (typeof Office === "undefined" || typeof Office.context === "undefined" || Office.context.requirements === undefined) return true;
  return Office.context.requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version);
}

/**
 * How long the adapter waits for one `context.sync()` before giving up: 60
 * seconds. Each request the adapter sends is at most 4 MB (see batches.ts),
 * which Excel answers in seconds; but Excel on the web sometimes never
 * answers at all — the promise neither resolves nor rejects (office-js #6678,
 * #6150, #4805) — and the task pane would spin for ever.
 */
export const DEFAULT_SYNC_TIME_LIMIT_MS = 60_000;

/** Thrown in place of a sync that did not answer within the time limit (the request may still reach the workbook later). */
export class SyncTimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`Excel did not answer within ${Math.ceil(limitMs / 1000)} seconds`);
    this.name = "SyncTimeLimitError";
  }
}

/** True for the error {@link limitSyncs} throws. */
export function isSyncTimeLimit(e: unknown): e is SyncTimeLimitError {
  return e instanceof SyncTimeLimitError;
}

/**
 * The context with `sync()` bounded by a time limit: a sync that has not
 * answered in `limitMs` rejects with {@link SyncTimeLimitError}, and every
 * later sync of the same batch rejects at once (a host that stopped answering
 * one request is not asked to run more on the same context).
 */
export function limitSyncs(context: Excel.RequestContext, limitMs: number): Excel.RequestContext {
  const sync = context.sync.bind(context) as () => Promise<unknown>;
  let stalled = false;
  const limited = (): Promise<unknown> => {
    if (stalled) return Promise.reject(new SyncTimeLimitError(limitMs));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stalled = true;
        reject(new SyncTimeLimitError(limitMs));
      }, limitMs);
      sync().then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          // Passed on as Excel threw it: its code is what excelProblem reads.
          reject(e);
        },
      );
    });
  };
  // An own property shadows RequestContext.prototype.sync for this batch only.
  Object.defineProperty(context, "sync", { value: limited, configurable: true, writable: true });
  return context;
}
