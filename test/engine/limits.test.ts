import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportionModel,
  applyScenario,
  dayNumber,
  errorMessage,
  isoDate,
  MAX_PENCE,
  MAX_TOTAL_PENCE,
  mixWeights,
  parseDate,
  runModel,
  warningMessage,
  Decimal,
  type CostLineInput,
  type EngineError,
  type ModelInput,
} from "../../src/engine";
import { frac, fracAdd, fracFromDecimal, fracMul, type Fraction } from "../../src/engine/fraction";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";

const base: ModelInput = {
  partners: [{ id: "A" }, { id: "B" }, { id: "C" }],
  costLines: [{ ref: "L1", category: "revenue", nature: "ongoing", amount: 1000, start: "2021-04-01", basis: "equal" }],
  settings: { firstYear: "2021/22", lastYear: "2023/24" },
};

function errorsOf(model: ModelInput): EngineError[] {
  const r = apportionModel(model);
  return r.ok ? [] : [...r.errors];
}

function kinds(model: ModelInput): string[] {
  return errorsOf(model).map((e) => e.kind);
}

const BIG = "999999999999.99";

describe("money past the safe range: refused at the line, never thrown, never approximated", () => {
  it("an indexed charge whose later year passes the cap is a located error, not a throw", () => {
    const model: ModelInput = {
      ...base,
      costLines: [{ ...base.costLines[0]!, amount: BIG, indexationRate: 100 }],
      settings: { firstYear: "2021/22", lastYear: "2070/71" },
    };
    const errors = errorsOf(model);
    expect(errors.map((e) => e.kind)).toEqual(["yearAmountTooLarge"]);
    expect(errors[0]?.at).toMatchObject({ entity: "costLine", key: "L1", field: "amount" });
    expect(errorMessage(errors[0]!)).toContain("the charge for 2022/23 comes to £1999999999999.98 after pro-rating and indexation");
  });

  it("charges adding up past 2^52 pence are refused at the line where the total passes it", () => {
    const lines: CostLineInput[] = Array.from({ length: 40 }, (_, i) => ({
      ref: `L${String(i).padStart(2, "0")}`,
      category: "capital",
      nature: "ongoing",
      amount: BIG,
      start: "2021-04-01",
      basis: "equal",
    }));
    // Each line is 3 years × ~10^14 pence; 2^52 ≈ 4.504 × 10^15 is passed by the 16th line (L15).
    const errors = errorsOf({ ...base, costLines: lines });
    expect(errors.map((e) => e.kind)).toEqual(["modelTotalTooLarge"]);
    expect(errors[0]?.at).toMatchObject({ key: "L15", field: "amount" });
  });

  it("property: below the bound every total is exact (checked with BigInt); past it the model is refused", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pounds: fc.bigInt({ min: -(10n ** 12n) + 1n, max: 10n ** 12n - 1n }),
            pence: fc.integer({ min: 0, max: 99 }),
            years: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (specs) => {
          const lines: CostLineInput[] = specs.map((s, i) => ({
            ref: `L${String(i).padStart(2, "0")}`,
            category: "revenue",
            nature: "ongoing",
            amount: `${s.pounds < 0n ? "-" : ""}${(s.pounds < 0n ? -s.pounds : s.pounds).toString()}.${String(s.pence).padStart(2, "0")}`,
            start: "2021-04-01",
            end: `${2021 + s.years}-03-31`,
            basis: "equal",
          }));
          const magnitude = specs.reduce(
            (a, s) => a + ((s.pounds < 0n ? -s.pounds : s.pounds) * 100n + BigInt(s.pence)) * BigInt(s.years),
            0n,
          );
          const r = apportionModel({ ...base, costLines: lines });
          if (magnitude > BigInt(MAX_TOTAL_PENCE)) {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.errors.map((e) => e.kind)).toEqual(["modelTotalTooLarge"]);
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const expected = specs.reduce(
            (a, s) => a + (s.pounds * 100n + (s.pounds < 0n ? -BigInt(s.pence) : BigInt(s.pence))) * BigInt(s.years),
            0n,
          );
          expect(BigInt(r.value.balance.totalIn)).toBe(expected);
          expect(BigInt(r.value.balance.totalOut)).toBe(expected);
          expect(r.value.totals.reduce((a, t) => a + BigInt(t.amount), 0n)).toBe(expected);
          expect(r.value.balance.balanced).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the cap is the documented £1 trillion", () => {
    expect(MAX_PENCE).toBe(100_000_000_000_000);
    expect(MAX_TOTAL_PENCE).toBe(2 ** 52 - 1);
  });
});

describe("lines outside the model's years", () => {
  it("a one-off dated before the years is a located warning and is listed with its amount (Southwark's £190,000 in 1921)", () => {
    const model = BRENT_LEWISHAM_SOUTHWARK.model;
    const moved: ModelInput = { ...model, costLines: model.costLines.map((l) => (l.ref === "BLS-05" ? { ...l, start: "1921-09-30" } : l)) };
    const before = runModel(model);
    const after = runModel(moved);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.result.outsideYears.map((o) => [o.lineRef, o.amount, o.side])).toEqual([["BLS-05", 19_000_000, "before"]]);
    const w = after.value.result.outsideYears[0]!.warning;
    expect(w.at).toMatchObject({ entity: "costLine", key: "BLS-05", field: "start" });
    expect(warningMessage(w)).toBe(
      `Cost line "BLS-05", start: the one-off cost of £190000.00 dated 1921-09-30 falls before the model's years (2020/21 to ` +
        `2022/23), so it is charged to no one; change the date or the years.`,
    );
    // The balance still holds for what was charged, and the difference is exactly the line left out.
    expect(after.value.result.balance.balanced).toBe(true);
    expect(before.value.result.balance.totalIn - after.value.result.balance.totalIn).toBe(19_000_000);
  });

  it("an ongoing line that ended before the years is warned about at its end date", () => {
    const r = apportionModel({ ...base, costLines: [{ ...base.costLines[0]!, start: "2010-04-01", end: "2011-03-31" }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = r.value.outsideYears[0]!.warning;
    expect(w.at.field).toBe("end");
    expect(warningMessage(w)).toContain(
      "the ongoing charge of £1000.00 a year from 2010-04-01 to 2011-03-31 lies wholly before the model's years",
    );
  });

  it("a line with any part in the years gives no warning", () => {
    const r = apportionModel({ ...base, costLines: [{ ...base.costLines[0]!, start: "2010-04-01", end: "2021-04-01" }] });
    expect(r.ok && r.value.outsideYears).toEqual([]);
  });
});

describe("limits and ids", () => {
  it("a model of 1,000 years is refused at once, not profiled for minutes", () => {
    const errors = errorsOf({ ...base, settings: { firstYear: "2020/21", lastYear: "3019/20" } });
    expect(errors.map((e) => e.kind)).toEqual(["tooManyYears"]);
    expect(errorMessage(errors[0]!)).toBe("Setting, lastYear: 2020/21 to 3019/20 is 1000 years; a model may span at most 100 years.");
  });

  it("100 years are accepted, 101 are not", () => {
    expect(kinds({ ...base, settings: { firstYear: "2020/21", lastYear: "2119/20" } })).toEqual([]);
    expect(kinds({ ...base, settings: { firstYear: "2020/21", lastYear: "2120/21" } })).toEqual(["tooManyYears"]);
  });

  it("partner ids that differ only in case are refused at the second; references must match exactly", () => {
    const errors = errorsOf({ ...base, partners: [...base.partners, { id: "a" }] });
    expect(errors.map((e) => e.kind)).toEqual(["caseClash"]);
    expect(errors[0]?.at).toMatchObject({ entity: "partner", key: "a", field: "id" });
    expect(kinds({ ...base, costLines: [{ ...base.costLines[0]!, basis: "direct:a" }] })).toEqual(["unknownPartner"]);
  });

  it("cost references and driver or basis ids that differ only in case are refused", () => {
    expect(kinds({ ...base, costLines: [base.costLines[0]!, { ...base.costLines[0]!, ref: "l1" }] })).toEqual(["caseClash"]);
    const drivers = [{ id: "users", values: base.partners.map((p) => ({ partner: p.id, value: 1 })) }];
    expect(kinds({ ...base, drivers, bases: [{ id: "Users", kind: "percentages", shares: [{ partner: "A", percent: 100 }] }] })).toEqual([
      "caseClash",
    ]);
  });

  it("a partner id holding a comma or semicolon is refused (lists are comma- or semicolon-separated)", () => {
    expect(kinds({ ...base, partners: [...base.partners, { id: "D,E" }] })).toEqual(["badIdCharacter"]);
    expect(kinds({ ...base, partners: [...base.partners, { id: "D;E" }] })).toEqual(["badIdCharacter"]);
  });

  it("an unknown year-end share basis is reported before any outturn exists", () => {
    const errors = errorsOf({ ...base, yearEnd: { basis: "nonsense" } });
    expect(errors.map((e) => e.kind)).toEqual(["unknownBasis"]);
    expect(errors[0]?.at).toEqual({ entity: "settings", field: "yearEnd.basis" });
    expect(kinds({ ...base, yearEnd: { basis: "Contributions" } })).toEqual([]);
    expect(kinds({ ...base, yearEnd: { basis: "equal" } })).toEqual([]);
  });

  it("a direct charge to an excluded partner says it is excluded", () => {
    const errors = errorsOf({ ...base, costLines: [{ ...base.costLines[0]!, basis: "direct:A", excludes: ["A"] }] });
    expect(errors.map((e) => e.kind)).toEqual(["excludedPartner"]);
    expect(errorMessage(errors[0]!)).toContain('partner "A" is excluded from this line');
  });
});

describe("partners within others", () => {
  const within = (pairs: [string, string][]): ModelInput => ({
    ...base,
    withinPartners: pairs.map(([id, parent]) => ({ partner: { id }, within: parent })),
  });

  it("within itself, within an unknown partner, a chain and a cycle are each located at the Within field", () => {
    expect(errorsOf(within([["W", "W"]])).map((e) => [e.kind, e.at.key, e.at.field])).toEqual([["withinItself", "W", "within"]]);
    expect(errorsOf(within([["W", "Z"]])).map((e) => [e.kind, e.at.key, e.at.field])).toEqual([["unknownPartner", "W", "within"]]);
    expect(
      errorsOf(
        within([
          ["W", "A"],
          ["V", "W"],
        ]),
      ).map((e) => [e.kind, e.at.key]),
    ).toEqual([["withinWithin", "V"]]);
    expect(
      errorsOf(
        within([
          ["W", "V"],
          ["V", "W"],
        ]),
      ).map((e) => [e.kind, e.at.key]),
    ).toEqual([
      ["withinWithin", "W"],
      ["withinWithin", "V"],
    ]);
  });

  it("a partner properly within another still runs", () => {
    expect(runModel(within([["W", "A"]])).ok).toBe(true);
  });
});

describe("scenario changes to cost lines are reported at the change", () => {
  it("setBasis to an unknown basis and addLine with a bad amount or date point at the scenario, not the base line", () => {
    const scenario = {
      name: "S",
      changes: [
        { kind: "setBasis" as const, line: "L1", basis: "nonsense" },
        {
          kind: "addLine" as const,
          line: { ref: "N1", category: "revenue", nature: "one-off", amount: "lots", start: "soon", basis: "equal" },
        },
      ],
    };
    const r = applyScenario(base, scenario);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.kind, e.at.entity, e.at.key, e.at.index, e.at.field])).toEqual([
      ["unknownBasis", "scenario", "S", 1, "change 1 (setBasis): basis"],
      ["notANumber", "scenario", "S", 2, "change 2 (addLine): amount"],
      ["invalidDate", "scenario", "S", 2, "change 2 (addLine): start"],
    ]);
  });

  it("a problem the base model already has stays with the base model", () => {
    const broken: ModelInput = { ...base, costLines: [{ ...base.costLines[0]!, start: "soon" }] };
    const r = applyScenario(broken, { name: "S", changes: [{ kind: "setBasis", line: "L1", basis: "equal" }] });
    expect(r.ok).toBe(true);
  });
});

describe("dates", () => {
  it("years before 1900 are out of range, not read as 19xx", () => {
    const r = parseDate("0001-06-01", { entity: "argument", field: "date" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.kind).toBe("dateOutOfRange");
    expect(isoDate(dayNumber(1, 6, 1))).toBe("0001-06-01");
    expect(isoDate(dayNumber(99, 12, 31))).toBe("0099-12-31");
  });

  it("1 January 1900 is the first date accepted", () => {
    expect(parseDate("1900-01-01", { entity: "argument", field: "date" }).ok).toBe(true);
    expect(parseDate("1899-12-31", { entity: "argument", field: "date" }).ok).toBe(false);
  });
});

describe("mix weights over one common denominator", () => {
  /** The straightforward way: add each cell's exact fraction, then scale to whole numbers. */
  function slowWeights(columns: { weight: Decimal; values: Decimal[] }[], partners: number): bigint[] {
    let combined: Fraction[] = Array.from({ length: partners }, () => frac(0n));
    for (const col of columns) {
      const total = fracFromDecimal(col.values.reduce((s, x) => s.plus(x), new Decimal(0)));
      const scale = fracMul(fracFromDecimal(col.weight), frac(total.d, total.n));
      combined = combined.map((acc, i) => fracAdd(acc, fracMul(scale, fracFromDecimal(col.values[i]!))));
    }
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    let lcm = 1n;
    for (const f of combined) lcm = (lcm * f.d) / gcd(lcm, f.d);
    const ints = combined.map((f) => f.n * (lcm / f.d));
    const g = ints.reduce((a, b) => gcd(a, b), 0n) || 1n;
    return ints.map((v) => v / g);
  }

  it("property: the same weights as adding exact fractions cell by cell", () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((partners) =>
          fc
            .array(
              fc.record({
                weight: fc.integer({ min: 0, max: 100 }),
                values: fc.array(cell, { minLength: partners, maxLength: partners }),
              }),
              { minLength: 1, maxLength: 5 },
            )
            .map((cols) => ({ partners, cols })),
        ),
        ({ partners, cols }) => {
          const columns = cols
            .filter((c) => c.values.some((v) => v > 0))
            .map((c) => ({ weight: new Decimal(c.weight), values: c.values.map((v) => new Decimal(v)) }));
          if (columns.length === 0 || columns.every((c) => c.weight.isZero())) return;
          const fast = mixWeights(columns, partners).map((w) => BigInt(w));
          expect(fast).toEqual(slowWeights(columns, partners));
        },
      ),
      { numRuns: 300 },
    );
  });
});
