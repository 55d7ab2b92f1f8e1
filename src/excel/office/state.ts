import { decodeMarker, type SheetMarker } from "../layout/marker";
import { MARK_NAME, MARKER_KEY, OUTPUT_TABLES, markFromNameFormula } from "../layout/names";
import { runLogMarks } from "../layout/run-log-marks";
import { parseAddress } from "../layout/address";
import type { CellValue, RangeRef } from "../layout/cells";

/** A sheet as the adapter reads it. */
export interface OfficeSheet {
  readonly name: string;
  readonly visible: boolean;
  readonly marker: SheetMarker | undefined;
  /** The used range (values only), if it was asked for and the sheet has any values. */
  readonly used: RangeRef | undefined;
}

/** A table as the adapter reads it (header row included). */
export interface OfficeTable {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** The workbook's sheets (with markers), tables and workbook-scoped defined names. */
export interface OfficeState {
  readonly sheets: readonly OfficeSheet[];
  readonly tables: readonly OfficeTable[];
  /** Defined names (Formulas > Name Manager): a table cannot take one of these names. */
  readonly names: readonly string[];
}

/**
 * Reads the workbook's sheets, their ownership markers, its tables and its
 * defined names in two
 * syncs whatever the workbook's size: the first lists sheets and tables, the
 * second loads each sheet's marker and each table's position (and, for the
 * sheets `wantUsed` picks, the used range's extent — never its values).
 */
export async function readState(context: Excel.RequestContext, wantUsed: (name: string) => boolean = () => false): Promise<OfficeState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  const sheetItems = sheets.items.map((s) => {
    const marker = s.customProperties.getItemOrNullObject(MARKER_KEY);
    marker.load("value");
    // The second mark, read like the first: a sheet is the add-in's by either (issue 28).
    const named = s.names.getItemOrNullObject(MARK_NAME);
    named.load("formula");
    const used = wantUsed(s.name) ? s.getUsedRangeOrNullObject(true) : undefined;
    used?.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name: s.name, visible: s.visibility === "Visible", marker, named, used };
  });
  const tableItems = tables.items.map((t) => {
    const range = t.getRange();
    range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    return { name: t.name, range };
  });
  await context.sync();
  const markOf = (s: (typeof sheetItems)[number]): SheetMarker | undefined =>
    (s.marker.isNullObject ? undefined : decodeMarker(s.marker.value)) ??
    (s.named.isNullObject ? undefined : decodeMarker(markFromNameFormula(String(s.named.formula))));
  const marked = sheetItems.map((s) => ({ name: s.name, marker: markOf(s) }));
  const third = await thirdMarks(context, marked, tableItems);
  return {
    sheets: sheetItems.map((s, i) => ({
      name: s.name,
      visible: s.visible,
      marker: marked[i]?.marker ?? third.get(s.name),
      used:
        s.used === undefined || s.used.isNullObject
          ? undefined
          : { sheet: s.name, row: s.used.rowIndex, col: s.used.columnIndex, rows: s.used.rowCount, cols: s.used.columnCount },
    })),
    tables: tableItems.map((t) => ({
      name: t.name,
      sheet: parseAddress(t.range.address)?.sheet ?? "",
      row: t.range.rowIndex,
      col: t.range.columnIndex,
      rows: t.range.rowCount,
      cols: t.range.columnCount,
    })),
    names: names.items.map((n) => n.name),
  };
}

/**
 * Sheets that lost both marks (a file saved by exceljs), recognised from the Run log's record of
 * the sheets its latest run wrote: one more sync, and only when some sheet has no mark and there
 * is a Run log to ask.
 */
async function thirdMarks(
  context: Excel.RequestContext,
  sheets: readonly { readonly name: string; readonly marker: SheetMarker | undefined }[],
  tables: readonly { readonly name: string; readonly range: Excel.Range }[],
): Promise<Map<string, SheetMarker>> {
  const log = tables.find((t) => t.name.toLowerCase() === OUTPUT_TABLES.runLog.toLowerCase());
  if (log === undefined || sheets.every((s) => s.marker !== undefined)) return new Map();
  log.range.load("values");
  await context.sync();
  const where = (t: { readonly range: Excel.Range }): string => parseAddress(t.range.address)?.sheet ?? "";
  return runLogMarks(
    sheets,
    tables.map((t) => ({ name: t.name, sheet: where(t) })),
    {
      name: log.name,
      sheet: where(log),
      row: log.range.rowIndex,
      col: log.range.columnIndex,
      values: log.range.values as CellValue[][],
    },
  );
}
