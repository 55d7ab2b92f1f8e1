/** Into each council's books: coding, balanced journals, invoices and VAT (docs/journals.md). */
export * from "./build";
export * from "./coding";
export * from "./inputs";
export * from "./instalments";
export * from "./layouts";
export * from "./prepare";
export * from "./vat";
export * from "./vat-cost";
