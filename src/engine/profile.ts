import { fyOfDay, type FinancialYear } from "./financial-year";
import { frac, fracMul, fracPow, fracToDecimalText, type Fraction } from "./fraction";
import type { Pence, UnitPence } from "./money";
import type { Line, Settings } from "./prepared";
import { describeFraction, yearFraction } from "./pro-rata";
import { roundDivToUnit } from "./rounding";

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

/** A year factor with its exact fraction, as the profile needs it. */
interface CachedFactor {
  readonly factor: YearFactor;
  readonly n: bigint;
  readonly d: bigint;
  readonly one: boolean;
  /** n and d as JS numbers when both are safe integers (else 0), for the exact number path. */
  readonly nNum: number;
  readonly dNum: number;
}

/** The years a line covers within the settings' years, each with its factor. */
interface LineYears {
  readonly years: readonly { readonly year: FinancialYear; readonly f: CachedFactor }[];
}

/**
 * Memoises year factors. A model of thousands of lines usually has a handful
 * of distinct start dates, end dates and rates; computing each combination's
 * exact fraction once keeps BigInt work off the per-line path. Whole lines
 * are memoised too (their years and factors), so a line costs one lookup.
 */
export class FactorCache {
  private readonly cache = new Map<string, CachedFactor>();
  private readonly lines = new Map<string, LineYears>();

  private readonly rates = new WeakMap<Fraction, string>();

  /** The factor for a line in a year, or undefined when the line has no part of that year. */
  get(line: Line, fy: FinancialYear, settings: Settings): { factor: YearFactor; n: bigint; d: bigint; one: boolean } | undefined {
    return this.factor(line, fy, settings, this.lineKey(line, settings));
  }

  /** What a line's factors depend on, as a key (the rate's text worked out once per rate object). */
  private lineKey(line: Line, settings: Settings): string {
    let rate = this.rates.get(line.indexRate);
    if (rate === undefined) {
      rate = `${line.indexRate.n}/${line.indexRate.d}`;
      this.rates.set(line.indexRate, rate);
    }
    return `${line.start}|${line.end ?? ""}|${rate}|${line.indexBase}|${settings.proRata}|`;
  }

  private factor(line: Line, fy: FinancialYear, settings: Settings, lineKey: string): CachedFactor | undefined {
    const key = lineKey + fy;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const fraction = yearFraction(fy, line.start, line.end, settings.proRata);
      if (fraction.n === 0n) return undefined;
      const indexYears = line.indexRate.n === 0n ? 0 : Math.max(0, fy - line.indexBase);
      const index: Fraction =
        indexYears === 0 ? frac(1n) : fracPow(frac(line.indexRate.n + line.indexRate.d, line.indexRate.d), indexYears);
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
      const small = combined.n <= SAFE && combined.d <= SAFE;
      hit = {
        factor,
        n: combined.n,
        d: combined.d,
        one: combined.n === combined.d,
        nNum: small ? Number(combined.n) : 0,
        dNum: small ? Number(combined.d) : 0,
      };
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** The years of the settings' range that an ongoing line has a part of, with their factors. */
  ongoingYears(line: Line, settings: Settings): LineYears {
    const lineKey = this.lineKey(line, settings);
    const memoKey = `${lineKey}${settings.firstYear}|${settings.lastYear}`;
    let hit = this.lines.get(memoKey);
    if (hit === undefined) {
      const years: { year: FinancialYear; f: CachedFactor }[] = [];
      const first = Math.max(settings.firstYear, fyOfDay(line.start));
      const last = line.end === undefined ? settings.lastYear : Math.min(settings.lastYear, fyOfDay(line.end));
      for (let fy = first; fy <= last; fy++) {
        const f = this.factor(line, fy, settings, lineKey);
        if (f !== undefined) years.push({ year: fy, f });
      }
      hit = { years };
      this.lines.set(memoKey, hit);
    }
    return hit;
  }
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

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
  const unit = settings.unit;
  let big: bigint | undefined;
  for (const { year, f } of cache.ongoingYears(line, settings).years) {
    let amount: Pence;
    // A whole, unindexed year is the annual charge itself, once it is a whole number of units.
    if (f.one && line.amount % unit === 0) amount = line.amount;
    else {
      amount = roundNumber(line.amount, f.nNum, f.dNum, unit);
      if (Number.isNaN(amount)) amount = roundDivToUnit((big ??= BigInt(line.amount)) * f.n, f.d, unit);
    }
    out.push({ year, amount, factor: f.factor });
  }
  return out;
}

/**
 * {@link roundDivToUnit} of amount × n ÷ d on JS numbers, when every step is
 * exact (products within 2^53); NaN when they might not be, for the BigInt path.
 */
function roundNumber(amount: Pence, n: number, d: number, unit: UnitPence): number {
  if (n === 0) return Number.NaN;
  const mag = Math.abs(amount) * n;
  const den = d * unit;
  // Every intermediate (mag, q × den ≤ mag + den, 2r < 2 den) must stay within 2^53.
  if (den > Number.MAX_SAFE_INTEGER / 2 || mag > Number.MAX_SAFE_INTEGER - den) return Number.NaN;
  // q = ⌊mag ÷ den⌋, corrected for the rounding of the division; then half away from zero.
  let q = Math.floor(mag / den);
  let r = mag - q * den;
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  if (r + r >= den) q += 1;
  return (amount < 0 && q !== 0 ? -q : q) * unit;
}

/** The exact amount of a line in a year before rounding, in pounds, as decimal text. */
export function exactYearAmountText(lineAmount: Pence, factor: YearFactor): string {
  return fracToDecimalText(frac(BigInt(lineAmount) * BigInt(factor.n), BigInt(factor.d) * 100n), 10);
}
