/**
 * A minimal stand-in for Excel's `CustomFunctions` global, enough to call the
 * SHARED.* functions directly in Node: the Error class, the ErrorCode values
 * Excel uses, and an `associate` that records registrations.
 *
 * Import this module before src/functions/functions.ts (ES modules run in
 * import order), so the file's guarded registration finds the stand-in.
 */

/** The error codes, with the values the real runtime uses (the cell text). */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Stand-in for CustomFunctions.Error. */
export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Every id → function registered through CustomFunctions.associate. */
export const associations = new Map<string, unknown>();

function associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
  if (typeof idOrMappings === "string") associations.set(idOrMappings.toUpperCase(), fn);
  else for (const [id, f] of Object.entries(idOrMappings)) associations.set(id.toUpperCase(), f);
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode, associate };

/** True when a value is an Excel error from a custom function. */
export function isExcelError(value: unknown): value is StubError {
  return value instanceof StubError;
}

/** The error shown in a cell: its code and message. Throws if the value is not an error. */
export function excelError(value: unknown): { code: string; message: string | undefined } {
  if (!(value instanceof StubError)) throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  return { code: value.code, message: value.message };
}
