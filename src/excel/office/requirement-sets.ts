/**
 * The Office requirement sets the add-in needs, kept beside the adapter so
 * that one table answers "which Excel can run this?". The manifest's
 * `<Requirements>` must declare exactly {@link MANIFEST_REQUIREMENTS};
 * test/manifest/requirement-sets.test.ts checks that every Office.js and
 * CustomFunctions API the code calls (read from the `[Api set: …]` notes of
 * @types/office-js and @types/custom-functions-runtime) is within them, or is
 * listed in {@link OPTIONAL_APIS} with how the add-in copes without it.
 *
 * Availability per set (Microsoft Learn):
 * - ExcelApi: https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 * - CustomFunctionsRuntime: https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets
 *   (1.3: Office 2021 and Microsoft 365 from 2008; 1.4: Microsoft 365 only, not perpetual Office)
 * - SharedRuntime: https://learn.microsoft.com/javascript/api/requirement-sets/common/shared-runtime-requirement-sets
 */

/** A requirement set and the lowest version the add-in accepts. */
export interface Requirement {
  readonly set: "ExcelApi" | "CustomFunctionsRuntime" | "SharedRuntime";
  readonly version: string;
  /** What needs it. */
  readonly why: string;
}

/** What manifest.xml declares under `<Requirements><Sets>`: hosts without these never load the add-in. */
export const MANIFEST_REQUIREMENTS: readonly Requirement[] = [
  { set: "SharedRuntime", version: "1.1", why: "the task pane and the custom functions share one runtime" },
  { set: "CustomFunctionsRuntime", version: "1.3", why: "CustomFunctions.ErrorCode (every formula's error values) is 1.3" },
  { set: "ExcelApi", version: "1.12", why: "worksheet custom properties, which mark the add-in's own sheets, are 1.12" },
];

/** An API above the manifest's requirement sets that the add-in uses only where the host has it. */
export interface OptionalApi {
  /** The API, as `Namespace.Class.member` or a metadata property. */
  readonly api: string;
  readonly set: Requirement["set"];
  readonly version: string;
  /** How the add-in behaves on a host without it. */
  readonly without: string;
}

/**
 * APIs above {@link MANIFEST_REQUIREMENTS}, each with what happens without it.
 * `allowCustomDataForDataTypeAny` is written into functions.json by
 * custom-functions-metadata (Microsoft's generator always sets it, for hosts of
 * every version); a host before CustomFunctionsRuntime 1.4 passes a data-type
 * cell as its plain value, a 1.4 host passes the data type object, whose
 * `basicValue` the functions read (src/functions/data-types.ts).
 */
export const OPTIONAL_APIS: readonly OptionalApi[] = [
  {
    api: "functions.json allowCustomDataForDataTypeAny",
    set: "CustomFunctionsRuntime",
    version: "1.4",
    without:
      "data-type cells (stocks, geography, entities, formatted numbers) arrive as their plain value instead of an object; the " +
      "functions read either",
  },
];
