import type { JournalsInput } from "../../../engine";
import type { CellValue } from "../cells";
import { cellDate, cellDecimal, cellText } from "../cell-values";
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

/** A cell as text, or null when blank (the engine reads blank as "matches anything" or "default"). */
function opt(v: CellValue | undefined): string | null {
  return optText(v) ?? null;
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
      line: opt(r.get("line")),
      service: opt(r.get("service")),
      category: opt(r.get("category")),
      nature: opt(r.get("nature")),
      costCentre: cellText(r.get("costCentre")),
      account: cellText(r.get("account")),
    })),
    hostCoding: rowsOf("hostCoding").map((r) => ({
      partner: cellText(r.get("partner")),
      costCentre: opt(r.get("costCentre")),
      account: cellText(r.get("account")),
      debtor: cellText(r.get("debtor")),
    })),
    vat: rowsOf("vatLines").map((r) => ({ line: cellText(r.get("line")), treatment: cellText(r.get("treatment")) })),
    ledgers: rowsOf("ledgers").map((r) => ({
      partner: cellText(r.get("partner")),
      layout: opt(r.get("layout")),
      creditor: opt(r.get("creditor")),
      vatAccount: opt(r.get("vatAccount")),
      reserveAccount: opt(r.get("reserveAccount")),
      section33: opt(r.get("section33")),
      vatNumber: opt(r.get("vatNumber")),
      frequency: opt(r.get("frequency")),
      firstInvoice: cellDate(r.get("firstInvoice")) ?? null,
      termsDays: cellDecimal(r.get("termsDays")) ?? null,
      prefix: opt(r.get("prefix")),
    })),
    columns: rowsOf("ledgerColumns").map((r) => ({
      layout: cellText(r.get("layout")),
      header: cellText(r.get("header")),
      field: cellText(r.get("field")),
      value: opt(r.get("value")),
    })),
    ...(year === undefined ? {} : { year }),
    ...(accrualText === undefined ? {} : { accrual: accrualText }),
  };
  return { journals, journalRows };
}
