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
    drivers.getCell("H2").value = { formula: "1/3", result: 1 / 3 };
    drivers.getCell("H3").value = { formula: "6/79", result: 6 / 79 };
    drivers.getCell("I2").value = { formula: "2/7*100", result: (2 / 7) * 100 };
    drivers.getCell("I3").value = { formula: "0.1+0.2", result: 0.1 + 0.2 };
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
