import { isoDate } from "./dates";
import { Decimal, isBlank } from "./decimal";
import { MAX_MODEL_YEARS, type EngineError, type EngineWarning, type Where } from "./errors";
import { fyLabel, fyOfDay, type FinancialYear } from "./financial-year";
import { MAX_PENCE, penceToText, type Pence } from "./money";
import type { ModelInput } from "./model";
import type { Line, Settings } from "./prepared";

/**
 * The limits a model must keep and the checks that keep ids unambiguous.
 * Each check returns located errors (never throws), so a model past a limit
 * is refused before any arithmetic could go wrong or run for minutes.
 *
 * The case rule: ids (partners, drivers, bases) and cost line references are
 * case-sensitive — a reference must be spelt exactly as the id it names —
 * and two ids (or two references) that differ only in case are refused, so a
 * reader never has to guess whether "bre" and "BRE" are the same partner.
 */

/** The model's years may span at most {@link MAX_MODEL_YEARS}: 1,000 years would take minutes to profile. */
export function checkYearSpan(first: FinancialYear, last: FinancialYear, at: Where): EngineError[] {
  const years = last - first + 1;
  return years > MAX_MODEL_YEARS ? [{ kind: "tooManyYears", from: fyLabel(first), to: fyLabel(last), years, at }] : [];
}

/**
 * An indexation rate's digits: zero, or at least `smallest` in size with at
 * most 17 significant digits, so a rate from a formula (=2/3 percent is
 * 0.6666666666666666) is read as the double holds it. Compounding it exactly
 * over the model's (at most 100) years then builds integers of a few thousand
 * digits at most, where "1e-9999999" would build ten million.
 */
export function rateDigitsOk(d: Decimal, smallest: Decimal): boolean {
  return d.isZero() || (d.abs().gte(smallest) && d.sd() <= 17);
}

/**
 * How far from 100% a total of percentages (or of mix weights) may be and
 * still count as 100%: 10^-10 percentage points. Percentages computed by
 * formulas (=100/3 three times) are doubles whose shortest decimals add up to
 * 100.00000000000001, a few units in the 15th significant digit off; anything
 * typed by hand that is really not 100% (99.99, 100.0001) is far outside it.
 * Shares are worked out in proportion to the values as held, so they still
 * add up exactly to the amount.
 */
export const HUNDRED_TOLERANCE = new Decimal("1e-10");

/** True when a total of percentages counts as 100 (or, with `whole` 1, a total of fractions as 1): see {@link HUNDRED_TOLERANCE}. */
export function totalsHundred(total: Decimal, whole: 100 | 1 = 100): boolean {
  return total.minus(whole).abs().lte(HUNDRED_TOLERANCE.times(whole).div(100));
}

/** Characters that separate items of a list (Applies to, Excludes, stated total lines). */
const SEPARATORS = [",", ";"] as const;

/** A partner id must not hold a list separator: "A,B" could never be named in Applies to. */
export function checkIdCharacters(id: string, at: Where): EngineError[] {
  const c = SEPARATORS.find((s) => id.includes(s));
  return c === undefined ? [] : [{ kind: "badIdCharacter", id, character: c, at }];
}

/**
 * Ids that differ only in case from an earlier one (exact repeats are the
 * duplicate checks' business). `items` are the ids in input order, each with
 * where it is.
 */
export function checkCaseClashes(items: readonly { readonly id: string; readonly at: Where }[]): EngineError[] {
  const firstSpelling = new Map<string, string>();
  const out: EngineError[] = [];
  for (const { id, at } of items) {
    if (id === "") continue;
    const folded = id.toLowerCase();
    const other = firstSpelling.get(folded);
    if (other === undefined) firstSpelling.set(folded, id);
    else if (other !== id) out.push({ kind: "caseClash", id, other, at });
  }
  return out;
}

/**
 * Checks `model.withinPartners` before anything is apportioned: a partner
 * within itself, within a partner that is not in the partner list, or within
 * a partner that is itself within another (a chain or a cycle). Reported at
 * the partner's Within cell; without this the first sign was an unrelated
 * "percentages do not total 100%" once its share had gone missing.
 */
export function checkWithin(model: ModelInput, partnerIds: ReadonlySet<string>): EngineError[] {
  const within = model.withinPartners ?? [];
  const withinIds = new Map(
    within.map((w) => [typeof w.partner.id === "string" ? w.partner.id.trim() : "", typeof w.within === "string" ? w.within.trim() : ""]),
  );
  const out: EngineError[] = [];
  within.forEach((w) => {
    const id = typeof w.partner.id === "string" ? w.partner.id.trim() : "";
    if (id === "") return;
    const at: Where = { entity: "partner", key: id, field: "within" };
    const parent = typeof w.within === "string" ? w.within.trim() : "";
    out.push(...checkIdCharacters(id, { entity: "partner", key: id, field: "id" }));
    if (parent === id) out.push({ kind: "withinItself", partner: id, at });
    else if (withinIds.has(parent)) out.push({ kind: "withinWithin", partner: id, parent, at });
    else if (!partnerIds.has(parent)) out.push({ kind: "unknownPartner", partner: parent, at });
  });
  return out;
}

/**
 * The year-end share basis must be "contributions" or a basis the model
 * defines; checked up front, so it is reported before any outturn exists.
 */
export function checkYearEndBasis(model: ModelInput, known: (text: string) => EngineError[]): EngineError[] {
  const basis = model.yearEnd?.basis;
  if (isBlank(basis) || typeof basis !== "string" || basis.trim().toLowerCase() === "contributions") return [];
  return known(basis);
}

/**
 * The most pence a model's charges may add up to: 2^52 − 1. Every sum of
 * charges then stays within it, and so does every difference of two such sums
 * (a comparison, a budget variance, an outturn against what was charged),
 * within 2^53: all exact in a JS number.
 */
export const MAX_TOTAL_PENCE = 2 ** 52 - 1;

/**
 * Bounds the money a model moves. Each line's amount in a year (after
 * pro-rating and indexation) must stay within the £1 trillion cap, and the
 * magnitudes of all line-years together within 2^52 − 1 pence (about £45
 * trillion). Every total the engine forms — per partner, per year, the
 * balance check's totals in and out — is a sum of some of those amounts or
 * their shares, so each is then an exact JS integer, and the balance check
 * compares exact figures, never two sides rounded the same way.
 */
export class MoneyBound {
  private magnitude = 0;
  private passed = false;

  /** The errors for one line's amount in one year, located at the line's amount. */
  add(line: Line, year: FinancialYear, amount: Pence): readonly EngineError[] {
    const magnitude = amount < 0 ? -amount : amount;
    // The common case allocates nothing: this runs once per line-year.
    if (magnitude <= MAX_PENCE) {
      this.magnitude += magnitude;
      if (this.magnitude <= MAX_TOTAL_PENCE || this.passed) return NONE;
      this.passed = true;
      return [{ kind: "modelTotalTooLarge", at: amountOf(line) }];
    }
    return [
      {
        kind: "yearAmountTooLarge",
        amount: Number.isSafeInteger(amount) ? penceToText(amount) : `about ${Math.abs(amount / 100).toExponential(3)}`,
        year: fyLabel(year),
        at: amountOf(line),
      },
    ];
  }
}

const NONE: readonly EngineError[] = [];

/** Where a line's amount is. */
function amountOf(line: Line): Where {
  return { entity: "costLine", key: line.ref, index: line.row, field: "amount" };
}

/** A line charged to no one because it lies outside the model's years. */
export interface OutsideLine {
  readonly lineRef: string;
  readonly nature: "one-off" | "ongoing";
  /** The one-off cost or the annual charge. */
  readonly amount: Pence;
  readonly side: "before" | "after";
  readonly warning: EngineWarning;
}

/** Why a line with no part in the model's years has none: it lies before them or after them. */
export function outsideLine(line: Line, settings: Settings): OutsideLine {
  const startYear = fyOfDay(line.start);
  const side = startYear > settings.lastYear ? "after" : "before";
  return {
    lineRef: line.ref,
    nature: line.nature,
    amount: line.amount,
    side,
    warning: {
      kind: "outsideYears",
      line: line.ref,
      nature: line.nature,
      start: isoDate(line.start),
      end: line.end === undefined ? "" : isoDate(line.end),
      amount: penceToText(line.amount),
      side,
      first: fyLabel(settings.firstYear),
      last: fyLabel(settings.lastYear),
      at: { entity: "costLine", key: line.ref, index: line.row, field: line.nature === "one-off" || side === "after" ? "start" : "end" },
    },
  };
}
