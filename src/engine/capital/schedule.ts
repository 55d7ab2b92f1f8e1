import { Decimal } from "../decimal";
import type { FinancialYear } from "../financial-year";
import { largestRemainder } from "../largest-remainder";
import type { Pence } from "../money";
import { roundGrid } from "./exact-grid";
import type { CapitalLine } from "./financing";
import { mrpWeights } from "./mrp";

/** One year of a borrowing-financed line's schedule, for the line as a whole. */
export interface ScheduleYear {
  readonly year: FinancialYear;
  /** The borrowing still outstanding at the start of the year (1 April). */
  readonly opening: Pence;
  readonly mrp: Pence;
  readonly interest: Pence;
  /** What is still outstanding at the end of the year (31 March). */
  readonly closing: Pence;
}

/** One partner's part of a line's schedule, aligned with the line's years. */
export interface PartnerSchedule {
  readonly partner: string;
  /** Its share of the capital (from the line's allocation). */
  readonly share: Pence;
  readonly opening: readonly Pence[];
  readonly mrp: readonly Pence[];
  readonly interest: readonly Pence[];
}

/** The MRP and interest schedule of one capital line financed by borrowing. */
export interface LineSchedule {
  readonly ref: string;
  readonly amount: Pence;
  /** From the year after the capital is spent (when the borrowing is taken) to the last MRP year. */
  readonly years: readonly ScheduleYear[];
  readonly partners: readonly PartnerSchedule[];
}

/**
 * The schedule of a borrowing-financed capital line (docs/capital.md):
 *
 * - MRP over the asset life from the financial year after it comes into use,
 *   by its method ({@link mrpWeights}); each partner's MRP is its share of the
 *   capital scheduled the same way, rounded so that its years add up exactly
 *   to its share and each year's partners add up to the year's total
 *   ({@link roundGrid}).
 * - Interest: the borrowing is taken at the end of the year the capital is
 *   spent, so interest runs from the next year, on each year's opening
 *   balance (the borrowing less the MRP set aside in earlier years) at the
 *   line's rate, until the last MRP year. Each year's interest is rounded
 *   once, half away from zero, to the penny, then shared across partners by
 *   largest remainder in proportion to their own opening balances (which is
 *   exactly each partner's rate × its balance, before rounding).
 *
 * `partners` and `shares` are aligned; the shares add up to the line's amount.
 */
export function lineSchedule(line: CapitalLine, partners: readonly string[], shares: readonly Pence[]): LineSchedule {
  const life = line.life as number;
  const first = line.firstMrpYear as FinancialYear;
  const rate = line.rate ?? new Decimal(0);
  const weights = mrpWeights(line.method ?? "equal instalments", rate, life);
  const grid = roundGrid(shares, weights);
  const firstYear = line.spendYear + 1;
  const lastYear = first + life - 1;
  const years: ScheduleYear[] = [];
  const opening = partners.map(() => [] as Pence[]);
  const mrp = partners.map(() => [] as Pence[]);
  const interest = partners.map(() => [] as Pence[]);
  const balances = [...shares];
  for (let y = firstYear; y <= lastYear; y++) {
    const k = y - first;
    const open = balances.reduce((a, b) => a + b, 0);
    const yearInterest = open === 0 ? 0 : rate.times(open).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    const split = open === 0 ? partners.map(() => 0) : largestRemainder(yearInterest, balances);
    let yearMrp = 0;
    partners.forEach((_, p) => {
      const m = k >= 0 ? ((grid[p] as number[])[k] as number) : 0;
      (opening[p] as Pence[]).push(balances[p] as number);
      (mrp[p] as Pence[]).push(m);
      (interest[p] as Pence[]).push(split[p] as number);
      balances[p] = (balances[p] as number) - m;
      yearMrp += m;
    });
    years.push({ year: y, opening: open, mrp: yearMrp, interest: yearInterest, closing: open - yearMrp });
  }
  return {
    ref: line.ref,
    amount: line.amount,
    years,
    partners: partners.map((partner, p) => ({
      partner,
      share: shares[p] as number,
      opening: opening[p] as Pence[],
      mrp: mrp[p] as Pence[],
      interest: interest[p] as Pence[],
    })),
  };
}
