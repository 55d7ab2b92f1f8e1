import { parseAddress } from "../layout/address";
import type { CellValue } from "../layout/cells";
import { INPUT_TABLES, TABLE_ORDER } from "../layout/input-tables";
import type { RawTable } from "../layout/read-model";
import { isPayloadError } from "../port-common";
import { loadValues } from "./values";

/**
 * Reads the input tables (or only `which`) by name, header row included, in
 * two syncs whatever their size: one to see which exist, one to load their
 * positions and values. If the values exceed Excel on the web's response
 * limit, it falls back to reading positions, then values in byte-bounded pieces.
 */
export async function readInputTables(
  context: Excel.RequestContext,
  which: readonly string[] = TABLE_ORDER.map((k) => INPUT_TABLES[k].name),
): Promise<Map<string, RawTable>> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const wanted = new Set(which.map((n) => n.toLowerCase()));
  const present = tables.items.map((t) => t.name).filter((n) => wanted.has(n.toLowerCase()));
  // The sheet's name comes from the range's address ("Costs!A1:N40"), which avoids loading a navigation property.
  const queue = (withValues: boolean): { name: string; range: Excel.Range }[] =>
    present.map((name) => {
      const range = context.workbook.tables.getItem(name).getRange();
      if (withValues) range.load("address,rowIndex,columnIndex,rowCount,columnCount,values");
      else range.load("address,rowIndex,columnIndex,rowCount,columnCount");
      return { name, range };
    });
  const sheetOf = (range: Excel.Range): string => parseAddress(range.address)?.sheet ?? "";
  const out = new Map<string, RawTable>();
  let items = queue(true);
  try {
    await context.sync();
    for (const i of items)
      out.set(i.name, {
        name: i.name,
        sheet: sheetOf(i.range),
        row: i.range.rowIndex,
        col: i.range.columnIndex,
        values: i.range.values as CellValue[][],
      });
    return out;
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  items = queue(false);
  await context.sync();
  const pieces = items.map((i) => ({
    sheet: sheetOf(i.range),
    row: i.range.rowIndex,
    col: i.range.columnIndex,
    rows: i.range.rowCount,
    cols: i.range.columnCount,
  }));
  const values = await loadValues(context, pieces);
  items.forEach((i, k) => {
    const p = pieces[k];
    if (p !== undefined) out.set(i.name, { name: i.name, sheet: p.sheet, row: p.row, col: p.col, values: values[k] ?? [] });
  });
  return out;
}
