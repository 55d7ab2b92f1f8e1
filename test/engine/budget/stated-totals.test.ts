import { describe, expect, it } from "vitest";
import { budgetFlagMessage, checkStatedTotals, errorMessage, type ModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/** oneSource (Havering and Newham): shared revenue spend by area and capital spend, from the committee paper. */
const oneSource: ModelInput = {
  partners: [
    { id: "LBH", name: "London Borough of Havering", host: true },
    { id: "LBN", name: "London Borough of Newham" },
  ],
  costLines: [
    {
      ref: "REV-SEC",
      description: "Security",
      category: "revenue",
      nature: "one-off",
      amount: 468_000,
      start: "2019-06-01",
      basis: "equal",
    },
    { ref: "REV-CRM", description: "CRM", category: "revenue", nature: "one-off", amount: 420_000, start: "2019-06-01", basis: "equal" },
    {
      ref: "REV-DW",
      description: "Data warehouse",
      category: "revenue",
      nature: "one-off",
      amount: 360_000,
      start: "2019-06-01",
      basis: "equal",
    },
    {
      ref: "REV-INF",
      description: "Infrastructure projects",
      category: "revenue",
      nature: "one-off",
      amount: 193_000,
      start: "2019-06-01",
      basis: "equal",
    },
    {
      ref: "CAP-N1",
      description: "Library PC refresh",
      category: "capital",
      nature: "one-off",
      amount: 352_000,
      start: "2019-09-01",
      basis: "direct:LBN",
    },
    {
      ref: "CAP-N2",
      description: "Mobile working",
      category: "capital",
      nature: "one-off",
      amount: 233_000,
      start: "2019-09-01",
      basis: "direct:LBN",
    },
    { ref: "CAP-H1", category: "capital", nature: "one-off", amount: 46_000, start: "2019-09-01", basis: "direct:LBH" },
    { ref: "CAP-H2", category: "capital", nature: "one-off", amount: 27_000, start: "2019-09-01", basis: "direct:LBH" },
    { ref: "CAP-H3", category: "capital", nature: "one-off", amount: 115_000, start: "2019-09-01", basis: "direct:LBH" },
  ],
  settings: { firstYear: "2019/20", lastYear: "2019/20" },
  statedTotals: [
    { label: "Shared revenue spend", lines: ["REV-SEC", "REV-CRM", "REV-DW", "REV-INF"], amount: 1_382_000, unit: 1000 },
    { label: "LBN capital", lines: ["CAP-N1", "CAP-N2"], amount: "585000", unit: "thousand" },
    { label: "LBH capital", lines: ["CAP-H1", "CAP-H2", "CAP-H3"], amount: 188_000 },
    { label: "Everything", lines: ["REV-SEC", "CAP-N1"], amount: 820_000 },
  ],
};

describe("stated totals", () => {
  const checks = unwrap(checkStatedTotals(oneSource));

  it("flags oneSource's £1382k against revenue lines adding to £1,441k", () => {
    // 468 + 420 + 360 + 193 = 1,441 (£k); the paper said 1,382: 59 short.
    expect(checks[0]).toMatchObject({
      stated: 138_200_000,
      linesTotal: 144_100_000,
      expected: 144_100_000,
      difference: -5_900_000,
      matches: false,
    });
    expect(checks[0]?.flags.map(budgetFlagMessage)).toEqual([
      'Stated total "Shared revenue spend" is £1,382,000.00 but its lines add up to £1,441,000.00 (a difference of -£59,000.00).',
    ]);
  });

  it("accepts the capital totals (£585k = 352 + 233; £188k = 46 + 27 + 115)", () => {
    expect(checks[1]).toMatchObject({ matches: true, linesTotal: 58_500_000, unit: 100_000, flags: [] });
    expect(checks[2]).toMatchObject({ matches: true, linesTotal: 18_800_000, unit: 1, flags: [] });
  });

  it("flags a total that adds capital to revenue even when the sum is right", () => {
    expect(checks[3]?.matches).toBe(true);
    expect(checks[3]?.flags.map(budgetFlagMessage)).toEqual([
      'Stated total "Everything" adds £352,000.00 of capital to £468,000.00 of revenue; they come from different budgets and ' +
        "should be reported separately.",
    ]);
  });

  it("matches a total reported in £000s when the lines round to it, and not otherwise", () => {
    const m: ModelInput = { ...oneSource, statedTotals: [{ label: "k", lines: ["REV-SEC", "REV-CRM"], amount: 888_000, unit: 1000 }] };
    expect(unwrap(checkStatedTotals(m))[0]?.matches).toBe(true);
    const off = { ...oneSource, costLines: oneSource.costLines.map((l) => (l.ref === "REV-SEC" ? { ...l, amount: "468499.99" } : l)) };
    // £888,499.99 rounds to £888k; £888,500.00 would round to £889k.
    expect(unwrap(checkStatedTotals({ ...off, statedTotals: m.statedTotals }))[0]).toMatchObject({ matches: true, difference: -49_999 });
    const up = { ...oneSource, costLines: oneSource.costLines.map((l) => (l.ref === "REV-SEC" ? { ...l, amount: 468_500 } : l)) };
    expect(unwrap(checkStatedTotals({ ...up, statedTotals: m.statedTotals }))[0]).toMatchObject({ matches: false, expected: 88_900_000 });
  });

  it("flags East Kent Housing's £690,000: right sum, but one-off costs plus one year of an ongoing charge", () => {
    const ekh: ModelInput = {
      partners: [{ id: "CCC" }, { id: "DDC" }, { id: "FHDC" }, { id: "TDC" }],
      costLines: [
        {
          ref: "EKH-01",
          description: "Move to cloud",
          category: "revenue",
          nature: "one-off",
          amount: 68_000,
          start: "2020-10-01",
          basis: "equal",
        },
        {
          ref: "EKH-02",
          description: "Split into four systems",
          category: "revenue",
          nature: "one-off",
          amount: 540_000,
          start: "2020-11-01",
          basis: "equal",
        },
        {
          ref: "EKH-03",
          description: "Ongoing charge",
          category: "revenue",
          nature: "ongoing",
          amount: 82_000,
          start: "2021-01-01",
          basis: "equal",
        },
      ],
      settings: { firstYear: "2020/21", lastYear: "2021/22" },
      statedTotals: [
        { label: "Combined total", lines: ["EKH-01", "EKH-02", "EKH-03"], amount: 690_000 },
        // In 2020/21 the ongoing charge runs 90 of 365 days: 82,000 × 90/365 = £20,219.18; adding it to the year's one-offs is fair.
        { label: "2020/21 cost", lines: ["EKH-01", "EKH-02", "EKH-03"], year: "2020/21", amount: "628219.18" },
      ],
    };
    const [combined, year] = unwrap(checkStatedTotals(ekh));
    expect(combined).toMatchObject({ matches: true, oneOff: 60_800_000, ongoing: 8_200_000 });
    expect(combined?.flags.map(budgetFlagMessage)).toEqual([
      'Stated total "Combined total" adds £608,000.00 of one-off costs to £82,000.00 a year of ongoing charges; a one-off cost ' +
        "and an annual charge should be reported separately.",
    ]);
    expect(year).toMatchObject({ yearLabel: "2020/21", linesTotal: 62_821_918, matches: true, flags: [] });
  });

  it("reports unknown and repeated lines, a missing amount and a year outside the model", () => {
    const r = checkStatedTotals({
      ...oneSource,
      statedTotals: [{ label: "Bad", lines: ["REV-SEC", "REV-SEC", "NOPE"], year: "2025/26", amount: null }],
    });
    expect(r.ok ? [] : r.errors.map(errorMessage)).toEqual([
      'Budget "Bad", amount: a value is required.',
      'Budget "Bad", year: 2025/26 is out of range; expected a year from 2019/20 to 2019/20.',
      'Budget "Bad", lines: "REV-SEC" is used more than once; each must be unique.',
      'Budget "Bad", lines: cost line "NOPE" is not in the model.',
    ]);
  });
});
