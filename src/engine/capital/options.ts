import { isBlank, messageText, parseDecimal, showInput, type Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, type FinancialYear } from "../financial-year";
import { largestRemainder } from "../largest-remainder";
import type { CapitalOptionInput } from "../model";
import { parseMoney, penceToText, type Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { presentValue } from "./discount";
import type { CapitalLine } from "./financing";
import type { LineSchedule } from "./schedule";

/** The most years an option may compare. */
export const MAX_OPTION_YEARS = 100;

/** One year of one partner's comparison. */
export interface OptionYear {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  /** MRP plus interest of the capital option in the year. */
  readonly capital: Pence;
  /** Subscription, plus set-up in the first year and exit in the last. */
  readonly cloud: Pence;
}

/** One partner's side of a capital-versus-cloud comparison. */
export interface OptionPartner {
  readonly partner: string;
  /** Its share of the capital, which also shares the cloud costs. */
  readonly share: Pence;
  readonly years: readonly OptionYear[];
  /** Capital option over the years compared: MRP plus interest. */
  readonly capital: Pence;
  /** MRP and interest that fall after the years compared (left out of `capital`, shown so nothing is hidden). */
  readonly capitalAfter: Pence;
  readonly cloud: Pence;
  /** Cloud less capital: positive when the cloud option costs this partner more. */
  readonly difference: Pence;
  /** Present values at the discount rate, when there is one. */
  readonly presentCapital?: Pence;
  readonly presentCloud?: Pence;
  readonly presentDifference?: Pence;
  /** The cheaper option for this partner (by present value when discounted), or "same". */
  readonly cheaper: "capital" | "cloud" | "same";
}

/** A capital-versus-cloud comparison, per partner. */
export interface OptionAppraisal {
  readonly name: string;
  readonly line: string;
  readonly subscription: Pence;
  readonly setUp: Pence;
  readonly exit: Pence;
  readonly firstYear: string;
  readonly lastYear: string;
  readonly years: number;
  /** The discount rate in percent ("3.5"), when discounted. */
  readonly discountRate?: string;
  readonly partners: readonly OptionPartner[];
  /** The partners' figures added up (each partner's present value is rounded once; the total is their sum). */
  readonly total: Omit<OptionPartner, "partner" | "years" | "cheaper" | "share"> & { readonly cheaper: OptionPartner["cheaper"] };
}

function cheaper(capital: Pence, cloud: Pence): OptionPartner["cheaper"] {
  return cloud < capital ? "cloud" : capital < cloud ? "capital" : "same";
}

function optionalMoney(input: CapitalOptionInput["setUp"], at: Where, errors: EngineError[]): Pence {
  if (isBlank(input)) return 0;
  const r = parseMoney(input, at);
  if (!r.ok) {
    errors.push(...r.errors);
    return 0;
  }
  if (r.value < 0) errors.push({ kind: "negativeValue", value: penceToText(r.value), at });
  return r.value;
}

/**
 * Compares a cloud option with the capital line it would replace, per
 * partner, over the years from the year the capital is spent (docs/capital.md).
 * The cloud costs are shared as the capital is (by each partner's share of
 * it), each amount by largest remainder. `rate` is the discount rate as a
 * fraction of one, or undefined for an undiscounted comparison. `known`
 * holds every cost line's reference, so an option against a line that is
 * there but not financed says so rather than that the line is missing.
 */
export function appraiseOption(
  option: CapitalOptionInput,
  index: number,
  lines: ReadonlyMap<string, { readonly line: CapitalLine; readonly schedule?: LineSchedule }>,
  rate: Decimal | undefined,
  ratePercent: string | undefined,
  known: ReadonlySet<string> = new Set(),
): Result<OptionAppraisal> {
  const at = (field: string): Where => ({ entity: "capitalOption", key: option.name, field, index });
  const errors: EngineError[] = [];
  const found = lines.get(option.line);
  if (found === undefined && known.has(option.line.trim()))
    errors.push({ kind: "optionLineNotBorrowing", line: option.line, what: "is not a capital line with financing", at: at("line") });
  else if (found === undefined) errors.push({ kind: "unknownCostLine", line: option.line, at: at("line") });
  else if (found.line.financing !== "borrowing" || found.schedule === undefined)
    errors.push({
      kind: "optionLineNotBorrowing",
      line: option.line,
      what: found.line.financing !== "borrowing" ? `is financed by ${found.line.financing}` : "is charged to no one in the model's years",
      at: at("line"),
    });
  else if (found.line.amount === 0)
    errors.push({ kind: "optionLineNotBorrowing", line: option.line, what: "has no capital (its amount is zero)", at: at("line") });
  const subscription = parseMoney(option.subscription, at("subscription"));
  if (!subscription.ok) errors.push(...subscription.errors);
  else if (subscription.value < 0) errors.push({ kind: "negativeValue", value: penceToText(subscription.value), at: at("subscription") });
  const setUp = optionalMoney(option.setUp, at("setUp"), errors);
  const exit = optionalMoney(option.exit, at("exit"), errors);
  let years: number | undefined;
  if (!isBlank(option.years)) {
    const d = parseDecimal(option.years);
    if (d === undefined) errors.push({ kind: "notANumber", value: showInput(option.years), at: at("years") });
    else if (!d.isInteger() || d.lt(1) || d.gt(MAX_OPTION_YEARS))
      errors.push({
        kind: "outOfRange",
        value: messageText(d),
        expected: `a whole number of years from 1 to ${MAX_OPTION_YEARS}`,
        at: at("years"),
      });
    else years = d.toNumber();
  }
  if (errors.length > 0 || found === undefined || found.schedule === undefined || !subscription.ok) return errs(errors);
  const { line, schedule } = found;
  // Blank: from the year of spend to the last MRP year, so the whole of the capital option is in.
  const n = years ?? (schedule.years.at(-1)?.year ?? line.spendYear) - line.spendYear + 1;
  const first = line.spendYear;
  const weights = schedule.partners.map((p) => p.share);
  const subShares = largestRemainder(subscription.value, weights);
  const setUpShares = largestRemainder(setUp, weights);
  const exitShares = largestRemainder(exit, weights);
  const partners: OptionPartner[] = schedule.partners.map((p, i) => {
    const yearRows: OptionYear[] = [];
    let capitalAfter = 0;
    schedule.years.forEach((y, k) => {
      if (y.year >= first + n) capitalAfter += (p.mrp[k] as number) + (p.interest[k] as number);
    });
    for (let t = 0; t < n; t++) {
      const year = first + t;
      const k = schedule.years.findIndex((y) => y.year === year);
      const capital = k < 0 ? 0 : (p.mrp[k] as number) + (p.interest[k] as number);
      const cloud = (subShares[i] as number) + (t === 0 ? (setUpShares[i] as number) : 0) + (t === n - 1 ? (exitShares[i] as number) : 0);
      yearRows.push({ year, yearLabel: fyLabel(year), capital, cloud });
    }
    const capital = yearRows.reduce((a, y) => a + y.capital, 0);
    const cloud = yearRows.reduce((a, y) => a + y.cloud, 0);
    const base = { partner: p.partner, share: p.share, years: yearRows, capital, capitalAfter, cloud, difference: cloud - capital };
    if (rate === undefined) return { ...base, cheaper: cheaper(capital, cloud) };
    const presentCapital = presentValue(
      yearRows.map((y) => y.capital),
      rate,
    );
    const presentCloud = presentValue(
      yearRows.map((y) => y.cloud),
      rate,
    );
    return {
      ...base,
      presentCapital,
      presentCloud,
      presentDifference: presentCloud - presentCapital,
      cheaper: cheaper(presentCapital, presentCloud),
    };
  });
  const sum = (f: (p: OptionPartner) => number | undefined): number => partners.reduce((a, p) => a + (f(p) ?? 0), 0);
  const capital = sum((p) => p.capital);
  const cloud = sum((p) => p.cloud);
  const presentCapital = sum((p) => p.presentCapital);
  const presentCloud = sum((p) => p.presentCloud);
  const total =
    rate === undefined
      ? { capital, capitalAfter: sum((p) => p.capitalAfter), cloud, difference: cloud - capital, cheaper: cheaper(capital, cloud) }
      : {
          capital,
          capitalAfter: sum((p) => p.capitalAfter),
          cloud,
          difference: cloud - capital,
          presentCapital,
          presentCloud,
          presentDifference: presentCloud - presentCapital,
          cheaper: cheaper(presentCapital, presentCloud),
        };
  return ok({
    name: option.name,
    line: option.line,
    subscription: subscription.value,
    setUp,
    exit,
    firstYear: fyLabel(first),
    lastYear: fyLabel(first + n - 1),
    years: n,
    ...(ratePercent === undefined ? {} : { discountRate: ratePercent }),
    partners,
    total,
  });
}
