import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bytesSource,
  fileProblemText,
  importActuals,
  importUsage,
  monitoringJson,
  monitoringOfRun,
  readLedgerExport,
  readUsageExport,
} from "../../src/app";
import { runModel, type ModelInput } from "../../src/engine";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

const FIXTURES = "src/samples/monitoring/";
const fileOf = (name: string, bytes: Uint8Array = readFileSync(FIXTURES + name)) => ({ fileName: name, source: bytesSource(bytes, 1000) });
const text = (s: string) => new TextEncoder().encode(s);
function value<T>(r: { ok: true; value: T } | { ok: false; problems: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe("importing the sample's ledger export", () => {
  it("reads every row, maps all but the two HR transactions, and gives the sample's actuals", async () => {
    const file = await readLedgerExport(fileOf("bls-ledger-2020-21-p1-p8.csv"));
    expect(file.problems).toEqual([]);
    // The generator of the fixture wrote 116 transactions totalling £9,158,294.48 (scripted, not read back from this code).
    expect(file.transactions.length).toBe(116);
    expect(file.total).toBe(915_829_448);
    expect(file.encoding).toBe("utf-8");
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const sample = BRENT_LEWISHAM_SOUTHWARK.model;
    const model: ModelInput = { ...sample, monitoring: { ...sample.monitoring, actuals: [] } };
    const imported = value(importActuals(model, file, 2020));
    expect(imported.mapped.unmapped.map((u) => [u.reason, u.transaction.costCentre])).toEqual([
      ["noMatch", "HR100"],
      ["noMatch", "HR100"],
    ]);
    expect(imported.mapped.mappedTotal + imported.mapped.unmappedTotal).toBe(file.total);
    const norm = (xs: readonly { period: unknown; line: string; amount: unknown }[]) =>
      xs.map((a) => [Number(a.period), a.line, Number(a.amount).toFixed(2)]).sort();
    expect(norm(imported.model.monitoring?.actuals ?? [])).toEqual(norm(BRENT_LEWISHAM_SOUTHWARK.model.monitoring?.actuals ?? []));
    expect(imported.record).toMatchObject({ kind: "actuals", rows: 116, total: "£9,158,294.48", periods: [1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it("importing the same file again leaves the actuals as importing it once", async () => {
    const file = await readLedgerExport(fileOf("bls-ledger-2020-21-p1-p8.csv"));
    const once = value(importActuals(BRENT_LEWISHAM_SOUTHWARK.model, file, 2020));
    const twice = value(importActuals(once.model, file, 2020));
    expect(twice.model.monitoring?.actuals).toEqual(once.model.monitoring?.actuals);
  });

  it("replaces only the periods a file holds", async () => {
    const p9 = await readLedgerExport(fileOf("p9.csv", text('Period,Cost centre,Account,Amount\r\n9,IC100,0200,"1,000.00"\r\n')));
    const before = BRENT_LEWISHAM_SOUTHWARK.model.monitoring?.actuals ?? [];
    const after = value(importActuals(BRENT_LEWISHAM_SOUTHWARK.model, p9, 2020)).model.monitoring?.actuals ?? [];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      { period: 9, line: "BLS-01", amount: "1000.00", source: expect.stringContaining("p9.csv") as unknown },
    ]);
  });
});

describe("ledger export rows", () => {
  it("reads Windows-1252, bracketed negatives and debit/credit columns", async () => {
    // "Narrative" holds a £ sign (0xA3 in Windows-1252).
    const head = "Posting Date,Cost Centre,Subjective,Debit,Credit,Narrative\r\n";
    const body = '01/05/2020,IC100,0200,"1,234.56",,Fees \xa3\r\n02/05/2020,IC100,0200,,"(10.00)",Refund\r\n';
    const bytes = Uint8Array.from([...head, ...body].map((c) => c.charCodeAt(0)));
    const file = await readLedgerExport(fileOf("w.csv", bytes));
    expect(file.problems).toEqual([]);
    expect(file.encoding).toBe("windows-1252");
    expect(file.transactions.map((t) => [t.period, t.amount, t.description])).toEqual([
      [2, 123_456, "Fees £"],
      // A credit of (10.00) is minus a minus: +£10.00.
      [2, 1_000, "Refund"],
    ]);
  });

  it("names every bad row by file line and column, and imports nothing from them", async () => {
    const csv =
      "Date,Cost Centre,Account,Amount\r\n" +
      "31/04/2020,IC100,0200,10\r\n" +
      "01/05/2020,,0200,10\r\n" +
      '01/05/2020,IC100,0200,"12,3x"\r\n' +
      "01/05/2020,IC100,0200,(5.00)\r\n";
    const file = await readLedgerExport(fileOf("bad.csv", text(csv)));
    expect(file.problems.map(fileProblemText)).toEqual([
      'line 2, column A (Date): "31/04/2020" is not a date (write DD/MM/YYYY)',
      "line 3, column B (Cost Centre): is blank: each transaction needs a cost centre",
      'line 4, column D (Amount): "12,3x" is not an amount (write 1,234.56, -1234.56 or (1,234.56))',
    ]);
    expect(file.transactions.map((t) => t.amount)).toEqual([-500]);
    // A file with any bad row is refused whole.
    expect(importActuals(BRENT_LEWISHAM_SOUTHWARK.model, file, 2020)).toEqual({ ok: false, problems: file.problems });
  });

  it("says which columns a header lacks", async () => {
    const file = await readLedgerExport(fileOf("h.csv", text("When,Where,How much\r\n1,2,3\r\n")));
    expect(file.problems.map(fileProblemText)).toEqual([
      "line 1: The header row has no Date or Period column, no Cost centre column, no Amount column (nor Debit and Credit columns). " +
        "It reads: When, Where, How much.",
    ]);
  });
});

describe("importing the sample's ticket export", () => {
  it("counts tickets per partner, leaving out non-ICT work and listing requesters outside the partnership", async () => {
    const file = await readUsageExport(fileOf("bls-tickets-2020-21-p1-p8.csv"));
    expect(file.problems).toEqual([]);
    expect(file.rows.length).toBe(985);
    const model: ModelInput = {
      ...BRENT_LEWISHAM_SOUTHWARK.model,
      monitoring: {
        usage: {
          driver: "tickets",
          requesters: [
            { pattern: "Brent*", partner: "BRE" },
            { pattern: "LB Lewisham", partner: "LEW" },
            { pattern: "Lewisham*", partner: "LEW" },
            { pattern: "Southwark*", partner: "SOU" },
          ],
          excludeCategories: ["Facilities", "HR query"],
          adjustments: [{ partner: "LEW", amount: 12, reason: "Phone calls logged on paper before the tool reached Lewisham" }],
        },
      },
    };
    const u = value(importUsage(model, file, 2020));
    // The fixture's generator counted 357, 139 and 319 ICT tickets, 97 Facilities and 71 HR queries, and 2 from the police.
    expect(u.counts.counts.map((c) => [c.partner, c.counted, c.total])).toEqual([
      ["BRE", 357, 357],
      ["LEW", 139, 151],
      ["SOU", 319, 319],
    ]);
    expect(u.counts.excluded).toEqual([
      { category: "Facilities", rows: 97 },
      { category: "HR query", rows: 71 },
    ]);
    expect(u.counts.unmatched.length).toBe(2);
    expect(u.comparison.map((c) => [c.partner, c.estimate, c.actual])).toEqual([
      ["BRE", "24500", 357],
      ["LEW", "9500", 151],
      ["SOU", "22000", 319],
    ]);
    expect(u.model.monitoring?.driverActuals?.filter((d) => d.partner === "LEW").map((d) => d.count)).toHaveLength(8);
  });
});

describe("the sample's monitoring", () => {
  it("runs to period 8 with a forecast settlement for every partner that adds up to the forecast variance", () => {
    const run = runModel(BRENT_LEWISHAM_SOUTHWARK.model);
    if (!run.ok) throw new Error("sample does not run");
    const m = monitoringOfRun(run.value);
    if (m === undefined || !m.ok) throw new Error(JSON.stringify(m));
    expect(m.value.toPeriod).toBe(8);
    const variance = m.value.lines.reduce((s, l) => s + l.variance, 0);
    expect(m.value.settlement.partners.reduce((s, p) => s + p.share, 0)).toBe(variance);
    for (const p of m.value.settlement.partners) {
      expect(p.words).toMatch(/^London Borough of \w+ is forecast to (receive .* back|pay .* more)/);
    }
    const json = monitoringJson(m.value) as { partners: unknown[]; settlement: unknown[] };
    expect(json.settlement).toHaveLength(3);
  });
});
