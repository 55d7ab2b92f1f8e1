import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countDrivers,
  mapTransactions,
  periodOfDay,
  dayNumber,
  replacePeriods,
  resolveMapping,
  type LedgerTransaction,
  type MappingRow,
} from "../../../src/engine";

const mapping: MappingRow[] = [
  { row: 1, costCentre: "IC*", account: "*", line: "BLS-01" },
  { row: 2, costCentre: "IC*", account: "4410", line: "BLS-02" },
  { row: 3, costCentre: "IC200", account: "", line: "BLS-03" },
  { row: 4, costCentre: "NW*", account: "5*", line: "BLS-05" },
  { row: 5, costCentre: "NW*", account: "5*", line: "BLS-07" },
];

const tx = (fileLine: number, period: number, costCentre: string, account: string, amount: number, year: number | undefined = 2020) =>
  ({ fileLine, year, period, costCentre, account, amount, description: "" }) satisfies LedgerTransaction;

describe("periods", () => {
  it("April is period 1 and March period 12 of the year that began the April before", () => {
    expect(periodOfDay(dayNumber(2020, 4, 1))).toEqual({ year: 2020, period: 1 });
    expect(periodOfDay(dayNumber(2020, 11, 30))).toEqual({ year: 2020, period: 8 });
    expect(periodOfDay(dayNumber(2021, 3, 31))).toEqual({ year: 2020, period: 12 });
  });
});

describe("mapping", () => {
  it("takes the most specific row: an exact cost centre over a prefix, then an account over any", () => {
    expect(resolveMapping(mapping, "IC100", "4000")).toEqual({ line: "BLS-01", row: 1 });
    expect(resolveMapping(mapping, "ic100", "4410")).toEqual({ line: "BLS-02", row: 2 });
    // The exact cost centre wins even over a prefix with an exact account.
    expect(resolveMapping(mapping, "IC200", "4410")).toEqual({ line: "BLS-03", row: 3 });
    expect(resolveMapping(mapping, "NW1", "5100")).toEqual({ ambiguous: [4, 5] });
    expect(resolveMapping(mapping, "HR1", "5100")).toBeUndefined();
  });

  it("adds up by period and line and lists every transaction it could not map", () => {
    const m = mapTransactions(
      [
        tx(2, 1, "IC100", "4000", 1000),
        tx(3, 1, "IC100", "4000", -250),
        tx(4, 2, "IC100", "4410", 500),
        tx(5, 2, "HR1", "1", 70),
        tx(6, 2, "NW1", "5000", 9),
        tx(7, 12, "IC1", "1", 5, 2019),
      ],
      mapping,
      2020,
      "ledger.csv",
    );
    expect(m.actuals).toEqual([
      { period: 1, line: "BLS-01", amount: "7.50", source: "ledger.csv" },
      { period: 2, line: "BLS-02", amount: "5.00", source: "ledger.csv" },
    ]);
    expect(m.unmapped.map((u) => [u.transaction.fileLine, u.reason])).toEqual([
      [5, "noMatch"],
      [6, "ambiguous"],
      [7, "otherYear"],
    ]);
    expect(m.periods).toEqual([1, 2]);
    // Nothing is lost: mapped + unmapped = everything in the file.
    expect(m.mappedTotal + m.unmappedTotal).toBe(1000 - 250 + 500 + 70 + 9 + 5);
  });

  it("re-importing a period replaces it: importing twice is importing once", () => {
    const row = fc.record({
      period: fc.integer({ min: 1, max: 12 }),
      line: fc.constantFrom("A", "B"),
      amount: fc.integer({ min: -99, max: 99 }).map(String),
    });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (existing, imported) => {
        const periods = [...new Set(imported.map((r) => r.period))];
        const once = replacePeriods(existing, imported, periods);
        expect(replacePeriods(once, imported, periods)).toEqual(once);
        // Periods the import does not cover are kept as they were.
        expect(once.filter((r) => !periods.includes(Number(r.period)))).toEqual(existing.filter((r) => !periods.includes(r.period)));
      }),
    );
    expect(replacePeriods([{ period: "P3", line: "A", amount: 1 }], [], [3])).toEqual([]);
  });
});

describe("driver counts", () => {
  const partners = [
    { id: "BRE", name: "London Borough of Brent" },
    { id: "LEW", name: "London Borough of Lewisham" },
  ];
  const row = (fileLine: number, period: number, requester: string, category: string, year: number | undefined = 2020) => ({
    fileLine,
    year,
    period,
    requester,
    category,
  });

  it("counts by partner and period, leaves out excluded categories, lists unmatched rows and adds adjustments with reasons", () => {
    const c = countDrivers(
      [
        row(2, 1, "London Borough of Brent", "Incident"),
        row(3, 1, "Brent - Housing", "Incident"),
        row(4, 2, "LEW", "Facilities"),
        row(5, 2, "Lewisham Homes", "Request"),
        row(6, 2, "Acme Ltd", "Incident"),
        row(7, 1, "LEW", "Incident", 2021),
      ],
      {
        year: 2020,
        partners,
        requesters: [
          { pattern: "Brent*", partner: "BRE" },
          { pattern: "Lewisham*", partner: "LEW" },
        ],
        excludeCategories: ["facilities"],
        adjustments: [{ partner: "LEW", amount: 40, reason: "Phone tickets logged on paper in April" }],
      },
    );
    expect(c.counts.map((x) => [x.partner, x.periods.slice(0, 2), x.counted, x.adjusted, x.total])).toEqual([
      ["BRE", [2, 0], 2, 0, 2],
      ["LEW", [0, 1], 1, 40, 41],
    ]);
    expect(c.excluded).toEqual([{ category: "Facilities", rows: 1 }]);
    expect(c.unmatched.map((r) => r.fileLine)).toEqual([6]);
    expect(c.otherYear.map((r) => r.fileLine)).toEqual([7]);
  });
});
