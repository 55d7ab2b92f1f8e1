import {
  Decimal,
  errs,
  frac,
  fracFromDecimal,
  fyLabel,
  fyOfDay,
  isBlank,
  MAX_PENCE,
  messageText,
  ok,
  parseChoice,
  parseDate,
  parseDecimal,
  parseFinancialYear,
  parseMoney,
  parseUnit,
  penceToText,
  PRO_RATA_BASES,
  profileLine,
  rateDigitsOk,
  showInput,
  type DayNumber,
  type EngineError,
  type FinancialYear,
  type Line,
  type Pence,
  type ProRataBasis,
  type Result,
  type UnitPence,
  type Where,
} from "../../engine";

/**
 * An ongoing annual charge given as separate values (the arguments of a
 * worksheet formula), profiled into financial years with the engine's own
 * {@link profileLine}: pro-rated for part years by days or months, indexed
 * annually, and rounded once per year, half away from zero, to the unit.
 */
export interface AnnualChargeInput {
  /** The annual charge in pounds (a whole number of pence). */
  readonly amount: unknown;
  /** The first day charged: ISO text or an Excel serial date. */
  readonly start: unknown;
  /** The last day charged, inclusive; blank means it continues. */
  readonly end?: unknown;
  /** Annual indexation as an Excel percentage (3% = 0.03); blank means none. */
  readonly indexation?: unknown;
  /** The financial year whose charge is unindexed; blank means the start date's year. */
  readonly baseYear?: unknown;
  /** "days" (default) or "months". */
  readonly basis?: unknown;
  /** Rounding unit: 0.01 (default), 1 or 1000. */
  readonly unit?: unknown;
}

/** The argument names used in error messages, so a cell's error names what the user typed. */
export interface AnnualChargeNames {
  readonly amount: string;
  readonly start: string;
  readonly end: string;
  readonly indexation: string;
  readonly baseYear: string;
  readonly basis: string;
  readonly unit: string;
  readonly firstYear: string;
  readonly lastYear: string;
}

/** Default argument names. */
export const ANNUAL_CHARGE_NAMES: AnnualChargeNames = {
  amount: "amount",
  start: "start",
  end: "end",
  indexation: "indexation",
  baseYear: "base_year",
  basis: "basis",
  unit: "unit",
  firstYear: "first_year",
  lastYear: "last_year",
};

/** The most financial years one profile may span (an MTFS is 3–5; this only stops runaway input). */
export const MAX_PROFILE_YEARS = 100;

/** One financial year of a profiled charge. */
export interface YearCharge {
  readonly year: FinancialYear;
  /** The charge falling in the year, rounded once to the unit; 0 when the charge does not touch the year. */
  readonly amount: Pence;
}

function arg(field: string): Where {
  return { entity: "argument", field };
}

/** Collects errors instead of stopping at the first. */
class Problems {
  readonly list: EngineError[] = [];
  take<T>(r: Result<T>): T | undefined {
    if (r.ok) return r.value;
    this.list.push(...r.errors);
    return undefined;
  }
}

/** An indexation rate as an Excel percentage: above −100% and at most 100% a year. */
function parseIndexation(input: unknown, at: Where): Result<Decimal> {
  if (isBlank(input)) return ok(new Decimal(0));
  const d = parseDecimal(input);
  if (d === undefined) return errs([{ kind: "notANumber", value: showInput(input), at }]);
  if (d.lte(-1) || d.gt(1) || !rateDigitsOk(d, new Decimal("1e-12"))) {
    return errs([
      {
        kind: "outOfRange",
        value: messageText(d),
        expected:
          "a yearly rate above -100% and at most 100%, typed as 3% or 0.03 " +
          "(at most 17 significant digits and, unless zero, at least 1E-12)",
        at,
      },
    ]);
  }
  return ok(d);
}

interface ReadCharge {
  readonly amount: Pence;
  readonly start: DayNumber;
  readonly end: DayNumber | undefined;
  readonly rate: Decimal;
  readonly baseYear: FinancialYear | undefined;
  readonly basis: ProRataBasis;
  readonly unit: UnitPence;
}

function readCharge(input: AnnualChargeInput, names: AnnualChargeNames, p: Problems): ReadCharge | undefined {
  const amount = p.take(parseMoney(input.amount as string | number | null | undefined, arg(names.amount)));
  const start = p.take(parseDate(input.start, arg(names.start)));
  const end = isBlank(input.end) ? undefined : p.take(parseDate(input.end, arg(names.end)));
  const rate = p.take(parseIndexation(input.indexation, arg(names.indexation)));
  const baseYear = isBlank(input.baseYear) ? undefined : p.take(parseFinancialYear(input.baseYear, arg(names.baseYear)));
  const basis = isBlank(input.basis) ? "days" : p.take(parseChoice<ProRataBasis>(input.basis, PRO_RATA_BASES, arg(names.basis)));
  const unit = p.take(parseUnit(input.unit, arg(names.unit)));
  if (start !== undefined && end !== undefined && end < start) {
    p.list.push({ kind: "endBeforeStart", start: showInput(input.start), end: showInput(input.end), at: arg(names.end) });
  }
  if (amount === undefined || start === undefined || rate === undefined || basis === undefined || unit === undefined) return undefined;
  if (!isBlank(input.end) && end === undefined) return undefined;
  if (!isBlank(input.baseYear) && baseYear === undefined) return undefined;
  return { amount, start, end, rate, baseYear, basis, unit };
}

function profileRead(c: ReadCharge, first: FinancialYear, last: FinancialYear): YearCharge[] {
  const line: Line = {
    ref: "formula",
    row: 1,
    description: "",
    service: "",
    category: "revenue",
    nature: "ongoing",
    amount: c.amount,
    start: c.start,
    end: c.end,
    basis: { kind: "equal" },
    basisText: "equal",
    partners: [],
    indexRate: c.rate.isZero() ? frac(0n) : fracFromDecimal(c.rate),
    indexRateText: c.rate.times(100).toFixed(),
    indexBase: c.baseYear ?? fyOfDay(c.start),
  };
  const byYear = new Map<FinancialYear, Pence>();
  for (const ya of profileLine(line, { firstYear: first, lastYear: last, unit: c.unit, proRata: c.basis, zeroDriverFallback: "error" })) {
    byYear.set(ya.year, ya.amount);
  }
  const out: YearCharge[] = [];
  for (let fy = first; fy <= last; fy++) out.push({ year: fy, amount: byYear.get(fy) ?? 0 });
  return out;
}

/**
 * Profiles an annual charge over the financial years `firstYear` to
 * `lastYear` inclusive, one amount per year (zero where the charge does not
 * reach the year). Each year is the annual charge × the part of the year
 * covered × (1 + indexation)^(years after the base year), rounded once.
 */
export function profileAnnualCharge(
  input: AnnualChargeInput,
  firstYear: unknown,
  lastYear: unknown,
  names: AnnualChargeNames = ANNUAL_CHARGE_NAMES,
): Result<YearCharge[]> {
  const p = new Problems();
  const first = p.take(parseFinancialYear(firstYear, arg(names.firstYear)));
  const last = p.take(parseFinancialYear(lastYear, arg(names.lastYear)));
  if (first !== undefined && last !== undefined) {
    if (first > last) p.list.push({ kind: "yearRange", from: showInput(firstYear), to: showInput(lastYear), at: arg(names.lastYear) });
    else if (last - first + 1 > MAX_PROFILE_YEARS) {
      p.list.push({
        kind: "outOfRange",
        value: `${last - first + 1} years`,
        expected: `at most ${MAX_PROFILE_YEARS} years`,
        at: arg(names.lastYear),
      });
    }
  }
  const charge = readCharge(input, names, p);
  if (p.list.length > 0 || charge === undefined || first === undefined || last === undefined) return errs(p.list);
  const years = profileRead(charge, first, last);
  // Indexation can carry a year past the money cap (and past 2^53 pence, where a double is no longer exact): #NUM!, never a wrong figure.
  const over = years.find((y) => !(Math.abs(y.amount) <= MAX_PENCE));
  if (over !== undefined) {
    return errs([
      {
        kind: "yearAmountTooLarge",
        amount: Number.isSafeInteger(over.amount) ? penceToText(over.amount) : `about ${Math.abs(over.amount / 100).toExponential(3)}`,
        year: fyLabel(over.year),
        at: arg(names.amount),
      },
    ]);
  }
  return ok(years);
}

/**
 * The part of an annual charge that falls in one financial year: the annual
 * amount × the part of the year between `start` and `end` (by days or by
 * months), rounded once, half away from zero, to the unit. No indexation.
 */
export function yearPartOfCharge(
  input: Omit<AnnualChargeInput, "indexation" | "baseYear">,
  year: unknown,
  names: AnnualChargeNames & { readonly year: string } = { ...ANNUAL_CHARGE_NAMES, year: "year" },
): Result<Pence> {
  const p = new Problems();
  const fy = p.take(parseFinancialYear(year, arg(names.year)));
  const charge = readCharge(input, names, p);
  if (p.list.length > 0 || charge === undefined || fy === undefined) return errs(p.list);
  const [only] = profileRead(charge, fy, fy);
  return ok(only?.amount ?? 0);
}
