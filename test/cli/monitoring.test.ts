import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args";
import { sampleById } from "../../src/samples";
import { cli, tempDir } from "./helpers";

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
