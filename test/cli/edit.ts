import { writeFile } from "node:fs/promises";
import type { CellValue } from "../../src/excel/layout/cells";
import { a1, quoteSheet } from "../../src/excel/layout/address";
import { openWorkbook } from "../../src/cli/xlsx/open";
import { workbookBytes } from "../../src/cli/xlsx/save";
import type { XlsxStore } from "../../src/cli/xlsx-store";

/** Opens a workbook with the CLI's store, lets `edit` change it as a user would, and saves it (markers kept). */
export async function editWorkbook(path: string, edit: (store: XlsxStore) => void | Promise<void>): Promise<void> {
  const opened = await openWorkbook(path);
  if (!opened.ok) throw new Error(opened.problem.message);
  await edit(opened.value.store);
  await writeFile(path, await workbookBytes(opened.value.store));
}

/** Where a table's column is: the address of its `bodyRow`-th body cell (0-based) and a setter for it. */
export function tableCell(
  store: XlsxStore,
  table: string,
  header: string,
  bodyRow: number,
): { address: string; set: (v: CellValue) => void } {
  const t = store.listTables().find((x) => x.name === table);
  if (t === undefined) throw new Error(`no table ${table}`);
  const [head = []] = store.readValues(t.sheet, t.row, t.col, 1, t.cols);
  const c = head.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${table}: ${head.join("|")}`);
  const row = t.row + 1 + bodyRow;
  const col = t.col + c;
  return {
    address: `${quoteSheet(t.sheet)}!${a1(row, col)}`,
    set: (v) => store.writeBlock(t.sheet, row, col, [[v]], undefined, undefined),
  };
}
