import type { ApportionResult } from "../apportion";
import { categoryTotals, chargeRows, type CategoryTotal } from "../budget/charge-rows";
import { percentOf, percentText } from "../budget/percent";
import type { FinancialYear } from "../financial-year";
import type { Fraction } from "../fraction";
import type { Category, ModelInput, ScenarioInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { compareIds } from "../parse-helpers";
import { runModel, runScenario, type ModelRun } from "../run-model";

/** One partner × year × capital/revenue in two runs. */
export interface ComparisonRow {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** The charge in the first run (0 where the partner had none). */
  readonly from: Pence;
  /** The charge in the second run. */
  readonly to: Pence;
  /** to − from: positive means the partner pays more. */
  readonly difference: Pence;
  /** difference ÷ |from| × 100, exactly; undefined when `from` is zero (a new charge has no percentage change). */
  readonly percent: Fraction | undefined;
  /** The percentage rounded half away from zero to 2 places, e.g. "-3.75"; undefined with `percent`. */
  readonly percentText: string | undefined;
}

/** Two runs side by side. */
export interface Comparison {
  readonly from: string;
  readonly to: string;
  /** Every partner × year × category present in either run, sorted by partner, year, category. */
  readonly rows: readonly ComparisonRow[];
}

/** Anything with charges: a full run (partners within others included) or a core apportionment. */
export type Comparable = ModelRun | ApportionResult;

function totalsOf(x: Comparable): readonly CategoryTotal[] {
  return "rows" in x ? x.totals : categoryTotals(chargeRows(x));
}

/**
 * Compares two runs per partner × year × capital/revenue: the charge in each
 * and the difference in £ and %. Capital and revenue stay separate rows, so a
 * rise in one is never hidden by a fall in the other. A partner present in
 * only one run (joining or leaving) shows 0 in the other.
 */
export function compareResults(
  from: Comparable,
  to: Comparable,
  names: { from: string; to: string } = { from: "from", to: "to" },
): Comparison {
  const key = (t: { partner: string; year: number; category: string }): string => `${t.partner}\u0000${t.year}\u0000${t.category}`;
  const cells = new Map<string, { partner: string; year: number; yearLabel: string; category: Category; from: Pence; to: Pence }>();
  for (const t of totalsOf(from))
    cells.set(key(t), { partner: t.partner, year: t.year, yearLabel: t.yearLabel, category: t.category, from: t.amount, to: 0 });
  for (const t of totalsOf(to)) {
    const prev = cells.get(key(t));
    cells.set(key(t), {
      partner: t.partner,
      year: t.year,
      yearLabel: t.yearLabel,
      category: t.category,
      from: prev?.from ?? 0,
      to: t.amount,
    });
  }
  const rows = [...cells.values()]
    .sort((a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category))
    .map((c) => {
      const difference = c.to - c.from;
      const percent = percentOf(difference, c.from);
      return { ...c, difference, percent, percentText: percent === undefined ? undefined : percentText(percent) };
    });
  return { from: names.from, to: names.to, rows };
}

/** The name the base model goes by in comparisons. */
export const BASE_NAME = "Base";

/**
 * Compares two scenarios of the same base model (either may be null for the
 * base itself): runs each and compares them with {@link compareResults}.
 */
export function compareScenarios(base: ModelInput, from: ScenarioInput | null, to: ScenarioInput | null): Result<Comparison> {
  const a = from === null ? runModel(base) : runScenario(base, from);
  const b = to === null ? runModel(base) : runScenario(base, to);
  if (!a.ok || !b.ok) return errs([...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)]);
  return ok(compareResults(a.value, b.value, { from: from?.name ?? BASE_NAME, to: to?.name ?? BASE_NAME }));
}
