/** An error shaped like Office.js's `OfficeExtension.Error`: a code, a message and the failing statement. */
export class FakeExcelError extends Error {
  /** The Office.js error code, e.g. "ItemNotFound", "PropertyNotLoaded". */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

/** Reading a property that was not loaded and synced, as real Excel refuses. */
export function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing ` +
      `object and call "context.sync()" on the associated request context.`,
  );
}
