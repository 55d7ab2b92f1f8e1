import fc from "fast-check";
import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { checkModelBudgets, THOUSAND, type ModelInput, type PartnerServiceInput } from "../../../src/engine";
import { modelArb, unwrap } from "../scenarios/model-arbitrary";

/*
 * Issue #35's "done when": over random models, each partner's service split adds up exactly to its
 * recharge at the penny and at £000, and the RO view's lines add up to the partner's £000 total.
 * The expected £000 total is worked out here independently (decimal.js, half away from zero), not
 * read back from the engine.
 */

const HEADINGS = ["Education services", "Highways and transport services", "Housing services (GFRA only)", "Central services"];

/** 1–5 service lines for a partner: whole or decimal basis values (some zero, at least one positive). */
const serviceRows = (partner: string, year: string | undefined): fc.Arbitrary<PartnerServiceInput[]> =>
  fc
    .array(
      fc.record({
        heading: fc.constantFrom(...HEADINGS),
        value: fc.oneof(
          fc.integer({ min: 0, max: 5000 }).map(String),
          fc.integer({ min: 0, max: 99_999 }).map((n) => (n / 100).toFixed(2)),
        ),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .map((rows) =>
      rows.map((r, i) => ({
        partner,
        ...(year === undefined ? {} : { year }),
        service: `Service ${i + 1}`,
        heading: r.heading,
        measure: "users",
        value: i === 0 && rows.every((x) => Number(x.value) === 0) ? "1" : r.value,
      })),
    );

/** A random model with service lists for a random subset of its partners (every year, and sometimes 2021/22 on its own). */
const withServices = modelArb().chain((model) =>
  fc
    .tuple(
      ...model.partners.map((p) =>
        fc
          .tuple(fc.boolean(), fc.boolean())
          .chain(([listed, ownYear]) =>
            !listed
              ? fc.constant([] as PartnerServiceInput[])
              : fc
                  .tuple(serviceRows(p.id, undefined), ownYear ? serviceRows(p.id, "2021/22") : fc.constant([]))
                  .map(([a, b]) => [...a, ...b]),
          ),
      ),
    )
    .map((lists): ModelInput => ({ ...model, partnerServices: lists.flat() })),
);

/** £000 of an amount in pence, rounded half away from zero, in pence. */
function roundedThousands(pence: number): number {
  return new Decimal(pence).div(THOUSAND).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).mul(THOUSAND).toNumber() || 0; // −0 is 0
}

describe("each partner's share onto its own services", () => {
  it("adds up exactly at the penny and at £000, and the RO view adds up to the £000 total", () => {
    fc.assert(
      fc.property(withServices, (model) => {
        const report = unwrap(checkModelBudgets(model));
        const services = report.services;
        const listed = new Set((model.partnerServices ?? []).map((r) => r.partner));
        if (listed.size === 0) {
          expect(services).toBeUndefined();
          return;
        }
        expect(services).toBeDefined();
        if (services === undefined) return;
        for (const t of report.run.totals) {
          const split = services.splits.find((s) => s.partner === t.partner && s.year === t.year && s.category === t.category);
          if (!listed.has(t.partner)) {
            expect(split).toBeUndefined();
            if (t.amount !== 0) expect(services.withoutList).toContain(t.partner);
            continue;
          }
          // Every listed partner has a list for every year here, so each recharge is spread in full.
          expect(split).toBeDefined();
          if (split === undefined) continue;
          const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
          expect(split.recharge).toBe(t.amount);
          expect(sum(split.shares.map((s) => s.pence))).toBe(t.amount);
          expect(split.rechargeThousands).toBe(roundedThousands(t.amount));
          expect(sum(split.shares.map((s) => s.thousands))).toBe(split.rechargeThousands);
          expect(sum(split.roLines.map((r) => r.thousands))).toBe(split.rechargeThousands);
          expect(split.unrecharged).toBe(0);
          expect(split.recharged).toBe(true);
          // Each penny share within a penny of its exact share; a zero basis value gets exactly nothing.
          const total = split.shares.reduce((a, s) => a.add(s.value), new Decimal(0));
          for (const s of split.shares) {
            const exact = new Decimal(t.amount).mul(s.value).div(total);
            expect(exact.sub(s.pence).abs().lte(1)).toBe(true);
            expect(Number.isSafeInteger(s.thousands / THOUSAND)).toBe(true);
            if (new Decimal(s.value).isZero()) expect([s.pence, s.thousands]).toEqual([0, 0]);
            // RO lines first, then services within each: a service's £000 is under £2,000 from its exact share of the £000 total.
            const exactK = new Decimal(split.rechargeThousands).mul(s.value).div(total);
            expect(
              exactK
                .sub(s.thousands)
                .abs()
                .lt(2 * THOUSAND),
            ).toBe(true);
          }
          // Each RO line within £1,000 of its exact share of the £000 total, and equal to its services' £000 figures.
          for (const r of split.roLines) {
            const mine = split.shares.filter((s) => s.heading === r.heading);
            const weight = mine.reduce((a, s) => a.add(s.value), new Decimal(0));
            const exact = new Decimal(split.rechargeThousands).mul(weight).div(total);
            expect(exact.sub(r.thousands).abs().lt(THOUSAND)).toBe(true);
            expect(sum(mine.map((s) => s.thousands))).toBe(r.thousands);
            expect(sum(mine.map((s) => s.pence))).toBe(r.pence);
          }
          // The year's own rows win over the every-year rows.
          const own = (model.partnerServices ?? []).some((r) => r.partner === t.partner && r.year === t.yearLabel);
          expect(split.listFor).toBe(own ? "year" : "every");
        }
      }),
      { numRuns: 150 },
    );
  });
});
