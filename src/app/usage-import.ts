import {
  compareDrivers,
  countDrivers,
  parsePeriod,
  periodOfDay,
  type DriverComparison,
  type DriverCounts,
  type FinancialYear,
  type ModelInput,
  type Period,
  type UsageRow,
} from "../engine";
import { hashedSource, readCsv } from "./csv-read";
import {
  columnLetter,
  findColumns,
  headerMessage,
  readUkDate,
  type FileIdentity,
  type FileProblem,
  type ImportFile,
  type Imported,
  type ImportRecord,
} from "./ledger-import";

/**
 * Importing a usage export from an operational system (a service desk's
 * ticket export: one row per ticket, with the requesting council or
 * department and a category) into driver counts per partner and period.
 */

/** A usage export, read. */
export interface UsageExport extends FileIdentity {
  readonly rows: readonly UsageRow[];
  readonly problems: readonly FileProblem[];
}

type UsageColumn = "date" | "period" | "requester" | "category";

const USAGE_HEADERS: Readonly<Record<UsageColumn, readonly string[]>> = {
  date: ["date", "opened", "openedat", "created", "createdon", "loggeddate", "datelogged", "raised"],
  period: ["period"],
  requester: [
    "requester",
    "requestingcouncil",
    "council",
    "organisation",
    "organization",
    "company",
    "department",
    "customer",
    "callerorganisation",
  ],
  category: ["category", "type", "tickettype", "service", "classification"],
};

/** Reads a usage export: each row's date (or period), requester and category; every row that cannot be read is named. */
export async function readUsageExport(file: ImportFile): Promise<UsageExport> {
  let rows: UsageRow[] = [];
  let problems: FileProblem[] = [];
  let header: readonly string[] | undefined;
  let cols: Partial<Record<UsageColumn, number>> = {};
  let headerBad = false;
  const hashing = hashedSource(file.source);
  const info = await readCsv(
    hashing.source,
    (r) => {
      if (header === undefined) {
        header = r.fields;
        cols = findColumns(header, USAGE_HEADERS);
        const missing = [
          cols.date === undefined && cols.period === undefined ? "Date or Period column" : "",
          cols.requester === undefined ? "requesting council or department column (Company, Council, Department, Requester…)" : "",
        ].filter((x) => x !== "");
        if (missing.length > 0) {
          headerBad = true;
          problems.push({ line: r.line, column: "", message: headerMessage(missing, header) });
        }
        return;
      }
      if (headerBad) return;
      const h = header;
      const at = (i: number): string => `${columnLetter(i)} (${h[i] ?? ""})`;
      const get = (i: number | undefined): string => (i === undefined ? "" : (r.fields[i] ?? "").trim());
      const before = problems.length;
      let year: FinancialYear | undefined;
      let period: Period | undefined;
      if (cols.date !== undefined && get(cols.date) !== "") {
        // A ticket tool writes a time after the date ("03/06/2020 14:12"): the day is what counts.
        const text = get(cols.date).split(/[ T]/)[0] ?? "";
        const d = readUkDate(text);
        if (d === undefined) {
          problems.push({ line: r.line, column: at(cols.date), message: `"${get(cols.date)}" is not a date (write DD/MM/YYYY)` });
        } else ({ year, period } = periodOfDay(d));
      }
      if (cols.period !== undefined && get(cols.period) !== "") {
        const p = parsePeriod(get(cols.period), { entity: "monitoring", field: "period" });
        if (p.ok) period = p.value;
        else {
          const message = `"${get(cols.period)}" is not a period (1 to 12, April is 1)`;
          problems.push({ line: r.line, column: at(cols.period), message });
        }
      }
      if (period === undefined && problems.length === before) {
        problems.push({ line: r.line, column: at(cols.date ?? cols.period ?? 0), message: "is blank: each row needs a date or a period" });
      }
      const requester = get(cols.requester);
      if (requester === "" && cols.requester !== undefined) {
        const message = "is blank: each row needs the requesting council or department";
        problems.push({ line: r.line, column: at(cols.requester), message });
      }
      if (problems.length > before || period === undefined) return;
      rows.push({ fileLine: r.line, year, period, requester, category: get(cols.category) });
    },
    {
      totalBytes: file.totalBytes,
      onProgress: file.onProgress,
      onRestart: () => {
        rows = [];
        problems = [];
        header = undefined;
        headerBad = false;
      },
    },
  );
  if (header === undefined) problems.push({ line: 1, column: "", message: "The file is empty: it has no header row." });
  return { fileName: file.fileName, sha256: hashing.hex(), bytes: info.bytes, encoding: info.encoding, rows, problems };
}

/** A usage export counted into a driver, with the model's estimate beside each partner's count. */
export interface UsageImport {
  readonly model: ModelInput;
  readonly driver: string;
  readonly counts: DriverCounts;
  readonly comparison: readonly DriverComparison[];
  readonly record: ImportRecord;
}

/**
 * Counts a usage export by the model's usage settings (its driver, requester
 * rules, excluded categories and adjustments) and records the counts as the
 * driver's actuals: the periods the file covers replace those already
 * recorded for that driver. The model's driver values (the estimates the
 * split uses) are not changed: the counts are shown beside them.
 */
export function importUsage(model: ModelInput, file: UsageExport, year: FinancialYear): Imported<UsageImport> {
  if (file.problems.length > 0) return { ok: false, problems: file.problems };
  const settings = model.monitoring?.usage;
  const driver = settings?.driver?.trim() || "tickets";
  const counts = countDrivers(file.rows, {
    year,
    partners: model.partners.map((p) => ({ id: p.id.trim(), ...(p.name === undefined ? {} : { name: p.name }) })),
    requesters: settings?.requesters ?? [],
    excludeCategories: settings?.excludeCategories ?? [],
    adjustments: (settings?.adjustments ?? []).map((a) => ({ partner: a.partner.trim(), amount: Number(a.amount), reason: a.reason })),
  });
  const periods = [...new Set(file.rows.filter((r) => r.year === undefined || r.year === year).map((r) => r.period))].sort((a, b) => a - b);
  const source = `${file.fileName} (SHA-256 ${file.sha256.slice(0, 12)})`;
  const kept = (model.monitoring?.driverActuals ?? []).filter((d) => d.driver.trim() !== driver || !periods.includes(Number(d.period)));
  const added = counts.counts.flatMap((c) =>
    periods.map((p) => ({ driver, partner: c.partner, period: p, count: c.periods[p - 1] ?? 0, source })),
  );
  const estimates = model.drivers?.find((d) => d.id.trim() === driver)?.values ?? [];
  const counted = counts.counts.reduce((s, c) => s + c.counted, 0);
  return {
    ok: true,
    value: {
      model: { ...model, monitoring: { ...(model.monitoring ?? {}), driverActuals: [...kept, ...added] } },
      driver,
      counts,
      comparison: compareDrivers(estimates, counts),
      record: { kind: "drivers", fileName: file.fileName, rows: file.rows.length, total: String(counted), sha256: file.sha256, periods },
    },
  };
}
