import { cellAddress } from "../address";
import { cellText } from "../cell-values";
import type { CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES, TEXT_FORMAT } from "../names";
import type { RawTable } from "../read-model";
import { outputSheet, tableBlocks } from "./common";

/**
 * One row of the Run log: a run written to the workbook, or a sign-off of
 * one. The log is carried from write to write and only ever grows: each
 * write reads it back and writes it again with one more row.
 */
export interface RunLogEntry {
  /** "run" or "sign-off". */
  readonly event: "run" | "sign-off";
  /** When, as ISO 8601 UTC text (`2026-12-01T14:03:00Z`). */
  readonly at: string;
  /** Who prepared the run or signed it off ("Name, Role" for a sign-off). */
  readonly by: string;
  /** The scenario run ("" for the base model). */
  readonly scenario: string;
  /** SHA-256 of the inputs (docs/assurance.md). */
  readonly fingerprint: string;
  /** Each input table's fingerprint, as JSON (`{"Costs":"…",…}`), so a later change can be named. */
  readonly tables: string;
  /** The add-in's version. */
  readonly version: string;
  /** Capital and revenue charged, in pence. */
  readonly capital: number;
  readonly revenue: number;
  readonly balanced: boolean;
  readonly problems: number;
  readonly warnings: number;
  /** Scenarios compared side by side with the base model ("A, B"), or "" for none or a comparison of two. */
  readonly compared: string;
  /**
   * The comparison of two the run made (first, second; "" is the base model),
   * or undefined for none. Recorded from fingerprint recipe 2 on, so the run
   * can be reproduced whatever the run settings say now.
   */
  readonly pair?: readonly [string, string];
  /**
   * The fingerprint recipe (docs/assurance.md): 1 for logs written before it
   * was recorded (their fingerprints cover the run settings), 2 since.
   */
  readonly recipe: 1 | 2;
  /**
   * The output sheets the run wrote, as JSON (`[{"name","kind","tables","fp"}]`): the third mark of
   * ownership, which survives programs that drop both custom properties and sheet-scoped names
   * (exceljs). Filled in when the run's sheets are laid out (`buildOutputSheets`); "" before.
   */
  readonly sheets: string;
  /** Where the row was read from (entries read back from a workbook), so a damaged cell can be named. */
  readonly source?: { readonly sheet: string; readonly row: number; readonly fingerprintCol: number; readonly tablesCol: number };
}

/** One output sheet as a run records it in the Run log's "Output sheets" column. */
export interface OutputSheetRecord {
  readonly name: string;
  readonly kind: string;
  readonly tables: readonly string[];
  /** The fingerprint of the values written (as in the sheet's marker). */
  readonly fp: string;
}

/** The sheets an entry records (none when the cell is blank or not what the add-in writes). */
export function outputSheetRecords(entry: RunLogEntry): OutputSheetRecord[] {
  let v: unknown;
  try {
    v = JSON.parse(entry.sheets);
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is OutputSheetRecord =>
      typeof r === "object" &&
      r !== null &&
      typeof (r as OutputSheetRecord).name === "string" &&
      typeof (r as OutputSheetRecord).kind === "string" &&
      typeof (r as OutputSheetRecord).fp === "string" &&
      Array.isArray((r as OutputSheetRecord).tables) &&
      (r as OutputSheetRecord).tables.every((t) => typeof t === "string"),
  );
}

/** The Run log's columns a check can name, with their header. */
export type RunLogField = "fingerprint" | "tables";

/** The cell of an entry read back from a workbook that holds one of its fields (undefined for an entry not read back). */
export function runLogCell(entry: RunLogEntry, field: RunLogField): string | undefined {
  const s = entry.source;
  if (s === undefined) return undefined;
  return cellAddress({ sheet: s.sheet, row: s.row, col: field === "fingerprint" ? s.fingerprintCol : s.tablesCol });
}

const HEADERS = [
  "Event",
  "Date and time (UTC)",
  "By",
  "Scenario",
  "Inputs fingerprint",
  "Table fingerprints",
  "Add-in version",
  "Capital (£)",
  "Revenue (£)",
  "Balanced",
  "Problems",
  "Warnings",
  "Compared side by side",
  "Output sheets",
  "Compared: first",
  "Compared: second",
  "Fingerprint recipe",
];

/** The Run log sheet: every entry, oldest first. */
export function runLogSheet(entries: readonly RunLogEntry[]): SheetSpec {
  const body: CellValue[][] = entries.map((e) => [
    e.event,
    e.at,
    e.by,
    scenarioText(e.scenario),
    e.fingerprint,
    e.tables,
    e.version,
    e.capital / 100,
    e.revenue / 100,
    e.balanced ? "Yes" : "No",
    e.problems,
    e.warnings,
    e.compared,
    e.sheets,
    e.pair === undefined ? "" : scenarioText(e.pair[0]),
    e.pair === undefined ? "" : scenarioText(e.pair[1]),
    e.recipe,
  ]);
  const t = tableBlocks(OUTPUT_TABLES.runLog, 3, HEADERS, body, [
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    MONEY_FORMAT,
    MONEY_FORMAT,
    TEXT_FORMAT,
    null,
    null,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
    null,
  ]);
  return outputSheet("runLog", {
    blocks: [
      { row: 0, col: 0, values: [["Run log"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "Every run written to this workbook and every sign-off, oldest first. Each write carries the log forward and adds " +
              "one row; the fingerprints identify the inputs (docs/assurance.md).",
          ],
        ],
        style: "note",
      },
      ...t.blocks,
    ],
    tables: [t.table],
    freezeRows: 4,
    columnWidths: [70, 150, 160, 160, 440, 120, 90, 110, 110, 70, 70, 70, 200, 120, 120, 120, 90],
  });
}

/** The entries of a RunLog table as read back (header row first); rows that are not entries are skipped. */
export function readRunLog(table: RawTable | undefined): RunLogEntry[] {
  if (table === undefined) return [];
  const [header = [], ...rows] = table.values;
  const col = (name: string): number => header.findIndex((h) => cellText(h).toLowerCase() === name.toLowerCase());
  const cols = HEADERS.map(col);
  const get = (row: readonly CellValue[], i: number): CellValue | undefined => {
    const c = cols[i] ?? -1;
    return c < 0 ? undefined : row[c];
  };
  const pence = (v: CellValue | undefined): number => (typeof v === "number" ? Math.round(v * 100) : 0);
  const count = (v: CellValue | undefined): number => (typeof v === "number" ? v : Number(cellText(v)) || 0);
  const out: RunLogEntry[] = [];
  // Where each column was found: a damaged cell is named where it is, whatever order the columns are in.
  const at = (r: number): RunLogEntry["source"] => ({
    sheet: table.sheet,
    row: table.row + 1 + r,
    fingerprintCol: table.col + (cols[4] ?? 0),
    tablesCol: table.col + (cols[5] ?? 0),
  });
  for (const [r, row] of rows.entries()) {
    const event = cellText(get(row, 0));
    if (event !== "run" && event !== "sign-off") continue;
    const scenario = cellText(get(row, 3));
    const first = get(row, 14);
    const second = cellText(get(row, 15));
    // A log written before the recipe column has recipe 1 (its fingerprints cover the run settings).
    const recipe = cellText(get(row, 16)) === "2" ? 2 : 1;
    out.push({
      event,
      at: cellText(get(row, 1)),
      by: cellText(get(row, 2)),
      scenario: scenarioName(scenario),
      fingerprint: cellText(get(row, 4)),
      tables: cellText(get(row, 5)),
      version: cellText(get(row, 6)),
      capital: pence(get(row, 7)),
      revenue: pence(get(row, 8)),
      balanced: cellText(get(row, 9)) === "Yes",
      problems: count(get(row, 10)),
      warnings: count(get(row, 11)),
      compared: cellText(get(row, 12)),
      sheets: cellText(get(row, 13)),
      ...(second === "" ? {} : { pair: [scenarioName(cellText(first)), scenarioName(second)] as const }),
      recipe,
      source: at(r),
    });
  }
  return out;
}

// The base model is "" in an entry and "Base model" on the sheet.
function scenarioText(name: string): string {
  return name === "" ? "Base model" : name;
}

function scenarioName(text: string): string {
  return text === "Base model" ? "" : text;
}
