import type { SampleModel } from "./sample";

const ILLUSTRATIVE = "Illustrative figure.";

/**
 * An HR and payroll service shared by two councils whose agreement was
 * re-based from 74% / 26% to 82% / 18% with effect from 3 October 2022 (the
 * real case in docs/domain.md; the councils and every amount here are
 * illustrative), and a payroll line shared by payslips estimated when the
 * budget was set and corrected by the actuals, trued up beyond 3 percentage
 * points in the following year (docs/versions.md).
 */
export const HR_AGREEMENT: SampleModel = {
  id: "hr-agreement",
  title: "Shared HR, agreement re-based (illustrative)",
  summary:
    "Two councils share HR 74% / 26% until 2 October 2022 and 82% / 18% from 3 October 2022, so 2022/23 is shared by each " +
    "version for its days. Payroll is shared by payslips: charged on estimates, trued up on actuals when a share moves by " +
    "more than 3 percentage points, as a one-off line of the following year.",
  source: "docs/domain.md (Agreement versions and true-up); figures illustrative",
  model: {
    partners: [
      { id: "NTH", name: "North Council (illustrative)", host: true },
      { id: "STH", name: "South Council (illustrative)" },
    ],
    drivers: [
      {
        id: "payslips",
        label: "Payslips a month",
        // Estimates for every year, then each year's actuals: within 3 points in 2022/23 (NTH 74.29% → 76.71%),
        // beyond in 2023/24 (74.29% → 68.06%). In the Drivers table's order: by partner, then year.
        values: [
          { partner: "NTH", value: 5200 },
          { partner: "NTH", year: "2022/23", value: 5600, status: "Actual" },
          { partner: "NTH", year: "2023/24", value: 4900, status: "Actual" },
          { partner: "STH", value: 1800 },
          { partner: "STH", year: "2022/23", value: 1700, status: "Actual" },
          { partner: "STH", year: "2023/24", value: 2300, status: "Actual" },
        ],
      },
    ],
    bases: [
      {
        id: "HR split",
        kind: "percentages",
        label: "HR agreement",
        shares: [
          { partner: "NTH", percent: 74 },
          { partner: "STH", percent: 26 },
        ],
      },
    ],
    basisVersions: [
      {
        basis: "HR split",
        validFrom: "2022-10-03",
        shares: [
          { partner: "NTH", percent: 82 },
          { partner: "STH", percent: 18 },
        ],
      },
    ],
    costLines: [
      {
        ref: "HR-01",
        description: "HR advisory and recruitment service",
        service: "HR",
        category: "revenue",
        nature: "ongoing",
        amount: 1200000,
        start: "2022-04-01",
        basis: "HR split",
      },
      {
        ref: "HR-02",
        description: "HR system upgrade",
        service: "HR",
        category: "revenue",
        nature: "one-off",
        amount: 30000,
        start: "2022-11-15",
        basis: "HR split",
      },
      {
        ref: "PAY-01",
        description: "Payroll service",
        service: "Payroll",
        category: "revenue",
        nature: "ongoing",
        amount: 360000,
        start: "2022-04-01",
        basis: "driver:payslips",
      },
    ],
    budgets: [
      { partner: "NTH", year: "2022/23", category: "revenue", amount: 1230000 },
      { partner: "STH", year: "2022/23", category: "revenue", amount: 360000 },
    ],
    settings: { firstYear: "2022/23", lastYear: "2024/25", unit: "penny", proRata: "days" },
    trueUp: { tolerance: { points: 3 }, timing: "next year" },
    scenarios: [
      {
        name: "Re-based from 1 April 2022",
        description: "As if the 82% / 18% split had held for the whole of 2022/23.",
        changes: [{ kind: "setVersion", basis: "HR split", validFrom: "2022-04-01", percentages: { NTH: "82", STH: "18" } }],
      },
      {
        name: "5-point tolerance",
        description: "Payroll trued up only when a share moves by more than 5 percentage points.",
        changes: [{ kind: "setTrueUpTolerance", points: "5" }],
      },
    ],
  },
  notes: {
    partners: { NTH: ILLUSTRATIVE, STH: ILLUSTRATIVE },
    costLines: { "HR-01": ILLUSTRATIVE, "HR-02": ILLUSTRATIVE, "PAY-01": ILLUSTRATIVE },
    bases: { "HR split": "74% / 26%, re-based to 82% / 18% with effect from 3 October 2022 (the rows with a Valid from date)." },
    budgets: { 0: "Illustrative budget.", 1: "Illustrative budget." },
  },
};
