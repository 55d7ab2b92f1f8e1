import { readFile } from "node:fs/promises";
import type * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../src/excel";
import { editWorkbook, tableCell } from "./edit";
import { cli, readBack, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** A sample workbook that has been run and written once. */
async function runSample(name: string): Promise<string> {
  const file = t.file(name);
  expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
  expect((await cli([file, "--prepared-by", "Ann Lee"])).code).toBe(0);
  return file;
}

describe("--verify", () => {
  it("verifies a workbook whose outputs are what its inputs give", async () => {
    const file = await runSample("ok.xlsx");
    const r = await cli([file, "--verify"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        "verified\\. Every value in Summary, Committee summary, Allocations, Budget check, Scenario comparison, Trace, Charts, " +
          "Service recharges, RO view, Methodology, Monitoring, Journals, " +
          // One ledger sheet per journal: each partner's expenditure journal and the host's income journal.
          "Ledger – LEW expenditure, Ledger – SOU expenditure, Ledger – BRE income, Run log \\(\\d+ cells\\)",
      ),
    );
  });

  it("reports an output cell edited by hand with its address and both values, and exits 1", async () => {
    const file = await runSample("edited.xlsx");
    // Edited as a user would in Excel: the sheets stay the add-in's (markers kept), one figure changes by a penny.
    let address = "";
    let before = 0;
    await editWorkbook(file, (store) => {
      const used = store.usedRange("Summary");
      if (used === undefined) throw new Error("no Summary");
      const grid = store.readValues("Summary", used.row, used.col, used.rows, used.cols);
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (address === "" && typeof v === "number" && v > 100) {
            address = a1(used.row + r, used.col + c);
            before = v;
            store.writeBlock("Summary", used.row + r, used.col + c, [[v + 0.01]], undefined, undefined);
          }
        }),
      );
    });
    expect(address).not.toBe("");
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Summary!${address}: written ${before + 0.01}, recomputed ${before}`);
    const j = await cli([file, "--verify", "--json"]);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).differences).toContainEqual({ address: `Summary!${address}`, written: before + 0.01, recomputed: before });
  });

  it("cannot verify outputs whose inputs changed since the run, and says which table", async () => {
    const file = await runSample("changed.xlsx");
    const wb = await readBack(file);
    const costs = wb.getWorksheet("Costs");
    if (costs === undefined) throw new Error("no Costs");
    costs.getCell("F2").value = 1_234_567;
    await wb.xlsx.writeFile(file);
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot verify: The inputs changed since the run on .* \(Costs\)/);
  });

  it("verifies a run that compared several scenarios given with --compare (the log records them)", async () => {
    const file = t.file("many.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    expect((await cli([file, "--compare", "Lewisham Homes joins", "--compare", "Core service by users only"])).code).toBe(0);
    const r = await cli([file, "--verify"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("says there is nothing to verify in a workbook never run", async () => {
    const file = t.file("never.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("records no run: there is nothing to verify");
  });
});

describe("--verify checks the Run log's own cells", () => {
  it.each([
    ["garbage", "not a fingerprint at all"],
    ["30,000 characters", "x".repeat(30_000)],
  ])("refuses a Table fingerprints cell holding %s, naming the cell", async (_name, text) => {
    const file = await runSample(`log-tables-${text.length}.xlsx`);
    let address = "";
    await editWorkbook(file, (store) => {
      const cell = tableCell(store, "RunLog", "Table fingerprints", 0);
      address = cell.address;
      cell.set(text);
    });
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`its table fingerprints (${address}) are not what the add-in writes`);
    expect((await cli([file, "--sign-off", "Jo Smith, s151 officer"])).code).toBe(1);
  });

  it("says the log was edited, not the inputs, when only the inputs fingerprint was changed by hand", async () => {
    const file = await runSample("log-fingerprint.xlsx");
    let address = "";
    let tables = "";
    await editWorkbook(file, (store) => {
      const cell = tableCell(store, "RunLog", "Inputs fingerprint", 0);
      address = cell.address;
      tables = tableCell(store, "RunLog", "Table fingerprints", 0).address;
      cell.set("0".repeat(64));
    });
    const r = await cli([file, "--verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `every table fingerprint (${tables}) matches the inputs now, but its inputs fingerprint (${address}) does not`,
    );
    expect(r.stderr).not.toContain("The inputs changed");
  });
});

describe("--sign-off", () => {
  it("records the approval in the Run log, and a later input change is reported against it", async () => {
    const file = await runSample("signed.xlsx");
    const s = await cli([file, "--sign-off", "Jane Smith, s151 officer"]);
    expect(s.code).toBe(0);
    const log = (await readBack(file)).getWorksheet("Run log");
    const events: string[] = [];
    log?.eachRow((row) => events.push(`${String(row.getCell(1).value)}|${String(row.getCell(3).value)}`));
    expect(events.filter((e) => e.startsWith("run|") || e.startsWith("sign-off|"))).toEqual([
      "run|Ann Lee",
      "sign-off|Jane Smith, s151 officer",
    ]);
    expect((await cli([file, "--verify"])).code).toBe(0);
    const wb = await readBack(file);
    const costs = wb.getWorksheet("Costs");
    if (costs === undefined) throw new Error("no Costs");
    costs.getCell("F2").value = 1;
    await wb.xlsx.writeFile(file);
    const c = await cli([file, "--check"]);
    expect(c.stderr).toMatch(/warning: The inputs changed since sign-off by Jane Smith, s151 officer on .*: Costs\./);
  });

  it("is refused when the inputs changed since the run, and nothing is written", async () => {
    const file = await runSample("refused.xlsx");
    const wb = await readBack(file);
    const costs = wb.getWorksheet("Costs");
    if (costs === undefined) throw new Error("no Costs");
    costs.getCell("F2").value = 1;
    await wb.xlsx.writeFile(file);
    const r = await cli([file, "--sign-off", "Jane Smith, s151 officer"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Not signed off: The inputs changed since the run on .* \(Costs\)/);
  });

  it("after a run comparing two scenarios, approves that run without recomputing or rewriting any result", async () => {
    const file = t.file("signed-many.xlsx");
    expect((await cli(["--sample", "brent-lewisham-southwark", file])).code).toBe(0);
    const ran = await cli([file, "--compare", "Lewisham Homes joins", "--compare", "Core service by users only"], undefined, RUN_AT);
    expect(ran.code, ran.stderr).toBe(0);
    const before = await resultCells(file);
    const charts = await chartParts(file);
    expect(charts.length).toBeGreaterThan(0);
    const s = await cli([file, "--sign-off", "Jo Smith, s151 officer"], undefined, SIGN_AT);
    expect(s.stderr).toBe("");
    expect(s.code).toBe(0);
    // What was signed, named as the Run log records it.
    const fp = runEntry(await readBack(file), "run")?.fingerprint ?? "";
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(s.stdout).toContain(
      "Signed off by Jo Smith, s151 officer on 2 Dec 2026 09:30 UTC: the run of 1 Dec 2026 14:03 UTC (base model; compared with " +
        `Lewisham Homes joins, Core service by users only; fingerprint ${fp.slice(0, 12)}).`,
    );
    // Every result cell as it was, cell by cell; only the Run log gained the approval.
    const after = await resultCells(file);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [sheet, cells] of before) expect(after.get(sheet), sheet).toEqual(cells);
    expect(await chartParts(file)).toEqual(charts);
    expect(runEntry(await readBack(file), "sign-off")).toMatchObject({ by: "Jo Smith, s151 officer", fingerprint: fp });
    // The command line states the same status as the pane: signed off, by whom, and current.
    const c = await cli([file, "--check"]);
    expect(c.stdout).toContain(
      `Signed off: The results are from the run on 1 Dec 2026 14:03 UTC (fingerprint ${fp.slice(0, 12)}), signed off by ` +
        "Jo Smith, s151 officer on 2 Dec 2026 09:30 UTC, and match the inputs now.",
    );
    const v = await cli([file, "--verify"]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
  });

  it("is refused, writing nothing, when the results do not verify", async () => {
    const file = await runSample("unverified.xlsx");
    await editWorkbook(file, (store) => store.writeBlock("Summary", 9, 9, [["typed by hand"]], undefined, undefined));
    const bytes = await readFile(file);
    const r = await cli([file, "--sign-off", "Jo Smith, s151 officer"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'Not signed off: the results do not verify: 1 cell differ from the recomputation (Summary!J10: written "typed by hand"',
    );
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });
});

const RUN_AT = new Date("2026-12-01T14:03:00Z");
const SIGN_AT = new Date("2026-12-02T09:30:00Z");

/** Every non-empty cell of every sheet but the Run log, by sheet: what a sign-off must leave alone. */
async function resultCells(file: string): Promise<Map<string, Map<string, unknown>>> {
  const out = new Map<string, Map<string, unknown>>();
  (await readBack(file)).eachSheet((ws) => {
    if (ws.name === "Run log") return;
    const cells = new Map<string, unknown>();
    ws.eachRow((row) => row.eachCell((c) => cells.set(c.address, c.value)));
    out.set(ws.name, cells);
  });
  return out;
}

/** The chart parts in a workbook file, each as its XML (what Excel draws on the Charts sheet). */
async function chartParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const names = Object.keys(zip.files)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .sort();
  return Promise.all(names.map(async (n) => (await zip.file(n)?.async("string")) ?? ""));
}

/** The last Run log row of an event, read independently with exceljs. */
function runEntry(wb: ExcelJS.Workbook, event: string): { by: string; fingerprint: string } | undefined {
  let found: { by: string; fingerprint: string } | undefined;
  // Columns by their headers (row 4): the log puts what a person reads first and the full values after.
  const ws = wb.getWorksheet("Run log");
  const headers = (ws?.getRow(4).values ?? []) as unknown[];
  const col = (name: string): number => headers.findIndex((h) => h === name);
  ws?.eachRow((row) => {
    if (row.getCell(1).value === event)
      found = { by: String(row.getCell(col("By")).value), fingerprint: String(row.getCell(col("Inputs fingerprint")).value) };
  });
  return found;
}
