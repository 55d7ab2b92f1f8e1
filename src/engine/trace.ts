import type { ApportionResult, Charge, LineYear } from "./apportion";
import { fracToDecimalText } from "./fraction";
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
  /**
   * The part of the charged period the partner was a member ("1" for all of
   * it, "59/90" for 59 of 90 days; see docs/membership.md). The weight below
   * already allows for it.
   */
  readonly membership: string;
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
  /** The working in words (for a carried-forward line, with the settlement it carries). */
  readonly working: string;
}

const DP = 10;

function poundsText(n: bigint, d: bigint): string {
  return fracToDecimalText({ n, d: d * 100n }, DP);
}

/** What every charge of one line-year shares in its explanation, worked out once. */
interface LineYearTrace {
  readonly ly: LineYear;
  readonly amount: bigint;
  readonly total: bigint;
  readonly totalText: string;
  readonly amountText: string;
  readonly exactLineAmount: string;
}

function lineYearTrace(ly: LineYear): LineYearTrace {
  const total = BigInt(ly.totalWeight);
  return {
    ly,
    amount: BigInt(ly.profile.amount),
    total,
    totalText: total.toString(),
    amountText: formatMoney(ly.profile.amount),
    exactLineAmount: exactYearAmountText(ly.lineAmount, ly.profile.factor),
  };
}

/**
 * One charge's explanation. The exact share (amount × weight ÷ total) and
 * the adjustment are written from fractions as they stand: a fraction's
 * decimal text does not depend on it being in lowest terms.
 */
function explain(t: LineYearTrace, charge: Charge): ChargeTrace {
  const { ly } = t;
  const i = charge.position;
  const weight = BigInt(ly.weights[i] ?? "0");
  const exactN = t.amount * weight;
  const share = ly.shares[i] ?? 0;
  const components = ly.components.map((c) => ({
    label: c.label,
    source: c.source,
    weightPercent: c.weightPercent,
    value: c.values[i] ?? "0",
    total: c.total,
  }));
  const exactText = poundsText(exactN, t.total);
  const adjText = poundsText(BigInt(share) * t.total - exactN, t.total);
  const signed = adjText.startsWith("-") ? adjText : `+${adjText}`;
  return {
    lineRef: ly.lineRef,
    partner: charge.partner,
    yearLabel: ly.yearLabel,
    category: ly.category,
    nature: ly.nature,
    lineAmount: ly.profile.amount,
    exactLineAmount: t.exactLineAmount,
    coverage: ly.profile.factor.coverage,
    indexFactor: ly.profile.factor.indexFactor,
    basis: ly.basis,
    membership: ly.membership?.[i] ?? "1",
    components,
    weight: weight.toString(),
    totalWeight: t.totalText,
    exactShare: exactText,
    share,
    adjustment: signed,
    working:
      `${t.amountText} × ${weight} ÷ ${t.totalText} = £${exactText}; rounded to ${formatMoney(share)} ` +
      `(${signed})${ly.settlement === undefined ? "" : `. Carried forward from ${ly.settlement}`}`,
  };
}

function lineYearOf(result: ApportionResult, charge: Charge): LineYear {
  const ly = result.lineYears[charge.lineYear];
  if (ly === undefined) throw new RangeError(`charge refers to line-year ${charge.lineYear}, which is not in this result`);
  return ly;
}

/** Explains one charge of a result. */
export function explainCharge(result: ApportionResult, charge: Charge): ChargeTrace {
  return explain(lineYearTrace(lineYearOf(result, charge)), charge);
}

/**
 * Explains every charge of a result, in the result's order. That is a
 * million explanations for 10,000 lines × 20 partners × 5 years: the task
 * pane explains the charge a user asks about ({@link explainCharge}) instead.
 */
export function traceAll(result: ApportionResult): ChargeTrace[] {
  let current: LineYearTrace | undefined;
  return result.charges.map((c) => {
    if (current === undefined || current.ly !== result.lineYears[c.lineYear]) current = lineYearTrace(lineYearOf(result, c));
    return explain(current, c);
  });
}
