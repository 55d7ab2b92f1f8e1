import { fyOfDay } from "./financial-year";
import type { FinancialYear } from "./financial-year";
import { frac, fracMul, fracPow, fracToDecimalText, roundHalfAwayFromZero, type Fraction } from "./fraction";
import { penceToText, type Pence, type UnitPence } from "./money";
import type { Line, Settings } from "./prepared";
import { describeFraction, yearFraction } from "./pro-rata";

/** The amount of one cost line that falls in one financial year, and how it was worked out. */
export interface YearAmount {
  readonly year: FinancialYear;
  /** Rounded once, half away from zero, to the rounding unit: the amount that is split. */
  readonly amount: Pence;
  /** The exact amount before that rounding, in pounds ("…" marks a repeating decimal cut at 10 places). */
  readonly exact: string;
  /** The part of the year covered, e.g. "90/365 days" ("one-off", "whole year"). */
  readonly coverage: string;
  /** The fraction of the year covered as "n/d" in lowest terms ("1/1" for a one-off). */
  readonly fraction: string;
  /** The indexation factor applied, (1 + rate)^years, as decimal text. */
  readonly indexFactor: string;
  /** Whole years of indexation applied. */
  readonly indexYears: number;
}

/**
 * Profiles a cost line across the model's years. A one-off cost falls whole
 * in the year of its date. An ongoing charge is pro-rated for part years and
 * indexed annually, compounding from its base year; the exact result is then
 * rounded once to the unit (half away from zero, so credits mirror charges).
 * Years with no part of the charge are left out.
 */
export function profileLine(line: Line, settings: Settings): YearAmount[] {
  const out: YearAmount[] = [];
  const one = frac(1n);
  if (line.nature === "one-off") {
    const fy = fyOfDay(line.start);
    if (fy >= settings.firstYear && fy <= settings.lastYear) {
      out.push({ year: fy, amount: line.amount, exact: penceToText(line.amount), coverage: "one-off", fraction: "1/1", indexFactor: "1", indexYears: 0 });
    }
    return out;
  }
  const first = Math.max(settings.firstYear, fyOfDay(line.start));
  const last = line.end === undefined ? settings.lastYear : Math.min(settings.lastYear, fyOfDay(line.end));
  const growth = frac(line.indexRate.n + line.indexRate.d, line.indexRate.d);
  for (let fy = first; fy <= last; fy++) {
    const fraction = yearFraction(fy, line.start, line.end, settings.proRata);
    if (fraction.n === 0n) continue;
    const indexYears = Math.max(0, fy - line.indexBase);
    const indexFactor = line.indexRate.n === 0n ? one : fracPow(growth, indexYears);
    const exact = fracMul(fracMul(frac(BigInt(line.amount)), fraction), indexFactor);
    out.push({
      year: fy,
      amount: roundToUnit(exact, settings.unit),
      exact: fracToDecimalText(frac(exact.n, exact.d * 100n), 10),
      coverage: fraction.n === fraction.d ? "whole year" : describeFraction(fy, line.start, line.end, settings.proRata),
      fraction: `${fraction.n}/${fraction.d}`,
      indexFactor: fracToDecimalText(indexFactor, 10),
      indexYears,
    });
  }
  return out;
}

/** Rounds an exact amount of pence half away from zero to a whole number of units. */
export function roundToUnit(exactPence: Fraction, unit: UnitPence): Pence {
  return Number(roundHalfAwayFromZero(frac(exactPence.n, exactPence.d * BigInt(unit)))) * unit;
}
