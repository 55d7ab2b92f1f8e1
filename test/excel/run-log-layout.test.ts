import { afterEach, describe, expect, it } from "vitest";
import { readRunLog, runLogSheet, type RunLogEntry } from "../../src/excel";
import { localWhenText } from "../../src/excel/layout/outputs/run-log";

const FP = "3f2a9c0d1e4b" + "0".repeat(52);
const TABLES = JSON.stringify({ Costs: "a".repeat(64) });
const ENTRY: RunLogEntry = {
  event: "run",
  at: "2026-12-01T14:03:00Z",
  by: "Ann Lee",
  scenario: "",
  fingerprint: FP,
  tables: TABLES,
  version: "1.0.0",
  capital: 12_345,
  revenue: 67_890,
  balanced: true,
  problems: 0,
  warnings: 2,
  compared: "",
  sheets: "[]",
  pair: ["", "Lewisham Homes joins"],
  recipe: 2,
};

/** The log's table (header row first) as the sheet lays it out. */
function table(entries: readonly RunLogEntry[]): unknown[][] {
  const spec = runLogSheet(entries);
  const t = spec.blocks.filter((b) => b.row >= 3);
  const rows: unknown[][] = [];
  for (const b of t) b.values.forEach((r, i) => (rows[b.row - 3 + i] = [...(rows[b.row - 3 + i] ?? []), ...r]));
  return rows;
}

const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

describe("the Run log reads as a person's record (issue 26)", () => {
  it("puts the local date and time and the short fingerprint first, and keeps the full values after", () => {
    process.env.TZ = "Europe/London";
    expect(localWhenText("2026-07-01T14:03:00Z")).toBe("1 Jul 2026 15:03");
    const [header = [], row = []] = table([ENTRY]);
    expect(header.slice(0, 5)).toEqual(["Event", "When (local time)", "By", "Scenario", "Fingerprint"]);
    expect(row.slice(0, 5)).toEqual(["run", "1 Dec 2026 14:03", "Ann Lee", "Base model", "3f2a9c0d1e4b"]);
    // The full values --verify and a sign-off rest on, each under its header.
    const at = (h: string): unknown => row[header.indexOf(h)];
    expect(at("Date and time (UTC)")).toBe("2026-12-01T14:03:00Z");
    expect(at("Inputs fingerprint")).toBe(FP);
    expect(at("Table fingerprints")).toBe(TABLES);
    expect(header.indexOf("Inputs fingerprint")).toBeGreaterThan(header.indexOf("Compared side by side"));
  });

  it("keeps a time as first written when the log is carried forward in another time zone", () => {
    process.env.TZ = "Europe/London";
    const [header = [], row = []] = table([ENTRY]);
    process.env.TZ = "Asia/Tokyo";
    const read = readRunLog({ name: "RunLog", sheet: "Run log", row: 3, col: 0, values: [header, row] as never });
    expect(read[0]).toMatchObject({ ...ENTRY, when: "1 Dec 2026 14:03" });
    expect(table(read)[1]?.[1]).toBe("1 Dec 2026 14:03");
    // A new entry is written in the local time of the machine writing it.
    expect(table([...read, { ...ENTRY, at: "2026-12-02T09:30:00Z" }])[2]?.[1]).toBe("2 Dec 2026 18:30");
  });

  it("reads a log an older add-in laid out (UTC time and full fingerprint first, no recipe)", () => {
    const header = [
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
    ];
    const row = ["run", ENTRY.at, "Ann Lee", "Base model", FP, TABLES, "0.9.0", 123.45, 678.9, "Yes", 0, 2, "", "[]"];
    const [entry] = readRunLog({ name: "RunLog", sheet: "Run log", row: 3, col: 0, values: [header, row] as never });
    expect(entry).toMatchObject({ at: ENTRY.at, fingerprint: FP, tables: TABLES, capital: 12_345, recipe: 1, version: "0.9.0" });
    expect(entry?.pair).toBeUndefined();
    expect(entry?.when).toBeUndefined();
    // Where the damaged-cell messages point: the columns where they were found.
    expect(entry?.source).toMatchObject({ fingerprintCol: 4, tablesCol: 5 });
  });

  it("lays out an import as a row of its own, with the file and no run figures, and reads it back as written", () => {
    process.env.TZ = "Europe/London";
    const SHA = "ab".repeat(32);
    const IMPORT: RunLogEntry = {
      ...ENTRY,
      event: "import",
      by: "Raj Patel",
      fingerprint: "",
      tables: "",
      capital: 0,
      revenue: 0,
      balanced: false,
      warnings: 0,
      sheets: "",
      recipe: 1,
      imported: { file: "ledger p8.csv", rows: 116, total: "£9,158,294.48", periods: "1, 2, 3", sha256: SHA },
    };
    const { pair: _pair, ...entry } = IMPORT;
    const [header = [], run = [], imported = []] = table([ENTRY, entry]);
    const at = (row: readonly unknown[], h: string): unknown => row[header.indexOf(h)];
    expect(imported.slice(0, 5)).toEqual(["import", "1 Dec 2026 14:03", "Raj Patel", "", ""]);
    expect([at(imported, "Imported file"), at(imported, "Rows imported"), at(imported, "Import total")]).toEqual([
      "ledger p8.csv",
      116,
      "£9,158,294.48",
    ]);
    expect([at(imported, "Periods replaced"), at(imported, "Imported file SHA-256")]).toEqual(["1, 2, 3", SHA]);
    // No figures, fingerprint or verdict of a run on an import's row; none of the import's on a run's.
    for (const h of ["Capital (£)", "Revenue (£)", "Balanced", "Inputs fingerprint", "Table fingerprints", "Fingerprint recipe"])
      expect(at(imported, h), h).toBe("");
    for (const h of ["Imported file", "Rows imported", "Import total", "Periods replaced", "Imported file SHA-256"])
      expect(at(run, h), h).toBe("");
    const read = readRunLog({ name: "RunLog", sheet: "Run log", row: 3, col: 0, values: [header, run, imported] as never });
    expect(read.map((e) => e.event)).toEqual(["run", "import"]);
    expect(read[1]).toMatchObject({ by: "Raj Patel", at: ENTRY.at, imported: entry.imported });
    expect(read[0]?.imported).toBeUndefined();
    // Carried forward: laid out again from what was read, the rows are the same.
    expect(table(read)).toEqual(table([ENTRY, entry]));
  });
});
