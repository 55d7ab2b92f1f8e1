/**
 * How the adapter gets a request context: `Excel.run` in Office, a fake in
 * tests. Each call is one batch of work with its own `context.sync()` calls.
 */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Excel.run`, looked up when called so that merely importing this module needs no Office.js. */
export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

/** The Excel API requirement set the adapter needs (worksheet custom properties are ExcelApi 1.12). */
export const REQUIRED_API = { set: "ExcelApi", version: "1.12" } as const;

/** True when running in an Office host that supports {@link REQUIRED_API} (or outside Office, where a fake runner is used). */
export function hostSupportsRequirements(): boolean {
  if (typeof Office === "undefined" || typeof Office.context === "undefined" || Office.context.requirements === undefined) return true;
  return Office.context.requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version);
}
