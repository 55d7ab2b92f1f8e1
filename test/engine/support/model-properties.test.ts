import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSupport, runModel, type ModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

const PARTNERS = ["P1", "P2", "P3", "P4"];
const SERVICES = ["ICT", "HR", "FIN", "LEGAL"];
const METHODS = ["direct", "step-down", "reciprocal"] as const;

interface Case {
  readonly model: ModelInput;
  readonly services: readonly string[];
  readonly partners: readonly string[];
  readonly costs: readonly number[];
  readonly usage: readonly (readonly number[])[];
}

/**
 * Models of 1–4 support services and 1–4 partners, each service with one to
 * three cost lines (capital and revenue, one-off and ongoing, over two
 * years), every service used by at least one partner.
 */
const caseArb: fc.Arbitrary<Case> = fc
  .record({ s: fc.integer({ min: 1, max: 4 }), p: fc.integer({ min: 1, max: 4 }) })
  .chain(({ s, p }) => {
    const services = SERVICES.slice(0, s);
    const partners = PARTNERS.slice(0, p);
    const users = [...services, ...partners];
    return fc
      .record({
        lines: fc.array(
          fc.record({
            service: fc.integer({ min: 0, max: s - 1 }),
            pence: fc.integer({ min: 0, max: 10_000_000_000 }),
            category: fc.constantFrom("capital", "revenue"),
            nature: fc.constantFrom("one-off", "ongoing"),
            start: fc.constantFrom("2024-04-01", "2024-10-17", "2025-04-01", "2025-06-30"),
          }),
          { minLength: 1, maxLength: 3 * s },
        ),
        usage: fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: users.length, maxLength: users.length }), {
          minLength: s,
          maxLength: s,
        }),
        order: fc.shuffledSubarray(services, { minLength: s, maxLength: s }),
      })
      .map(({ lines, usage, order }) => {
        // Every service has a partner using it, so every method can reach the partners.
        const fixed = usage.map((row) => (row.slice(s).every((v) => v === 0) ? row.map((v, j) => (j === s ? 1 : v)) : row));
        const model: ModelInput = {
          partners: partners.map((id) => ({ id })),
          costLines: lines.map((l, i) => ({
            ref: `L${i + 1}`,
            category: l.category,
            nature: l.nature,
            amount: (l.pence / 100).toFixed(2),
            start: l.start,
            basis: `support:${services[l.service] ?? ""}`,
          })),
          settings: { firstYear: "2024/25", lastYear: "2025/26" },
          support: {
            services: services.map((id) => ({ id })),
            usage: fixed.flatMap((row, i) => row.map((value, j) => ({ service: services[i] ?? "", by: users[j] ?? "", value }))),
            order,
          },
        };
        return { model, services, partners, costs: lines.map((l) => l.pence), usage: fixed };
      });
  });

describe("support services in a model: properties", () => {
  it("property: for every method, everything that enters the services reaches the partners, to the penny", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...METHODS), ({ model }, method) => {
        const m: ModelInput = { ...model, support: { ...model.support!, method } };
        const run = unwrap(runModel(m));
        // Checked with BigInt, independently of the engine's own balance check.
        let into = 0n;
        for (const ly of run.result.lineYears) into += BigInt(ly.profile.amount);
        let out = 0n;
        for (const r of run.rows) out += BigInt(r.amount);
        expect(out).toBe(into);
        expect(run.result.balance.balanced).toBe(true);
        for (const ly of run.result.lineYears) expect(ly.shares.reduce((a, b) => a + b, 0)).toBe(ly.profile.amount);
        // The year report agrees: what the partners were charged is what the services cost, per year and category.
        for (const y of run.result.support?.years ?? []) {
          const own = y.services.reduce((a, s) => a + BigInt(s.ownCost), 0n);
          expect(y.charged.reduce((a, c) => a + BigInt(c.amount), 0n)).toBe(own);
          // And the exact flows to partners add up to the own costs exactly.
          let n = 0n;
          let d = 1n;
          for (const s of y.services)
            for (const f of s.flows)
              if (!f.toService) {
                n = n * f.amount.pence.d + f.amount.pence.n * d;
                d *= f.amount.pence.d;
              }
          expect(n).toBe(own * d);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("property: one line per service splits within a penny of the standalone allocation of the same costs", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...METHODS), ({ services, partners, usage }, method) => {
        const costs = services.map((_, i) => (i + 1) * 1_234_567);
        const users = [...services, ...partners];
        const model: ModelInput = {
          partners: partners.map((id) => ({ id })),
          costLines: services.map((s, i) => ({
            ref: `L-${s}`,
            category: "revenue",
            nature: "one-off",
            amount: ((costs[i] ?? 0) / 100).toFixed(2),
            start: "2024-06-01",
            basis: `support:${s}`,
          })),
          settings: { firstYear: "2024/25", lastYear: "2024/25" },
          support: {
            services: services.map((id) => ({ id })),
            usage: usage.flatMap((row, i) => row.map((value, j) => ({ service: services[i] ?? "", by: users[j] ?? "", value }))),
            method,
          },
        };
        const run = unwrap(runModel(model));
        const alone = unwrap(
          allocateSupport({
            partners: [...partners],
            services: services.map((id, i) => ({
              id,
              cost: ((costs[i] ?? 0) / 100).toFixed(2),
              usage: users.map((by, j) => ({ by, value: usage[i]?.[j] ?? 0 })),
            })),
            method,
            order: [...services],
          }),
        );
        const charged = new Map<string, number>();
        for (const r of run.rows) charged.set(r.partner, (charged.get(r.partner) ?? 0) + r.amount);
        // Each line is rounded on its own, so a partner may differ by up to a penny per service.
        for (const p of alone.partners) expect(Math.abs((charged.get(p.partner) ?? 0) - p.amount)).toBeLessThanOrEqual(services.length);
      }),
      { numRuns: 150 },
    );
  });
});
