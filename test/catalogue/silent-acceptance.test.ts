import { describe, expect, it } from "vitest";
import { checkModelBudgets, errorMessage, type ModelInput } from "../../src/engine";
import { report, serial, shown, type Edits } from "./catalogue-support";

/**
 * Issue 24 ("warnings where a result would surprise") and issue 27 items 9
 * and 10 ("messages that point the wrong way", "accepted in silence"): each
 * case is an edit to a sample workbook and the located warning or error it
 * must now produce, with the words that say the real cause. Every case ran
 * without a word (or with a misleading one) before. docs/bad-input.md lists
 * which are warnings and which are errors, and why.
 */
interface Case {
  readonly name: string;
  readonly sample?: string;
  readonly edits: Edits;
  readonly scenario?: string;
  readonly severity: "error" | "warning";
  readonly at: string;
  readonly says: string;
}

const BLS = "brent-lewisham-southwark";
const EKS = "east-kent-services";

const CASES: readonly Case[] = [
  // Issue 24: warnings where a result would surprise.
  {
    name: "a partner that joins after the model's last year (2030)",
    edits: { "Partners!E3": serial(2030, 4, 1) },
    severity: "warning",
    at: "Partners!E3",
    says: '"LEW" joins on 1 April 2030, after the model\'s years (2020/21 to 2022/23), so it is a member in none',
  },
  {
    name: "a partner that left before the model's first year (2019)",
    edits: { "Partners!F3": serial(2019, 3, 31) },
    severity: "warning",
    at: "Partners!F3",
    says: '"LEW" left on 31 March 2019, before the model\'s years',
  },
  {
    name: "a negative outturn with carry-forward",
    edits: { "Budgets!O2": "2020/21", "Budgets!P2": "revenue", "Budgets!R2": -50_000, "Settings!B12": "Yes" },
    severity: "warning",
    at: "Budgets!R2",
    says: "outturn is negative (£-50000.00)",
  },
  {
    name: "Excludes naming a partner that Applies to names (refused, not silently charged to the rest)",
    edits: { "Costs!J2": "BRE,LEW", "Costs!K2": "BRE" },
    severity: "error",
    at: "Costs!K2",
    says: '"BRE" is named in both Applies to and Excludes',
  },
  // Issue 35: each partner's share onto its own services, nothing left unrecharged in silence.
  {
    name: "a service list whose basis values are all zero (its recharge is left unrecharged, and said so)",
    edits: Object.fromEntries([2, 3, 4, 5, 6, 7, 8].map((r) => [`'Partner services'!G${r}`, 0])),
    severity: "warning",
    at: "'Partner services'!G2",
    says: "every basis value of its service lines for 2020/21 is zero, so that amount is not recharged to any service",
  },
  {
    name: "a service list with no lines for a year the partner is charged in",
    edits: Object.fromEntries([2, 3, 4, 5, 6, 7, 8].map((r) => [`'Partner services'!B${r}`, "2022/23"])),
    severity: "warning",
    at: "'Partner services'!G2",
    says: "its service list has no lines for 2020/21 (and none for every year)",
  },
  {
    name: "a service line naming a partner in the wrong case",
    edits: { "'Partner services'!A2": "lew" },
    severity: "error",
    at: "'Partner services'!A2",
    says: 'did you mean "LEW"?',
  },
  {
    name: "a service listed twice for one partner and year",
    edits: { "'Partner services'!C3": "schools and education support" },
    severity: "error",
    at: "'Partner services'!C3",
    says: "more than once (first in the table's row 1)",
  },
  // Issue 27 item 9: messages that name the real cause.
  {
    name: "an outturn for a year outside the model",
    edits: { "Budgets!O2": "2030/31", "Budgets!P2": "revenue", "Budgets!R2": 1000 },
    severity: "error",
    at: "Budgets!O2",
    says: "2030/31 is not one of the model's years (2020/21 to 2022/23), so nothing was charged for it",
  },
  {
    name: "support usage rows with the SupportServices table emptied",
    sample: EKS,
    edits: { "Support!A2": "", "Support!B2": "", "Support!C2": "", "Support!A3": "", "Support!B3": "", "Support!C3": "" },
    severity: "error",
    at: "Support!E2",
    says: '"ICT" is not a support service: the model has none (the SupportServices table is missing or empty)',
  },
  // Issue 27 item 10: accepted in silence.
  {
    name: "a Joins date with a time of day",
    edits: { "Partners!E3": serial(2021, 1, 10) + 0.5 },
    severity: "error",
    at: "Partners!E3",
    says: "is a date with a time of day (12:00)",
  },
  {
    name: "a within partner that joins before its parent (its own date has no effect)",
    edits: { "Partners!E3": serial(2021, 1, 1), "Partners!A5": "LH", "Partners!D5": "LEW", "Partners!E5": serial(2020, 6, 1) },
    severity: "warning",
    at: "Partners!E5",
    says: '"LH" joins on 1 June 2020, before "LEW" joins (1 January 2021); within "LEW" it is charged only while "LEW" is a member',
  },
  {
    name: "a within partner that leaves after its parent",
    edits: { "Partners!F3": serial(2021, 9, 30), "Partners!A5": "LH", "Partners!D5": "LEW", "Partners!F5": serial(2022, 3, 31) },
    severity: "warning",
    at: "Partners!F5",
    says: '"LH" leaves on 31 March 2022, after "LEW" leaves (30 September 2021)',
  },
  {
    name: "a support usage year outside the model",
    sample: EKS,
    edits: { "Support!G2": "2030/31" },
    severity: "warning",
    at: "Support!G2",
    says: "2030/31 is not one of the model's years (2022/23 to 2024/25), so this usage figure is never used",
  },
  {
    name: "a step-down order while the method is reciprocal",
    sample: EKS,
    edits: { "Settings!B14": "HR, ICT" },
    severity: "warning",
    at: "Settings!B14",
    says: "a step-down order is set, but the support method is reciprocal, so the order is not used",
  },
  {
    name: "addPartner with an End before its Start",
    edits: { "Scenarios!K2": serial(2021, 3, 1) },
    scenario: "Lewisham Homes joins",
    severity: "error",
    at: "Scenarios!K2",
    says: "end date 2021-03-01 is before start date 2021-04-01",
  },
  {
    name: "removePartner of the host",
    edits: { "Scenarios!A6": "Brent leaves", "Scenarios!C6": "removePartner", "Scenarios!E6": "BRE" },
    scenario: "Brent leaves",
    severity: "error",
    at: "Scenarios!E6",
    says: '"BRE" is the host',
  },
  {
    name: '"Compare: first" and "Compare: second" naming one scenario',
    edits: { "Settings!B16": "Core service by users only", "Settings!B17": "Core service by users only" },
    severity: "error",
    at: "Settings!B17",
    says: '"Compare: first" and "Compare: second" both name "Core service by users only"',
  },
];

describe("nothing accepted in silence: each case is a located warning or error naming the real cause", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { reported, done } = await report(c.sample ?? BLS, c.edits, c.scenario);
    const found = reported.find((r) => r.address === c.at && r.message.includes(c.says));
    expect(found, shown(reported)).toBeDefined();
    expect(found?.severity).toBe(c.severity);
    // A warning lets the run go ahead; an error stops it.
    expect(done === undefined).toBe(c.severity === "error");
  });
});

describe("a model with no cost lines", () => {
  it("runs with a warning at the Costs table instead of silently charging nothing", async () => {
    const blank: Record<string, string> = {};
    for (let row = 2; row <= 12; row++) for (const col of "ABCDEFGHIJKLMN") blank[`Costs!${col}${row}`] = "";
    const { reported, done } = await report(BLS, blank);
    expect(done, shown(reported)).toBeDefined();
    const w = reported.find((r) => r.message.includes("the model has no cost lines"));
    expect(w, shown(reported)).toMatchObject({ severity: "warning", address: "Costs!A1" });
  });
});

describe("a settlement with nothing to share it by says why", () => {
  const base = (partners: ModelInput["partners"], start: string): ModelInput => ({
    partners,
    costLines: [{ ref: "L", category: "revenue", nature: "ongoing", amount: 1000, start, basis: "equal" }],
    outturns: [{ year: "2020/21", category: "revenue", amount: 900 }],
    settings: { firstYear: "2020/21", lastYear: "2021/22" },
  });

  it("no partner was a member in the year", () => {
    const r = checkModelBudgets(
      base(
        [
          { id: "A", joins: "2021-04-01" },
          { id: "B", joins: "2021-04-01" },
        ],
        "2021-04-01",
      ),
    );
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Budget "outturn", year 2020/21, year: no partner was a member in 2020/21 (see the Partners table\'s Joins and Leaves ' +
        "dates), so nobody was charged for 2020/21 revenue and the outturn cannot be shared; check the year or the dates.",
    ]);
  });

  it("no cost line falls in the year", () => {
    const r = checkModelBudgets(base([{ id: "A" }, { id: "B" }], "2021-04-01"));
    expect(r.ok ? [] : r.errors.map(errorMessage).join("\n")).toContain(
      "nothing was charged for 2020/21 revenue (no cost line falls in it)",
    );
  });
});
