import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { sampleById } from "../../src/samples";
import { cli, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

const LEDGER = "src/samples/monitoring/bls-ledger-2020-21-p1-p8.csv";
const TICKETS = "src/samples/monitoring/bls-tickets-2020-21-p1-p8.csv";

interface MonitoringJson {
  imports: { kind: string; fileName: string; rows: number; total: string; sha256: string; periods: number[]; unmapped: unknown[] }[];
  monitoring: { year: string; toPeriod: number; settlement: { partner: string; share: string; words: string }[] } | null;
}

describe("--import-actuals and --json monitoring", () => {
  const sample = sampleById("brent-lewisham-southwark")!;

  it("imports the ledger export, writes the Actuals table, and re-importing changes nothing", async () => {
    const file = t.file("bls.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const first = await cli([file, "--import-actuals", LEDGER, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout) as MonitoringJson;
    expect(a.imports[0]).toMatchObject({ kind: "actuals", fileName: "bls-ledger-2020-21-p1-p8.csv", rows: 116, total: "£9,158,294.48" });
    expect(a.imports[0]?.periods).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a.imports[0]?.unmapped).toHaveLength(2);
    expect(a.monitoring?.toPeriod).toBe(8);
    expect(a.monitoring?.settlement.map((s) => s.partner)).toEqual(["BRE", "LEW", "SOU"]);
    const again = await cli([file, "--import-actuals", LEDGER, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const b = JSON.parse(again.stdout) as MonitoringJson;
    expect(b.monitoring).toEqual(a.monitoring);
  });

  it("records each import in the Run log (file, rows, total, periods, SHA-256), and later runs carry the records forward", async () => {
    const file = t.file("logged.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    expect((await cli([file, "--prepared-by", "Ann Lee"])).code).toBe(0);
    const first = await cli([file, "--import-actuals", LEDGER, "--prepared-by", "Ann Lee"]);
    expect(first.code, first.stderr).toBe(0);
    // Period 8 again, as corrected in the ledger: one transaction.
    const p8 = t.file("p8.csv");
    await writeFile(p8, 'Date,Cost Centre,Account,Amount\r\n15/11/2020,IC100,0200,"1,000.50"\r\n');
    const second = await cli([file, "--import-actuals", p8, "--prepared-by", "Raj Patel"]);
    expect(second.code, second.stderr).toBe(0);
    // A plain re-run, then --verify: the records survive both, and the log still verifies.
    expect((await cli([file])).code).toBe(0);
    const verified = await cli([file, "--verify"]);
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);
    const rows = sheetRows((await readBack(file)).getWorksheet("Run log")!);
    const header = rows.findIndex((r) => r[0] === "Event");
    const head = rows[header] ?? [];
    const col = (h: string): number => head.indexOf(h);
    const imports = rows.slice(header + 1).filter((r) => r[col("Event")] === "import");
    const sha = async (path: string): Promise<string> =>
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
    expect(imports.map((r) => [r[col("By")], r[col("Imported file")], r[col("Rows imported")], r[col("Import total")]])).toEqual([
      ["Ann Lee", "bls-ledger-2020-21-p1-p8.csv", 116, "£9,158,294.48"],
      ["Raj Patel", "p8.csv", 1, "£1,000.50"],
    ]);
    expect(imports.map((r) => r[col("Periods replaced")])).toEqual(["1, 2, 3, 4, 5, 6, 7, 8", "8"]);
    expect(imports.map((r) => r[col("Imported file SHA-256")])).toEqual([await sha(LEDGER), await sha(p8)]);
    // In order among the runs: each import is followed by the run it was made for; --verify adds nothing.
    expect(rows.slice(header + 1).map((r) => r[col("Event")])).toEqual(["run", "import", "run", "import", "run", "run"]);
  });

  it("refuses a file with a bad row, naming its line and column, and writes nothing", async () => {
    const file = t.file("bad.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const csv = t.file("bad.csv");
    await writeFile(csv, "Date,Cost Centre,Account,Amount\r\n01/05/2020,IC100,0200,12.00\r\n02/05/2020,IC100,0200,twelve\r\n");
    const r = await cli([file, "--import-actuals", csv]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('line 3, column D (Amount): "twelve" is not an amount');
    expect(r.stderr).toContain("nothing was imported");
  });

  it("counts a ticket export beside the estimates", async () => {
    const file = t.file("tickets.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const r = await cli([file, "--import-drivers", TICKETS, "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('as driver "tickets"');
    expect(r.stdout).toMatch(/LEW: \d+ against an estimate of 9500/);
  });

  it("refuses --import-actuals with --verify", () => {
    expect(parseArgs(["m.xlsx", "--import-actuals", "l.csv", "--verify"])).toHaveProperty("usage");
  });
});
