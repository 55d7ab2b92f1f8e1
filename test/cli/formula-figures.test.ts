import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ExcelJS from "exceljs";
import { cli, tempDir } from "./helpers";

/**
 * Issue 24 through the command line: a model whose driver and percentage cells
 * hold formulas (=1/3, =6/79, =2/7*100, =0.1+0.2, =100/3) with the results
 * Excel cached in the file. The run reads each as the double's shortest
 * decimal and goes ahead.
 */
let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "brent-lewisham-southwark", t.file("model.xlsx")])).code).toBe(0);
});
afterAll(async () => {
  await t.cleanup();
});

describe("formula cells with cached values", () => {
  it("driver and percentage cells holding =1/3, =6/79, =2/7*100, =0.1+0.2 and =100/3 are checked and run", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.file("model.xlsx"));
    const drivers = wb.getWorksheet("Drivers");
    const bases = wb.getWorksheet("Bases");
    if (drivers === undefined || bases === undefined) throw new Error("no Drivers or Bases sheet");
    drivers.getCell("J2").value = { formula: "1/3", result: 1 / 3 };
    drivers.getCell("J3").value = { formula: "6/79", result: 6 / 79 };
    drivers.getCell("K2").value = { formula: "2/7*100", result: (2 / 7) * 100 };
    drivers.getCell("K3").value = { formula: "0.1+0.2", result: 0.1 + 0.2 };
    for (const a of ["D2", "D3", "D4"]) bases.getCell(a).value = { formula: "100/3", result: 100 / 3 };
    await wb.xlsx.writeFile(t.file("formulas.xlsx"));

    const check = await cli([t.file("formulas.xlsx"), "--check"]);
    // Only the stored scenarios' own warnings (Lewisham Homes' usage now exceeds Lewisham's): no cell is refused.
    expect(check.stderr).not.toMatch(/^error|significant digits|decimal places/m);
    expect(check.code).toBe(0);
    const run = await cli([t.file("formulas.xlsx")]);
    expect(run.stderr).not.toMatch(/^error|significant digits|decimal places/m);
    expect(run.code).toBe(0);
  });
});

describe("--explain shows the membership periods", () => {
  it("a partner joining part-way through a year: the working and --json name each period and its members", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(t.file("model.xlsx"));
    const partners = wb.getWorksheet("Partners");
    if (partners === undefined) throw new Error("no Partners sheet");
    partners.getCell("E3").value = new Date(Date.UTC(2020, 9, 1));
    await wb.xlsx.writeFile(t.file("joiner.xlsx"));
    const text = await cli([t.file("joiner.xlsx"), "--explain", "BLS-01", "--partner", "LEW", "--year", "2020/21"]);
    expect(text.stderr).toBe("");
    expect(text.stdout).toContain(
      "Membership periods: 1 April 2020 to 30 September 2020 (183/365 of the year): BRE, SOU; " +
        "1 October 2020 to 31 March 2021 (182/365 of the year): BRE, LEW, SOU",
    );
    const json = await cli([t.file("joiner.xlsx"), "--explain", "BLS-01", "--partner", "LEW", "--year", "2020/21", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      periods: [
        { from: "2020-04-01", to: "2020-09-30", part: "183/365", members: ["BRE", "SOU"] },
        { from: "2020-10-01", to: "2021-03-31", part: "182/365", members: ["BRE", "LEW", "SOU"] },
      ],
    });
  });
});
