import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { checkModelBudgets, explainCharge, runModel } from "../../src/engine";
import { ALLOCATION_CHECK_HEADER, ALLOCATION_HEADER_ROW, ALLOCATION_HEADERS } from "../../src/excel/layout/outputs/allocations";
import { MONEY_FORMAT } from "../../src/excel/layout/names";
import { findCharge } from "../../src/excel/layout/selection";
import { syntheticScaleModel } from "../../src/samples";
import { cli, pence, readBack, sheetRows, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

// 300 lines × 2 years: 600 Allocations and Trace rows, enough for the writer's bulk path (long runs of same-styled rows).
const SIZE = { lines: 300, partners: 4, years: 2 };

describe("--sample synthetic", () => {
  it("writes the bench's model at the size asked for, which runs to the same figures as the engine's own", async () => {
    const file = t.file("synthetic.xlsx");
    const made = await cli(["--sample", "synthetic", "--lines", "300", "--partners", "4", "--years", "2", file]);
    expect(made.code, made.stderr).toBe(0);
    const r = await cli([file, "--json", "--no-write"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { totals: { partner: string; year: string; category: string; amount: string }[] };
    const direct = runModel(syntheticScaleModel(SIZE));
    if (!direct.ok) throw new Error("engine");
    expect(json.totals).toEqual(
      direct.value.totals.map((x) => ({
        partner: x.partner,
        year: x.yearLabel,
        category: x.category,
        amount: (x.amount / 100).toFixed(2),
      })),
    );
    const text = await cli([file, "--no-write"]);
    expect(text.stdout).toContain(`, ${direct.value.rows.length} charges.`);
    // Deterministic: the same size gives the same workbook contents.
    const again = t.file("synthetic-again.xlsx");
    expect((await cli(["--sample", "synthetic", "--lines=300", "--partners=4", "--years=2", again])).code).toBe(0);
    const a = await readBack(file);
    const b = await readBack(again);
    expect(sheetRows(b.getWorksheet("Costs")!)).toEqual(sheetRows(a.getWorksheet("Costs")!));
  });

  it("refuses sizes out of range and size options without the synthetic sample, naming the option", async () => {
    for (const [args, text] of [
      [["--sample", "synthetic", "--lines", "0", "x.xlsx"], "--lines must be a whole number from 1 to 1,000,000"],
      [["--sample", "synthetic", "--partners", "2.5", "x.xlsx"], "--partners must be a whole number"],
      [["--sample", "synthetic", "--years", "51", "x.xlsx"], "--years must be a whole number from 1 to 50"],
      [["--sample", "onesource", "--lines", "10", "x.xlsx"], "--lines applies only to --sample synthetic"],
      [["model.xlsx", "--lines", "10"], "--lines applies only to --sample synthetic"],
    ] as const) {
      const r = await cli([...args], t.dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(text);
    }
  });
});

describe("writing a large model's outputs", () => {
  it(
    "writes one Allocations row per line-year that reads back (with another reader) as the engine's shares, money-formatted, " +
      "balancing",
    async () => {
      const file = t.file("synthetic.xlsx");
      const out = t.file("synthetic-out.xlsx");
      const r = await cli([file, "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const run = runModel(syntheticScaleModel(SIZE));
      if (!run.ok) throw new Error("engine");
      const wb = await readBack(out);
      const ws = wb.getWorksheet("Allocations")!;
      const rows = sheetRows(ws);
      const header = rows[ALLOCATION_HEADER_ROW] ?? [];
      expect(header).toEqual([...ALLOCATION_HEADERS, "P01 (£)", "P02 (£)", "P03 (£)", "P04 (£)", ALLOCATION_CHECK_HEADER]);
      const body = rows.slice(ALLOCATION_HEADER_ROW + 1);
      expect(body).toHaveLength(run.value.result.lineYears.length);
      run.value.result.lineYears.forEach((ly, k) => {
        const row = body[k] ?? [];
        expect([row[header.indexOf("Ref")], row[header.indexOf("Year")]]).toEqual([ly.lineRef, ly.yearLabel]);
        expect(pence(row[header.indexOf("Line amount (£)")])).toBe(ly.profile.amount);
        ly.partners.forEach((p, i) =>
          expect(pence(row[header.indexOf(`${p} (£)`)]), `${ly.lineRef} ${ly.yearLabel} ${p}`).toBe(ly.shares[i]),
        );
        expect(row[header.length - 1]).toBe(0);
      });
      // The last row's partner cells carry the money format and its text cells are text.
      const last = ws.getRow(ALLOCATION_HEADER_ROW + 1 + body.length);
      expect(last.getCell(ALLOCATION_HEADERS.length + 1).numFmt).toBe(MONEY_FORMAT);
      expect(typeof last.getCell(1).value === "string" || typeof last.getCell(1).value === "object").toBe(true);
      expect(sheetRows(wb.getWorksheet("Trace")!).length).toBe(run.value.result.lineYears.length + 2);
    },
  );

  it("runs again on its own output: the outputs read back unchanged (no 'edited' refusal) and are replaced", async () => {
    const out = t.file("synthetic-out.xlsx");
    const before = await readFile(out);
    const r = await cli([out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("changed");
    const after = await readFile(out);
    expect(after.length).toBeGreaterThan(before.length / 2);
    const wb = await readBack(out);
    expect(sheetRows(wb.getWorksheet("Allocations")!)).toHaveLength(ALLOCATION_HEADER_ROW + 1 + SIZE.lines * SIZE.years);
    // --verify recomputes the run and compares every output cell, the bulk-written ones included.
    const verified = await cli([out, "--verify"]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("verified");
  });
});

describe("--explain", () => {
  const model = syntheticScaleModel(SIZE);
  const run = runModel(model);
  if (!run.ok) throw new Error("engine");
  const target = { kind: "charge" as const, lineRef: "L000005", partner: "P03", yearLabel: "2021/22" };
  const charge = findCharge(run.value.result, target);
  if (charge === undefined) throw new Error("no charge");
  const trace = explainCharge(run.value.result, charge);

  it("explains one charge from the workbook, as the engine does, and writes nothing", async () => {
    const file = t.file("synthetic.xlsx");
    const before = await readFile(file);
    const r = await cli([file, "--explain", "L000005", "--partner", "P03", "--year", "2021/22"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`L000005, P03, 2021/22 (${trace.category}, ${trace.nature})`);
    expect(r.stdout).toContain(`Exact share: £${trace.exactShare}`);
    expect(r.stdout).toContain(trace.working);
    expect(await readFile(file)).toEqual(before);
    const j = await cli([file, "--explain", "L000005", "--partner", "P03", "--year", "2021/22", "--json"]);
    const json = JSON.parse(j.stdout) as { charge: string; weight: string; totalWeight: string; coverage: string };
    expect(json.charge).toBe((trace.share / 100).toFixed(2));
    expect([json.weight, json.totalWeight, json.coverage]).toEqual([trace.weight, trace.totalWeight, trace.coverage]);
  });

  it("says which of the line, year or partner is not there", async () => {
    const file = t.file("synthetic.xlsx");
    const noLine = await cli([file, "--explain", "L999999", "--partner", "P03", "--year", "2021/22"]);
    expect(noLine.code).toBe(2);
    expect(noLine.stderr).toContain('there is no cost line "L999999"');
    const noYear = await cli([file, "--explain", "L000005", "--partner", "P03", "--year", "2030/31"]);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain("its years are 2021/22, 2022/23");
    const noPartner = await cli([file, "--explain", "L000005", "--partner", "P09", "--year", "2021/22"]);
    expect(noPartner.code).toBe(2);
    expect(noPartner.stderr).toContain('"P09" does not share L000005 in 2021/22');
    const usage = await cli([file, "--explain", "L000005"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("needs the charge's partner and year");
  });
});

describe("a model too big for an Excel sheet", () => {
  it("is reported with the cell past the limit, and nothing is written", async () => {
    // 4,000 lines in one stated total: the Budget check lists them in one cell, 36,000 characters.
    const base = syntheticScaleModel({ lines: 4_000, partners: 2, years: 1 });
    const model = { ...base, statedTotals: [{ label: "Everything", lines: base.costLines.map((l) => l.ref), amount: "1.00" }] };
    const checked = checkModelBudgets(model);
    if (!checked.ok) throw new Error("engine");
    const { XlsxStore } = await import("../../src/cli/xlsx-store");
    const { createStorePort } = await import("../../src/excel/store/store-port");
    const ExcelJS = await import("exceljs");
    const store = new XlsxStore(new ExcelJS.Workbook());
    const port = createStorePort(store);
    const written = await port.writeOutputs({ run: checked.value.run, budget: checked.value });
    expect(written.ok).toBe(false);
    if (written.ok) return;
    expect(written.problems).toHaveLength(1);
    const [p] = written.problems;
    expect(p?.kind).toBe("beyondExcelLimits");
    if (p?.kind !== "beyondExcelLimits") return;
    expect(p.sheet).toBe("Budget check");
    expect(p.limit).toBe("cellText");
    expect(p.needed).toBe(base.costLines.map((l) => l.ref).join(", ").length);
    // The stated totals table (Label in B) lists each total's lines in its Lines column, E.
    expect(p.at.address).toMatch(/^'Budget check'!E\d+$/);
    expect(store.listSheets()).toEqual([]);
  }, 60_000);
});
