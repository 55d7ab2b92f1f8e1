import fc from "fast-check";
import { errorMessage, penceToText, type CostLineInput, type ModelInput, type Result } from "../../../src/engine";

/** Unwraps a result, failing the test with every message when it is an error. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.errors.map(errorMessage).join("\n"));
  return r.value;
}

const IDS = ["BRT", "LEW", "SWK", "HAV", "NEW"] as const;

/** Which bases lines may use. `usageOnly` leaves out equal shares and mixes with an equal part. */
export interface ModelShape {
  readonly usageOnly?: boolean;
  readonly positiveAmounts?: boolean;
  /** Allow year-specific driver values (off when a test needs one figure per partner for every year). */
  readonly yearly?: boolean;
}

/** Whole-number driver values with at least one positive, for n partners. */
function driverValues(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n })
    .map((v) => (v.every((x) => x === 0) ? [1, ...v.slice(1)] : v));
}

/** Percentages to 2 places that total exactly 100, from cut points in 0..10000 hundredths. */
function percentages(n: number): fc.Arbitrary<string[]> {
  return fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => ((p - (points[i] ?? 0)) / 100).toFixed(2));
  });
}

const ISO_DAY = fc
  .integer({ min: Date.UTC(2019, 0, 1) / 86_400_000, max: Date.UTC(2023, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/**
 * A small valid model over 2020/21–2022/23: 2–5 partners, two drivers
 * (users, tickets), a percentages basis "iaa", a driver mix "mix" and (unless
 * usage-only) a fixed-plus-variable mix "fixvar" with an equal part; 1–6
 * lines of either category and nature, with amounts in whole pence
 * (negative credits unless positive amounts are asked for).
 */
export function modelArb(shape: ModelShape = {}): fc.Arbitrary<ModelInput> {
  return fc.integer({ min: 2, max: 5 }).chain((n) => {
    const partners = IDS.slice(0, n);
    const bases = shape.usageOnly
      ? ["driver:users", "tickets", "iaa", "mix"]
      : ["equal", "driver:users", "tickets", "iaa", "mix", "fixvar"];
    const basis = fc.oneof(
      fc.constantFrom(...bases),
      fc.constantFrom(...partners).map((p) => `direct:${p}`),
    );
    const amount = shape.positiveAmounts
      ? fc.integer({ min: 1, max: 1_000_000_000 })
      : fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    const line = fc.record({
      category: fc.constantFrom("capital", "revenue"),
      nature: fc.constantFrom("one-off", "ongoing"),
      amount,
      start: ISO_DAY,
      basis,
      service: fc.constantFrom("ICT", "HR", ""),
    });
    return fc
      .record({
        users: driverValues(n),
        tickets: driverValues(n),
        ticketsLater: shape.yearly ? fc.option(driverValues(n), { nil: undefined }) : fc.constant(undefined),
        iaa: percentages(n),
        lines: fc.array(line, { minLength: 1, maxLength: 6 }),
      })
      .map(({ users, tickets, ticketsLater, iaa, lines }): ModelInput => ({
        partners: partners.map((id, i) => ({ id, name: `Council ${id}`, host: i === 0 })),
        drivers: [
          { id: "users", values: partners.map((p, i) => ({ partner: p, value: users[i] ?? 0 })) },
          {
            id: "tickets",
            values: [
              ...partners.map((p, i) => ({ partner: p, value: tickets[i] ?? 0 })),
              ...(ticketsLater === undefined ? [] : partners.map((p, i) => ({ partner: p, year: "2022/23", value: ticketsLater[i] ?? 0 }))),
            ],
          },
        ],
        bases: [
          { id: "iaa", kind: "percentages", shares: partners.map((p, i) => ({ partner: p, percent: iaa[i] ?? "0" })) },
          {
            id: "mix",
            kind: "mix",
            components: [
              { source: "driver:users", weight: 40 },
              { source: "tickets", weight: 60 },
            ],
          },
          {
            id: "fixvar",
            kind: "mix",
            components: [
              { source: "equal", weight: 30 },
              { source: "users", weight: 70 },
            ],
          },
        ],
        costLines: lines.map((l, i): CostLineInput => ({
          ref: `L${String(i + 1).padStart(2, "0")}`,
          ...l,
          amount: penceToText(l.amount),
          ...(l.service === "" ? {} : { service: l.service }),
        })),
        settings: { firstYear: "2020/21", lastYear: "2022/23" },
      }));
  });
}

/** A map of partner × year × category → amount from a run's totals, for comparisons. */
export function totalsMap(
  totals: readonly { partner: string; yearLabel: string; category: string; amount: number }[],
): Map<string, number> {
  return new Map(totals.map((t) => [`${t.partner} ${t.yearLabel} ${t.category}`, t.amount]));
}
