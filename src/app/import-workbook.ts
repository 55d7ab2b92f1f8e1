import { formatMoney, parseFinancialYear, type FinancialYear, type ModelInput } from "../engine";
import type { RunLogEntry, WorkbookPort } from "../excel";
import { fileProblemText, importActuals, readLedgerExport, type ImportFile, type ImportRecord } from "./ledger-import";
import { plainProblem, workbookProblems, type Problem } from "./problems";
import { isoSecond } from "./run-record";
import { VERSION } from "./version";
import { importUsage, readUsageExport } from "./usage-import";

/** What an import into a workbook did, for the command line's text and `--json`. */
export interface WorkbookImport {
  readonly record: ImportRecord;
  /** Lines of text: what was imported, and every transaction or row not counted, with its file line. */
  readonly text: readonly string[];
  readonly json: unknown;
}

/** An import's outcome: done, or refused with its problems (nothing written). */
export type WorkbookImportOutcome =
  | { readonly ok: true; readonly value: WorkbookImport }
  | { readonly ok: false; readonly error: string; readonly problems: readonly Problem[] };

type ModelOf =
  | { ok: true; model: ModelInput; year: FinancialYear; runLog: readonly RunLogEntry[]; preparedBy: string }
  | { ok: false; problems: Problem[] };

/** Who imports and when, for the Run log's record of the import (by default the Settings table's "Prepared by", and now). */
export interface ImportRecordOptions {
  readonly by?: string | undefined;
  readonly now?: Date | undefined;
}

async function modelOf(port: WorkbookPort): Promise<ModelOf> {
  const read = await port.readModel();
  if (!read.ok) return { ok: false, problems: workbookProblems(read.problems) };
  const year = parseFinancialYear(read.value.model.settings.firstYear, { entity: "settings", field: "firstYear" });
  // The Settings table's own problem is reported by the run; without a first year there is no year to import into.
  if (!year.ok) {
    const message = "The Settings table's First year is not a financial year, so there is no year to import into.";
    return { ok: false, problems: [plainProblem(message)] };
  }
  // The monitored year (the Settings table's "Monitoring year"; blank: the first year): the year the periods are of.
  const model = read.value.model;
  const monitored = model.monitoring?.year;
  let chosen = year.value;
  if (monitored !== undefined && monitored !== null && monitored.trim() !== "") {
    const y = parseFinancialYear(monitored, { entity: "monitoring", field: "year" });
    const last = parseFinancialYear(model.settings.lastYear, { entity: "settings", field: "lastYear" });
    if (!y.ok || (last.ok && (y.value < year.value || y.value > last.value))) {
      const message =
        `The Settings table's Monitoring year, "${monitored}", is not one of the model's years, so there is no year to ` + "import into.";
      return { ok: false, problems: [plainProblem(message)] };
    }
    chosen = y.value;
  }
  return { ok: true, model, year: chosen, runLog: read.value.runLog, preparedBy: read.value.preparedBy };
}

/** How many unmapped transactions or unmatched rows the text lists (`--json` lists them all). */
const LISTED = 20;

const rowsText = (n: number): string => `${n} row${n === 1 ? "" : "s"}`;

const listedLines = (lines: readonly number[]): string =>
  `${lines.slice(0, LISTED).join(", ")}${lines.length > LISTED ? ` and ${lines.length - LISTED} more` : ""}`;

/**
 * Imports a ledger transaction export into the workbook's Actuals table
 * (docs/monitoring.md): read and checked whole first (a file with any bad row
 * is refused, naming each by line and column), mapped through the Mapping
 * table, the periods it covers replaced. The workbook is changed through its
 * port; saving it is the caller's checked write.
 */
export async function importActualsIntoWorkbook(
  port: WorkbookPort,
  file: ImportFile,
  options: ImportRecordOptions = {},
): Promise<WorkbookImportOutcome> {
  const m = await modelOf(port);
  if (!m.ok) return { ok: false, error: `${file.fileName}: the model could not be read to import into.`, problems: m.problems };
  const read = await readLedgerExport(file);
  const imported = importActuals(m.model, read, m.year);
  if (!imported.ok) {
    return {
      ok: false,
      error: `${file.fileName}: ${rowsText(imported.problems.length)} could not be read; nothing was imported.`,
      problems: imported.problems.map((p, i) => plainProblem(fileProblemText(p), "error", `import-${i}`)),
    };
  }
  const written = await port.writeActuals(imported.value.model.monitoring?.actuals ?? []);
  if (!written.ok) {
    return { ok: false, error: `${file.fileName}: the Actuals table could not be written.`, problems: workbookProblems(written.problems) };
  }
  const { record, mapped } = imported.value;
  // Recorded once the rows are in: the log never claims an import that did not happen.
  const entry = importEntry(record, options.by ?? m.preparedBy, options.now ?? new Date());
  const logged = await port.writeRunLog([...m.runLog, entry]);
  if (!logged.ok) {
    return {
      ok: false,
      error: `${file.fileName}: the actuals were written to the Actuals table, but the Run log could not record the import.`,
      problems: workbookProblems(logged.problems),
    };
  }
  const unmapped = mapped.unmapped.map((u) => {
    const t = u.transaction;
    const why =
      u.reason === "otherYear"
        ? "dated in another year"
        : u.reason === "ambiguous"
          ? `ambiguous (Mapping rows ${(u.rows ?? []).join(", ")})`
          : "no Mapping row";
    return `  line ${t.fileLine}: ${t.costCentre}/${t.account} ${formatMoney(t.amount)}: ${why}`;
  });
  const text = [
    `Imported ${record.fileName}: ${record.rows} transactions, total ${record.total}, SHA-256 ${record.sha256}; ` +
      `periods ${record.periods.join(", ")} replaced in the Actuals table.`,
    ...(unmapped.length === 0
      ? []
      : [
          `${unmapped.length} transaction${unmapped.length === 1 ? "" : "s"} (${formatMoney(mapped.unmappedTotal)}) ` +
            "not mapped to a cost line:",
          ...unmapped.slice(0, LISTED),
          ...(unmapped.length > LISTED ? [`  … and ${unmapped.length - LISTED} more (see --json).`] : []),
        ]),
  ];
  const json = {
    ...record,
    mappedTotal: formatMoney(mapped.mappedTotal),
    unmapped: mapped.unmapped.map((u) => ({
      line: u.transaction.fileLine,
      costCentre: u.transaction.costCentre,
      account: u.transaction.account,
      amount: formatMoney(u.transaction.amount),
      reason: u.reason,
    })),
  };
  return { ok: true, value: { record, text, json } };
}

/** The Run log's row for an import: who, when, and the file (name, rows, total, periods, SHA-256). */
function importEntry(record: ImportRecord, by: string, now: Date): RunLogEntry {
  return {
    event: "import",
    at: isoSecond(now),
    by,
    scenario: "",
    fingerprint: "",
    tables: "",
    version: VERSION,
    capital: 0,
    revenue: 0,
    balanced: false,
    problems: 0,
    warnings: 0,
    compared: "",
    recipe: 1,
    sheets: "",
    imported: {
      file: record.fileName,
      rows: record.rows,
      total: record.total,
      periods: record.periods.join(", "),
      sha256: record.sha256,
    },
  };
}

/**
 * Counts a usage export against the model's driver estimates (the Monitoring
 * usage settings: the driver, requester rules, excluded categories and
 * adjustments). Nothing in the workbook changes: the counts are shown beside
 * the estimates for the partners to decide on.
 */
export async function countUsageForWorkbook(port: WorkbookPort, file: ImportFile): Promise<WorkbookImportOutcome> {
  const m = await modelOf(port);
  if (!m.ok) return { ok: false, error: `${file.fileName}: the model could not be read.`, problems: m.problems };
  const read = await readUsageExport(file);
  const counted = importUsage(m.model, read, m.year);
  if (!counted.ok) {
    return {
      ok: false,
      error: `${file.fileName}: ${rowsText(counted.problems.length)} could not be read; nothing was counted.`,
      problems: counted.problems.map((p, i) => plainProblem(fileProblemText(p), "error", `usage-${i}`)),
    };
  }
  const { counts, comparison, record, driver } = counted.value;
  const text = [
    `Counted ${record.fileName} (${record.rows} rows, SHA-256 ${record.sha256}) as driver "${driver}":`,
    ...comparison.map((c) => {
      const n = counts.counts.find((x) => x.partner === c.partner);
      const adj = n === undefined || n.adjusted === 0 ? "" : ` (${n.counted} counted, ${n.adjusted > 0 ? "+" : ""}${n.adjusted} adjusted)`;
      return `  ${c.partner}: ${c.actual}${adj} against an estimate of ${c.estimate}`;
    }),
    ...counts.excluded.map((e) => `  excluded: ${e.rows} ${e.category}`),
    ...counts.adjustments.map((a) => `  adjustment: ${a.partner} ${a.amount > 0 ? "+" : ""}${a.amount}: ${a.reason}`),
    ...(counts.unmatched.length === 0
      ? []
      : [`  ${counts.unmatched.length} rows match no partner: lines ${listedLines(counts.unmatched.map((r) => r.fileLine))}`]),
    ...(counts.otherYear.length === 0 ? [] : [`  ${counts.otherYear.length} rows are dated in another year`]),
  ];
  const json = {
    ...record,
    driver,
    counts: counts.counts,
    comparison,
    excluded: counts.excluded,
    adjustments: counts.adjustments.map((a) => ({ partner: a.partner, amount: a.amount, reason: a.reason })),
    unmatched: counts.unmatched.map((r) => ({ line: r.fileLine, requester: r.requester, category: r.category })),
    otherYear: counts.otherYear.length,
  };
  return { ok: true, value: { record, text, json } };
}
