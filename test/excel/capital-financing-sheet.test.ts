import { describe, expect, it } from "vitest";
import { checkModelBudgets, type ModelInput, type Result } from "../../src/engine";
import { buildOutputSheets } from "../../src/excel/layout/outputs";
import { OUTPUT_SHEETS } from "../../src/excel/layout/names";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** The network of docs/capital.md, with its cloud option, at 3.5%. */
const MODEL: ModelInput = {
  partners: [{ id: "BRE", host: true }, { id: "LEW" }, { id: "SOU" }],
  costLines: [
    {
      ref: "NET",
      category: "capital",
      nature: "one-off",
      amount: 1_000_000,
      start: "2024-06-01",
      basis: "equal",
      financing: "borrowing",
      assetLife: 5,
      inUseFrom: "2024-09-01",
      mrpMethod: "annuity",
      interestRate: 4.5,
    },
  ],
  settings: { firstYear: "2024/25", lastYear: "2026/27", discountRate: 3.5 },
  capitalOptions: [{ name: "Cloud network", line: "NET", subscription: 150_000, setUp: 80_000, exit: 30_000 }],
};

function sheetOf(model: ModelInput) {
  const budget = unwrap(checkModelBudgets(model));
  return buildOutputSheets({ run: budget.run, budget }).find((s) => s.name === OUTPUT_SHEETS.capitalFinancing);
}

/** Every row of a sheet's blocks, by its first cell. */
function rows(sheet: NonNullable<ReturnType<typeof sheetOf>>): unknown[][] {
  return sheet.blocks.flatMap((b) => b.values.map((v) => [...v]));
}

describe("the Capital financing sheet", () => {
  it("shows each partner's hand-worked MRP and interest by year, years across, past the model's last year", () => {
    const sheet = sheetOf(MODEL);
    expect(sheet?.kind).toBe("capitalFinancing");
    const all = rows(sheet!);
    expect(all.find((r) => r[0] === "Partner and figure")).toEqual([
      "Partner and figure",
      "2025/26",
      "2026/27",
      "2027/28",
      "2028/29",
      "2029/30",
      "Total",
    ]);
    // Each partner's name on a row of its own, its figures below it.
    const bre = all.findIndex((r) => r[0] === "BRE" && r.length === 1);
    expect(bre).toBeGreaterThan(0);
    expect(all[bre + 1]).toEqual(["MRP", 60930.55, 63672.42, 66537.68, 69531.88, 72660.81, 333333.34]);
    // BRE's MRP plus interest is £75,930.55 every year (docs/capital.md, example 3).
    expect(all.find((r) => r[0] === "Total")?.slice(1, 6)).toEqual(Array(5).fill(75930.55));
  });

  it("compares the option per partner with present values at the discount rate", () => {
    const all = rows(sheetOf(MODEL)!);
    expect(all.find((r) => r[0] === "All partners")).toEqual([
      "All partners",
      1138958.2,
      0,
      1010000,
      -128958.2,
      1028491.18,
      932517.05,
      -95974.13,
      "Cloud",
    ]);
  });

  it("keeps an option's heading with its table: an option that would run past the page starts the next one", () => {
    const partners = ["BRE", "LEW", "SOU", "HAR", "NEW", "BEX"].map((id, i) => (i === 0 ? { id, host: true } : { id }));
    const sheet = sheetOf({ ...MODEL, partners })!;
    const heading = sheet.blocks.find((b) => String(b.values[0]?.[0]).startsWith('Option "Cloud network"'));
    expect(heading).toBeDefined();
    // Six partners' figures (six rows each) and the financed lines fill the first page.
    expect(heading!.row).toBeGreaterThan(28);
    expect(sheet.print?.pageBreaks).toEqual([heading!.row]);
    // Without its option the sheet has no break at all.
    const { capitalOptions: _o, ...rest } = MODEL;
    expect(sheetOf({ ...rest, partners })!.print?.pageBreaks).toBeUndefined();
  });

  it("is not written for a model without capital financing", () => {
    const { capitalOptions: _o, ...rest } = MODEL;
    const plain: ModelInput = {
      ...rest,
      costLines: [{ ...MODEL.costLines[0]!, financing: null, assetLife: null, inUseFrom: null, mrpMethod: null, interestRate: null }],
    };
    expect(sheetOf(plain)).toBeUndefined();
  });
});
