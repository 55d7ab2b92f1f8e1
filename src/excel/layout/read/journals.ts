import type { JournalsInput } from "../../../engine";
import type { CellValue } from "../cells";
import { cellDate, cellDecimal, cellText, cellYesNo } from "../cell-values";
import type { TableKey } from "../names";
import { optText, type ReadContext, type Row } from "./table-rows";

/** The Coding and Ledgers sheets' tables read, and the row of each entry (for error locations). */
export interface JournalsRead {
  /** Undefined when none of the tables holds a row: the model has no journals, and runs exactly as before. */
  readonly journals: JournalsInput | undefined;
  /** Table key → the sheet row of each entry, in input order (the engine's 1-based index − 1). */
  readonly journalRows: Partial<Record<TableKey, number[]>>;
}

const JOURNAL_TABLES = ["coding", "hostCoding", "vatLines", "ledgers", "ledgerColumns"] as const;

/** The row's non-blank cells of `keys` as text, blanks left out (so a model reads back as it was written). */
function texts(r: Row, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const t = optText(r.get(k));
    if (t !== undefined) out[k] = t;
  }
  return out;
}

/** A Yes/No cell as a boolean under `key`; any other text is kept for the engine to report, a blank left out. */
function yesNoCell<K extends "section33" | "byService">(key: K, v: CellValue | undefined): Partial<Record<K, boolean | string>> {
  const b = cellYesNo(v);
  const t = optText(v);
  if (t === undefined) return {};
  return { [key]: b ?? t } as Partial<Record<K, boolean | string>>;
}

/**
 * Reads the journals tables (see docs/journals.md) with the Settings' journal
 * year and year-end accrual treatment, passed in as the Settings reader found
 * them. The engine checks every value; this only carries the cells across.
 */
export function readJournals(ctx: ReadContext, journalYear: CellValue | undefined, accrual: CellValue | undefined): JournalsRead {
  const rowsOf = (key: (typeof JOURNAL_TABLES)[number]): readonly Row[] => ctx.parsed.get(key)?.rows ?? [];
  const journalRows: Partial<Record<TableKey, number[]>> = {};
  for (const key of JOURNAL_TABLES) journalRows[key] = rowsOf(key).map((r) => r.row);
  if (JOURNAL_TABLES.every((k) => rowsOf(k).length === 0)) return { journals: undefined, journalRows };
  const year = optText(journalYear);
  const accrualText = optText(accrual);
  const journals: JournalsInput = {
    coding: rowsOf("coding").map((r) => ({
      partner: cellText(r.get("partner")),
      ...texts(r, ["line", "service", "category", "nature"]),
      costCentre: cellText(r.get("costCentre")),
      account: cellText(r.get("account")),
    })),
    hostCoding: rowsOf("hostCoding").map((r) => ({
      partner: cellText(r.get("partner")),
      ...texts(r, ["costCentre"]),
      account: cellText(r.get("account")),
      debtor: cellText(r.get("debtor")),
    })),
    vat: rowsOf("vatLines").map((r) => ({ line: cellText(r.get("line")), treatment: cellText(r.get("treatment")) })),
    ledgers: rowsOf("ledgers").map((r) => {
      const first = cellDate(r.get("firstInvoice"));
      const terms = cellDecimal(r.get("termsDays"));
      return {
        partner: cellText(r.get("partner")),
        ...texts(r, ["layout", "creditor", "vatAccount", "reserveAccount", "vatNumber", "frequency", "prefix"]),
        ...yesNoCell("section33", r.get("section33")),
        ...yesNoCell("byService", r.get("byService")),
        ...(first === undefined ? {} : { firstInvoice: first }),
        ...(terms === undefined ? {} : { termsDays: terms }),
      };
    }),
    columns: rowsOf("ledgerColumns").map((r) => ({
      layout: cellText(r.get("layout")),
      header: cellText(r.get("header")),
      field: cellText(r.get("field")),
      ...texts(r, ["value"]),
    })),
    ...(year === undefined ? {} : { year }),
    ...(accrualText === undefined ? {} : { accrual: accrualText }),
  };
  return { journals, journalRows };
}
