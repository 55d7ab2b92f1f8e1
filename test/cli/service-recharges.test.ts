import { copyFile, readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { editWorkbook, tableCell } from "./edit";
import { cli, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let file: string;
beforeAll(async () => {
  t = await tempDir();
  file = t.file("bls.xlsx");
  const made = await cli(["--sample", BRENT_LEWISHAM_SOUTHWARK.id, file]);
  if (made.code !== 0) throw new Error(made.stderr);
});
afterAll(async () => {
  await t.cleanup();
});

/** Decimal pounds text ("-123.45") as whole pence, exactly. */
const pence = (text: string): number => {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(text);
  if (m === null) throw new Error(`not money: ${text}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

interface Split {
  partner: string;
  year: string;
  category: string;
  recharge: string;
  rechargeThousands: string;
  services: { service: string; heading: string; costCentre: string | null; amount: string; thousands: string }[];
  roLines: { heading: string; thousands: string }[];
  recharged: boolean;
}

describe("service recharges from the command line", () => {
  it("--json has serviceRecharges: each partner's services add up to its recharge at the penny and at £000", async () => {
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      totals: { partner: string; year: string; category: string; amount: string }[];
      serviceRecharges: { withoutServiceList: string[]; allRecharged: boolean; splits: Split[] };
    };
    const sr = json.serviceRecharges;
    // Brent keeps no service list in the sample; Lewisham and Southwark do, for every year.
    expect(sr.withoutServiceList).toEqual(["BRE"]);
    expect(sr.allRecharged).toBe(true);
    const charged = json.totals.filter((x) => x.partner !== "BRE" && pence(x.amount) !== 0);
    expect(sr.splits.map((s) => `${s.partner} ${s.year} ${s.category}`).sort()).toEqual(
      charged.map((x) => `${x.partner} ${x.year} ${x.category}`).sort(),
    );
    for (const s of sr.splits) {
      // The recharge is the partner's total in the same run's totals, and the services add up to it exactly.
      const total = json.totals.find((x) => x.partner === s.partner && x.year === s.year && x.category === s.category);
      expect(s.recharge).toBe(total?.amount);
      expect(sum(s.services.map((x) => pence(x.amount)))).toBe(pence(s.recharge));
      // £000: the recharge rounded half away from zero, and both the services and the RO lines add up to it.
      const k = Math.sign(pence(s.recharge)) * Math.floor((Math.abs(pence(s.recharge)) + 50_000) / 100_000);
      expect(Number(s.rechargeThousands)).toBe(k);
      expect(sum(s.services.map((x) => Number(x.thousands)))).toBe(k);
      expect(sum(s.roLines.map((x) => Number(x.thousands)))).toBe(k);
      expect(s.recharged).toBe(true);
    }
    const lew = sr.splits.find((s) => s.partner === "LEW" && s.year === "2020/21" && s.category === "revenue");
    expect(lew?.services.map((x) => x.costCentre)).toEqual(["LC100", "LC110", "LC120", "LC130", "LC140", "LC150", "LC160"]);
    expect(lew?.roLines.map((x) => x.heading)[0]).toBe("RO1 Education services");
  });

  it("writes the Service recharges and RO view sheets, each check saying the figures add up", async () => {
    const out = t.file("bls-out.xlsx");
    const r = await cli([file, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Service recharges: 2 partners spread onto their services (LEW, SOU); every recharge fully recharged");
    const wb = await readBack(out);
    const services = sheetRows(wb.getWorksheet("Service recharges")!);
    const checks = services.filter((row) => row[0] === "Check");
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(String(c[1])).toMatch(/^Fully recharged/);
    const ro = sheetRows(wb.getWorksheet("RO view")!);
    const totals = ro.filter((row) => row[0] === "Total (£000)");
    const rounded = ro.filter((row) => row[0] === "Recharge rounded to £000");
    expect(totals.length).toBeGreaterThan(0);
    expect(totals).toEqual(rounded.map((row) => ["Total (£000)", ...row.slice(1)]));
  });

  it("refuses a negative basis value, naming its cell, and writes nothing", async () => {
    const bad = t.file("bls-bad.xlsx");
    await copyFile(file, bad);
    let address = "";
    await editWorkbook(bad, (store) => {
      const c = tableCell(store, "PartnerServices", "Basis value", 2);
      address = c.address;
      c.set(-5);
    });
    const before = await readFile(bad);
    const r = await cli([bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${address}: Partner service, partner "LEW", value, row 3: -5 is negative; it must be zero or more.`);
    expect(await readFile(bad)).toEqual(before);
  });
});
