import { describe, expect, it } from "vitest";
import { apportionModel, capitalFinancing, type CostLineInput, type ModelInput, type Result } from "../../../src/engine";

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** The network refresh of docs/capital.md: £1m spent 1 June 2024, in use 1 September 2024, 5 years, annuity at 4.5%. */
const NETWORK: CostLineInput = {
  ref: "NET",
  description: "Network refresh",
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
};

/** The laptop refresh of docs/capital.md: £250,000, 3 years, equal instalments, 5%, shared 60/40. */
const LAPTOPS: CostLineInput = {
  ref: "LAP",
  description: "Laptop refresh",
  category: "capital",
  nature: "one-off",
  amount: 250_000,
  start: "2024-04-15",
  basis: "split",
  financing: "borrowing",
  assetLife: 3,
  interestRate: 5,
};

function model(lines: CostLineInput[], extra: Partial<ModelInput> = {}): ModelInput {
  return {
    partners: [{ id: "BRE", host: true }, { id: "LEW" }, { id: "SOU" }],
    bases: [
      {
        id: "split",
        kind: "percentages",
        shares: [
          { partner: "BRE", percent: 60 },
          { partner: "LEW", percent: 40 },
          { partner: "SOU", percent: 0 },
        ],
      },
    ],
    costLines: lines,
    settings: { firstYear: "2024/25", lastYear: "2026/27" },
    ...extra,
  };
}

function report(m: ModelInput) {
  return unwrap(capitalFinancing(m, unwrap(apportionModel(m)).charges));
}

const pounds = (p: number): string => (p / 100).toFixed(2);

describe("the £1m network refresh, annuity at 4.5% over 5 years (hand-worked in docs/capital.md)", () => {
  const r = report(model([NETWORK]));
  const line = r.lines[0]!;
  const schedule = line.schedule!;

  it("starts MRP the year after the asset comes into use, and interest the year after the spend", () => {
    expect(line.firstMrpYear).toBe("2025/26");
    expect(schedule.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
  });

  it("sets aside the hand-worked MRP, adding up to the £1m", () => {
    expect(schedule.years.map((y) => pounds(y.mrp))).toEqual(["182791.64", "191017.26", "199613.04", "208595.63", "217982.43"]);
    expect(schedule.years.reduce((a, y) => a + y.mrp, 0)).toBe(100_000_000);
  });

  it("charges the hand-worked interest on each opening balance", () => {
    expect(schedule.years.map((y) => pounds(y.opening))).toEqual(["1000000.00", "817208.36", "626191.10", "426578.06", "217982.43"]);
    expect(schedule.years.map((y) => pounds(y.interest))).toEqual(["45000.00", "36774.38", "28178.60", "19196.01", "9809.21"]);
  });

  it("makes MRP plus interest the level annuity payment, £227,791.64 every year", () => {
    expect(schedule.years.map((y) => pounds(y.mrp + y.interest))).toEqual(Array(5).fill("227791.64"));
  });

  it("splits each partner's MRP so its years add up to its share and each year to the total", () => {
    const byPartner = Object.fromEntries(schedule.partners.map((p) => [p.partner, p.mrp.map(pounds)]));
    expect(byPartner).toEqual({
      BRE: ["60930.55", "63672.42", "66537.68", "69531.88", "72660.81"],
      LEW: ["60930.55", "63672.42", "66537.68", "69531.87", "72660.81"],
      SOU: ["60930.54", "63672.42", "66537.68", "69531.88", "72660.81"],
    });
    expect(schedule.partners.map((p) => p.share)).toEqual([33_333_334, 33_333_333, 33_333_333]);
  });

  it("gives each partner its revenue consequences by year, beyond the model's last year", () => {
    expect(r.years).toEqual([2025, 2026, 2027, 2028, 2029]);
    const bre = r.partners.find((p) => p.partner === "BRE")!;
    expect(bre.mrp).toBe(33_333_334);
    expect(bre.borrowed).toBe(33_333_334);
    expect(bre.years[0]).toMatchObject({
      yearLabel: "2025/26",
      mrp: 6_093_055,
      interest: 1_500_000,
      revenueContribution: 0,
      total: 7_593_055,
    });
    expect(r.partners.reduce((a, p) => a + p.interest, 0)).toBe(schedule.years.reduce((a, y) => a + y.interest, 0));
  });
});

describe("£250,000 of laptops, equal instalments at 5% over 3 years, shared 60/40 (hand-worked in docs/capital.md)", () => {
  const r = report(model([LAPTOPS]));
  const schedule = r.lines[0]!.schedule!;

  it("defaults to equal instalments and starts MRP the year after the spend when In use from is blank", () => {
    expect(r.lines[0]).toMatchObject({ method: "equal instalments", inUseFrom: "2024-04-15", firstMrpYear: "2025/26" });
  });

  it("sets aside a third a year, the spare penny in the first year", () => {
    expect(schedule.years.map((y) => pounds(y.mrp))).toEqual(["83333.34", "83333.33", "83333.33"]);
    expect(schedule.years.map((y) => pounds(y.interest))).toEqual(["12500.00", "8333.33", "4166.67"]);
  });

  it("gives 60% and 40% of it, each adding up to its share", () => {
    const byPartner = Object.fromEntries(schedule.partners.map((p) => [p.partner, p.mrp.map(pounds)]));
    expect(byPartner).toEqual({
      BRE: ["50000.00", "50000.00", "50000.00"],
      LEW: ["33333.34", "33333.33", "33333.33"],
      SOU: ["0.00", "0.00", "0.00"],
    });
    const interest = Object.fromEntries(schedule.partners.map((p) => [p.partner, p.interest.map(pounds)]));
    expect(interest).toEqual({
      BRE: ["7500.00", "5000.00", "2500.00"],
      LEW: ["5000.00", "3333.33", "1666.67"],
      SOU: ["0.00", "0.00", "0.00"],
    });
  });
});

describe("financing that is not borrowing", () => {
  it("charges a revenue contribution to revenue in the year of spend, and receipts or grant not at all", () => {
    const r = report(
      model([
        { ...LAPTOPS, ref: "RCCO", financing: "revenue contribution", interestRate: null, assetLife: null },
        { ...LAPTOPS, ref: "GRANT", financing: "grant", interestRate: null },
        { ...LAPTOPS, ref: "REC", financing: "capital receipts", interestRate: null },
      ]),
    );
    expect(r.lines.map((l) => [l.ref, l.schedule === undefined])).toEqual([
      ["RCCO", true],
      ["GRANT", true],
      ["REC", true],
    ]);
    expect(r.years).toEqual([2024]);
    expect(r.partners.map((p) => [p.partner, p.revenueContribution, p.mrp])).toEqual([
      ["BRE", 15_000_000, 0],
      ["LEW", 10_000_000, 0],
      ["SOU", 0, 0],
    ]);
  });

  it("leaves a model without capital financing with an empty report", () => {
    const r = report(model([{ ...LAPTOPS, financing: null, assetLife: null, interestRate: null }]));
    expect(r).toEqual({ lines: [], years: [], partners: [], options: [] });
  });
});
