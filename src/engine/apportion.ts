import { basisWeights, type BasisComponent, type BasisWeights } from "./basis-weights";
import type { EngineError } from "./errors";
import { fyLabel, type FinancialYear } from "./financial-year";
import { largestRemainder } from "./largest-remainder";
import type { ModelInput, Category, Nature } from "./model";
import type { Pence } from "./money";
import type { Partner, PreparedModel, Settings } from "./prepared";
import { FactorCache, profileLine, type YearAmount } from "./profile";
import { errs, ok, type Result } from "./result";
import { compareIds, validateModel } from "./validate";

/** One cost line in one financial year: the amount split, how, and the shares. */
export interface LineYear {
  readonly lineRef: string;
  /** The line's own amount (one-off cost or annual charge) before profiling. */
  readonly lineAmount: Pence;
  readonly description: string;
  readonly service: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly profile: YearAmount;
  /** The basis reference, e.g. "driver:users". */
  readonly basis: string;
  readonly components: readonly BasisComponent[];
  /** The partners sharing the line, sorted by id. */
  readonly partners: readonly string[];
  /** Whole-number weights as decimal text (they can exceed a JS number's exact range). */
  readonly weights: readonly string[];
  /** The sum of `weights`, as decimal text. */
  readonly totalWeight: string;
  /** Each partner's rounded share, aligned with `partners`. */
  readonly shares: readonly Pence[];
}

/** One partner's charge for one cost line in one year. Classification travels with it. */
export interface Charge {
  readonly lineRef: string;
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly amount: Pence;
  /** Index into {@link ApportionResult.lineYears}, for the trace. */
  readonly lineYear: number;
  /** Position of the partner within that line-year. */
  readonly position: number;
}

/** A partner's total for one year, category and nature. */
export interface TotalRow {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly amount: Pence;
}

/** A line-year whose charges do not add up to its amount (never expected: this is a self-check). */
export interface Mismatch {
  readonly lineRef: string;
  readonly yearLabel: string;
  readonly amount: Pence;
  readonly charged: Pence;
}

/** The balancing check: each line-year and the grand total, to the penny. */
export interface BalanceCheck {
  readonly balanced: boolean;
  readonly totalIn: Pence;
  readonly totalOut: Pence;
  readonly mismatches: readonly Mismatch[];
}

/** Everything a run produces. */
export interface ApportionResult {
  /** The settings used (rounding unit, pro-rata convention, years), recorded with the result. */
  readonly settings: Settings;
  readonly partners: readonly Partner[];
  /** In order of line reference, then year. */
  readonly lineYears: readonly LineYear[];
  /** In order of line reference, year, then partner id. */
  readonly charges: readonly Charge[];
  /** In order of partner, year, category, nature. */
  readonly totals: readonly TotalRow[];
  readonly balance: BalanceCheck;
  /** Lines with no charge in the modelled years (e.g. a one-off dated outside them). */
  readonly linesOutsideYears: readonly string[];
}

/** The tie-break rule, recorded so a reviewer can re-derive every penny. */
export const TIE_BREAK_RULE =
  "Largest remainder first; equal remainders go to the larger driver value, then to the partner whose id sorts first.";

/**
 * Validates a model and apportions it: every cost line is profiled across the
 * years and each year's amount split among its partners by largest remainder.
 * Returns every validation problem if there are any, and no partial result.
 */
export function apportionModel(input: ModelInput): Result<ApportionResult> {
  const prepared = validateModel(input);
  if (!prepared.ok) return prepared;
  return apportionPrepared(prepared.value);
}

/** Apportions a model that has already passed {@link validateModel}. */
export function apportionPrepared(model: PreparedModel): Result<ApportionResult> {
  const problems: EngineError[] = [];
  const lineYears: LineYear[] = [];
  const charges: Charge[] = [];
  const outside: string[] = [];
  // Many lines share a basis, partner set and year: resolve each combination once.
  const cache = new Map<string, Result<BasisWeights & { readonly text: readonly string[]; readonly total: string }>>();
  const factors = new FactorCache();
  const unit = model.settings.unit;
  for (const line of model.lines) {
    const years = profileLine(line, model.settings, factors);
    if (years.length === 0) outside.push(line.ref);
    const lineKey = `${line.basisText}\u0000${line.partners.join("\u0000")}\u0000`;
    for (const ya of years) {
      const key = lineKey + ya.year;
      let resolved = cache.get(key);
      if (resolved === undefined) {
        const r = basisWeights(model, line.basis, ya.year, line.partners, { entity: "costLine", key: line.ref, index: line.row, field: "basis" });
        resolved = r.ok ? ok({ ...r.value, text: r.value.weights.map(String), total: r.value.weights.reduce<bigint>((a, w) => a + BigInt(w), 0n).toString() }) : r;
        cache.set(key, resolved);
      }
      if (!resolved.ok) {
        for (const e of resolved.errors) problems.push(e.at.entity === "costLine" ? { ...e, at: { ...e.at, key: line.ref, index: line.row } } : e);
        continue;
      }
      const shares = largestRemainder(ya.amount / unit, resolved.value.weights);
      if (unit !== 1) for (let k = 0; k < shares.length; k++) shares[k] = (shares[k] as number) * unit;
      const index = lineYears.length;
      const yearLabel = fyLabel(ya.year);
      lineYears.push({
        lineRef: line.ref,
        lineAmount: line.amount,
        description: line.description,
        service: line.service,
        category: line.category,
        nature: line.nature,
        year: ya.year,
        yearLabel,
        profile: ya,
        basis: line.basisText,
        components: resolved.value.components,
        partners: line.partners,
        weights: resolved.value.text,
        totalWeight: resolved.value.total,
        shares,
      });
      for (let position = 0; position < line.partners.length; position++) {
        const partner = line.partners[position] as string;
        charges.push({ lineRef: line.ref, partner, year: ya.year, yearLabel, category: line.category, nature: line.nature, amount: shares[position] ?? 0, lineYear: index, position });
      }
    }
  }
  if (problems.length > 0) return errs(dedupe(problems));
  return ok({
    settings: model.settings,
    partners: model.partners,
    lineYears,
    charges,
    totals: totalsOf(charges),
    balance: balanceOf(lineYears),
    linesOutsideYears: outside,
  });
}

/** The same error can arise for many lines sharing a driver; report each once per place. */
function dedupe(list: readonly EngineError[]): EngineError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = JSON.stringify(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Totals by partner × year × category × nature, in a fixed order. */
export function totalsOf(charges: readonly Charge[]): TotalRow[] {
  // Numeric keys and mutable cells: this runs over every charge, so it avoids building strings.
  const partnerIndex = new Map<string, number>();
  const cells = new Map<number, { row: Omit<TotalRow, "amount">; amount: number }>();
  for (const c of charges) {
    let p = partnerIndex.get(c.partner);
    if (p === undefined) {
      p = partnerIndex.size;
      partnerIndex.set(c.partner, p);
    }
    const key = ((p * 20_000 + c.year) * 2 + (c.category === "capital" ? 0 : 1)) * 2 + (c.nature === "one-off" ? 0 : 1);
    const cell = cells.get(key);
    if (cell !== undefined) cell.amount += c.amount;
    else cells.set(key, { row: { partner: c.partner, year: c.year, yearLabel: c.yearLabel, category: c.category, nature: c.nature }, amount: c.amount });
  }
  return [...cells.values()]
    .map(({ row, amount }) => ({ ...row, amount }))
    .sort((a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category) || compareIds(a.nature, b.nature));
}

/** Checks each line-year and the grand total balance to the penny. */
export function balanceOf(lineYears: readonly LineYear[]): BalanceCheck {
  let totalIn = 0;
  let totalOut = 0;
  const mismatches: Mismatch[] = [];
  for (const ly of lineYears) {
    let charged = 0;
    for (const s of ly.shares) charged += s;
    totalIn += ly.profile.amount;
    totalOut += charged;
    if (charged !== ly.profile.amount) mismatches.push({ lineRef: ly.lineRef, yearLabel: ly.yearLabel, amount: ly.profile.amount, charged });
  }
  return { balanced: mismatches.length === 0 && totalIn === totalOut, totalIn, totalOut, mismatches };
}
