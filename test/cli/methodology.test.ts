import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editWorkbook, tableCell } from "./edit";
import { cli, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

const SAMPLE = "brent-lewisham-southwark";
const NOW = new Date("2021-03-01T10:00:00Z");

/** The sample written and run once. */
async function runSample(name: string): Promise<string> {
  const file = t.file(name);
  expect((await cli(["--sample", SAMPLE, file])).code).toBe(0);
  expect((await cli([file, "--prepared-by", "Ann Lee"], undefined, NOW)).code).toBe(0);
  return file;
}

/** Sets a row of the Settings table, found by its label in the Setting column. */
async function setSetting(file: string, label: string, value: string): Promise<void> {
  await editWorkbook(file, (store) => {
    const table = store.listTables().find((x) => x.name === "Settings");
    if (table === undefined) throw new Error("no Settings table");
    const labels = store.readValues(table.sheet, table.row + 1, table.col, table.rows - 1, 1).map((r) => r[0]);
    const row = labels.indexOf(label);
    if (row < 0) throw new Error(`no setting ${label}`);
    tableCell(store, "Settings", "Value", row).set(value);
  });
}

/** Decimal text of pounds as integer pence, exactly. */
function p(text: unknown): number {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(String(text));
  if (m === null) throw new Error(`not money: ${String(text)}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

interface ChangeJson {
  partner: string;
  before: string;
  after: string;
  change: string;
  costEffect: string;
  shareEffect: string;
}

describe("the methodology paper", () => {
  it("is a sheet of every run, covered by --verify, and in --json: 2021/22 against the run's own 2020/21", async () => {
    const file = await runSample("own.xlsx");
    const wb = await readBack(file);
    const rows = sheetRows(wb.getWorksheet("Methodology")!).map((r) => r.join("|"));
    expect(rows[0]).toMatch(/^Methodology: how the costs of 2021\/22 were split, and what changed since 2020\/21/);
    // The drivers' source and date, from the sample's DriverList.
    expect(rows.join("\n")).toContain("ServiceNow ticket export, April to August 2020, as at 31 August 2020.");
    const v = await cli([file, "--verify"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain("Methodology");

    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code).toBe(0);
    const m = (JSON.parse(r.stdout) as { methodology: { year: string; previousYear: string; against: string; partners: ChangeJson[] } })
      .methodology;
    expect([m.year, m.previousYear, m.against]).toEqual(["2021/22", "2020/21", "this run's own 2020/21"]);
    const totals = (JSON.parse(r.stdout) as { totals: { partner: string; year: string; amount: string }[] }).totals;
    for (const c of m.partners) {
      // Each partner's charges in each year, from the run's own totals.
      const of = (year: string): number =>
        totals.filter((x) => x.partner === c.partner && x.year === year).reduce((s, x) => s + p(x.amount), 0);
      expect(p(c.before)).toBe(of("2020/21"));
      expect(p(c.after)).toBe(of("2021/22"));
      expect(p(c.costEffect) + p(c.shareEffect)).toBe(p(c.change));
    }
  });

  it("--against compares this year's first year with last year's signed-off workbook", async () => {
    const last = await runSample("last.xlsx");
    expect((await cli([last, "--sign-off", "Jo Bloggs, s151 officer"], undefined, NOW)).code).toBe(0);
    const lastJson = JSON.parse((await cli([last, "--json", "--no-write"])).stdout) as {
      totals: { partner: string; year: string; amount: string }[];
    };
    const file = await runSample("this.xlsx");
    await setSetting(file, "First year", "2021/22");
    const r = await cli([file, "--against", last, "--json", "--no-write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      totals: { partner: string; year: string; amount: string }[];
      methodology: { year: string; previousYear: string; against: string; partners: ChangeJson[]; groups: { partners: ChangeJson[] }[] };
    };
    const m = out.methodology;
    expect([m.year, m.previousYear]).toEqual(["2021/22", "2020/21"]);
    expect(m.against).toMatch(/signed off by Jo Bloggs, s151 officer on 2021-03-01, recomputed from its inputs and verified/);
    for (const c of m.partners) {
      // Last year's figures are last year's workbook's; this year's are this run's.
      const sum = (totals: typeof out.totals, year: string): number =>
        totals.filter((x) => x.partner === c.partner && x.year === year).reduce((s, x) => s + p(x.amount), 0);
      expect(p(c.before)).toBe(sum(lastJson.totals, "2020/21"));
      expect(p(c.after)).toBe(sum(out.totals, "2021/22"));
      expect(p(c.costEffect) + p(c.shareEffect)).toBe(p(c.change));
      const groups = m.groups.map((g) => g.partners.find((x) => x.partner === c.partner));
      expect(groups.reduce((s, g) => s + p(g?.change ?? "0.00"), 0)).toBe(p(c.change));
    }
  });

  it("--against refuses a workbook whose run is not signed off, or whose inputs changed since, and writes nothing", async () => {
    const unsigned = await runSample("unsigned.xlsx");
    const file = await runSample("mine.xlsx");
    await setSetting(file, "First year", "2021/22");
    const before = await readFile(file);
    const r = await cli([file, "--against", unsigned]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unsigned\.xlsx cannot be compared against: its run of .* is not signed off/);
    expect((await readFile(file)).equals(before)).toBe(true);

    const changed = await runSample("changed.xlsx");
    expect((await cli([changed, "--sign-off", "Jo Bloggs, s151 officer"], undefined, NOW)).code).toBe(0);
    await editWorkbook(changed, (store) => tableCell(store, "Costs", "Amount (£)", 0).set(9_700_000));
    const s = await cli([file, "--against", changed]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/changed\.xlsx cannot be compared against: The inputs changed since the run/);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("--against refuses a workbook without the year before this run's first", async () => {
    const last = await runSample("same-years.xlsx");
    expect((await cli([last, "--sign-off", "Jo Bloggs, s151 officer"], undefined, NOW)).code).toBe(0);
    const file = await runSample("same.xlsx");
    const r = await cli([file, "--against", last, "--no-write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("it covers 2020/21 to 2022/23, not 2019/20, the year before this run's first year (2020/21).");
  });

  it("--against is a usage error with --check or --verify, or for a file that is not .xlsx", async () => {
    expect((await cli(["m.xlsx", "--against", "last.xlsx", "--check"])).code).toBe(2);
    expect((await cli(["m.xlsx", "--against", "last.xlsx", "--verify"])).code).toBe(2);
    const r = await cli(["m.xlsx", "--against", "last.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--against needs last year's signed-off workbook");
  });

  it("says when the year it describes has no costs, and gives no partner (nor all of them) a share of an empty year", async () => {
    // oneSource's model has costs in 2017/18 only: its paper is 2018/19 against 2017/18.
    const file = t.file("onesource.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    expect((await cli([file, "--prepared-by", "Ann Lee"], undefined, NOW)).code).toBe(0);
    const rows = sheetRows((await readBack(file)).getWorksheet("Methodology")!);
    const text = rows.map((r) => r.join("|")).join("\n");
    expect(text).toContain("The model has no costs in 2018/19: each change below is a 2017/18 cost ending, not a change of split.");
    const all = rows.find((r) => r[0] === "All partners");
    expect(all).toBeDefined();
    // Share 2017/18, share 2018/19, change in points: all partners hold 100% of 2017/18 and no share of 2018/19.
    expect([6, 7, 8].map((i) => all![i] ?? "")).toEqual([100, "", ""]);
  });
});
