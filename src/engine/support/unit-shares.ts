import { Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, type FinancialYear } from "../financial-year";
import { frac, fracAdd, type Fraction } from "../fraction";
import { errs, ok, type Result } from "../result";
import { flowsFor } from "./allocate";
import { fracDiv } from "./rational";
import type { PreparedSupport, SupportService } from "./read-support";
import type { PreparedSupportModel } from "./validate-support";

/** How £1 of one service's own cost reaches the partners sharing a line, in one year. */
export interface SupportUnitShares {
  /** Each partner's exact part of £1 (aligned with the partners given; they add up to 1). */
  readonly shares: readonly Fraction[];
  /** For each service, how much of £1 of this service's cost becomes part of its solved total. */
  readonly through: readonly { readonly service: string; readonly amount: Fraction }[];
  /** For each service, each partner's share of its use (aligned with the partners given). */
  readonly usage: ReadonlyMap<string, readonly Fraction[]>;
}

/** Each service's usage in a year: the year's own figure for a user, else its every-year figure. */
export function usageInYear(model: PreparedSupportModel, service: string, fy: FinancialYear): Map<string, Decimal> {
  const byYear = model.usage.get(service);
  const out = new Map<string, Decimal>(byYear?.get(undefined) ?? []);
  for (const [by, v] of byYear?.get(fy) ?? []) out.set(by, v);
  return out;
}

/** The model's services in one year with the given own costs (in pence), ready for a method. */
export function supportInYear(
  model: PreparedSupportModel,
  fy: FinancialYear,
  partners: readonly string[],
  costOf: (service: string) => number,
): PreparedSupport {
  const services: SupportService[] = model.services.map((s) => ({
    id: s.id,
    label: s.label,
    cost: costOf(s.id),
    usage: usageInYear(model, s.id, fy),
  }));
  return { partners, services, method: model.method, order: model.order, unit: 1 };
}

/**
 * Where £1 of `service`'s own cost ends up among `partners` in year `fy`
 * under the model's method: every method is linear in the services' costs,
 * so the partners' shares of one service's cost are the flows of a model in
 * which that service alone costs 1. Exact fractions throughout.
 */
export function supportUnitShares(
  model: PreparedSupportModel,
  service: string,
  fy: FinancialYear,
  partners: readonly string[],
  at: Where,
): Result<SupportUnitShares> {
  const prepared = supportInYear(model, fy, partners, (id) => (id === service ? 1 : 0));
  const flows = flowsFor(prepared);
  // No partner sharing this line uses the service, or a service its cost passes to: said at the line.
  const unreached: EngineError = { kind: "supportUnreached", service, partners, at: { ...at, year: fyLabel(fy) } };
  if (!flows.ok) return errs([unreached]);
  const shares = partners.map((p) => {
    let sum = frac(0n);
    for (const out of flows.value.flows.values()) sum = fracAdd(sum, out.get(p) ?? frac(0n));
    return sum;
  });
  if (shares.every((f) => f.n === 0n)) return errs([unreached]);
  const through = model.services.map((s) => ({ service: s.id, amount: flows.value.totals.get(s.id) ?? frac(0n) }));
  // Each partner's share of a service's use, as the method counted it: what the service passed to the partner ÷ its total
  // (the method's own rules, derived rather than restated). A service £1 of this one never reaches shows none.
  const usage = new Map(
    model.services.map((s) => {
      const total = flows.value.totals.get(s.id) ?? frac(0n);
      const out = flows.value.flows.get(s.id);
      return [s.id, partners.map((p) => (total.n === 0n ? frac(0n) : fracDiv(out?.get(p) ?? frac(0n), total)))] as const;
    }),
  );
  return ok({ shares, through, usage });
}
