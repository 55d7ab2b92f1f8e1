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
