import { Decimal } from "./decimal";
import type { EngineError, Where } from "./errors";
import { fyLabel, type FinancialYear } from "./financial-year";
import type { Weight } from "./largest-remainder";
import type { BasisRef, PreparedModel } from "./prepared";
import { errs, ok, type Result } from "./result";
import { basisRefText, partRef, resolveBasis } from "./bases/registry";
import type { BasisResolution, SupportShareDetail } from "./bases/kind";
import { decimalsToWeights, mixWeights } from "./weights";

export type { SupportShareDetail } from "./bases/kind";

/** One source of a basis as used for one line-year: what each partner's figure was, and the total. */
export interface BasisComponent {
  /** The basis reference, e.g. "driver:users". */
  readonly source: string;
  /** The same reference, typed (what the rules ask of its kind, never re-read from `source`). */
  readonly ref: BasisRef;
  /** Human label, e.g. "Users". */
  readonly label: string;
  /** Weight in a mix, in percent; undefined for a single-source basis. */
  readonly weightPercent: string | undefined;
  /** The figure used for each partner (aligned with the line's partners). */
  readonly values: readonly string[];
  /** The sum of `values`. */
  readonly total: string;
  /** The exact figures the texts above are written from: membership and within partners compute with these. */
  readonly exact: {
    readonly values: readonly Decimal[];
    readonly total: Decimal;
    /** Weight in a mix, in percent; undefined for a single-source basis. */
    readonly weight: Decimal | undefined;
  };
  /** True when every figure was zero and the model's equal-split fallback was applied. */
  readonly fellBackToEqual: boolean;
  /** For a support service's cost: how £1 of it reaches each partner (the figures above are its whole-number weights). */
  readonly support?: SupportShareDetail;
}

/** What a basis resolves to for one line and year. */
export interface BasisWeights {
  /** Whole-number weights in proportion to each partner's exact share. */
  readonly weights: readonly Weight[];
  readonly components: readonly BasisComponent[];
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** One source's figures as a component of the trace, with the equal-split fallback applied when all are zero. */
function component(
  model: PreparedModel,
  ref: BasisRef,
  fy: FinancialYear,
  partners: readonly string[],
  weight: Decimal | undefined,
  at: Where,
  resolved?: BasisResolution,
): Result<BasisComponent> {
  const r = resolved === undefined ? resolveBasis(ref, { data: model, fy, partners, at }) : ok(resolved);
  if (!r.ok) return r;
  // A mix inside a mix (validation forbids it) or a kind that weighs itself has no figures to take part: say so plainly.
  if (r.value.by !== "figures") return errs([{ kind: "unknownBasis", basis: basisRefText(ref), at }]);
  let values = r.value.figures.values;
  let total = sum(values);
  let fellBackToEqual = false;
  if (total.isZero()) {
    if (model.settings.zeroDriverFallback !== "equal")
      return errs([{ kind: "allDriversZero", basis: basisRefText(ref), at: { ...at, year: fyLabel(fy) } }]);
    values = partners.map(() => ONE);
    total = new Decimal(partners.length);
    fellBackToEqual = true;
  }
  const label = r.value.figures.label;
  return ok({
    source: basisRefText(ref),
    ref,
    label: fellBackToEqual ? `${label} (all zero: split equally)` : label,
    weightPercent: weight?.toFixed(),
    values: values.map((v) => v.toFixed()),
    total: total.toFixed(),
    exact: { values, total, weight },
    fellBackToEqual,
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
  const r = resolveBasis(ref, { data: model, fy, partners, at });
  if (!r.ok) return r;
  const how = r.value;
  if (how.by === "own") {
    const { weights, values, label, support } = how.own;
    const total = sum(values);
    const c: BasisComponent = {
      source: basisRefText(ref),
      ref,
      label,
      weightPercent: undefined,
      values: weights.map(String),
      total: total.toFixed(),
      exact: { values, total, weight: undefined },
      fellBackToEqual: false,
      ...(support === undefined ? {} : { support }),
    };
    return ok({ weights, components: [c] });
  }
  if (how.by === "figures") {
    const c = component(model, ref, fy, partners, undefined, at, how);
    if (!c.ok) return c;
    return ok({ weights: decimalsToWeights(c.value.exact.values), components: [c.value] });
  }
  const components: BasisComponent[] = [];
  const problems: EngineError[] = [];
  const columns = [];
  for (const part of how.parts) {
    if (part.weight.isZero()) continue;
    const c = component(model, partRef(part.source), fy, partners, part.weight, at);
    if (!c.ok) {
      problems.push(...c.errors);
      continue;
    }
    components.push(c.value);
    columns.push({ weight: part.weight, values: c.value.exact.values });
  }
  if (problems.length > 0) return errs(problems);
  return ok({ weights: mixWeights(columns, partners.length), components });
}
