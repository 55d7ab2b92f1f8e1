import type { WorkbookProblem } from "../../problems";
import { locate } from "../address";
import type { CellValue, Grid } from "../cells";
import { cellText } from "../cell-values";
import { INPUT_TABLES, type ColumnDef, type TableDef } from "../input-tables";
import type { TableKey } from "../names";
import type { TableOrigin } from "../origins";

/** An input table as an adapter reads it: where it is and its values, header row first. */
export interface RawTable {
  readonly name: string;
  readonly sheet: string;
  /** Zero-based position of the header row's first cell. */
  readonly row: number;
  readonly col: number;
  readonly values: Grid;
}

/** A record keyed by user-typed ids, with no prototype (so an id such as "constructor" is just an id). */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Header text normalised for matching: case, spaces and punctuation other than £ and % ignored. */
export function normaliseHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9£%]/g, "");
}

/** Where each known column of a table is, and its other columns. */
export interface Columns {
  /** Column key → absolute column. */
  readonly byKey: Map<string, number>;
  /** Columns beyond the fixed ones: header text and absolute column. */
  readonly extra: { header: string; col: number }[];
}

/** Finds each column of a table by its header (or an alias); reports missing and repeated columns. */
export function matchColumns(def: TableDef, raw: RawTable, problems: WorkbookProblem[]): Columns {
  const header = raw.values[0] ?? [];
  const byKey = new Map<string, number>();
  const extra: { header: string; col: number }[] = [];
  const names = new Map<string, ColumnDef>();
  for (const c of def.columns) for (const h of [c.header, ...(c.aliases ?? [])]) names.set(normaliseHeader(h), c);
  header.forEach((h, i) => {
    const text = cellText(h);
    const abs = raw.col + i;
    const c = names.get(normaliseHeader(text));
    if (c === undefined) {
      if (text !== "" && def.dynamicColumns) {
        if (extra.some((e) => normaliseHeader(e.header) === normaliseHeader(text))) {
          problems.push({
            kind: "duplicateColumn",
            table: def.name,
            column: text,
            at: locate({ sheet: raw.sheet, row: raw.row, col: abs }),
          });
        } else extra.push({ header: text, col: abs });
      }
      return;
    }
    if (byKey.has(c.key)) {
      problems.push({
        kind: "duplicateColumn",
        table: def.name,
        column: c.header,
        at: locate({ sheet: raw.sheet, row: raw.row, col: abs }),
      });
      return;
    }
    byKey.set(c.key, abs);
  });
  for (const c of def.columns) {
    if (c.required && !byKey.has(c.key))
      problems.push({
        kind: "missingColumn",
        table: def.name,
        column: c.header,
        at: locate({ sheet: raw.sheet, row: raw.row, col: raw.col }),
      });
  }
  return { byKey, extra };
}

/** One body row of a table with its absolute sheet row. */
export interface Row {
  readonly row: number;
  get(key: string): CellValue | undefined;
  at(col: number): CellValue | undefined;
}

/** The table's body rows that hold anything, each with its sheet row. */
export function bodyRows(raw: RawTable, cols: Columns): Row[] {
  const out: Row[] = [];
  for (let r = 1; r < raw.values.length; r++) {
    const values = raw.values[r] ?? [];
    if (values.every((v) => v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) continue;
    out.push({
      row: raw.row + r,
      get: (key) => {
        const c = cols.byKey.get(key);
        return c === undefined ? undefined : values[c - raw.col];
      },
      at: (c) => values[c - raw.col],
    });
  }
  return out;
}

/** Where a table was found, for locating errors in it. */
export function origin(raw: RawTable, cols: Columns): TableOrigin {
  return { sheet: raw.sheet, headerRow: raw.row, firstCol: raw.col, columns: Object.fromEntries(cols.byKey) };
}

/** A cell as text, or undefined when blank. */
export function optText(v: CellValue | undefined): string | undefined {
  const t = cellText(v);
  return t === "" ? undefined : t;
}

/** A table read: its raw values, its columns and its body rows. */
export interface ParsedTable {
  readonly raw: RawTable;
  readonly cols: Columns;
  readonly rows: Row[];
}

/** What every table reader shares: the tables found, and where to report a cell that cannot be read. */
export interface ReadContext {
  readonly parsed: ReadonlyMap<TableKey, ParsedTable>;
  readonly problems: WorkbookProblem[];
  /** Reports a cell of `table` whose value cannot be read as `expected`. */
  invalid(table: TableKey, row: Row, column: string, value: CellValue | undefined, expected: string): void;
}

/** A read context over the tables found, collecting problems into `problems`. */
export function readContext(parsed: ReadonlyMap<TableKey, ParsedTable>, problems: WorkbookProblem[]): ReadContext {
  return {
    parsed,
    problems,
    invalid(key, row, column, value, expected) {
      const t = parsed.get(key);
      const def = INPUT_TABLES[key];
      const c = t?.cols.byKey.get(column) ?? t?.raw.col ?? 0;
      const header = def.columns.find((x) => x.key === column)?.header ?? column;
      problems.push({
        kind: "invalidCell",
        table: def.name,
        column: header,
        value: cellText(value),
        expected,
        at: locate({ sheet: t?.raw.sheet ?? def.sheet, row: row.row, col: c }),
      });
    },
  };
}
