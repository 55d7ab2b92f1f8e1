import type { DisputeInput, ExitsInput } from "../../../engine";
import { cellDecimal, cellText } from "../cell-values";
import type { TableKey } from "../names";
import { optText, type ReadContext, type Row } from "./table-rows";

/** The Exits and Disputes sheets' tables read, and the row of each entry (for error locations). */
export interface ExitsRead {
  /** Undefined when the exits tables hold no row: the model has no exits, and runs exactly as before. */
  readonly exits: ExitsInput | undefined;
  /** Undefined when the Disputes table holds no row. */
  readonly disputes: readonly DisputeInput[] | undefined;
  /** Table key → the sheet row of each entry, in input order (the engine's 1-based index − 1). */
  readonly exitRows: Partial<Record<TableKey, number[]>>;
}

const EXIT_TABLES = ["leavers", "exitLines", "exitCosts", "disputes"] as const;

/**
 * The row's non-blank date and number cells of `keys` as the engine reads
 * them (a number or serial as itself, text trimmed), blanks left out, so a
 * model reads back exactly as it was written.
 */
function figures(r: Row, keys: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of keys) {
    const v = cellDecimal(r.get(k));
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The row's non-blank text cells of `keys`, trimmed, blanks left out. */
function texts(r: Row, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const t = optText(r.get(k));
    if (t !== undefined) out[k] = t;
  }
  return out;
}

/**
 * Reads the exits tables (Leavers, ExitLines, ExitCosts) and the Disputes
 * table (see docs/exits.md). The engine checks every value; this only
 * carries the cells across.
 */
export function readExitTables(ctx: ReadContext): ExitsRead {
  const rowsOf = (key: (typeof EXIT_TABLES)[number]): readonly Row[] => ctx.parsed.get(key)?.rows ?? [];
  const exitRows: Partial<Record<TableKey, number[]>> = {};
  for (const key of EXIT_TABLES) exitRows[key] = rowsOf(key).map((r) => r.row);
  const none = (["leavers", "exitLines", "exitCosts"] as const).every((k) => rowsOf(k).length === 0);
  const exits: ExitsInput | undefined = none
    ? undefined
    : {
        leavers: rowsOf("leavers").map((r) => ({
          partner: cellText(r.get("partner")),
          leaves: cellDecimal(r.get("leaves")),
          ...figures(r, ["notice", "noticeMonths"]),
          ...texts(r, ["committed"]),
        })),
        lines: rowsOf("exitLines").map((r) => ({
          line: cellText(r.get("line")),
          onExit: cellText(r.get("onExit")),
          ...figures(r, ["committedTo"]),
        })),
        costs: rowsOf("exitCosts").map((r) => ({
          partner: cellText(r.get("partner")),
          amount: cellDecimal(r.get("amount")),
          ...figures(r, ["date"]),
          ...texts(r, ["description", "category"]),
        })),
      };
  const disputeRows = rowsOf("disputes");
  const disputes =
    disputeRows.length === 0
      ? undefined
      : disputeRows.map((r): DisputeInput => ({
          ref: cellText(r.get("ref")),
          year: cellText(r.get("year")),
          amount: cellDecimal(r.get("amount")),
          status: cellText(r.get("status")),
          ...figures(r, ["raisedOn"]),
          ...texts(r, ["line", "partner", "toYear", "outcome"]),
        }));
  return { exits, disputes, exitRows };
}
