import { layoutCells, type Journal } from "../../../engine";
import type { SheetSpec } from "../cells";
import { TAB_COLORS, TEXT_FORMAT } from "../names";
import { withTextLayout } from "./common";
import { runJournals, type JournalsOutputs } from "./journals";

/** The kind of a ledger sheet (its marker's kind): one per journal, named by {@link ledgerSheetName}. */
export const LEDGER_SHEET_KIND = "ledger";

/**
 * What a ledger sheet's name starts with: an en dash, which no one types by
 * hand, so it is not a user's sheet name (a user's sheet of that name stops
 * the write rather than being replaced), as with the statement sheets.
 */
export const LEDGER_SHEET_PREFIX = "Ledger \u2013 ";

const KIND_WORDS: Readonly<Record<Journal["kind"], string>> = { expenditure: "expenditure", income: "income", accrual: "accruals" };

/** Excel's longest sheet name. */
const SHEET_NAME_MAX = 31;

/**
 * A journal's rows in its ledger's upload layout, every cell as text: the
 * header row first unless the layout is read by position. The CSV file and
 * the ledger sheet are both made from these, so they hold the same cells.
 */
export function journalGrid(j: Journal): string[][] {
  const rows = j.lines.map((l) =>
    layoutCells(j.layout, {
      journal: j.id,
      date: j.date,
      year: j.year,
      costCentre: l.costCentre,
      account: l.account,
      amount: l.amount,
      description: l.description,
      reference: j.reference,
      line: l.line,
      partner: l.partner,
    }),
  );
  return j.layout.headerRow ? [j.layout.columns.map((c) => c.header), ...rows] : rows;
}

/**
 * A ledger sheet's name, "Ledger – LEW expenditure": characters Excel refuses
 * in a sheet name become "_", a long partner id is shortened so the name fits
 * Excel's 31 characters, and a name already in `taken` (ignoring case, as
 * Excel does) gets " 2", " 3"….
 */
export function ledgerSheetName(ledger: string, kind: Journal["kind"], taken: ReadonlySet<string>): string {
  // Characters Excel refuses in a sheet name, and those XML cannot hold (control characters, U+FFFE/U+FFFF) or a cut
  // could split (surrogates), become "_".
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a sheet name
  const safe = ledger.replace(/[[\]:*?/\\]|[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udfff]/g, "_").replace(/^'+|'+$/g, "");
  const fit = (suffix: string): string => {
    const tail = ` ${KIND_WORDS[kind]}${suffix}`;
    return `${LEDGER_SHEET_PREFIX}${safe.slice(0, SHEET_NAME_MAX - LEDGER_SHEET_PREFIX.length - tail.length).replace(/'+$/, "")}${tail}`;
  };
  let name = fit("");
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(` ${n}`);
  return name;
}

/** A column's width in points: wide enough for its widest cell, within reason. */
function widthOf(grid: readonly (readonly string[])[], col: number): number {
  const longest = Math.max(4, ...grid.map((r) => (r[col] ?? "").length));
  return Math.min(240, Math.max(50, Math.ceil(longest * 5.5) + 10));
}

/**
 * One sheet per journal of the run, laid out exactly as its ledger's upload
 * file (docs/journals.md): the same rows and columns as the CSV, values only,
 * every cell text so codes keep their leading zeros; no title, so Save As
 * CSV in Excel gives the upload file. None for a model without journals
 * inputs, or whose journals cannot be made (the Journals sheet says why).
 */
export function ledgerSheets(outputs: JournalsOutputs): SheetSpec[] {
  const made = runJournals(outputs);
  if (made === undefined || !made.ok) return [];
  const names = ledgerSheetNames(made.value.journals);
  return made.value.journals.map((j, i) => ledgerSheet(names[i] as string, journalGrid(j)));
}

/** Each journal's ledger sheet name, in the journals' order, as {@link ledgerSheets} names them (the task pane says which to save). */
export function ledgerSheetNames(journals: readonly Journal[]): string[] {
  const taken = new Set<string>();
  return journals.map((j) => {
    const name = ledgerSheetName(j.ledger, j.kind, taken);
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A ledger sheet of the given name holding the grid as text cells. */
export function ledgerSheet(name: string, grid: readonly (readonly string[])[]): SheetSpec {
  const cols = Math.max(1, ...grid.map((r) => r.length));
  const blocks = grid.length === 0 ? [] : [{ row: 0, col: 0, values: grid, formats: new Array<string>(cols).fill(TEXT_FORMAT) }];
  return withTextLayout({
    name,
    kind: LEDGER_SHEET_KIND,
    role: "output",
    blocks,
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 0,
    columnWidths: Array.from({ length: cols }, (_, c) => widthOf(grid, c)),
    tabColor: TAB_COLORS.output,
    // No print setup: an upload file is not a page to read, and one A4 page wide would shrink a ledger's fifty-odd
    // columns far below a legible size. Excel's own default (full size, as many pages as it takes) is the honest print.
  });
}

/** What a ledger sheet says when the latest run has no such journal: it keeps its name, and is not an upload file. */
export function ledgerRetiredSheet(name: string): SheetSpec {
  return ledgerSheet(name, [
    ["No journal for this ledger in the latest run."],
    ["This sheet held an earlier run's journal; it was removed so it cannot be uploaded as the latest run's (see the Run log)."],
  ]);
}
