import { Decimal } from "../decimal";
import { frac, fracToDecimalText, type Fraction } from "../fraction";
import { errs, ok } from "../result";
import { lcmOfDenominators } from "../support/rational";
import { supportUnitShares } from "../support/unit-shares";
import { reduceWeights } from "../weights";
import type { BasisKind } from "./kind";

/** A support service's own cost, redistributed by the model's support method (see docs/support-services.md). */
export interface SupportRef {
  readonly kind: "support";
  readonly service: string;
}

/** A percentage of a fraction of one, as text to 4 places ("…" when it repeats). */
function percentText(f: Fraction): string {
  return fracToDecimalText(frac(f.n * 100n, f.d), 4);
}

/**
 * "support:<service>": the partners' exact parts of £1 of the service's cost in the year, under the model's
 * method, as whole-number weights (so the line is rounded once, like any other), with the working kept for the trace.
 */
export const SUPPORT: BasisKind<SupportRef> = {
  kind: "support",
  syntax: {
    prefixed: {
      prefix: "support",
      of: (service) => ({ kind: "support", service }),
      unknown: (service, known, at) =>
        known.services?.has(service) === true
          ? undefined
          : { kind: "unknownSupportService", service, known: [...(known.services ?? [])], at },
      // A support service's id on its own: say how to name it.
      suggest: (id, known) => (known.services?.has(id) === true ? `support:${id}` : undefined),
    },
  },
  text: (ref) => `support:${ref.service}`,
  // The engine's own words: "ICT (support service, reciprocal method)".
  words: (_ref, c) => c.label,
  choices: (model) =>
    (model.support?.services ?? []).map((s) => ({
      value: `support:${s.id}`,
      text: `Support service: ${s.label ? `${s.label} (${s.id})` : s.id}`,
    })),
  resolve: (ref, { data, fy, partners, at }) => {
    const support = data.support;
    if (support === undefined) return errs([{ kind: "unknownSupportService", service: ref.service, known: [], at }]);
    const r = supportUnitShares(support, ref.service, fy, partners, at);
    if (!r.ok) return r;
    const lcm = lcmOfDenominators(r.value.shares);
    const weights = reduceWeights(r.value.shares.map((f) => f.n * (lcm / f.d)));
    const label = support.services.find((s) => s.id === ref.service)?.label ?? ref.service;
    return ok({
      by: "own",
      own: {
        weights,
        label: `${label} (support service, ${support.method} method)`,
        values: weights.map((w) => new Decimal(w.toString())),
        support: {
          service: ref.service,
          method: support.method,
          through: r.value.through.map((t) => ({ service: t.service, amount: fracToDecimalText(t.amount, 4) })),
          usage: [...r.value.usage].map(([id, q]) => ({ service: id, percents: q.map(percentText) })),
          percents: r.value.shares.map(percentText),
        },
      },
    });
  },
  notInMix: "a support service",
  percentFigures: true,
};
