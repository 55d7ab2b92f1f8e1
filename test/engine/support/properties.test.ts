import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateSupport, frac, solveExact, type Fraction, type SupportModelInput } from "../../../src/engine";
import { unwrap } from "../scenarios/model-arbitrary";

/* Test-side rational arithmetic on [numerator, denominator] pairs, kept apart from the engine's so the checks are independent. */
type Q = readonly [bigint, bigint];
const q = (n: bigint, d = 1n): Q => (d < 0n ? [-n, -d] : [n, d]);
const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const same = (a: Q, b: Q | Fraction): boolean => ("n" in b ? a[0] * b.d === b.n * a[1] : a[0] * b[1] === b[0] * a[1]);
const fromFrac = (f: Fraction): Q => [f.n, f.d];

const PARTNERS = ["P1", "P2", "P3", "P4"];
const SERVICES = ["ICT", "HR", "FIN", "LEGAL"];

/** Support models of 1–4 services and 1–4 partners; with `absorbed`, every service has some partner usage. */
function supportArb(absorbed: boolean): fc.Arbitrary<SupportModelInput> {
  return fc.record({ s: fc.integer({ min: 1, max: 4 }), p: fc.integer({ min: 1, max: 4 }) }).chain(({ s, p }) => {
    const services = SERVICES.slice(0, s);
    const partners = PARTNERS.slice(0, p);
    const users = [...services, ...partners];
    return fc
      .record({
        costs: fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: s, maxLength: s }),
        usage: fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: users.length, maxLength: users.length }), {
          minLength: s,
          maxLength: s,
        }),
        method: fc.constantFrom("direct", "step-down", "reciprocal"),
        order: fc.shuffledSubarray(services, { minLength: s, maxLength: s }),
      })
      .map(({ costs, usage, method, order }) => ({
        partners,
        services: services.map((id, i) => ({
          id,
          cost: ((costs[i] ?? 0) / 100).toFixed(2),
          usage: users.map((by, j) => ({
            by,
            value: absorbed && j === s && (usage[i] ?? []).slice(s).every((v) => v === 0) ? 1 : (usage[i]?.[j] ?? 0),
          })),
        })),
        method,
        order,
      }));
  });
}

function totalCost(m: SupportModelInput): number {
  return m.services.reduce((sum, s) => sum + Math.round(Number(s.cost) * 100), 0);
}

describe("support-service allocation properties", () => {
  it("property: every method conserves the total to the penny, each partner within a penny of its exact charge", () => {
    fc.assert(
      fc.property(supportArb(true), (m) => {
        const a = unwrap(allocateSupport(m));
        expect(a.balanced).toBe(true);
        expect(a.totalCost).toBe(totalCost(m));
        expect(a.partners.reduce((s, p) => s + p.amount, 0)).toBe(totalCost(m));
        // The exact charges themselves add up to the total: nothing lost or made before rounding.
        expect(
          same(
            a.partners.reduce<Q>((s, p) => add(s, fromFrac(p.exact)), q(0n)),
            q(BigInt(totalCost(m))),
          ),
        ).toBe(true);
        for (const p of a.partners) {
          const diff = add(q(BigInt(p.amount)), mul(q(-1n), fromFrac(p.exact)));
          expect(diff[0] < 0n ? -diff[0] < diff[1] : diff[0] < diff[1]).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("property: the reciprocal totals solve T_s = C_s + Σ_r q(r→s)·T_r exactly, and partners get Σ_s q(s→p)·T_s", () => {
    fc.assert(
      fc.property(supportArb(true), (m0) => {
        const m = { ...m0, method: "reciprocal" };
        const a = unwrap(allocateSupport(m));
        const T = new Map(a.services.map((s) => [s.service, fromFrac(s.totalCost)]));
        // q(r→u): u's share of r's usage, self-use left out, worked out here from the inputs.
        const share = (r: string, u: string): Q => {
          const svc = m.services.find((s) => s.id === r)!;
          const total = svc.usage.filter((x) => x.by !== r).reduce((s, x) => s + Number(x.value), 0);
          const v = u === r ? 0 : Number(svc.usage.find((x) => x.by === u)?.value ?? 0);
          return q(BigInt(v), BigInt(total));
        };
        for (const s of m.services) {
          let rhs = q(BigInt(Math.round(Number(s.cost) * 100)));
          for (const r of m.services) if (r.id !== s.id) rhs = add(rhs, mul(share(r.id, s.id), T.get(r.id)!));
          expect(same(T.get(s.id)!, rhs)).toBe(true);
        }
        for (const p of a.partners) {
          const expected = m.services.reduce<Q>((sum, s) => add(sum, mul(share(s.id, p.partner), T.get(s.id)!)), q(0n));
          expect(same(expected, p.exact)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("property: when the services do not use each other, the three methods agree", () => {
    fc.assert(
      fc.property(supportArb(true), (m) => {
        const isolated: SupportModelInput = {
          ...m,
          services: m.services.map((s) => ({ ...s, usage: s.usage.filter((u) => !SERVICES.includes(u.by)) })),
        };
        const run = (method: string) => unwrap(allocateSupport({ ...isolated, method })).partners.map((p) => p.amount);
        expect(run("step-down")).toEqual(run("direct"));
        expect(run("reciprocal")).toEqual(run("direct"));
      }),
      { numRuns: 1000 },
    );
  });

  it("property: with any usage at all, a result always balances, and a failure names a service whose cost cannot reach a partner", () => {
    fc.assert(
      fc.property(supportArb(false), (m) => {
        const r = allocateSupport(m);
        if (r.ok) expect(r.value.partners.reduce((s, p) => s + p.amount, 0)).toBe(totalCost(m));
        else
          for (const e of r.errors) expect(e).toMatchObject({ kind: "allDriversZero", at: { entity: "supportService", field: "usage" } });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("solveExact", () => {
  it("property: solves diagonally dominant systems exactly (A·x = b with no remainder)", () => {
    const system = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.record({
        a: fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        b: fc.array(fc.integer({ min: -1_000, max: 1_000 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(system, ({ a, b }) => {
        // Make each diagonal outweigh its row so the system has exactly one solution.
        const A = a.map((row, i) => row.map((v, j) => (i === j ? row.reduce((s, x) => s + Math.abs(x), 0) + 1 : v)));
        const x = solveExact(
          A.map((row) => row.map((v) => frac(BigInt(v)))),
          b.map((v) => frac(BigInt(v))),
        );
        expect(x).toBeDefined();
        A.forEach((row, i) => {
          const lhs = row.reduce<Q>((s, v, j) => add(s, mul(q(BigInt(v)), fromFrac(x![j]!))), q(0n));
          expect(same(lhs, q(BigInt(b[i]!)))).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("reports a singular system as undefined instead of dividing by zero", () => {
    expect(
      solveExact(
        [
          [frac(1n), frac(2n)],
          [frac(2n), frac(4n)],
        ],
        [frac(1n), frac(2n)],
      ),
    ).toBeUndefined();
    // Needs a row swap: x + 0y... first pivot is zero.
    expect(
      solveExact(
        [
          [frac(0n), frac(1n)],
          [frac(1n), frac(0n)],
        ],
        [frac(3n), frac(4n)],
      ),
    ).toEqual([frac(4n), frac(3n)]);
  });
});
