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

/**
 * Cell values as Excel passes data types to an `any` parameter on hosts with
 * CustomFunctionsRuntime 1.4 (functions.json sets allowCustomDataForDataTypeAny):
 * JSON objects with a `type` and a `basicValue`, shaped as Excel.CellValue
 * (https://learn.microsoft.com/javascript/api/excel/excel.cellvalue;
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
 */
export const dataType = {
  /** A number with a format, e.g. a currency cell made a FormattedNumber. */
  formattedNumber: (basicValue: number, numberFormat: string) => ({ type: "FormattedNumber", basicValue, numberFormat }),
  /** A plain number as a data type. */
  double: (basicValue: number) => ({ type: "Double", basicValue }),
  /** A stock or geography (Data > Data Types): shows and reads as its name. */
  linkedEntity: (text: string) => ({
    type: "LinkedEntity",
    text,
    basicType: "String",
    basicValue: text,
    id: { entityId: text, domainId: "stocks", serviceId: 268435456, culture: "en-GB" },
  }),
  /** An add-in's or user's entity value: its plain value is #VALUE!. */
  entity: (text: string, properties: Record<string, unknown>) => ({
    type: "Entity",
    text,
    basicType: "Error",
    basicValue: "#VALUE!",
    properties,
  }),
};
