import { Decimal } from "../decimal";
import type { EngineError } from "../errors";
import { frac, fracAdd, fracFromDecimal, fracMul, type Fraction } from "../fraction";
import { errs, ok, type Result } from "../result";
import type { PreparedSupport, SupportService } from "./read-support";
import { fracDiv, solveExact } from "./rational";

/**
 * The three methods, each producing exact (unrounded) flows of cost in
 * pence: how much of each service's total cost goes to each user. Nothing is
 * rounded here; the caller rounds the partners' totals once.
 */

/** Where a service's total cost goes under a method. */
export interface ExactFlows {
  /** Each service's total cost: its own cost plus what it received from other services. */
  readonly totals: ReadonlyMap<string, Fraction>;
  /** service → user → exact amount in pence. */
  readonly flows: ReadonlyMap<string, ReadonlyMap<string, Fraction>>;
}

/** The share of `service`'s output used by each of `users` (those with usage), as fractions summing to 1. */
function proportions(service: SupportService, users: ReadonlySet<string>): Map<string, Fraction> | undefined {
  let total = new Decimal(0);
  for (const [by, v] of service.usage) if (users.has(by)) total = total.plus(v);
  if (total.isZero()) return undefined;
  const t = fracFromDecimal(total);
  const out = new Map<string, Fraction>();
  for (const [by, v] of service.usage) if (users.has(by) && !v.isZero()) out.set(by, fracDiv(fracFromDecimal(v), t));
  return out;
}

function noUsers(s: SupportService, who: string): EngineError {
  return { kind: "allDriversZero", basis: `usage of ${s.id} by ${who}`, at: { entity: "supportService", key: s.id, field: "usage" } };
}

/**
 * Direct method: each service's own cost goes straight to the partners in
 * proportion to their usage; what services do for each other is ignored. A
 * service with a cost but no partner usage is an error.
 */
export function directFlows(model: PreparedSupport): Result<ExactFlows> {
  const partners = new Set(model.partners);
  const totals = new Map<string, Fraction>();
  const flows = new Map<string, Map<string, Fraction>>();
  const problems: EngineError[] = [];
  for (const s of model.services) {
    const cost = frac(BigInt(s.cost));
    totals.set(s.id, cost);
    const p = proportions(s, partners);
    if (p === undefined) {
      if (s.cost !== 0) problems.push(noUsers(s, "partners"));
      flows.set(s.id, new Map());
      continue;
    }
    flows.set(s.id, new Map([...p].map(([to, q]) => [to, fracMul(cost, q)])));
  }
  return problems.length > 0 ? errs(problems) : ok({ totals, flows });
}

/**
 * Step-down method, in the user's order: the first service's cost goes to
 * the partners and to every service later in the order; then the second
 * service's own cost plus what it received, and so on. Usage by services
 * already closed is ignored, so the result depends on the order chosen.
 */
export function stepDownFlows(model: PreparedSupport): Result<ExactFlows> {
  const byId = new Map(model.services.map((s) => [s.id, s]));
  const received = new Map<string, Fraction>(model.services.map((s) => [s.id, frac(0n)]));
  const totals = new Map<string, Fraction>();
  const flows = new Map<string, Map<string, Fraction>>();
  const problems: EngineError[] = [];
  model.order.forEach((id, k) => {
    const s = byId.get(id);
    if (s === undefined) return;
    const total = fracAdd(frac(BigInt(s.cost)), received.get(id) ?? frac(0n));
    totals.set(id, total);
    const eligible = new Set([...model.partners, ...model.order.slice(k + 1)]);
    const p = proportions(s, eligible);
    if (p === undefined) {
      if (total.n !== 0n) problems.push(noUsers(s, "partners or services after it in the step-down order"));
      flows.set(id, new Map());
      return;
    }
    const out = new Map<string, Fraction>();
    for (const [to, q] of p) {
      const amount = fracMul(total, q);
      out.set(to, amount);
      if (received.has(to)) received.set(to, fracAdd(received.get(to) ?? frac(0n), amount));
    }
    flows.set(id, out);
  });
  return problems.length > 0 ? errs(problems) : ok({ totals, flows });
}

/**
 * The services whose cost can reach a partner: those a partner uses, and
 * those used by a service that can. The rest form groups that serve only
 * each other (or no one), whose cost could never be recharged.
 */
export function unabsorbed(model: PreparedSupport): string[] {
  const partners = new Set(model.partners);
  const reaches = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of model.services) {
      if (reaches.has(s.id)) continue;
      for (const [by, v] of s.usage) {
        if (!v.isZero() && (partners.has(by) || reaches.has(by))) {
          reaches.add(s.id);
          changed = true;
          break;
        }
      }
    }
  }
  return model.services.filter((s) => !reaches.has(s.id)).map((s) => s.id);
}

/**
 * Reciprocal method: every service's total cost T is its own cost plus its
 * share of every other service's total,
 *   T_s = C_s + Σ_{r≠s} q(r→s) · T_r,
 * where q(r→s) is s's share of r's usage. These simultaneous equations are
 * solved exactly (Gaussian elimination on fractions), then each total is
 * spread over all its users, partners and services alike, by q. The partners
 * receive Σ_s q(s→p) · T_s, which adds up to Σ C_s exactly.
 *
 * Every service must reach a partner, directly or through other services:
 * otherwise the equations have no unique solution, and some cost would
 * circulate for ever between services and never be recharged.
 */
export function reciprocalFlows(model: PreparedSupport): Result<ExactFlows> {
  const stuck = unabsorbed(model);
  if (stuck.length > 0) {
    return errs(
      stuck.map(
        (id) =>
          ({
            kind: "allDriversZero",
            basis: `usage of ${id} by partners (directly or through other services)`,
            at: { entity: "supportService", key: id, field: "usage" },
          }) as const,
      ),
    );
  }
  const all = new Set([...model.partners, ...model.services.map((s) => s.id)]);
  const q = new Map(model.services.map((s) => [s.id, proportions(s, all) ?? new Map<string, Fraction>()]));
  const ids = model.services.map((s) => s.id);
  // Row s: T_s − Σ_r q(r→s)·T_r = C_s.
  const a = ids.map((s) => ids.map((r) => (r === s ? frac(1n) : fracMul(frac(-1n), q.get(r)?.get(s) ?? frac(0n)))));
  const b = model.services.map((s) => frac(BigInt(s.cost)));
  const t = solveExact(a, b);
  if (t === undefined) {
    // Unreachable once every service reaches a partner (the usage matrix is then strictly substochastic); kept as a value, not a throw.
    return errs([{ kind: "divideByZero", at: { entity: "supportService", field: "usage" } }]);
  }
  const totals = new Map(ids.map((id, i) => [id, t[i] ?? frac(0n)]));
  const flows = new Map(
    ids.map((id) => [
      id,
      new Map([...(q.get(id) ?? new Map<string, Fraction>())].map(([to, share]) => [to, fracMul(totals.get(id) ?? frac(0n), share)])),
    ]),
  );
  return ok({ totals, flows });
}
