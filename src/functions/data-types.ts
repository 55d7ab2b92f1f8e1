/**
 * Cells holding Excel data types (linked entities such as stocks and
 * geography, entity values, formatted numbers) reach an `any` parameter as
 * an object when the host has CustomFunctionsRuntime 1.4 and functions.json
 * sets `allowCustomDataForDataTypeAny` (custom-functions-metadata always
 * does): e.g. `{ type: "FormattedNumber", basicValue: 82000, numberFormat: "£#,##0" }`
 * or `{ type: "LinkedEntity", text: "Microsoft Corp", basicValue: "Microsoft Corp", … }`
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts,
 * https://learn.microsoft.com/javascript/api/excel/excel.cellvalue).
 * Older hosts pass the plain value. Reading `basicValue` — what the cell
 * shows as a plain value, and what Excel's own functions see — makes both
 * the same: a formatted number is its number, a stock is its name (and so
 * is refused as an amount with a message naming the argument), an entity is
 * "#VALUE!".
 */

/** The plain value of a cell: a data type object's `basicValue`, anything else as it is. */
export function basicValueOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const cell = value as { readonly type?: unknown; readonly basicValue?: unknown };
  if (typeof cell.type !== "string") return value;
  return cell.basicValue === undefined || cell.basicValue === null ? "" : cell.basicValue;
}
