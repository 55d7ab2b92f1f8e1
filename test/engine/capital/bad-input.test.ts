import { describe, expect, it } from "vitest";
import { apportionModel, capitalFinancing, errorMessage, type CostLineInput, type ModelInput } from "../../../src/engine";

const BASE: CostLineInput = {
  ref: "NET",
  category: "capital",
  nature: "one-off",
  amount: 1_000_000,
  start: "2024-06-01",
  basis: "equal",
  financing: "borrowing",
  assetLife: 5,
  mrpMethod: "annuity",
  interestRate: 4.5,
};

function problems(line: Partial<CostLineInput>, extra: Partial<ModelInput> = {}): string[] {
  const m: ModelInput = {
    partners: [{ id: "A", host: true }, { id: "B" }],
    costLines: [{ ...BASE, ...line } as CostLineInput],
    settings: { firstYear: "2024/25", lastYear: "2026/27", ...(extra.settings ?? {}) },
    ...(extra.capitalOptions === undefined ? {} : { capitalOptions: extra.capitalOptions }),
  };
  const a = apportionModel(m);
  if (!a.ok) throw new Error(JSON.stringify(a.errors));
  const r = capitalFinancing(m, a.value.charges);
  return r.ok ? [] : r.errors.map((e) => `${e.at.field}: ${errorMessage(e)}`);
}

describe("bad capital financing input is a located error, and nothing is produced", () => {
  it("refuses capital fields on a revenue line, naming each field", () => {
    expect(problems({ category: "revenue", mrpMethod: null })).toEqual([
      'financing: Cost line "NET", financing: ' +
        "only a capital line is financed (Financing, Asset life, In use from, MRP method, Interest rate); " +
        "this line is revenue, so leave its Financing blank, or make the line capital.",
      expect.stringMatching(/^assetLife: .*leave its Asset life blank/),
      expect.stringMatching(/^interestRate: .*leave its Interest rate blank/),
    ]);
  });

  it("refuses financing on an ongoing capital line", () => {
    expect(problems({ nature: "ongoing" })).toEqual([expect.stringMatching(/^nature: .*this line is ongoing/)]);
  });

  it("asks borrowing for its asset life and interest rate", () => {
    expect(problems({ assetLife: null, interestRate: "" })).toEqual([
      'assetLife: Cost line "NET", assetLife: a capital line financed by borrowing needs its Asset life (whole years).',
      'interestRate: Cost line "NET", interestRate: ' +
        "a capital line financed by borrowing needs its Interest rate (0 if the borrowing bears none).",
    ]);
  });

  it("asks for the financing when only other capital fields are given", () => {
    expect(problems({ financing: null })).toEqual([expect.stringMatching(/^financing: .*needs its Financing/)]);
  });

  it("refuses an unknown financing source or MRP method", () => {
    expect(problems({ financing: "loan" })[0]).toMatch(
      /"loan" is not one of "borrowing", "revenue contribution", "capital receipts", "grant"/,
    );
    expect(problems({ mrpMethod: "reducing balance" })[0]).toMatch(/"reducing balance" is not one of "equal instalments", "annuity"/);
  });

  it("refuses an asset life that is not whole years from 1 to 60, and a rate over 100%", () => {
    expect(problems({ assetLife: 2.5 })[0]).toMatch(/2\.5 is out of range; expected a whole number of years from 1 to 60/);
    expect(problems({ assetLife: 0 })[0]).toMatch(/out of range/);
    expect(problems({ assetLife: "five" })[0]).toMatch(/"five" is not a number/);
    expect(problems({ interestRate: 120 })[0]).toMatch(/120 is out of range; expected a percentage from 0 to 100/);
    expect(problems({ interestRate: -1 })[0]).toMatch(/-1 is negative/);
  });

  it("refuses MRP or interest on a line not financed by borrowing", () => {
    expect(problems({ financing: "grant" })).toEqual([
      expect.stringMatching(/^mrpMethod: .*financed by grant, which is not repaid through MRP/),
      expect.stringMatching(/^interestRate: .*leave its Interest rate blank, or set Financing to borrowing/),
    ]);
  });

  it("refuses an asset in use before the capital is spent", () => {
    expect(problems({ inUseFrom: "2024-01-01" })).toEqual([
      'inUseFrom: Cost line "NET", inUseFrom: ' +
        "the asset comes into use on 2024-01-01, before the capital is spent on 2024-06-01; check both dates.",
    ]);
  });

  it("refuses a bad discount rate, located at its setting", () => {
    expect(problems({}, { settings: { discountRate: "lots" } as never })).toEqual([
      'discountRate: Setting, discountRate: "lots" is not a number.',
    ]);
  });

  it("refuses an option against an unknown line, a line not borrowed, or a bad amount", () => {
    const opt = { name: "Cloud", line: "NET", subscription: 100 };
    expect(problems({}, { capitalOptions: [{ ...opt, line: "NOPE" }] })).toEqual([
      'line: Capital option "Cloud", line: cost line "NOPE" is not in the model.',
    ]);
    expect(problems({ financing: "grant", mrpMethod: null, interestRate: null }, { capitalOptions: [opt] })).toEqual([
      expect.stringMatching(/^line: Capital option "Cloud", line: cost line "NET" is financed by grant; a cloud option is set against/),
    ]);
    expect(problems({ financing: null, assetLife: null, mrpMethod: null, interestRate: null }, { capitalOptions: [opt] })).toEqual([
      expect.stringMatching(/cost line "NET" is not a capital line with financing; a cloud option is set against/),
    ]);
    expect(problems({}, { capitalOptions: [{ ...opt, subscription: null, setUp: -5, years: 0 }] })).toEqual([
      'subscription: Capital option "Cloud", subscription: a value is required.',
      'setUp: Capital option "Cloud", setUp: -5.00 is negative; it must be zero or more.',
      expect.stringMatching(/^years: .*0 is out of range; expected a whole number of years from 1 to 100/),
    ]);
  });
});
