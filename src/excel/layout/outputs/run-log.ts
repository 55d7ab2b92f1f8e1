import { cellAddress } from "../address";
import { cellText } from "../cell-values";
import type { CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT, OUTPUT_TABLES, TEXT_FORMAT } from "../names";
import type { RawTable } from "../read-model";
import { outputSheet, tableBlocks } from "./common";

/**
 * A file imported into the workbook's inputs (docs/monitoring.md): what the Run log records of it, so the
 * figures a run used can be traced to the very file they came from.
 */
export interface ImportedFile {
  /** The file's name as it was picked or given (no folder). */
  readonly file: string;
  /** The rows read (transactions, for a ledger export). */
  readonly rows: number;
  /** The file's total as the import worded it ("£12,345.67"). */
  readonly total: string;
  /** The periods the import replaced, as written ("1, 2, 3"). */
  readonly periods: string;
  /** SHA-256 of the file's bytes, 64 hex digits. */
  readonly sha256: string;
}

/**
 * One row of the Run log: a run written to the workbook, a sign-off of one,
 * or a file imported into the inputs. The log is carried from write to write
 * and only ever grows: each write reads it back and writes it again with one
 * more row.
 */
export interface RunLogEntry {
  /** "run", "sign-off" or "import" (an import has no run figures: its file is in `imported`). */
  readonly event: "run" | "sign-off" | "import";
  /** When, as ISO 8601 UTC text (`2026-12-01T14:03:00Z`). */
  readonly at: string;
  /**
   * When, as the person who made the entry read it: local time, "1 Dec 2026 14:03". Written
   * once and carried forward as it is (undefined for an entry not yet written, or from a log
   * written before the column existed: then it is worked out from `at` when the log is written).
   */
  readonly when?: string;
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
  /** For an "import": the file imported (undefined for a run or a sign-off). */
  readonly imported?: ImportedFile;
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

/**
 * The Run log's columns, in the order written: what a person reads first (the local time, who, the
 * scenario, the short fingerprint, the figures), then the full values `--verify` and a sign-off rest
 * on (the UTC time and the full fingerprints), then the machine records (JSON). Each column is read
 * back by its header, so logs written in an older order (or without the newer columns) still read.
 */
const COLUMNS = [
  { key: "event", header: "Event", format: TEXT_FORMAT, width: 70 },
  { key: "when", header: "When (local time)", format: TEXT_FORMAT, width: 120 },
  { key: "by", header: "By", format: TEXT_FORMAT, width: 160 },
  { key: "scenario", header: "Scenario", format: TEXT_FORMAT, width: 160 },
  { key: "short", header: "Fingerprint", format: TEXT_FORMAT, width: 100 },
  { key: "capital", header: "Capital (£)", format: MONEY_FORMAT, width: 110 },
  { key: "revenue", header: "Revenue (£)", format: MONEY_FORMAT, width: 110 },
  { key: "balanced", header: "Balanced", format: TEXT_FORMAT, width: 70 },
  { key: "problems", header: "Problems", format: null, width: 70 },
  { key: "warnings", header: "Warnings", format: null, width: 70 },
  { key: "compared", header: "Compared side by side", format: TEXT_FORMAT, width: 200 },
  { key: "first", header: "Compared: first", format: TEXT_FORMAT, width: 120 },
  { key: "second", header: "Compared: second", format: TEXT_FORMAT, width: 120 },
  { key: "file", header: "Imported file", format: TEXT_FORMAT, width: 160 },
  { key: "rows", header: "Rows imported", format: null, width: 80 },
  { key: "total", header: "Import total", format: TEXT_FORMAT, width: 110 },
  { key: "periods", header: "Periods replaced", format: TEXT_FORMAT, width: 110 },
  { key: "version", header: "Add-in version", format: TEXT_FORMAT, width: 90 },
  { key: "at", header: "Date and time (UTC)", format: TEXT_FORMAT, width: 150 },
  { key: "fingerprint", header: "Inputs fingerprint", format: TEXT_FORMAT, width: 90 },
  { key: "recipe", header: "Fingerprint recipe", format: null, width: 90 },
  { key: "tables", header: "Table fingerprints", format: TEXT_FORMAT, width: 90 },
  { key: "sheets", header: "Output sheets", format: TEXT_FORMAT, width: 90 },
  { key: "sha256", header: "Imported file SHA-256", format: TEXT_FORMAT, width: 90 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]["key"];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * An ISO time as a person reads it in the Run log, in the local time of the machine writing it:
 * "1 Dec 2026 14:03" (en-GB order; written out by hand so every runtime spells the month alike).
 */
export function localWhenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, "0");
  const mm = String(d.getMinutes()).padStart(2, "0");
  return `${d.getDate()} ${MONTHS[d.getMonth()] ?? ""} ${d.getFullYear()} ${hh}:${mm}`;
}

/** The Run log sheet: every entry, oldest first. */
export function runLogSheet(entries: readonly RunLogEntry[]): SheetSpec {
  const body: CellValue[][] = entries.map((e) => {
    if (e.event === "import") return COLUMNS.map((c) => importCells(e)[c.key]);
    const cells: Record<ColumnKey, CellValue> = {
      event: e.event,
      // Carried as first written: re-reading a log in another time zone must not change it (verification compares it).
      when: e.when ?? localWhenText(e.at),
      by: e.by,
      scenario: scenarioText(e.scenario),
      short: e.fingerprint.slice(0, 12),
      capital: e.capital / 100,
      revenue: e.revenue / 100,
      balanced: e.balanced ? "Yes" : "No",
      problems: e.problems,
      warnings: e.warnings,
      compared: e.compared,
      first: e.pair === undefined ? "" : scenarioText(e.pair[0]),
      second: e.pair === undefined ? "" : scenarioText(e.pair[1]),
      version: e.version,
      at: e.at,
      fingerprint: e.fingerprint,
      recipe: e.recipe,
      tables: e.tables,
      sheets: e.sheets,
      file: "",
      rows: "",
      total: "",
      periods: "",
      sha256: "",
    };
    return COLUMNS.map((c) => cells[c.key]);
  });
  const t = tableBlocks(
    OUTPUT_TABLES.runLog,
    3,
    COLUMNS.map((c) => c.header),
    body,
    COLUMNS.map((c) => c.format),
  );
  return outputSheet("runLog", {
    blocks: [
      { row: 0, col: 0, values: [["Run log"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "Every run written to this workbook, every sign-off and every file imported, oldest first. Each write carries the " +
              "log forward and adds one row. Fingerprint is the first 12 digits; the full values to the right identify the " +
              "inputs (docs/assurance.md) and each imported file (docs/monitoring.md).",
          ],
        ],
        style: "note",
      },
      ...t.blocks,
    ],
    tables: [t.table],
    freezeRows: 4,
    columnWidths: COLUMNS.map((c) => c.width),
  });
}

/** The entries of a RunLog table as read back (header row first); rows that are not entries are skipped. */
export function readRunLog(table: RawTable | undefined): RunLogEntry[] {
  if (table === undefined) return [];
  const [header = [], ...rows] = table.values;
  const index = new Map(COLUMNS.map((c) => [c.key, header.findIndex((h) => cellText(h).toLowerCase() === c.header.toLowerCase())]));
  const col = (key: ColumnKey): number => index.get(key) ?? -1;
  const get = (row: readonly CellValue[], key: ColumnKey): CellValue | undefined => {
    const c = col(key);
    return c < 0 ? undefined : row[c];
  };
  const pence = (v: CellValue | undefined): number => (typeof v === "number" ? Math.round(v * 100) : 0);
  const count = (v: CellValue | undefined): number => (typeof v === "number" ? v : Number(cellText(v)) || 0);
  const out: RunLogEntry[] = [];
  // Where each column was found: a damaged cell is named where it is, whatever order the columns are in.
  const at = (r: number): RunLogEntry["source"] => ({
    sheet: table.sheet,
    row: table.row + 1 + r,
    fingerprintCol: table.col + Math.max(col("fingerprint"), 0),
    tablesCol: table.col + Math.max(col("tables"), 0),
  });
  for (const [r, row] of rows.entries()) {
    const event = cellText(get(row, "event"));
    if (event !== "run" && event !== "sign-off" && event !== "import") continue;
    const first = cellText(get(row, "first"));
    const second = cellText(get(row, "second"));
    const when = cellText(get(row, "when"));
    out.push({
      event,
      at: cellText(get(row, "at")),
      ...(when === "" ? {} : { when }),
      by: cellText(get(row, "by")),
      scenario: scenarioName(cellText(get(row, "scenario"))),
      fingerprint: cellText(get(row, "fingerprint")),
      tables: cellText(get(row, "tables")),
      version: cellText(get(row, "version")),
      capital: pence(get(row, "capital")),
      revenue: pence(get(row, "revenue")),
      balanced: cellText(get(row, "balanced")) === "Yes",
      problems: count(get(row, "problems")),
      warnings: count(get(row, "warnings")),
      compared: cellText(get(row, "compared")),
      sheets: cellText(get(row, "sheets")),
      ...(second === "" ? {} : { pair: [scenarioName(first), scenarioName(second)] as const }),
      // A log written before the recipe column has recipe 1 (its fingerprints cover the run settings).
      recipe: cellText(get(row, "recipe")) === "2" ? 2 : 1,
      ...(event === "import"
        ? {
            imported: {
              file: cellText(get(row, "file")),
              rows: count(get(row, "rows")),
              total: cellText(get(row, "total")),
              periods: cellText(get(row, "periods")),
              sha256: cellText(get(row, "sha256")),
            },
          }
        : {}),
      source: at(r),
    });
  }
  return out;
}

// An import has no scenario, fingerprint or figures of a run: only who, when, the add-in and the file.
function importCells(e: RunLogEntry): Record<ColumnKey, CellValue> {
  const f = e.imported;
  return {
    event: e.event,
    when: e.when ?? localWhenText(e.at),
    by: e.by,
    scenario: "",
    short: "",
    capital: "",
    revenue: "",
    balanced: "",
    problems: "",
    warnings: "",
    compared: "",
    first: "",
    second: "",
    file: f?.file ?? "",
    rows: f?.rows ?? "",
    total: f?.total ?? "",
    periods: f?.periods ?? "",
    version: e.version,
    at: e.at,
    fingerprint: "",
    recipe: "",
    tables: "",
    sheets: "",
    sha256: f?.sha256 ?? "",
  };
}

// The base model is "" in an entry and "Base model" on the sheet.
function scenarioText(name: string): string {
  return name === "" ? "Base model" : name;
}

function scenarioName(text: string): string {
  return text === "Base model" ? "" : text;
}
