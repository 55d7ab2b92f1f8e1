import { Decimal } from "./decimal";
import type { EngineError, Where } from "./errors";
import { fyLabel, type FinancialYear } from "./financial-year";
import type { Weight } from "./largest-remainder";
import type { BasisRef, PreparedModel } from "./prepared";
import { errs, ok, type Result } from "./result";
import { basisRefText } from "./basis-grammar";
import { frac, fracToDecimalText, type Fraction } from "./fraction";
import { lcmOfDenominators } from "./support/rational";
import type { SupportMethod } from "./support/read-support";
import { supportUnitShares } from "./support/unit-shares";
import { decimalsToWeights, mixWeights, reduceWeights } from "./weights";

/** One source of a basis as used for one line-year: what each partner's figure was, and the total. */
export interface BasisComponent {
  /** The basis reference, e.g. "driver:users". */
  readonly source: string;
  /** Human label, e.g. "Users". */
  readonly label: string;
  /** Weight in a mix, in percent; undefined for a single-source basis. */
  readonly weightPercent: string | undefined;
  /** The figure used for each partner (aligned with the line's partners). */
  readonly values: readonly string[];
  /** The sum of `values`. */
  readonly total: string;
  /** True when every figure was zero and the model's equal-split fallback was applied. */
  readonly fellBackToEqual: boolean;
  /** For a support service's cost: how £1 of it reaches each partner (the figures above are its whole-number weights). */
  readonly support?: SupportShareDetail;
}

/** How £1 of a support service's own cost reached the partners of a line-year, for the trace. */
export interface SupportShareDetail {
  readonly service: string;
  readonly method: SupportMethod;
  /** Of £1 of the service's cost, how much became part of each service's solved total (pounds, as text). */
  readonly through: readonly { readonly service: string; readonly amount: string }[];
  /** Each service's use by each partner (aligned with `values`), as a percentage text. */
  readonly usage: readonly { readonly service: string; readonly percents: readonly string[] }[];
  /** Each partner's part of £1, as a percentage text (aligned with `values`). */
  readonly percents: readonly string[];
}

/** What a basis resolves to for one line and year. */
export interface BasisWeights {
  /** Whole-number weights in proportion to each partner's exact share. */
  readonly weights: readonly Weight[];
  readonly components: readonly BasisComponent[];
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

function sourceValues(
  model: PreparedModel,
  ref: BasisRef,
  fy: FinancialYear,
  partners: readonly string[],
  at: Where,
): Result<{ values: Decimal[]; label: string }> {
  switch (ref.kind) {
    case "equal":
      return ok({ values: partners.map(() => ONE), label: "Equal shares" });
    case "direct":
      return ok({ values: partners.map((p) => (p === ref.partner ? ONE : ZERO)), label: `Direct charge to ${ref.partner}` });
    case "percentages": {
      const set = model.percentages.get(ref.id);
      return ok({ values: partners.map((p) => set?.get(p) ?? ZERO), label: `Percentages "${ref.id}"` });
    }
    case "driver": {
      const driver = model.drivers.get(ref.driver);
      const yearly = driver?.byYear.get(fy);
      const always = driver?.byYear.get(undefined);
      const values: Decimal[] = [];
      const missing: string[] = [];
      for (const p of partners) {
        const v = yearly?.get(p) ?? always?.get(p);
        if (v === undefined) missing.push(p);
        else values.push(v);
      }
      if (missing.length > 0) {
        return errs(
          missing.map(
            (p) =>
              ({ kind: "missingValue", at: { entity: "driver", key: ref.driver, partner: p, year: fyLabel(fy), field: "value" } }) as const,
          ),
        );
      }
      return ok({ values, label: `${driver?.label ?? ref.driver}${driver?.illustrative ? " (illustrative)" : ""}` });
    }
    case "mix":
      // Validation forbids a mix inside a mix, so this is unreachable; say so plainly if it ever is.
      return errs([{ kind: "unknownBasis", basis: ref.id, at }]);
    case "support":
      // Resolved by supportWeights before this is reached; unreachable.
      return errs([{ kind: "unknownBasis", basis: `support:${ref.service}`, at }]);
  }
}

/** A percentage of a fraction of one, as text to 4 places ("…" when it repeats). */
function percentText(f: Fraction): string {
  return fracToDecimalText(frac(f.n * 100n, f.d), 4);
}

/**
 * A support service's cost in one year: the partners' exact parts of £1 of
 * it, under the model's method, as whole-number weights (so the line is
 * rounded once, like any other), with the working kept for the trace.
 */
function supportWeights(
  model: PreparedModel,
  service: string,
  fy: FinancialYear,
  partners: readonly string[],
  at: Where,
): Result<BasisWeights> {
  const support = model.support;
  if (support === undefined) return errs([{ kind: "unknownSupportService", service, known: [], at }]);
  const r = supportUnitShares(support, service, fy, partners, at);
  if (!r.ok) return r;
  const lcm = lcmOfDenominators(r.value.shares);
  const ints = r.value.shares.map((f) => f.n * (lcm / f.d));
  const weights = reduceWeights(ints);
  const label = support.services.find((s) => s.id === service)?.label ?? service;
  const values = weights.map(String);
  return ok({
    weights,
    components: [
      {
        source: `support:${service}`,
        label: `${label} (support service, ${support.method} method)`,
        weightPercent: undefined,
        values,
        total: weights.reduce<bigint>((a, w) => a + BigInt(w), 0n).toString(),
        fellBackToEqual: false,
        support: {
          service,
          method: support.method,
          through: r.value.through.map((t) => ({ service: t.service, amount: fracToDecimalText(t.amount, 4) })),
          usage: [...r.value.usage].map(([id, q]) => ({ service: id, percents: q.map(percentText) })),
          percents: r.value.shares.map(percentText),
        },
      },
    ],
  });
}

function component(
  model: PreparedModel,
  ref: BasisRef,
  fy: FinancialYear,
  partners: readonly string[],
  weightPercent: string | undefined,
  at: Where,
): Result<BasisComponent & { decimals: readonly Decimal[]; sum: Decimal }> {
  const r = sourceValues(model, ref, fy, partners, at);
  if (!r.ok) return r;
  let { values } = r.value;
  let sum = values.reduce((a, b) => a.plus(b), ZERO);
  let fellBackToEqual = false;
  if (sum.isZero()) {
    if (model.settings.zeroDriverFallback !== "equal")
      return errs([{ kind: "allDriversZero", basis: basisRefText(ref), at: { ...at, year: fyLabel(fy) } }]);
    values = partners.map(() => ONE);
    sum = new Decimal(partners.length);
    fellBackToEqual = true;
  }
  return ok({
    source: basisRefText(ref),
    label: fellBackToEqual ? `${r.value.label} (all zero: split equally)` : r.value.label,
    weightPercent,
    values: values.map((v) => v.toFixed()),
    total: sum.toFixed(),
    fellBackToEqual,
    decimals: values,
    sum,
  });
}

/**
 * Resolves a basis for one line and year into whole-number weights over the
 * line's partners. A weighted mix is combined exactly (Σ weightⱼ × valueᵢⱼ ÷
 * totalⱼ as fractions) so the split is rounded once, at the end (money rule 5).
 */
export function basisWeights(
  model: PreparedModel,
  ref: BasisRef,
  fy: FinancialYear,
  partners: readonly string[],
  at: Where,
): Result<BasisWeights> {
  if (ref.kind === "support") return supportWeights(model, ref.service, fy, partners, at);
  if (ref.kind !== "mix") {
    const c = component(model, ref, fy, partners, undefined, at);
    if (!c.ok) return c;
    const { decimals, sum: _sum, ...trace } = c.value;
    return ok({ weights: decimalsToWeights(decimals), components: [trace] });
  }
  const parts = model.mixes.get(ref.id) ?? [];
  const components: BasisComponent[] = [];
  const problems: EngineError[] = [];
  const columns = [];
  for (const part of parts) {
    if (part.weight.isZero()) continue;
    const c = component(model, part.source, fy, partners, part.weight.toFixed(), at);
    if (!c.ok) {
      problems.push(...c.errors);
      continue;
    }
    const { decimals, sum: _sum, ...trace } = c.value;
    components.push(trace);
    columns.push({ weight: part.weight, values: decimals });
  }
  if (problems.length > 0) return errs(problems);
  return ok({ weights: mixWeights(columns, partners.length), components });
}
