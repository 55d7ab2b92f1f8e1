import type { ApportionResult, Charge } from "./apportion";
import { frac, fracToDecimalText, type Fraction } from "./fraction";
import type { Category, Nature } from "./model";
import { formatMoney, type Pence } from "./money";
import { exactYearAmountText } from "./profile";

/** One source of the basis as it applied to this partner. */
export interface TraceComponent {
  readonly label: string;
  readonly source: string;
  /** Weight in a mix, percent; undefined for a single-source basis. */
  readonly weightPercent: string | undefined;
  /** This partner's figure. */
  readonly value: string;
  /** The total of the figures over the partners sharing the line. */
  readonly total: string;
}

/**
 * How one charge was derived, with enough to re-derive it by hand:
 * line amount × weight ÷ total weight = exact share; rounded share − exact
 * share = rounding adjustment.
 */
export interface ChargeTrace {
  readonly lineRef: string;
  readonly partner: string;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  /** The amount of the line in this year that was split. */
  readonly lineAmount: Pence;
  /** Exact line amount before rounding to the unit, in pounds (for pro-rated or indexed charges). */
  readonly exactLineAmount: string;
  /** Part of the year covered: "one-off", "whole year", "90/365 days"… */
  readonly coverage: string;
  /** Indexation factor applied, in pounds-per-pound, e.g. "1.0609". */
  readonly indexFactor: string;
  readonly basis: string;
  readonly components: readonly TraceComponent[];
  /** The partner's whole-number weight and the total weight (the combined proportion). */
  readonly weight: string;
  readonly totalWeight: string;
  /** The exact, unrounded share in pounds ("…" marks a repeating decimal cut at 10 places). */
  readonly exactShare: string;
  /** The rounded share. */
  readonly share: Pence;
  /** Rounded share minus exact share, in pounds (within one rounding unit). */
  readonly adjustment: string;
  /** The working in words. */
  readonly working: string;
}

const DP = 10;

function poundsText(penceFraction: Fraction): string {
  return fracToDecimalText({ n: penceFraction.n, d: penceFraction.d * 100n }, DP);
}

/** Explains one charge of a result. */
export function explainCharge(result: ApportionResult, charge: Charge): ChargeTrace {
  const ly = result.lineYears[charge.lineYear];
  if (ly === undefined) throw new RangeError(`charge refers to line-year ${charge.lineYear}, which is not in this result`);
  const i = charge.position;
  const weight = BigInt(ly.weights[i] ?? "0");
  const total = BigInt(ly.totalWeight);
  const exact = frac(BigInt(ly.profile.amount) * weight, total);
  const share = ly.shares[i] ?? 0;
  const adjustment = frac(BigInt(share) * exact.d - exact.n, exact.d);
  const components = ly.components.map((c) => ({
    label: c.label,
    source: c.source,
    weightPercent: c.weightPercent,
    value: c.values[i] ?? "0",
    total: c.total,
  }));
  const exactText = poundsText(exact);
  const adjText = poundsText(adjustment);
  return {
    lineRef: ly.lineRef,
    partner: charge.partner,
    yearLabel: ly.yearLabel,
    category: ly.category,
    nature: ly.nature,
    lineAmount: ly.profile.amount,
    exactLineAmount: exactYearAmountText(ly.lineAmount, ly.profile.factor),
    coverage: ly.profile.factor.coverage,
    indexFactor: ly.profile.factor.indexFactor,
    basis: ly.basis,
    components,
    weight: weight.toString(),
    totalWeight: total.toString(),
    exactShare: exactText,
    share,
    adjustment: adjText.startsWith("-") ? adjText : `+${adjText}`,
    working:
      `${formatMoney(ly.profile.amount)} × ${weight} ÷ ${total} = £${exactText}; ` +
      `rounded to ${formatMoney(share)} (${adjText.startsWith("-") ? "" : "+"}${adjText})`,
  };
}

/** Explains every charge of a result, in the result's order. */
export function traceAll(result: ApportionResult): ChargeTrace[] {
  return result.charges.map((c) => explainCharge(result, c));
}
