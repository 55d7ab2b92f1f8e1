import { fyOfDay, type FinancialYear } from "./financial-year";
import { frac, fracMul, fracPow, fracToDecimalText, type Fraction } from "./fraction";
import type { Pence, UnitPence } from "./money";
import type { Line, Settings } from "./prepared";
import { describeFraction, yearFraction } from "./pro-rata";

/**
 * How much of a line's amount falls in one year: the part of the year covered
 * times the indexation factor. Plain text and numbers, so results serialise;
 * many lines share the same dates and rate, so one factor serves them all.
 */
export interface YearFactor {
  /** The part of the year covered: "one-off", "whole year", "90/365 days", "3/12 months". */
  readonly coverage: string;
  /** That part as a fraction in lowest terms, "n/d". */
  readonly fraction: string;
  /** The indexation factor, (1 + rate)^years, as decimal text ("…" if it repeats past 10 places). */
  readonly indexFactor: string;
  /** Whole years of indexation applied. */
  readonly indexYears: number;
  /** Coverage × indexation as an exact fraction: numerator and denominator as integer text. */
  readonly n: string;
  readonly d: string;
}

/** The amount of one cost line that falls in one financial year. */
export interface YearAmount {
  readonly year: FinancialYear;
  /** Rounded once, half away from zero, to the rounding unit: the amount that is split. */
  readonly amount: Pence;
  /** How it was derived from the line's amount: exact amount = line amount × factor.n ÷ factor.d. */
  readonly factor: YearFactor;
}

const WHOLE: YearFactor = { coverage: "whole year", fraction: "1/1", indexFactor: "1", indexYears: 0, n: "1", d: "1" };
const ONE_OFF: YearFactor = { ...WHOLE, coverage: "one-off" };

/**
 * Memoises year factors. A model of thousands of lines usually has a handful
 * of distinct start dates, end dates and rates; computing each combination's
 * exact fraction once keeps BigInt work off the per-line path.
 */
export class FactorCache {
  private readonly cache = new Map<string, { factor: YearFactor; n: bigint; d: bigint; one: boolean }>();

  /** The factor for a line in a year, or undefined when the line has no part of that year. */
  get(line: Line, fy: FinancialYear, settings: Settings): { factor: YearFactor; n: bigint; d: bigint; one: boolean } | undefined {
    const key = `${line.start}|${line.end ?? ""}|${fy}|${line.indexRate.n}/${line.indexRate.d}|${line.indexBase}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const fraction = yearFraction(fy, line.start, line.end, settings.proRata);
      if (fraction.n === 0n) return undefined;
      const indexYears = line.indexRate.n === 0n ? 0 : Math.max(0, fy - line.indexBase);
      const index: Fraction = indexYears === 0 ? frac(1n) : fracPow(frac(line.indexRate.n + line.indexRate.d, line.indexRate.d), indexYears);
      const combined = fracMul(fraction, index);
      const whole = fraction.n === fraction.d;
      const factor: YearFactor =
        whole && indexYears === 0
          ? WHOLE
          : {
              coverage: whole ? "whole year" : describeFraction(fy, line.start, line.end, settings.proRata),
              fraction: `${fraction.n}/${fraction.d}`,
              indexFactor: fracToDecimalText(index, 10),
              indexYears,
              n: combined.n.toString(),
              d: combined.d.toString(),
            };
      hit = { factor, n: combined.n, d: combined.d, one: combined.n === combined.d };
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/**
 * Profiles a cost line across the model's years. A one-off cost falls whole
 * in the year of its date. An ongoing charge is pro-rated for part years and
 * indexed annually, compounding from its base year; the exact result is then
 * rounded once to the unit (half away from zero, so credits mirror charges).
 * Years with no part of the charge are left out.
 */
export function profileLine(line: Line, settings: Settings, cache: FactorCache = new FactorCache()): YearAmount[] {
  const out: YearAmount[] = [];
  if (line.nature === "one-off") {
    const fy = fyOfDay(line.start);
    if (fy >= settings.firstYear && fy <= settings.lastYear) out.push({ year: fy, amount: line.amount, factor: ONE_OFF });
    return out;
  }
  const first = Math.max(settings.firstYear, fyOfDay(line.start));
  const last = line.end === undefined ? settings.lastYear : Math.min(settings.lastYear, fyOfDay(line.end));
  for (let fy = first; fy <= last; fy++) {
    const f = cache.get(line, fy, settings);
    if (f === undefined) continue;
    const amount = f.one ? line.amount : roundDivToUnit(BigInt(line.amount) * f.n, f.d, settings.unit);
    out.push({ year: fy, amount, factor: f.factor });
  }
  return out;
}

/** Rounds n ÷ d pence half away from zero to a whole number of units, returned in pence. */
export function roundDivToUnit(n: bigint, d: bigint, unit: UnitPence): Pence {
  const den = d * BigInt(unit);
  const neg = n < 0n;
  const mag = neg ? -n : n;
  const q = (2n * mag + den) / (2n * den);
  return Number(neg ? -q : q) * unit;
}

/** Rounds an exact amount of pence half away from zero to a whole number of units. */
export function roundToUnit(exactPence: Fraction, unit: UnitPence): Pence {
  return roundDivToUnit(exactPence.n, exactPence.d, unit);
}

/** The exact amount of a line in a year before rounding, in pounds, as decimal text. */
export function exactYearAmountText(lineAmount: Pence, factor: YearFactor): string {
  return fracToDecimalText(frac(BigInt(lineAmount) * BigInt(factor.n), BigInt(factor.d) * 100n), 10);
}
