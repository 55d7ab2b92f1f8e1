/**
 * Every use of exceljs beyond its published typings, in one place. exceljs
 * 4.4.0 (pinned exactly in package.json) keeps these as plain fields of its
 * objects; an upgrade may rename them, so test/cli/exceljs-internals.test.ts
 * checks each one against the installed version through a real write and
 * read, and fails before a changed internal can damage a workbook.
 */
import type { Table, Workbook, Worksheet } from "exceljs";

/** The parts of an exceljs table model this tool reads and keeps consistent (exceljs writes `tableRef`/`autoFilterRef`). */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Top-left cell of a table created in this process. */
  ref?: string;
  /** The whole table, header included, e.g. `A1:E9`. */
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean; dxfId?: string; style?: unknown }[];
  style?: { theme?: string; showRowStripes?: boolean } | null;
}

/** A worksheet's tables (the typings say `[Table, void][]`; exceljs returns the tables). */
export function worksheetTables(ws: Worksheet): Table[] {
  return ws.getTables() as unknown as Table[];
}

/** The mutable model behind an exceljs table (`table.table`; the typings hide it). */
export function tableModel(t: Table): TableModel {
  return (t as unknown as { table: TableModel }).table;
}

/** Re-keys a table in its worksheet's table map (`ws.tables`, by name) after it is renamed. */
export function rekeyTable(ws: Worksheet, table: Table, name: string): void {
  const tables = (ws as unknown as { tables: Record<string, Table> }).tables;
  for (const k of Object.keys(tables)) if (tables[k] === table) delete tables[k];
  tables[name] = table;
}

/** A worksheet's data validations by cell address (`ws.dataValidations.model`), to rewrite their formulas. */
export function validationModels(ws: Worksheet): Record<string, { formulae?: string[] }> {
  return (ws as unknown as { dataValidations: { model: Record<string, { formulae?: string[] }> } }).dataValidations.model;
}

/**
 * Replaces a worksheet's data validations (`ws.dataValidations.model`) with `model`, keyed by cell or range: exceljs
 * writes a range key's validation with that range as its `sqref`. Returns the model it held.
 */
export function replaceValidationModels<V>(ws: Worksheet, model: Record<string, V>): Record<string, V | undefined> {
  const holder = (ws as unknown as { dataValidations: { model: Record<string, V | undefined> } }).dataValidations;
  const was = holder.model;
  holder.model = model;
  return was;
}

/** Sets a worksheet's place in the tab order (`orderNo`, by which exceljs sorts `worksheets` and writes them). */
export function setSheetOrder(ws: Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/** Loads .xlsx bytes (the typings ask for an ArrayBuffer; exceljs reads a Node Buffer as well). */
export async function loadXlsx(workbook: Workbook, bytes: Buffer): Promise<void> {
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
}

/**
 * Merges a range as `ws.mergeCells` does, without its check of the new range
 * against every merge already on the sheet (`ws._merges`), which made a
 * statement's few thousand merged rows quadratic: the same check is made on
 * the range's own cells instead (a merged cell, master or not, says so).
 */
export function mergeCells(ws: Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) if (ws.findCell(r, c)?.isMerged === true) throw new Error("Cannot merge already merged cells");
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  const merges = internal._merges;
  internal._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
  } finally {
    Object.assign(merges, internal._merges);
    internal._merges = merges;
  }
}
