import type { ApportionResult, Charge, LinePeriod, LineYear } from "./apportion";
import { longDate, parseDate } from "./dates";
import { fracToDecimalText } from "./fraction";
import type { Category, Nature } from "./model";
import { formatMoney, type Pence } from "./money";
import { exactYearAmountText } from "./profile";
import type { SupportServiceYear } from "./support/year-flows";
import { versionsText } from "./versions/text";

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
  /** True when every figure was zero and the model's equal-split fallback was applied. */
  readonly fellBackToEqual: boolean;
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
  /**
   * The membership periods the line-year was cut into (docs/membership.md):
   * each period's part of the year amount was shared among its members by the
   * basis weights, and the weight below is this partner's sum over them.
   * Absent when every partner was a member throughout.
   */
  readonly periods?: readonly LinePeriod[];
  /**
   * When the basis changed part-way through the line-year (docs/versions.md),
   * its versions in words: "74% / 26% to 2 Oct 2022, 82% / 18% from 3 Oct 2022".
   */
  readonly versions?: string;
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
  /**
   * For a support service's cost: the service's own cost that year, what it
   * received from the other services, its total, and how £1 of its cost
   * reached this partner (see docs/support-services.md).
   */
  readonly support?: string;
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
  /** For a support service's line: the service in this year and category. */
  readonly supportYear?: SupportServiceYear;
}

function lineYearTrace(ly: LineYear, result: ApportionResult): LineYearTrace {
  const total = BigInt(ly.totalWeight);
  const service = ly.components[0]?.support?.service;
  const year = service === undefined ? undefined : result.support?.years.find((y) => y.year === ly.year && y.category === ly.category);
  return {
    ly,
    ...(year === undefined ? {} : { supportYear: year.services.find((s) => s.service === service) }),
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
    fellBackToEqual: c.fellBackToEqual,
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
    ...(ly.periods === undefined ? {} : { periods: ly.periods }),
    ...(ly.versions === undefined ? {} : { versions: versionsText(ly.versions) }),
    components,
    weight: weight.toString(),
    totalWeight: t.totalText,
    exactShare: exactText,
    share,
    adjustment: signed,
    working:
      `${t.amountText} × ${weight} ÷ ${t.totalText} = £${exactText}; rounded to ${formatMoney(share)} ` +
      `(${signed})${settlementText(ly)}` +
      `${ly.versions === undefined ? "" : `. Basis versions: ${versionsText(ly.versions)}`}${periodsText(ly.periods)}`,
    ...supportWorking(t, i, charge.partner),
  };
}

/**
 * Where a line the engine made came from (a year-end settlement carried forward, or a true-up: docs/versions.md), and
 * why a leaver's share of a variable line was cut (docs/exits.md).
 */
function settlementText(ly: LineYear): string {
  const exit = ly.exit === undefined ? "" : `. ${ly.exit}`;
  if (ly.settlement === undefined) return exit;
  return (ly.settlement.startsWith("True-up of ") ? `. ${ly.settlement}` : `. Carried forward from ${ly.settlement}`) + exit;
}

/**
 * The membership periods in words for the working, e.g. ". Membership periods:
 * 1 April 2023 to 9 January 2024 (284/366 of the year): A, B; …".
 */
function periodsText(periods: readonly LinePeriod[] | undefined): string {
  if (periods === undefined) return "";
  const day = (iso: string): string => {
    const d = parseDate(iso, { entity: "argument" });
    return d.ok ? longDate(d.value) : iso;
  };
  const each = periods.map((p) => `${day(p.from)} to ${day(p.to)} (${p.part} of the year): ${p.members.join(", ") || "no member"}`);
  return `. Membership periods: ${each.join("; ")}`;
}

/** A support line's working for one partner, in words (empty for any other line). */
function supportWorking(t: LineYearTrace, i: number, partner: string): { support?: string } {
  const detail = t.ly.components[0]?.support;
  if (detail === undefined) return {};
  const service = detail.service;
  const year = t.supportYear;
  const own =
    year === undefined
      ? ""
      : `${service} costs ${formatMoney(year.ownCost)} of its own in ${t.ly.yearLabel} (${t.ly.category}), ` +
        `receives £${year.received.text} from the other services and passes on £${year.total.text} in all. `;
  // The service's own total first (its £1 plus what comes back to it), then the others; the partner's use in the same order.
  const ownFirst = <T extends { readonly service: string }>(list: readonly T[]): T[] =>
    [...list].sort((a, b) => (a.service === service ? -1 : b.service === service ? 1 : 0));
  const through = ownFirst(detail.through)
    .filter((x) => x.amount !== "0")
    .map((x) => `£${x.amount} through ${x.service}`)
    .join(" and ");
  const uses = ownFirst(detail.usage)
    .map((u) => ({
      service: u.service,
      percent: u.percents[i] ?? "0",
      amount: detail.through.find((x) => x.service === u.service)?.amount,
    }))
    .filter((u) => u.percent !== "0" && u.amount !== undefined && u.amount !== "0");
  const sum = uses.map((u) => `${u.percent}% × ${u.amount ?? "0"}`).join(" + ");
  return {
    support:
      `${own}By the ${detail.method} method, each £1 of ${service}'s cost passes ${through}; ` +
      `${partner} uses ${uses.map((u) => `${u.percent}% of ${u.service}`).join(" and ") || "none of them"}, ` +
      `so it bears ${sum === "" ? "0" : sum} = ${detail.percents[i] ?? "0"}% of the line` +
      `${t.ly.membership === undefined ? "" : " before membership is allowed for (the weight above allows for it)"}.`,
  };
}

function lineYearOf(result: ApportionResult, charge: Charge): LineYear {
  const ly = result.lineYears[charge.lineYear];
  if (ly === undefined) throw new RangeError(`charge refers to line-year ${charge.lineYear}, which is not in this result`);
  return ly;
}

/** Explains one charge of a result. */
export function explainCharge(result: ApportionResult, charge: Charge): ChargeTrace {
  return explain(lineYearTrace(lineYearOf(result, charge), result), charge);
}

/**
 * Explains every charge of a result, in the result's order. That is a
 * million explanations for 10,000 lines × 20 partners × 5 years: the task
 * pane explains the charge a user asks about ({@link explainCharge}) instead.
 */
export function traceAll(result: ApportionResult): ChargeTrace[] {
  let current: LineYearTrace | undefined;
  return result.charges.map((c) => {
    if (current === undefined || current.ly !== result.lineYears[c.lineYear]) current = lineYearTrace(lineYearOf(result, c), result);
    return explain(current, c);
  });
}
