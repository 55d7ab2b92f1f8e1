import type { EngineError } from "../errors";
import type { FinancialYear } from "../financial-year";
import type { Fraction } from "../fraction";
import { percentOf, percentText } from "../budget/percent";
import type { Category, ModelInput, ScenarioInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { compareIds } from "../parse-helpers";
import { BASE_NAME } from "./compare";
import { addsPartner, judgeDoNoHarm, type DoNoHarmReport } from "./do-no-harm";
import { runModel, runScenario, type ModelRun } from "../run-model";

/** One partner × year × capital/revenue across the base and every scenario compared. */
export interface ManyComparisonRow {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** The charge in each run, aligned with {@link ManyComparison.names} (0 where the partner had none). */
  readonly amounts: readonly Pence[];
  /** Each scenario's charge − the base's, aligned with the scenarios (names after the first). */
  readonly differences: readonly Pence[];
  /** Each difference ÷ |base| × 100 exactly; undefined where the base is zero. */
  readonly percents: readonly (Fraction | undefined)[];
  /** The percentages rounded half away from zero to 2 places, e.g. "-3.75". */
  readonly percentTexts: readonly (string | undefined)[];
}

/** The base model and any number of scenarios side by side. */
export interface ManyComparison {
  /** "Base" first, then each scenario's name in the order given. */
  readonly names: readonly string[];
  /** Every partner × year × category present in any run, sorted by partner, year, category. */
  readonly rows: readonly ManyComparisonRow[];
  /** The do-no-harm verdict of each scenario that adds a partner, in the order given. */
  readonly doNoHarm: readonly DoNoHarmReport[];
}

/**
 * Compares the base model with any number of scenarios ("which of these three
 * options is fairest?"): runs each, lines their totals up per partner × year ×
 * capital/revenue (capital and revenue never netted), and checks do no harm for
 * each scenario that adds a partner. Every scenario's problems are reported at
 * once. The same scenario named twice is compared once.
 */
export function compareMany(base: ModelInput, scenarios: readonly ScenarioInput[]): Result<ManyComparison> {
  const unique = scenarios.filter((s, i) => scenarios.findIndex((t) => t.name === s.name) === i);
  const before = runModel(base);
  const runs = unique.map((s) => runScenario(base, s));
  const problems: EngineError[] = [...(before.ok ? [] : before.errors), ...runs.flatMap((r) => (r.ok ? [] : r.errors))];
  if (!before.ok || problems.length > 0) return errs(problems);
  const after = runs.map((r) => (r.ok ? r.value : (undefined as never)));
  return ok(compareManyRuns(before.value, unique, after));
}

/** {@link compareMany} of runs already made: the base model's and each scenario's (aligned with `scenarios`). */
export function compareManyRuns(base: ModelRun, scenarios: readonly ScenarioInput[], runs: readonly ModelRun[]): ManyComparison {
  const all = [base, ...runs];
  const cells = new Map<string, { partner: string; year: FinancialYear; yearLabel: string; category: Category; amounts: Pence[] }>();
  all.forEach((run, k) => {
    for (const t of run.totals) {
      const key = `${t.partner}\u0000${t.year}\u0000${t.category}`;
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = { partner: t.partner, year: t.year, yearLabel: t.yearLabel, category: t.category, amounts: all.map(() => 0) };
        cells.set(key, cell);
      }
      cell.amounts[k] = (cell.amounts[k] ?? 0) + t.amount;
    }
  });
  const rows = [...cells.values()]
    .sort((a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category))
    .map((c): ManyComparisonRow => {
      const from = c.amounts[0] ?? 0;
      const differences = c.amounts.slice(1).map((a) => a - from);
      const percents = differences.map((d) => percentOf(d, from));
      return { ...c, differences, percents, percentTexts: percents.map((p) => (p === undefined ? undefined : percentText(p))) };
    });
  const doNoHarm = scenarios.flatMap((s, i) =>
    addsPartner(s) && runs[i] !== undefined ? [judgeDoNoHarm(base, runs[i] as ModelRun, s.name)] : [],
  );
  return { names: [BASE_NAME, ...scenarios.map((s) => s.name)], rows, doNoHarm };
}

/**
 * Each partner's charges over every year and category, per run (aligned with
 * {@link ManyComparison.names}): how a s151 officer weighs the options at a glance.
 * Partners in the order of the comparison's rows.
 */
export function manyPartnerTotals(many: ManyComparison): Map<string, Pence[]> {
  const totals = new Map<string, Pence[]>();
  for (const r of many.rows) {
    const t = totals.get(r.partner) ?? many.names.map(() => 0);
    r.amounts.forEach((a, k) => (t[k] = (t[k] ?? 0) + a));
    totals.set(r.partner, t);
  }
  return totals;
}

/**
 * The scenario names run-settings cells list: comma-separated, trimmed,
 * blanks dropped, each once in the order first given ("A, B, A" → A, B).
 * A cell that is exactly one of the `known` names is that name, commas and
 * all, so a scenario called "Users, not tickets" is not cut in two.
 */
export function scenarioNameList(cells: readonly string[], known: readonly string[] = []): string[] {
  const out: string[] = [];
  const add = (name: string): void => {
    if (name !== "" && !out.includes(name)) out.push(name);
  };
  for (const cell of cells) {
    if (known.includes(cell.trim())) add(cell.trim());
    else for (const raw of cell.split(",")) add(raw.trim());
  }
  return out;
}
