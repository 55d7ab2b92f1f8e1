import { apportionPrepared, type ApportionResult, type LineYear } from "../apportion";
import { basisRefText } from "../bases/registry";
import { isoDate } from "../dates";
import type { Decimal } from "../decimal";
import { fyLabel, fyStart, type FinancialYear } from "../financial-year";
import { frac, fracFromDecimal, fracMul, fracToDecimalText, type Fraction } from "../fraction";
import type { Category, CostLineInput } from "../model";
import { formatMoney, penceToText, type Pence } from "../money";
import type { Driver, Line, PreparedModel } from "../prepared";
import { ok, type Result } from "../result";
import { fracSub } from "../support/rational";
import { driversOf } from "./as-of";
import type { TrueUpRule, TrueUpTiming, TrueUpTolerance } from "./prepared";

/** One partner of one line-year trued up (or not) on actual drivers. */
export interface TrueUpRow {
  readonly lineRef: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly service: string;
  readonly partner: string;
  /** The partner's share of the line-year on estimated drivers, as a percentage text ("40.0000"). */
  readonly estimatedPercent: string;
  /** The same on actual drivers. */
  readonly actualPercent: string;
  /** Actual − estimated, in percentage points ("+3.5000"). */
  readonly changePoints: string;
  /** The charge made (on estimates) and the charge on actual drivers, both rounded once as any split is. */
  readonly estimatedCharge: Pence;
  readonly actualCharge: Pence;
  /** True when this partner's share moved no more than the tolerance. */
  readonly within: boolean;
  /** What the partner is charged (+) or credited (−) to restore the split on actual drivers; 0 within tolerance. */
  readonly adjustment: Pence;
}

/** One line-year compared on actual drivers: its partners' rows and the verdict. */
export interface TrueUpLine {
  readonly lineRef: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly basis: string;
  readonly amount: Pence;
  /** The tolerance applied, in words ("3 percentage points", "none: any movement is trued up"). */
  readonly tolerance: string;
  /** When its adjustment falls: the basis's timing, else the model's. */
  readonly timing: TrueUpTiming;
  /** True when some partner's share moved beyond the tolerance, so the line-year was trued up. */
  readonly trued: boolean;
  /** In words: "Within tolerance (3 percentage points): no adjustment" or "Beyond tolerance …: adjusted …". */
  readonly verdict: string;
  readonly rows: readonly TrueUpRow[];
}

/** The true-up of a run (docs/versions.md). */
export interface TrueUpReport {
  readonly timing: TrueUpRule["timing"];
  readonly lines: readonly TrueUpLine[];
}

/** How every true-up line's reference begins. */
export const TRUE_UP_PREFIX = "True-up ";

const HUNDRED = frac(100n);

function percentText(f: Fraction): string {
  return fracToDecimalText(fracMul(f, HUNDRED), 4);
}

function signed(f: Fraction): string {
  const t = percentText(f);
  return t.startsWith("-") ? t : `+${t}`;
}

function abs(f: Fraction): Fraction {
  return f.n < 0n ? frac(-f.n, f.d) : f;
}

/** a ≤ b for fractions with positive denominators. */
function atMost(a: Fraction, b: Fraction): boolean {
  return a.n * b.d <= b.n * a.d;
}

/** The tolerance in words. */
export function toleranceText(t: TrueUpTolerance): string {
  const parts = [
    ...(t.points === undefined ? [] : [`${t.points.toFixed()} percentage points`]),
    ...(t.percent === undefined ? [] : [`${t.percent.toFixed()}% of the share`]),
  ];
  return parts.length === 0 ? "none: any movement is trued up" : parts.join(" and ");
}

/**
 * True when a share moved within the tolerance: no more than the points,
 * and no more than the relative percent of the estimated share (within both
 * when both are given). With neither, only no movement at all is within.
 */
export function withinTrueUpTolerance(estimated: Fraction, actual: Fraction, t: TrueUpTolerance): boolean {
  const moved = abs(fracSub(actual, estimated));
  if (t.points === undefined && t.percent === undefined) return moved.n === 0n;
  const pointsOk = t.points === undefined || atMost(fracMul(moved, HUNDRED), fracFromDecimal(t.points));
  const percentOk = t.percent === undefined || atMost(fracMul(moved, HUNDRED), fracMul(abs(estimated), fracFromDecimal(t.percent)));
  return pointsOk && percentOk;
}

/** The model for one year on actual drivers: each driver with actuals that year takes them (dated estimates set aside). */
function actualYearModel(model: PreparedModel, fy: FinancialYear, lines: readonly Line[]): PreparedModel {
  const v = model.versions;
  if (v === undefined) return model;
  const drivers = new Map<string, Driver>(model.drivers);
  const datedDrivers = new Map(v.drivers);
  for (const [id, byYear] of v.actuals) {
    const actual = byYear.get(fy);
    const base = model.drivers.get(id);
    if (actual === undefined || base === undefined) continue;
    const forYear = new Map<string, Decimal>(base.byYear.get(fy) ?? base.byYear.get(undefined) ?? []);
    for (const [p, x] of actual) forYear.set(p, x);
    drivers.set(id, { ...base, byYear: new Map([...base.byYear, [fy, forYear]]) });
    // The actuals are the year's figures: an estimate dated part-way through it no longer applies.
    datedDrivers.delete(id);
  }
  return {
    ...model,
    drivers,
    versions: { ...v, drivers: datedDrivers },
    lines,
    settings: { ...model.settings, firstYear: fy, lastYear: fy },
  };
}

/**
 * Compares each line-year charged on estimated drivers with the same line-year
 * split on the year's actual drivers, where actuals are given. Within the
 * tolerance (the basis's, else the model's) nothing is adjusted and the
 * verdict says so; beyond it (for any partner), each partner's adjustment is
 * its charge on actuals less its charge made, both rounded once by largest
 * remainder, so the adjustments add up to exactly zero and the charge plus
 * the adjustment is exactly the split on actual drivers.
 */
export function trueUpOf(model: PreparedModel, result: ApportionResult): Result<TrueUpReport | undefined> {
  const v = model.versions;
  if (v === undefined || v.actuals.size === 0) return ok(undefined);
  const byRef = new Map(model.lines.map((l) => [l.ref, l]));
  const years = new Set<FinancialYear>();
  for (const byYear of v.actuals.values()) for (const y of byYear.keys()) years.add(y);
  const out: TrueUpLine[] = [];
  for (const fy of [...years].sort((a, b) => a - b)) {
    const lines = model.lines.filter(
      (l) => l.settlement === undefined && driversOf(model, l.basis).some((d) => v.actuals.get(d)?.has(fy) === true),
    );
    if (lines.length === 0) continue;
    const actual = apportionPrepared(actualYearModel(model, fy, lines));
    if (!actual.ok) return actual;
    const onActuals = new Map(actual.value.lineYears.map((ly) => [ly.lineRef, ly]));
    for (const ly of result.lineYears) {
      if (ly.year !== fy) continue;
      const act = onActuals.get(ly.lineRef);
      const line = byRef.get(ly.lineRef);
      if (act === undefined || line === undefined) continue;
      const own = v.trueUp.byBasis.get(line.basisText);
      out.push(compareLineYear(ly, act, own?.tolerance ?? v.trueUp.tolerance, own?.timing ?? v.trueUp.timing));
    }
  }
  return ok({ timing: v.trueUp.timing, lines: out });
}

function shareFractions(ly: LineYear): Map<string, { share: Fraction; charge: Pence }> {
  const total = BigInt(ly.totalWeight);
  return new Map(
    ly.partners.map((p, i) => [
      p,
      { share: total === 0n ? frac(0n) : frac(BigInt(ly.weights[i] ?? "0"), total), charge: ly.shares[i] ?? 0 },
    ]),
  );
}

function compareLineYear(est: LineYear, act: LineYear, tolerance: TrueUpTolerance, timing: TrueUpTiming): TrueUpLine {
  const e = shareFractions(est);
  const a = shareFractions(act);
  const partners = [...new Set([...est.partners, ...act.partners])].sort();
  const zero = { share: frac(0n), charge: 0 };
  const compared = partners.map((partner) => {
    const x = e.get(partner) ?? zero;
    const y = a.get(partner) ?? zero;
    return { partner, x, y, within: withinTrueUpTolerance(x.share, y.share, tolerance) };
  });
  const trued = compared.some((c) => !c.within);
  const rows = compared.map(({ partner, x, y, within }) => ({
    lineRef: est.lineRef,
    year: est.year,
    yearLabel: est.yearLabel,
    category: est.category,
    service: est.service.trim(),
    partner,
    estimatedPercent: percentText(x.share),
    actualPercent: percentText(y.share),
    changePoints: signed(fracSub(y.share, x.share)),
    estimatedCharge: x.charge,
    actualCharge: y.charge,
    within,
    adjustment: trued ? y.charge - x.charge : 0,
  }));
  const words = toleranceText(tolerance);
  const beyond = rows.filter((r) => !r.within).map((r) => `${r.partner} ${r.changePoints} points`);
  return {
    lineRef: est.lineRef,
    year: est.year,
    yearLabel: est.yearLabel,
    basis: est.basis,
    amount: est.profile.amount,
    tolerance: words,
    timing,
    trued,
    verdict: trued
      ? `Beyond tolerance (${words}): ${beyond.join(", ")}; adjusted to the split on actual drivers`
      : `Within tolerance (${words}): no adjustment`,
    rows,
  };
}

/**
 * The true-up adjustments as cost lines (docs/versions.md): one per partner
 * of each line-year trued up, charged directly to it, one-off, dated 1 April
 * of the year trued up ("same year") or of the year after ("next year"),
 * with the same category and service. A line whose year is not in the model
 * is not made (the report still shows the adjustment and `carried` is false).
 */
export function trueUpLines(report: TrueUpReport, lastYear: FinancialYear): CostLineInput[] {
  const lines: CostLineInput[] = [];
  for (const l of report.lines) {
    if (!l.trued) continue;
    const into = l.timing === "next year" ? l.year + 1 : l.year;
    if (into > lastYear) continue;
    for (const r of l.rows) {
      if (r.adjustment === 0) continue;
      lines.push({
        ref: `${TRUE_UP_PREFIX}${l.lineRef} ${l.yearLabel} (${r.partner})`,
        description: `True-up of ${l.lineRef} ${l.yearLabel} on actual drivers${into === l.year ? "" : `, charged in ${fyLabel(into)}`}`,
        ...(r.service === "" ? {} : { service: r.service }),
        category: r.category,
        nature: "one-off",
        amount: penceToText(r.adjustment),
        start: isoDate(fyStart(into)),
        // The partner's own adjustment: charged to it alone.
        basis: basisRefText({ kind: "direct", partner: r.partner }),
        appliesTo: [r.partner],
        settlement:
          `True-up of ${l.lineRef} ${l.yearLabel} on actual drivers: share ${r.estimatedPercent}% estimated, ` +
          `${r.actualPercent}% actual (${r.changePoints} points; ${l.verdict.split(":")[0] ?? ""}); ` +
          `charged ${formatMoney(r.estimatedCharge)}, ${formatMoney(r.actualCharge)} on actuals`,
      });
    }
  }
  return lines;
}
