import type { CellLocation } from "./layout/cells";

/**
 * Every way the workbook layer can report trouble, as plain data. Engine
 * errors keep their own union (`EngineError`, messages from `errorMessage`);
 * these are the workbook's: missing tables, bad headers, unreadable cells,
 * sheets that are not ours, edits in owned sheets, failed writes. Messages
 * live in one place, {@link workbookProblemMessage}.
 */
export type WorkbookProblem =
  /** A required input table is not in the workbook. */
  | { readonly kind: "missingTable"; readonly table: string; readonly sheet: string }
  /** A table lacks a required column. `at` is the table's header row start. */
  | { readonly kind: "missingColumn"; readonly table: string; readonly column: string; readonly at: CellLocation }
  /** Two columns of a table have the same meaning. */
  | { readonly kind: "duplicateColumn"; readonly table: string; readonly column: string; readonly at: CellLocation }
  /** A cell holds something that cannot be read as its column requires. */
  | {
      readonly kind: "invalidCell";
      readonly table: string;
      readonly column: string;
      readonly value: string;
      readonly expected: string;
      readonly at: CellLocation;
    }
  /** A table runs past the last row of its sheet (row 1,048,576); `at` is that last row. */
  | { readonly kind: "rowsPastEnd"; readonly table: string; readonly rows: number; readonly at: CellLocation }
  /** An output sheet would need rows past the last row of a sheet; nothing is written. */
  | { readonly kind: "sheetTooLong"; readonly sheet: string; readonly rows: number }
  /** An output cell would hold more text than a cell can; nothing is written. */
  | { readonly kind: "textTooLong"; readonly sheet: string; readonly address: string; readonly length: number }
  /** A row of the Settings table names a setting that does not exist. */
  | { readonly kind: "unknownSetting"; readonly setting: string; readonly at: CellLocation }
  /** A required setting row is missing from the Settings table. */
  | { readonly kind: "missingSetting"; readonly setting: string; readonly table: string }
  /** "New model" found input sheets already there and was not told to replace them. */
  | { readonly kind: "inputSheetsExist"; readonly sheets: readonly string[] }
  /** A sheet or table the add-in needs is taken by something the add-in did not create. */
  | { readonly kind: "nameTaken"; readonly name: string; readonly what: "sheet" | "table" | "defined name" }
  /** Owned output sheets were changed by hand since the add-in wrote them. */
  | { readonly kind: "outputsEdited"; readonly sheets: readonly string[] }
  /** =SHARED formulas were to be turned into values, but they are not those confirmed (added, removed or moved since): nothing changed. */
  | { readonly kind: "sharedFormulasChanged"; readonly confirmed: number; readonly found: number }
  /** =SHARED formulas were to be turned into values while some are still calculating (#BUSY!): nothing changed. */
  | { readonly kind: "stillCalculating"; readonly cells: number }
  /** Turning formulas into values needs Excel: this workbook (the command line's file, the browser preview) holds no live formulas. */
  | { readonly kind: "formulasNeedExcel" }
  /** The model cannot be laid out as tables (e.g. a driver named like a fixed column). */
  | { readonly kind: "unwritableModel"; readonly detail: string }
  /**
   * An output sheet would go beyond what Excel can hold (1,048,576 rows,
   * 16,384 columns, 32,767 characters in a cell); nothing is written. `at`
   * is the first cell past the limit (or the cell whose text is too long).
   */
  | {
      readonly kind: "beyondExcelLimits";
      readonly sheet: string;
      readonly limit: "rows" | "columns" | "cellText";
      readonly needed: number;
      readonly allowed: number;
      readonly at: CellLocation;
    }
  /**
   * A table's column would be named with more characters than Excel keeps in
   * a column name (255); nothing is written. `at` is its header cell.
   */
  | {
      readonly kind: "columnNameTooLong";
      readonly table: string;
      readonly length: number;
      readonly allowed: number;
      readonly at: CellLocation;
    }
  /** A sheet would be named as Excel does not allow (over 31 characters, one of []:*?/\, or ' at either end); nothing is written. */
  | { readonly kind: "invalidSheetName"; readonly sheet: string }
  /** Writing failed part-way; says exactly what was left. */
  | {
      readonly kind: "writeFailed";
      readonly stage: "prepare" | "stage" | "swap";
      readonly detail: string;
      /** Sheets now holding the new content. */
      readonly replaced: readonly string[];
      /** Sheets still holding their previous content, untouched. */
      readonly kept: readonly string[];
      /** Sheets whose previous version is gone and whose new one is not in place. */
      readonly missing: readonly string[];
      /** Hidden staging sheets left behind (removed by the next write). */
      readonly leftover: readonly string[];
    }
  /**
   * Excel did not answer a request within the time limit (Excel on the web
   * sometimes never does) and the add-in stopped waiting. `written` says what
   * is known of the workbook: nothing changed; the user's sheets unchanged
   * but hidden working sheets may be left; or the change may or may not have
   * reached the `sheets` named.
   */
  | {
      readonly kind: "syncTimedOut";
      readonly operation: string;
      readonly seconds: number;
      readonly written: "nothing" | "stagingOnly" | "unknown";
      readonly sheets: readonly string[];
    }
  /**
   * The add-in cleared the filter on one of its own tables before writing to
   * it, Excel said it had, and a filter is still on (office-js #468); nothing
   * was written to the table.
   */
  | { readonly kind: "filterStillOn"; readonly table: string; readonly sheet: string }
  /** The user or the task pane cancelled before anything was swapped in. */
  | { readonly kind: "cancelled" }
  /** An address that is not an A1 reference or names no sheet in the workbook. */
  | { readonly kind: "invalidAddress"; readonly address: string }
  /** Excel refused an operation. */
  | { readonly kind: "hostError"; readonly operation: string; readonly code: string; readonly detail: string }
  /** The Excel host lacks an API set the add-in needs. */
  | { readonly kind: "unsupportedHost"; readonly requirement: string }
  /** Excel refused because the user is typing in a cell (and the host could not wait for it). */
  | { readonly kind: "cellEditMode"; readonly operation: string }
  /** Explain needs one cell of a worksheet, and there is no active cell (a chart sheet is active, or the workbook lacks the focus). */
  | { readonly kind: "noActiveCell" };

/** The kinds of workbook problem. */
export type WorkbookProblemKind = WorkbookProblem["kind"];

/** The cell a problem points at, if any, so the task pane can select it. */
export function problemLocation(p: WorkbookProblem): CellLocation | undefined {
  return "at" in p ? p.at : undefined;
}

function list(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(", ");
}

/** The one message for each workbook problem: what is wrong, where, and what to do. */
export function workbookProblemMessage(p: WorkbookProblem): string {
  switch (p.kind) {
    case "missingTable":
      return `The table "${p.table}" (sheet "${p.sheet}") is missing. Create a new model or restore the table.`;
    case "missingColumn":
      return `${p.at.address}: table "${p.table}" has no column "${p.column}". Add the column header back.`;
    case "duplicateColumn":
      return `${p.at.address}: table "${p.table}" has the column "${p.column}" more than once. Remove or rename one.`;
    case "invalidCell":
      return `${p.at.address}: "${p.value}" in column "${p.column}" of table "${p.table}" is not valid; expected ${p.expected}.`;
    case "rowsPastEnd":
      return (
        `${p.at.address}: table "${p.table}" runs ${p.rows} row${p.rows === 1 ? "" : "s"} past row 1,048,576, the last row ` +
        `of a sheet; those rows were not read. Move the table up or split it.`
      );
    case "sheetTooLong":
      return (
        `The "${p.sheet}" sheet would need ${p.rows.toLocaleString("en-GB")} rows, more than the 1,048,576 a sheet has; ` +
        `nothing was written. Run fewer years or lines (or a scenario of part of the model).`
      );
    case "textTooLong":
      return (
        `${p.address} on the "${p.sheet}" sheet would hold ${p.length.toLocaleString("en-GB")} characters, more than the ` +
        `32,767 a cell holds; nothing was written.`
      );
    case "unknownSetting":
      return `${p.at.address}: "${p.setting}" is not a setting this add-in knows. Check the spelling or delete the row.`;
    case "missingSetting":
      return `The table "${p.table}" has no row for the setting "${p.setting}". Add the row back.`;
    case "inputSheetsExist":
      return `The workbook already has input sheets (${list(p.sheets)}). Confirm to replace them, or keep working on them.`;
    case "nameTaken":
      return p.what === "defined name"
        ? `The workbook already has a defined name "${p.name}" (Formulas > Name Manager), and Excel will not give a table the ` +
            `same name. Rename or delete that name, then try again.`
        : `A ${p.what} named "${p.name}" already exists and was not created by this add-in. Rename it, then try again.`;
    case "outputsEdited":
      return (
        `Someone has changed ${list(p.sheets)} since the add-in wrote ${p.sheets.length === 1 ? "it" : "them"}. Confirm to ` +
        `replace ${p.sheets.length === 1 ? "it" : "them"}, or copy your changes elsewhere first.`
      );
    case "sharedFormulasChanged":
      return (
        `The workbook now has ${p.found} =SHARED formula${p.found === 1 ? "" : "s"}, not the ${p.confirmed} you confirmed (they ` +
        `changed since): nothing was changed. Look again, then confirm.`
      );
    case "stillCalculating":
      return (
        `${p.cells} cell${p.cells === 1 ? " is" : "s are"} still calculating (#BUSY!): nothing was changed. Wait until every ` +
        `=SHARED formula shows its result, then try again.`
      );
    case "formulasNeedExcel":
      return "Turning =SHARED formulas into values is done in Excel, where the formulas calculate: open the workbook there.";
    case "unwritableModel":
      return `The model cannot be written as tables: ${p.detail}`;
    case "beyondExcelLimits": {
      const n = (x: number): string => x.toLocaleString("en-GB");
      const what =
        p.limit === "rows"
          ? `would need ${n(p.needed)} rows, and Excel allows ${n(p.allowed)}`
          : p.limit === "columns"
            ? `would need ${n(p.needed)} columns, and Excel allows ${n(p.allowed)}`
            : `would hold ${n(p.needed)} characters in one cell, and Excel allows ${n(p.allowed)}`;
      return (
        `${p.at.address}: the sheet "${p.sheet}" ${what}. Nothing was written. Split the model into smaller workbooks ` +
        `(fewer cost lines, partners or years).`
      );
    }
    case "columnNameTooLong":
      return (
        `${p.at.address}: a column of the table "${p.table}" would be headed with ${p.length.toLocaleString("en-GB")} characters, ` +
        `and Excel keeps ${p.allowed} in a table column's name. Nothing was written. Shorten the id or name that heads it.`
      );
    case "invalidSheetName":
      return (
        `A sheet would be named "${p.sheet}" (${p.sheet.length} characters), which Excel does not allow: at most 31 characters, ` +
        `none of [ ] : * ? / \\, and no apostrophe at either end. Nothing was written.`
      );
    case "writeFailed": {
      const parts = [
        `Writing stopped while ` +
          `${p.stage === "prepare" ? "preparing" : p.stage === "stage" ? "building the new sheets" : "swapping them in"} (${p.detail}).`,
      ];
      if (p.replaced.length > 0) parts.push(`Replaced: ${list(p.replaced)}.`);
      if (p.kept.length > 0) parts.push(`Unchanged: ${list(p.kept)}.`);
      if (p.missing.length > 0)
        parts.push(`Removed but not replaced: ${list(p.missing)}; run again to recreate ${p.missing.length === 1 ? "it" : "them"}.`);
      if (p.leftover.length > 0) parts.push(`Hidden working sheets left: ${list(p.leftover)} (removed on the next run).`);
      return parts.join(" ");
    }
    case "syncTimedOut": {
      const waited = `Excel did not answer within ${p.seconds} seconds while trying to ${p.operation}, so the add-in stopped waiting.`;
      const it = p.sheets.length === 1 ? "it" : "them";
      const known =
        p.written === "nothing"
          ? "Nothing in the workbook was changed."
          : p.written === "stagingOnly"
            ? "Your sheets are unchanged; hidden sheets the add-in was building may be left (the next run removes them)."
            : `The change may or may not have reached ${p.sheets.length > 0 ? list(p.sheets) : "the workbook"}: check ${it} ` +
              `before relying on ${it}, or simply do it again.`;
      // With delayForCellEdit Excel holds requests while a cell is being edited: that wait looks the same from here.
      return (
        `${waited} ${known} If a cell is being edited, press Enter or Esc; otherwise close and reopen the add-in (in Excel on ` +
        `the web, reload the page). Then try again.`
      );
    }
    case "filterStillOn":
      return (
        `A filter is still on the table "${p.table}" (sheet "${p.sheet}") after the add-in cleared it (Excel sometimes leaves ` +
        `one on), so nothing was written to it. Clear it yourself (Data > Clear), then try again.`
      );
    case "cancelled":
      return "Cancelled before anything was written; the workbook is unchanged.";
    case "invalidAddress":
      return `"${p.address}" is not a cell in this workbook.`;
    case "hostError":
      return `Excel could not ${p.operation}: ${p.detail} (${p.code}).`;
    case "unsupportedHost":
      return `This version of Excel lacks ${p.requirement}, which the add-in needs. Update Office or use Excel on the web.`;
    case "cellEditMode":
      return `Excel could not ${p.operation} while a cell is being edited. Press Enter or Esc to finish editing the cell, then try again.`;
    case "noActiveCell":
      return "Click one cell on a worksheet (not a chart sheet), then try again.";
  }
}
