/**
 * The Office host itself, as the task pane's entry point needs it: when
 * Office.js is ready, the Office theme, and selection changes. Kept here so
 * that src/excel stays the only code that touches Office.js.
 */

/** The colours Office reports for its theme (a subset of `Office.OfficeTheme`). */
export interface HostTheme {
  readonly bodyBackgroundColor?: string;
  readonly isDarkTheme?: boolean;
}

/** True when this page runs inside an Office host with a document. */
export function inOfficeHost(): boolean {
  return typeof Office !== "undefined" && Office.context !== undefined && Office.context.document !== undefined;
}

/**
 * Calls `start` once Office.js is ready; opened directly in a browser (no
 * Office.js), it calls it straight away.
 */
export function whenHostReady(start: () => void): void {
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") void Office.onReady(() => start());
  else start();
}

/** The Office theme, or undefined where Office does not report one. */
export function hostTheme(): HostTheme | undefined {
  try {
    return Office.context.officeTheme as HostTheme | undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `listener` whenever the user changes the selection in the workbook
 * (for Explain). Returns false where the host cannot report it.
 */
export function onHostSelectionChanged(listener: () => void): boolean {
  try {
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => listener());
    return true;
  } catch {
    return false;
  }
}
