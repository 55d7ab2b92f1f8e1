import { frac, fracAdd, fracToDecimalText, type Fraction } from "../fraction";
import { largestRemainder } from "../largest-remainder";
import type { SupportModelInput } from "../model";
import type { Pence, UnitPence } from "../money";
import { ok, type Result } from "../result";
import { directFlows, reciprocalFlows, stepDownFlows, type ExactFlows } from "./methods";
import { fracSub, lcmOfDenominators } from "./rational";
import { readSupportModel, type PreparedSupport, type SupportMethod } from "./read-support";

/** Where part of a service's total cost goes. */
export interface SupportFlow {
  /** A partner or another support service. */
  readonly to: string;
  readonly toService: boolean;
  /** Exact amount in pence. */
  readonly exact: Fraction;
  /** The same in pounds as text (10 places, "…" when it repeats). */
  readonly exactText: string;
}

/** One support service under the chosen method. */
export interface SupportServiceResult {
  readonly service: string;
  readonly label: string;
  /** Its own cost. */
  readonly directCost: Pence;
  /** Own cost plus what it received from other services, exactly, in pence. */
  readonly totalCost: Fraction;
  readonly totalCostText: string;
  /** Where the total went, partners and services, in the order users were listed. */
  readonly flows: readonly SupportFlow[];
}

/** One partner's support-service charge. */
export interface PartnerSupportCharge {
  readonly partner: string;
  /** Exact charge in pence, before rounding. */
  readonly exact: Fraction;
  readonly exactText: string;
  /** Rounded once, by largest remainder over all partners, to the unit. */
  readonly amount: Pence;
  /** Rounded − exact, in pounds as text (within one unit). */
  readonly adjustmentText: string;
  /** The exact part that came from each service (adds up to `exact`). */
  readonly byService: readonly { readonly service: string; readonly exact: Fraction; readonly exactText: string }[];
}

/** The allocation of support services to partners. */
export interface SupportAllocation {
  readonly method: SupportMethod;
  /** The order used (meaningful for step-down). */
  readonly order: readonly string[];
  readonly unit: UnitPence;
  /** The services' own costs added up: what the partners pay in total. */
  readonly totalCost: Pence;
  readonly services: readonly SupportServiceResult[];
  /** Sorted by partner id. */
  readonly partners: readonly PartnerSupportCharge[];
  /** True when the partners' rounded charges add up to `totalCost` exactly (always, by construction; a self-check). */
  readonly balanced: boolean;
}

const DP = 10;

function pounds(penceFraction: Fraction): string {
  return fracToDecimalText(frac(penceFraction.n, penceFraction.d * 100n), DP);
}

/**
 * Allocates the costs of support services that serve each other (ICT serves
 * HR, HR serves ICT) and the partners, by the direct, step-down or reciprocal
 * method. Every cost is carried as an exact fraction until the very end; then
 * the partners' exact totals are rounded together, once, by largest
 * remainder, so they add up to the services' costs exactly, to the unit.
 */
export function allocateSupport(input: SupportModelInput): Result<SupportAllocation> {
  const model = readSupportModel(input);
  if (!model.ok) return model;
  const flows = flowsFor(model.value);
  if (!flows.ok) return flows;
  return ok(roundAllocation(model.value, flows.value));
}

/** The exact flows of a support model under its method (nothing rounded). */
export function flowsFor(model: PreparedSupport): Result<ExactFlows> {
  switch (model.method) {
    case "direct":
      return directFlows(model);
    case "step-down":
      return stepDownFlows(model);
    case "reciprocal":
      return reciprocalFlows(model);
  }
}

function roundAllocation(model: PreparedSupport, exact: ExactFlows): SupportAllocation {
  const serviceIds = new Set(model.services.map((s) => s.id));
  let totalCost = 0;
  for (const s of model.services) totalCost += s.cost;
  const byPartner = model.partners.map((p) => {
    const byService = model.services.map((s) => {
      const f = exact.flows.get(s.id)?.get(p) ?? frac(0n);
      return { service: s.id, exact: f, exactText: pounds(f) };
    });
    return { partner: p, exact: byService.reduce((sum, x) => fracAdd(sum, x.exact), frac(0n)), byService };
  });
  const lcm = lcmOfDenominators(byPartner.map((x) => x.exact));
  const weights = byPartner.map((x) => x.exact.n * (lcm / x.exact.d));
  // Conservation guarantees positive weights whenever there is a cost; the guard keeps a broken invariant a visible imbalance, not a throw.
  const amounts =
    totalCost === 0 || weights.every((w) => w === 0n)
      ? weights.map(() => 0)
      : largestRemainder(totalCost / model.unit, weights).map((s) => s * model.unit);
  const partners: PartnerSupportCharge[] = byPartner.map((x, i) => {
    const amount = amounts[i] ?? 0;
    const adj = pounds(fracSub(frac(BigInt(amount)), x.exact));
    return { ...x, exactText: pounds(x.exact), amount, adjustmentText: adj.startsWith("-") ? adj : `+${adj}` };
  });
  const services: SupportServiceResult[] = model.services.map((s) => {
    const total = exact.totals.get(s.id) ?? frac(0n);
    const out = exact.flows.get(s.id) ?? new Map<string, Fraction>();
    return {
      service: s.id,
      label: s.label,
      directCost: s.cost,
      totalCost: total,
      totalCostText: pounds(total),
      flows: [...out].map(([to, f]) => ({ to, toService: serviceIds.has(to), exact: f, exactText: pounds(f) })),
    };
  });
  return {
    method: model.method,
    order: model.order,
    unit: model.unit,
    totalCost,
    services,
    partners,
    balanced: amounts.reduce((a, b) => a + b, 0) === totalCost,
  };
}
