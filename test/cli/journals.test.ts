import { readdir, readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModelBudgets } from "../../src/engine";
import { sampleById } from "../../src/samples";
import { editWorkbook, tableCell } from "./edit";
import { cli, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** Pence from a CSV amount. */
function pence(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (m === null) throw new Error(`not an amount: ${text}`);
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

describe("--journals and --invoices", () => {
  const sample = sampleById("brent-lewisham-southwark")!;

  it("write each ledger's journals and each partner's invoices as CSV that parse back, tied to the allocations", async () => {
    const file = t.file("bls.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const journals = t.file("journals");
    const invoices = t.file("invoices");
    const r = await cli([file, "--out", t.file("out.xlsx"), "--journals", journals, "--invoices", invoices, "--csv-bom", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      journals: { reference: string; controls: { partner: string; allocations: string; journal: string }[] };
      journalFiles: { files: string[] };
    };
    expect(json.journals.reference).toMatch(/^SA-[0-9a-f]{12}$/);
    // Each partner's journal posts its 2020/21 total, as the engine's allocations give it.
    const budget = checkModelBudgets(sample.model);
    if (!budget.ok) throw new Error("engine");
    for (const c of json.journals.controls) {
      const total = budget.value.run.totals
        .filter((x) => x.partner === c.partner && x.yearLabel === "2020/21")
        .reduce((a, x) => a + x.amount, 0);
      expect(pence(c.allocations)).toBe(total);
      expect(c.journal).toBe(c.allocations);
    }
    expect((await readdir(journals)).sort()).toEqual([...json.journalFiles.files].sort());
    // Lewisham's Oracle Fusion file has no header row; its debits equal its credits.
    const lew = await readFile(`${journals}/LEW-2020-expenditure.csv`, "utf8");
    expect(lew.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(lew, { bom: true }) as string[][];
    expect(rows[0]?.[0]).toBe("NEW");
    const debit = rows.reduce((a, row) => a + pence(row[38]), 0);
    const credit = rows.reduce((a, row) => a + pence(row[39]), 0);
    expect(debit).toBe(credit);
    const inv = parse(await readFile(`${invoices}/SOU-2020-invoices.csv`, "utf8"), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(new Set(inv.map((x) => x["Invoice number"])).size).toBe(12);
  });

  it("refuse, naming the partner and line, when a charge has no coding, and write nothing", async () => {
    const file = t.file("uncoded.xlsx");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    // Southwark's three coding rows (the sample's 6th to 8th) recoded to Lewisham Homes: Southwark's charges are uncoded.
    await editWorkbook(file, (store) => {
      for (const row of [5, 6, 7]) tableCell(store, "Coding", "Partner", row).set("LH");
    });
    const out = t.file("uncoded-journals");
    const r = await cli([file, "--no-write", "--journals", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('partner "SOU"');
    expect(r.stderr).toContain('cost line "BLS-01"');
    expect(r.stderr).toMatch(/Costs!A\d+/);
    await expect(readdir(out)).rejects.toThrow();
  });
});
