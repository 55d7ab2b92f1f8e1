import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkModelBudgets, partnerNames, type ModelInput } from "../../src/engine";
import type { SheetSpec } from "../../src/excel/layout/cells";
import { budgetCheckSheet } from "../../src/excel/layout/outputs/budget-check";
import { committeeSheet } from "../../src/excel/layout/outputs/committee";
import { partnerStatementSheet, STATEMENT_VAT_HEADERS, STATEMENT_VAT_TREATMENT_HEADER } from "../../src/excel/layout/outputs/statement";
import { caseArb } from "../engine/journals/journals-arbitrary";
import { unwrap } from "../engine/scenarios/model-arbitrary";

/** A money cell (pounds) as integer pence, refusing anything that is not a whole number of pence. */
function pence(v: unknown): number {
  if (typeof v !== "number") throw new Error(`not a number: ${String(v)}`);
  const p = Math.round(v * 100);
  if (Math.abs(p - v * 100) > 1e-6) throw new Error(`not whole pence: ${v}`);
  return p;
}

/** Every text cell of a sheet. */
function texts(sheet: SheetSpec): string[] {
  return sheet.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
}

/** The rows of the statement's table headed `first` (header's first cell), down to the row before the next blank row. */
function tableRows(sheet: SheetSpec, first: string): (string | number)[][] {
  const head = sheet.blocks.find((b) => b.style === "header" && b.values[0]?.[0] === first);
  if (head === undefined) return [];
  const out: (string | number)[][] = [];
  for (let row = head.row + 1; ; row++) {
    const b = sheet.blocks.find((x) => x.row <= row && row < x.row + x.values.length && x.col === 0 && x.style !== "note");
    if (b === undefined) return out;
    out.push((b.values[row - b.row] ?? []) as (string | number)[]);
  }
}

/** Host H, council A, and Lewisham Homes (LH), an ALMO that is not a section 33 body; £900 of standard-rated laptops split equally. */
const LEWISHAM: ModelInput = {
  partners: [
    { id: "H", name: "Host", host: true },
    { id: "A", name: "Council A" },
    { id: "LH", name: "Lewisham Homes" },
  ],
  costLines: [
    { ref: "L1", description: "Laptops", category: "revenue", nature: "one-off", amount: "900", start: "2025-04-01", basis: "equal" },
    { ref: "L2", description: "Service desk", category: "revenue", nature: "ongoing", amount: "300", start: "2025-04-01", basis: "equal" },
  ],
  budgets: [
    { partner: "A", year: "2025/26", category: "revenue", amount: "400" },
    { partner: "LH", year: "2025/26", category: "revenue", amount: "400" },
  ],
  settings: { firstYear: "2025/26", lastYear: "2025/26" },
  journals: {
    coding: ["H", "A", "LH"].map((p) => ({ partner: p, costCentre: `${p}1`, account: "5000" })),
    ledgers: [{ partner: "LH", section33: "no" }],
    vat: [
      { line: "L1", treatment: "standard-rated" },
      { line: "L2", treatment: "outside the scope" },
    ],
  },
};

describe("VAT on the statement, Budget check and Committee summary", () => {
  const report = unwrap(checkModelBudgets(LEWISHAM));
  const outputs = { run: report.run, budget: report };

  it("an ALMO's statement shows net, VAT and gross, the VAT as its cost, and its budget compared gross", () => {
    const sheet = partnerStatementSheet(outputs, "LH");
    // £300 laptops + £100 service desk net; 20% VAT on the laptops only.
    expect(tableRows(sheet, STATEMENT_VAT_HEADERS[0]).map((r) => [r[0], ...r.slice(1).map(pence)])).toEqual([
      ["2025/26", 40000, 6000, 46000, 6000],
      ["Total", 40000, 6000, 46000, 6000],
    ]);
    expect(tableRows(sheet, STATEMENT_VAT_TREATMENT_HEADER).map((r) => [r[0], ...r.slice(1).map(pence)])).toEqual([
      ["Outside the scope", 10000, 0, 10000, 0],
      ["Standard-rated", 30000, 6000, 36000, 6000],
    ]);
    expect(texts(sheet).some((t) => t.includes("not a section 33 body") && t.includes("£60.00"))).toBe(true);
    // The budget of £400 against £460 gross: £60 over.
    const budget = report.budgets.lines.find((l) => l.partner === "LH");
    expect([budget?.recharge, budget?.variance]).toEqual([46000, 6000]);
  });

  it("a council's statement shows the VAT it recovers, none of it a cost, and its budget compared net", () => {
    const sheet = partnerStatementSheet(outputs, "A");
    expect(tableRows(sheet, STATEMENT_VAT_HEADERS[0])[0]?.slice(1).map(pence)).toEqual([40000, 6000, 46000, 0]);
    expect(texts(sheet).some((t) => t.includes("is a section 33 body"))).toBe(true);
    expect(report.budgets.lines.find((l) => l.partner === "A")?.recharge).toBe(40000);
  });

  it("the Budget check says whose recharge is gross", () => {
    const check = texts(budgetCheckSheet(report.run, report, undefined));
    expect(check.some((t) => /Recharge is gross .* for Lewisham Homes \(LH\)/.test(t))).toBe(true);
  });

  it("a model without journals inputs shows no VAT anywhere", () => {
    const { journals: _none, ...plain } = LEWISHAM;
    const r = unwrap(checkModelBudgets(plain));
    expect(texts(partnerStatementSheet({ run: r.run, budget: r }, "LH")).some((t) => t.includes("VAT"))).toBe(false);
    expect(texts(budgetCheckSheet(r.run, r, undefined)).some((t) => t.includes("VAT"))).toBe(false);
    expect(texts(committeeSheet(r.run, undefined, r, [])).some((t) => t.includes("VAT"))).toBe(false);
  });

  it("property: every statement's VAT adds up: net + VAT = gross on each row, years and treatments agree, the net is its charges", () => {
    fc.assert(
      fc.property(caseArb, ({ model, journals }) => {
        const r = unwrap(checkModelBudgets({ ...model, journals }));
        for (const id of partnerNames(r.run.model).keys()) {
          const sheet = partnerStatementSheet({ run: r.run, budget: r }, id);
          const section33 = journals.ledgers?.find((l) => l.partner === id)?.section33 !== false;
          const years = tableRows(sheet, STATEMENT_VAT_HEADERS[0]).map((row) => row.slice(1).map(pence));
          const treatments = tableRows(sheet, STATEMENT_VAT_TREATMENT_HEADER).map((row) => row.slice(1).map(pence));
          for (const [net, vat, gross, lost] of [...years, ...treatments]) {
            expect((net ?? 0) + (vat ?? 0)).toBe(gross);
            expect(lost).toBe(section33 ? 0 : vat);
          }
          const total = years[years.length - 1] ?? [];
          const sum = (rows: number[][], i: number): number => rows.reduce((s, x) => s + (x[i] ?? 0), 0);
          for (let i = 0; i < 4; i++) {
            expect(sum(years.slice(0, -1), i)).toBe(total[i]);
            expect(sum(treatments, i)).toBe(total[i]);
          }
          expect(total[0]).toBe(r.run.rows.filter((x) => x.partner === id).reduce((s, x) => s + x.amount, 0));
        }
      }),
      { numRuns: 30 },
    );
  });
});
