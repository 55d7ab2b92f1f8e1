import { partnerNames, type ModelRun } from "../../../engine";
import type { CellValue, SheetSpec } from "../cells";
import { OUTPUT_TABLES, TABLE_STYLE } from "../names";
import { chargeFormat, outputSheet, pounds } from "./common";
import { runPartners, withinSplitsByLineYear } from "./partners";
import { CATEGORY_WORDS, NATURE_WORDS, basisInWords } from "./words";

/**
 * The Allocations table's fixed columns, before one column per partner.
 * Ref and Year identify a line-year; the partner of a charge is its column.
 * Category, Nature and Basis are in words ("Capital", "One-off", "Service
 * desk tickets (driver)"); the basis's code is in its own column for
 * filtering.
 */
export const ALLOCATION_HEADERS = [
  "Ref",
  "Description",
  "Service",
  "Category",
  "Nature",
  "Basis",
  "Basis code",
  "Year",
  "Line amount (£)",
] as const;

/** The Allocations table's last column: the line amount less the partners' charges (zero when the row balances). */
export const ALLOCATION_CHECK_HEADER = "Check (£)";

/** The row of the Allocations sheet holding the partners' names, above the table. */
export const ALLOCATION_NAMES_ROW = 0;

/** The Allocations table's header row (zero-based): partner columns are headed by {@link partnerHeader}. */
export const ALLOCATION_HEADER_ROW = 1;

const SUFFIX = " (£)";

/** The header of a partner's column: its id, marked as money, e.g. `LBH (£)`. */
export function partnerHeader(id: string): string {
  return `${id}${SUFFIX}`;
}

/**
 * The partner a column header names, or undefined for a fixed column. Only
 * the columns after the fixed ones and before the check are partners'.
 */
export function partnerOfColumn(headers: readonly CellValue[], col: number): string | undefined {
  const first = ALLOCATION_HEADERS.length;
  const check = headers.findIndex((h) => h === ALLOCATION_CHECK_HEADER);
  if (col < first || (check >= 0 && col >= check)) return undefined;
  const h = headers[col];
  return typeof h === "string" && h.endsWith(SUFFIX) && h.length > SUFFIX.length ? h.slice(0, -SUFFIX.length) : undefined;
}

/**
 * The Allocations sheet: one row per cost line and year (the line's
 * description, service, capital/revenue, one-off/ongoing and basis, so the
 * table can be filtered and pivoted), the line's amount in the year, one
 * column per partner (partners within others included) holding what that
 * partner pays, and a check column: the line amount less the charges, zero
 * when the row balances. A partner that does not share a line, or was not
 * a member at all in the year, has an empty cell (a sharer whose share is
 * nothing has 0). The partners' names are in
 * the row above their columns. One row per line-year, not per charge, keeps
 * a 10,000-line × 20-partner × 5-year model at 50,000 rows.
 */
export function allocationsSheet(run: ModelRun): SheetSpec {
  const partners = runPartners(run);
  const column = new Map(partners.map((p, i) => [p.id, ALLOCATION_HEADERS.length + i]));
  const width = ALLOCATION_HEADERS.length + partners.length + 1;
  const splitsOf = withinSplitsByLineYear(run);
  const lineYears = run.result.lineYears;
  const partnerName = partnerNames(run.model);
  const body: CellValue[][] = new Array<CellValue[]>(lineYears.length);
  for (let k = 0; k < lineYears.length; k++) {
    const ly = lineYears[k];
    if (ly === undefined) continue;
    const row = new Array<CellValue>(width).fill("");
    row[0] = ly.lineRef;
    row[1] = ly.description;
    row[2] = ly.service;
    row[3] = CATEGORY_WORDS[ly.category];
    row[4] = NATURE_WORDS[ly.nature];
    row[5] = basisInWords(ly, run.model, partnerName);
    row[6] = ly.basis;
    row[7] = ly.yearLabel;
    row[8] = pounds(ly.profile.amount);
    // Pence, added exactly, for the check column.
    let charged = 0;
    const put = (partner: string, amount: number): void => {
      const c = column.get(partner);
      if (c === undefined) throw new RangeError(`partner ${partner} of ${ly.lineRef} ${ly.yearLabel} has no column`);
      row[c] = pounds(amount);
      charged += amount;
    };
    for (let i = 0; i < ly.partners.length; i++) {
      // A partner that was not a member at all in the year has no charge: an empty cell, as for a non-sharer.
      if (ly.membership?.[i] === "0") continue;
      put(ly.partners[i] as string, ly.shares[i] ?? 0);
    }
    for (const s of splitsOf(ly)) {
      // The parent's column holds what it keeps; each partner within it, its part.
      charged -= s.parentShare;
      const c = column.get(s.parent);
      if (c !== undefined) row[c] = "";
      put(s.parent, s.parentAmount);
      for (const p of s.parts) if (p.membership.n !== 0n) put(p.partner, p.amount);
    }
    row[width - 1] = pounds(ly.profile.amount - charged);
    body[k] = row;
  }
  const headers: CellValue[] = [...ALLOCATION_HEADERS, ...partners.map((p) => partnerHeader(p.id)), ALLOCATION_CHECK_HEADER];
  const names: CellValue[] = new Array<CellValue>(width).fill("");
  names[0] = "Charges by cost line and year: one column per partner (partner names above their columns).";
  // A partner-leaves scenario: a leaver's share of a variable line cut to the end of its charges leaves the check not zero.
  if (lineYears.some((ly) => ly.exit !== undefined))
    names[0] +=
      ` Where the check is not zero, a leaver's share of a variable cost fell away with it (the Trace's Notes say how; ` +
      `the others pay what they would had it stayed).`;
  partners.forEach((p, i) => {
    names[ALLOCATION_HEADERS.length + i] = p.within === undefined ? p.name : `${p.name} (within ${p.within})`;
  });
  const rows = body.length > 0 ? body : [headers.map(() => "")];
  const money = chargeFormat(
    run.result.settings.unit,
    rows,
    headers.map((_, i) => i).filter((i) => i >= ALLOCATION_HEADERS.length - 1),
  );
  const formats: (string | null)[] = headers.map((_, i) => (i >= ALLOCATION_HEADERS.length - 1 ? money : null));
  return outputSheet("allocations", {
    blocks: [
      { row: ALLOCATION_NAMES_ROW, col: 0, values: [names], style: "note" },
      { row: ALLOCATION_HEADER_ROW, col: 0, values: [headers] },
      { row: ALLOCATION_HEADER_ROW + 1, col: 0, values: rows, formats },
    ],
    tables: [
      { name: OUTPUT_TABLES.allocations, row: ALLOCATION_HEADER_ROW, col: 0, rows: rows.length + 1, cols: width, style: TABLE_STYLE },
    ],
    freezeRows: ALLOCATION_HEADER_ROW + 1,
    columnWidths: [70, 220, 100, 70, 70, 220, 110, 60, 110, ...partners.map(() => 100), 80],
  });
}
