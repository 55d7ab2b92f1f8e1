import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../src/excel";
import { editWorkbook } from "./edit";
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
          "Run log \\(\\d+ cells\\)",
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
    expect(r.stderr).toMatch(/Not signed off: Costs changed since the run on/);
  });
});
