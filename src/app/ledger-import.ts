import {
  dayNumber,
  daysInMonth,
  formatMoney,
  mapTransactions,
  parseMoney,
  parsePeriod,
  periodOfDay,
  replacePeriods,
  type FinancialYear,
  type LedgerTransaction,
  type MappedActuals,
  type MappingRow,
  type ModelInput,
  type Pence,
  type Period,
} from "../engine";
import { hashedSource, readCsv, type ByteSource, type CsvProgress } from "./csv-read";

/**
 * Importing a ledger transaction export (docs/monitoring.md): the file is
 * read as it comes (see csv-read.ts), each row's date or period, cost centre,
 * account and amount are read the ways UK ledgers write them, and every row
 * that cannot be read is named by its file line and column. Nothing is
 * imported unless every row reads.
 */

/** A row of a file that could not be read, where, and why. */
export interface FileProblem {
  /** The file line (the header is line 1). */
  readonly line: number;
  /** "C (Amount)": the spreadsheet column letter and the header, or "" for the whole line. */
  readonly column: string;
  readonly message: string;
}

/** What was read from a file: its identity for the Run log, and its problems. */
export interface FileIdentity {
  readonly fileName: string;
  /** SHA-256 of the file's bytes, as read. */
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding: "utf-8" | "windows-1252";
}

/** A ledger export, read. */
export interface LedgerExport extends FileIdentity {
  readonly transactions: readonly LedgerTransaction[];
  /** The sum of every transaction's amount. */
  readonly total: Pence;
  readonly problems: readonly FileProblem[];
}

/** How a file is given to an import. */
export interface ImportFile {
  readonly fileName: string;
  readonly source: ByteSource;
  readonly totalBytes?: number;
  readonly onProgress?: (p: CsvProgress) => void;
}

type LedgerColumn = "date" | "period" | "costCentre" | "account" | "amount" | "debit" | "credit" | "description";

// Headers as ledgers export them, compared without case, spaces or punctuation.
const LEDGER_HEADERS: Readonly<Record<LedgerColumn, readonly string[]>> = {
  date: ["date", "transactiondate", "postingdate", "trandate", "documentdate", "glDate"],
  period: ["period", "accountingperiod", "periodno", "per"],
  costCentre: ["costcentre", "costcenter", "cc", "costcentrecode", "costcentercode", "department"],
  account: ["account", "accountcode", "subjective", "subjectivecode", "natural account", "expensetype"],
  amount: ["amount", "value", "net", "netamount", "amountgbp"],
  debit: ["debit", "dr", "debitamount"],
  credit: ["credit", "cr", "creditamount"],
  description: ["description", "narrative", "details", "text", "linedescription"],
};

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** What a header row lacks, and what it reads, so the user sees why no column was found. */
export function headerMessage(missing: readonly string[], header: readonly string[]): string {
  return `The header row has no ${missing.join(", no ")}. It reads: ${header.join(", ")}.`;
}

/** The spreadsheet column letter of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Finds the columns a header names; a column for each wanted key, or undefined. */
export function findColumns<K extends string>(
  header: readonly string[],
  names: Readonly<Record<K, readonly string[]>>,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  const squashed = header.map(squash);
  for (const key of Object.keys(names) as K[]) {
    const wanted = names[key].map(squash);
    const i = squashed.findIndex((h) => wanted.includes(h));
    if (i !== -1) out[key] = i;
  }
  return out;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads DD/MM/YYYY (also with - or .) or ISO YYYY-MM-DD: a UK export never means month first. */
export function readUkDate(text: string): number | undefined {
  const t = text.trim();
  const m = DMY.exec(t);
  const iso = m === null ? YMD.exec(t) : null;
  const [d, mo, y] = m !== null ? [m[1], m[2], m[3]] : iso !== null ? [iso[3], iso[2], iso[1]] : [];
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  if (!(month >= 1 && month <= 12 && year >= 1900 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return dayNumber(year, month, day);
}

/**
 * Reads an amount as a ledger exports it: "1,234.56", "£1,234.56", "-12",
 * "(1,234.56)" for a negative, "12.50-" or "12.50 CR" for a credit. Exact:
 * the text is read as a decimal, never through a binary float.
 */
export function readLedgerAmount(text: string): { ok: true; pence: Pence } | { ok: false; message: string } {
  let t = text.trim().replace(/\u00a0/g, "");
  let negative = false;
  const bracket = /^\((.*)\)$/.exec(t);
  if (bracket) {
    negative = true;
    t = (bracket[1] ?? "").trim();
  }
  const credit = /^(.*?)\s*(?:-|CR)$/i.exec(t);
  if (credit && (credit[1] ?? "") !== "" && !/^-/.test(t)) {
    negative = !negative;
    t = (credit[1] ?? "").trim();
  }
  if (t.startsWith("-£")) t = `-${t.slice(2)}`;
  const p = parseMoney(t, { entity: "actual", field: "amount" });
  if (!p.ok || t === "") return { ok: false, message: `"${text}" is not an amount (write 1,234.56, -1234.56 or (1,234.56))` };
  return { ok: true, pence: negative ? -p.value : p.value };
}

/** Reads a ledger transaction export. Every problem is listed; the transactions are only usable when there are none. */
export async function readLedgerExport(file: ImportFile): Promise<LedgerExport> {
  let transactions: LedgerTransaction[] = [];
  let problems: FileProblem[] = [];
  let header: readonly string[] | undefined;
  let cols: Partial<Record<LedgerColumn, number>> = {};
  let total = 0;
  let headerBad = false;
  const onRestart = (): void => {
    transactions = [];
    problems = [];
    header = undefined;
    headerBad = false;
    total = 0;
  };
  const hashing = hashedSource(file.source);
  const info = await readCsv(
    hashing.source,
    (r) => {
      if (header === undefined) {
        header = r.fields;
        cols = findColumns(header, LEDGER_HEADERS);
        const missing = [
          cols.date === undefined && cols.period === undefined ? "Date or Period column" : "",
          cols.costCentre === undefined ? "Cost centre column" : "",
          cols.amount === undefined && (cols.debit === undefined || cols.credit === undefined)
            ? "Amount column (nor Debit and Credit columns)"
            : "",
        ].filter((x) => x !== "");
        if (missing.length > 0) {
          headerBad = true;
          problems.push({ line: r.line, column: "", message: headerMessage(missing, header) });
        }
        return;
      }
      // Without the columns it needs, no row can be read: the header's problem says it once.
      if (headerBad) return;
      const t = readTransaction(r.line, r.fields, header, cols, problems);
      if (t !== undefined) {
        transactions.push(t);
        total += t.amount;
      }
    },
    { totalBytes: file.totalBytes, onProgress: file.onProgress, onRestart },
  );
  if (header === undefined) problems.push({ line: 1, column: "", message: "The file is empty: it has no header row." });
  return { fileName: file.fileName, sha256: hashing.hex(), bytes: info.bytes, encoding: info.encoding, transactions, total, problems };
}

function readTransaction(
  line: number,
  fields: readonly string[],
  header: readonly string[],
  cols: Partial<Record<LedgerColumn, number>>,
  problems: FileProblem[],
): LedgerTransaction | undefined {
  const at = (i: number): string => `${columnLetter(i)} (${header[i] ?? ""})`;
  const get = (i: number | undefined): string => (i === undefined ? "" : (fields[i] ?? "").trim());
  const before = problems.length;
  let year: FinancialYear | undefined;
  let period: Period | undefined;
  if (cols.date !== undefined && get(cols.date) !== "") {
    const d = readUkDate(get(cols.date));
    if (d === undefined) problems.push({ line, column: at(cols.date), message: `"${get(cols.date)}" is not a date (write DD/MM/YYYY)` });
    else ({ year, period } = periodOfDay(d));
  }
  // A posting period, where the ledger gives one, is the period the spend counts in (it may differ from the date).
  if (cols.period !== undefined && get(cols.period) !== "") {
    const p = parsePeriod(get(cols.period), { entity: "actual", field: "period" });
    if (!p.ok) problems.push({ line, column: at(cols.period), message: `"${get(cols.period)}" is not a period (1 to 12, April is 1)` });
    else period = p.value;
  }
  if (period === undefined && problems.length === before) {
    const col = cols.date ?? cols.period ?? 0;
    problems.push({ line, column: at(col), message: "is blank: each transaction needs a date or a period" });
  }
  const cc = get(cols.costCentre);
  if (cc === "" && cols.costCentre !== undefined) {
    problems.push({ line, column: at(cols.costCentre), message: "is blank: each transaction needs a cost centre" });
  }
  let amount: Pence | undefined;
  if (cols.amount !== undefined) {
    const a = readLedgerAmount(get(cols.amount));
    if (a.ok) amount = a.pence;
    else problems.push({ line, column: at(cols.amount), message: a.message });
  } else if (cols.debit !== undefined && cols.credit !== undefined) {
    const dr = get(cols.debit) === "" ? { ok: true as const, pence: 0 } : readLedgerAmount(get(cols.debit));
    const cr = get(cols.credit) === "" ? { ok: true as const, pence: 0 } : readLedgerAmount(get(cols.credit));
    if (!dr.ok) problems.push({ line, column: at(cols.debit), message: dr.message });
    if (!cr.ok) problems.push({ line, column: at(cols.credit), message: cr.message });
    if (dr.ok && cr.ok) amount = dr.pence - cr.pence;
  }
  if (problems.length > before || period === undefined || amount === undefined) return undefined;
  return { fileLine: line, year, period, costCentre: cc, account: get(cols.account), amount, description: get(cols.description) };
}

/** One import, as the Run log records it. */
export interface ImportRecord {
  readonly kind: "actuals" | "drivers";
  readonly fileName: string;
  readonly rows: number;
  /** The total of every row in the file (£), for actuals; the count kept, for drivers. */
  readonly total: string;
  readonly sha256: string;
  /** The periods the import replaced. */
  readonly periods: readonly Period[];
}

/** A ledger export taken into a model's monitoring. */
export interface ActualsImport {
  readonly model: ModelInput;
  readonly mapped: MappedActuals;
  readonly record: ImportRecord;
}

/** An import, or the file's problems when any row could not be read (then nothing is imported). */
export type Imported<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FileProblem[] };

/**
 * Maps a ledger export through the model's Mapping table and puts its
 * actuals into the model: the periods the file covers are replaced, every
 * other period kept, so importing the same file twice leaves the model as
 * importing it once. A file with any row that could not be read is refused
 * whole: a half-imported month is worse than none.
 */
export function importActuals(model: ModelInput, file: LedgerExport, year: FinancialYear): Imported<ActualsImport> {
  if (file.problems.length > 0) return { ok: false, problems: file.problems };
  const mapping: MappingRow[] = (model.monitoring?.mapping ?? []).map((m, i) => ({
    row: i + 1,
    costCentre: m.costCentre ?? "",
    account: m.account ?? "",
    line: m.line,
  }));
  const source = `${file.fileName} (SHA-256 ${file.sha256.slice(0, 12)})`;
  const mapped = mapTransactions(file.transactions, mapping, year, source);
  const actuals = replacePeriods(model.monitoring?.actuals ?? [], mapped.actuals, mapped.periods);
  return {
    ok: true,
    value: {
      model: { ...model, monitoring: { ...(model.monitoring ?? {}), actuals } },
      mapped,
      record: {
        kind: "actuals",
        fileName: file.fileName,
        rows: file.transactions.length,
        total: formatMoney(file.total),
        sha256: file.sha256,
        periods: mapped.periods,
      },
    },
  };
}

/** A file problem in words: "line 14, column C (Amount): "12,3x" is not an amount…". */
export function fileProblemText(p: FileProblem): string {
  return `line ${p.line}${p.column === "" ? "" : `, column ${p.column}`}: ${p.message}`;
}
