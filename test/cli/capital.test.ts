import { copyFile, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ONESOURCE } from "../../src/samples";
import { editWorkbook, tableCell } from "./edit";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeAll(async () => {
  t = await tempDir();
  file = t.file("os.xlsx");
  const made = await cli(["--sample", ONESOURCE.id, file]);
  if (made.code !== 0) throw new Error(made.stderr);
});
afterAll(async () => {
  await t.cleanup();
});

interface CapitalJson {
  discountRate: string | null;
  lines: { ref: string; financing: string; schedule: { year: string; mrp: string; interest: string }[] | null }[];
  partners: { partner: string; borrowed: string; mrp: string; years: { year: string; mrp: string; interest: string }[] }[];
  options: { name: string; firstYear: string; lastYear: string; total: { capitalAfter: string; cheaper: string } }[];
}

describe("capital financing from the command line (oneSource, docs/capital.md)", () => {
  it("--json carries a capitalFinancing section with the hand-checkable equal-instalment schedule", async () => {
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const c = (JSON.parse(r.stdout) as { capitalFinancing: CapitalJson }).capitalFinancing;
    expect(c.discountRate).toBe("3.5");
    // Library PCs: £352,000 borrowed at 4.5% over 4 years, equal instalments, in use on the day it is spent
    // (31 March 2018, 2017/18): MRP £88,000 a year from 2018/19; interest on £352,000, £264,000, £176,000, £88,000.
    // It is charged directly to Newham, so Havering's part of every figure is zero.
    const pcs = c.lines.find((l) => l.ref === "OS-C01");
    expect(pcs?.schedule).toEqual([
      {
        year: "2018/19",
        opening: "352000.00",
        mrp: "88000.00",
        interest: "15840.00",
        closing: "264000.00",
        partners: [
          { partner: "LBH", opening: "0.00", mrp: "0.00", interest: "0.00" },
          { partner: "LBN", opening: "352000.00", mrp: "88000.00", interest: "15840.00" },
        ],
      },
      {
        year: "2019/20",
        opening: "264000.00",
        mrp: "88000.00",
        interest: "11880.00",
        closing: "176000.00",
        partners: [
          { partner: "LBH", opening: "0.00", mrp: "0.00", interest: "0.00" },
          { partner: "LBN", opening: "264000.00", mrp: "88000.00", interest: "11880.00" },
        ],
      },
      {
        year: "2020/21",
        opening: "176000.00",
        mrp: "88000.00",
        interest: "7920.00",
        closing: "88000.00",
        partners: [
          { partner: "LBH", opening: "0.00", mrp: "0.00", interest: "0.00" },
          { partner: "LBN", opening: "176000.00", mrp: "88000.00", interest: "7920.00" },
        ],
      },
      {
        year: "2021/22",
        opening: "88000.00",
        mrp: "88000.00",
        interest: "3960.00",
        closing: "0.00",
        partners: [
          { partner: "LBH", opening: "0.00", mrp: "0.00", interest: "0.00" },
          { partner: "LBN", opening: "88000.00", mrp: "88000.00", interest: "3960.00" },
        ],
      },
    ]);
    // Each partner's MRP adds up to its share of the borrowed capital (lines charged directly).
    expect(c.partners.map((p) => [p.partner, p.borrowed, p.mrp])).toEqual([
      ["LBH", "115000.00", "115000.00"],
      ["LBN", "352000.00", "352000.00"],
    ]);
    // The migration comes into use in 2018/19, so its MRP starts in 2019/20; the option runs to the last MRP year.
    expect(c.options.map((o) => [o.name, o.firstYear, o.lastYear, o.total.capitalAfter])).toEqual([
      ["Cloud first: infrastructure", "2017/18", "2023/24", "0.00"],
    ]);
    expect(r.stderr).toBe("");
  });

  it("a capital field on a revenue line is an error at its cell, and nothing is written", async () => {
    const bad = t.file("bad.xlsx");
    await copyFile(file, bad);
    let where = "";
    await editWorkbook(bad, (store) => {
      const cell = tableCell(store, "Costs", "Asset life", 5);
      cell.set(5);
      where = cell.address;
    });
    const bytes = await readFile(bad);
    const r = await cli([bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${where}: Cost line "OS-R01", assetLife: only a capital line is financed`);
    expect((await readFile(bad)).equals(bytes)).toBe(true);
  });

  it("an option against a line not financed by borrowing is an error at the Options table's cell", async () => {
    const bad = t.file("bad-option.xlsx");
    await copyFile(file, bad);
    let where = "";
    await editWorkbook(bad, (store) => {
      const cell = tableCell(store, "Options", "Line", 0);
      cell.set("OS-C02");
      where = cell.address;
    });
    const r = await cli([bad, "--check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${where}: Capital option "Cloud first: infrastructure", line: cost line "OS-C02"`);
  });
});
