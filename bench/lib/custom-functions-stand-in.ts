/**
 * A minimal stand-in for Excel's `CustomFunctions` global, so the SHARED.*
 * functions can be called directly in Node. Import it before
 * src/functions/functions.ts (the bench imports that module dynamically after
 * this one has run).
 */
class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StandInError, ErrorCode, associate: () => undefined };

export function isStandInError(v: unknown): boolean {
  return v instanceof StandInError;
}
