import { readdir, readFile } from "node:fs/promises";
import type * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames, runScenario, type ModelRun } from "../../src/engine";
import { STATEMENT_SHEET, STATEMENT_TOTAL } from "../../src/excel/layout/outputs/statement";
import { sampleById } from "../../src/samples";
import { cli, pence, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** The rows of a section: from the row after the header row under `title` to the row labelled Total (included as `total`). */
function section(rows: unknown[][], title: string): { body: unknown[][]; total: unknown[] } {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start + 1 && r[0] === STATEMENT_TOTAL);
  expect(end, `${title}: Total row`).toBeGreaterThan(start);
  return { body: rows.slice(start + 2, end), total: rows[end] ?? [] };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("--statements: one recharge statement workbook per partner", () => {
  const sample = sampleById("brent-lewisham-southwark")!;
  const scenario = sample.model.scenarios!.find((s) => s.name === "Lewisham Homes joins")!;
  let dir: string;
  let run: ModelRun;

  beforeAll(async () => {
    const file = t.file("bls.xlsx");
    dir = t.file("statements");
    expect((await cli(["--sample", sample.id, file])).code).toBe(0);
    const r = await cli([file, "--scenario", scenario.name, "--out", t.file("out.xlsx"), "--statements", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Partner statements written to");
    const engine = runScenario(sample.model, scenario);
    if (!engine.ok) throw new Error("engine failed");
    run = engine.value;
  });

  it("writes a file for every partner, the partner within another included", async () => {
    const ids = [...new Set(run.rows.map((r) => r.partner))].sort();
    expect(ids).toContain("LH");
    expect((await readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(ids.map((id) => `${id} recharge statement.xlsx`).sort());
  });

  it("holds only its partner's charges, each to the penny, and they add up to that partner's total", async () => {
    const names = partnerNames(run.model);
    let all = 0;
    for (const id of names.keys()) {
      const wb: ExcelJS.Workbook = await readBack(`${dir}/${id} recharge statement.xlsx`);
      expect(wb.worksheets.map((w) => w.name)).toEqual([STATEMENT_SHEET]);
      const rows = sheetRows(wb.worksheets[0]!);
      const expected = run.rows.filter((r) => r.partner === id);
      const partnerTotal = sum(run.totals.filter((x) => x.partner === id).map((x) => x.amount));
      expect(sum(expected.map((r) => r.amount))).toBe(partnerTotal);

      // Every charge by cost line: exactly this partner's charges (ref, year, amount), nothing else; its basis on the row under it.
      const lines = section(rows, "Charges by cost line, with the basis of each");
      const lineRows = lines.body.filter((r) => typeof r[4] === "number");
      const got = lineRows.map((r) => `${String(r[0]).split(" ")[0]} ${String(r[1])} ${pence(r[4])}`).sort();
      // Lines that charge the partner nothing are left out.
      expect(got, id).toEqual(
        expected
          .filter((r) => r.amount !== 0)
          .map((r) => `${r.lineRef} ${r.yearLabel} ${r.amount}`)
          .sort(),
      );
      expect(pence(lines.total[4]), id).toBe(partnerTotal);
      // Each line's basis is in words, with the partner's share of it ("9,500 of 56,000 service desk tickets = 16.96%";
      // "25% under the inter-authority agreement shares"), the code only in brackets after it.
      const bases = lines.body.filter((r) => typeof r[4] !== "number").map((r) => String(r[0]));
      expect(bases).toHaveLength(lineRows.length);
      for (const b of bases) {
        expect(b, id).toMatch(/^Basis: (Equal shares|Direct charge to |Inter-authority|[A-Z][a-z].* \(driver|\d+% )/);
        expect(b, id).toMatch(/ of [\d,.]+ .*= \d+\.\d\d%|\d% under the /);
        expect(b, id).not.toMatch(/Percentages "/);
      }

      // By year: capital and revenue, one-off and ongoing add to each year's total, the years to the partner's total.
      const years = section(rows, "Charges by year");
      const head = rows[rows.findIndex((r) => r[0] === "Charges by year") + 1] ?? [];
      const labels = ["Capital one-off", "Capital ongoing", "Capital total", "Revenue one-off", "Revenue ongoing", "Revenue total"];
      const byLabel = new Map(years.body.map((r) => [String(r[0]), r]));
      expect([...byLabel.keys()]).toEqual(labels);
      for (let c = 1; c < head.length; c++) {
        const [capOne, capOn, capTot, revOne, revOn, revTot] = labels.map((l) => pence(byLabel.get(l)?.[c]));
        const total = pence(years.total[c]);
        expect(capOne! + capOn!).toBe(capTot);
        expect(revOne! + revOn!).toBe(revTot);
        expect(capTot! + revTot!).toBe(total);
        if (head[c] === STATEMENT_TOTAL) expect(total, id).toBe(partnerTotal);
        else expect(total).toBe(sum(expected.filter((r) => r.yearLabel === head[c]).map((r) => r.amount)));
      }
      expect(head[head.length - 1]).toBe(STATEMENT_TOTAL);

      // The balancing statement ties the statement to the partner's total and to the whole apportionment.
      const label = (text: string): unknown[] | undefined => rows.find((r) => r[0] === text);
      expect(pence(label("Charges on this statement")?.[4])).toBe(partnerTotal);
      expect(pence(label(`${names.get(id) ?? id}'s total in the Summary`)?.[4])).toBe(partnerTotal);
      expect(pence(label("All partners' charges")?.[4])).toBe(run.result.balance.totalOut);
      expect(rows.some((r) => String(r[0]).startsWith("Balanced: yes."))).toBe(true);

      // No other partner is named, except the partner a partner sits within (its share is divided from that one's).
      const parent = run.model.withinPartners?.find((w) => w.partner.id === id)?.within;
      // (The scenario's own name, "Lewisham Homes joins", is quoted in the run line and does not count.)
      const text = rows.flat().filter((v): v is string => typeof v === "string" && !v.includes(`Scenario "${scenario.name}"`));
      for (const [other, name] of names) {
        if (other === id || other === parent) continue;
        expect(
          text.filter((s) => s.includes(name)),
          `${id} names ${name}`,
        ).toEqual([]);
      }
      all += partnerTotal;
    }
    expect(all).toBe(run.result.balance.totalIn);
  });

  it("shows the partner's budgets against its charges, from the budget check", async () => {
    const report = checkModelBudgets({ ...run.model });
    if (!report.ok) throw new Error("budget check failed");
    const rows = sheetRows((await readBack(`${dir}/LEW recharge statement.xlsx`)).worksheets[0]!);
    const start = rows.findIndex((r) => r[0] === "Budget comparison");
    const lines = report.value.budgets.lines.filter((l) => l.partner === "LEW");
    expect(lines.length).toBeGreaterThan(0);
    const body = rows.slice(start + 2, start + 2 + lines.length);
    // The budget, the charge and the variance each in a column of its own; "None" where no budget was entered.
    const money = (v: unknown): number | undefined => (v === null || v === undefined || v === "" || v === "None" ? undefined : pence(v));
    expect(body.map((r) => [String(r[0]).split(" ")[0], money(r[1]), money(r[2]), money(r[3])])).toEqual(
      lines.map((l) => [l.yearLabel, l.budget, l.recharge, l.variance]),
    );
  });

  it("--json lists the files; --no-write writes the statements and leaves the workbook alone", async () => {
    const file = t.file("one.xlsx");
    expect((await cli(["--sample", "onesource", file])).code).toBe(0);
    const before = await readFile(file);
    const r = await cli([file, "--no-write", "--json", "--statements", t.file("one")]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { statements: { folder: string; files: string[] } };
    const ids = sampleById("onesource")!.model.partners.map((p) => p.id);
    expect(json.statements.files.sort()).toEqual(ids.map((id) => `${id} recharge statement.xlsx`).sort());
    expect((await readdir(t.file("one"))).sort()).toEqual(json.statements.files.sort());
    expect(await readFile(file)).toEqual(before);
  });

  it("is plain values: no formulas, tables, add-in markers or defined names", async () => {
    for (const f of await readdir(dir)) {
      const zip = await JSZip.loadAsync(await readFile(`${dir}/${f}`));
      const names = Object.keys(zip.files);
      expect(
        names.filter((n) => /customProperty|tables\/|vbaProject/.test(n)),
        f,
      ).toEqual([]);
      const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
      expect(sheet, f).not.toContain("<f>");
      expect(sheet, f).toContain('<pageSetup paperSize="9" orientation="portrait"');
      // The partner named at the top of every page, and page n of m at the foot.
      expect(sheet, f).toMatch(/<oddHeader>&amp;CRecharge statement: [^<]+<\/oddHeader>/);
      expect(sheet, f).toContain("Page &amp;P of &amp;N");
      const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
      expect(workbook, f).not.toContain("SharedApportion");
    }
  });
});
