import { Decimal, errs, totalsHundred, type EngineError, type Pence, type Result, type Where } from "../../engine";
import { parseDrivers, splitByDrivers, splitByMix, type SplitArgNames } from "../split";

/**
 * Percentages as they sit in worksheet cells. A finance officer may type 25
 * for 25%, or 25% into a percentage-formatted cell, which Excel stores as
 * 0.25. Both are accepted: the values must total exactly 100 (whole
 * percentages) or exactly 1 (Excel percentages). Any other total is an error
 * reported in percent, reading a total below 2 as Excel percentages (a list
 * of 0.5, 0.49 reports "99%", not "0.99%").
 */

function total(values: readonly Decimal[]): Decimal {
  return values.reduce((s, x) => s.plus(x), new Decimal(0));
}

/** The scale that turns a total into percent: 100 for Excel percentages (total 1), else 1. */
function percentScale(sum: Decimal): 1 | 100 {
  return sum.lt(2) ? 100 : 1;
}

/** The total as percent text for a message: 0.99 → "99", 99.5 → "99.5". */
function totalText(sum: Decimal): string {
  return sum.times(percentScale(sum)).toFixed();
}

function arg(field: string): Where {
  return { entity: "argument", field };
}

/**
 * Reads a list of percentage cells (blank counts as zero). Returns them as
 * whole percentages totalling exactly 100, or the errors: text or negative
 * cells (naming the position), or a total other than 100% / 1.
 */
export function readPercentCells(
  values: readonly unknown[],
  field: string,
  kind: "percentagesNotHundred" | "weightsNotHundred",
): Result<Decimal[]> {
  const d = parseDrivers(values, field);
  if (!d.ok) {
    // All zero is a total of 0%, which is the clearer message for percentages.
    const onlyZero = d.errors.every((e) => e.kind === "allDriversZero");
    return onlyZero ? errs([{ kind, basis: field, total: "0", at: arg(field) }]) : d;
  }
  const sum = total(d.value);
  if (totalsHundred(sum)) return { ok: true, value: d.value };
  if (totalsHundred(sum, 1)) return { ok: true, value: d.value.map((x) => x.times(100)) };
  return errs([{ kind, basis: field, total: totalText(sum), at: arg(field) }]);
}

/**
 * Splits an amount by fixed percentages typed in cells (25 or 25%), by
 * largest remainder to the unit. The shares always sum to the amount.
 */
export function splitByPercentCells(
  amount: unknown,
  percents: readonly unknown[],
  unit?: unknown,
  names: SplitArgNames = { amount: "amount", drivers: "percentages", unit: "unit" },
): Result<Pence[]> {
  const p = readPercentCells(percents, names.drivers, "percentagesNotHundred");
  // Percentages are proportions: splitting by 25, 75 or by 0.25, 0.75 is identical,
  // so the cells go to the engine unchanged and every other problem is reported with them.
  const split = splitByDrivers(amount, percents, unit, names);
  if (p.ok) return split;
  const problems: EngineError[] = [...p.errors];
  if (!split.ok) problems.push(...split.errors.filter((e) => e.at.field !== names.drivers));
  return errs(problems);
}

/**
 * Splits an amount by a weighted mix of drivers typed in cells: `matrix[i][j]`
 * is partner i's value of driver j, `weights[j]` the weight of driver j
 * (25 or 25%; the weights total 100% either way). Rounded once.
 */
export function splitByMixCells(
  amount: unknown,
  matrix: readonly (readonly unknown[])[],
  weights: readonly unknown[],
  unit?: unknown,
  names: SplitArgNames & { readonly weights: string } = { amount: "amount", drivers: "drivers", unit: "unit", weights: "weights" },
): Result<Pence[]> {
  const w = readPercentCells(weights, names.weights, "weightsNotHundred");
  // Whole percentages go to the engine as exact decimal text; on error the raw cells
  // go instead, so the engine still reports amount, unit and driver problems.
  const split = splitByMix(amount, matrix, w.ok ? w.value.map((x) => x.toFixed()) : weights, unit, names);
  if (w.ok) return split;
  const problems: EngineError[] = [...w.errors];
  if (!split.ok) problems.push(...split.errors.filter((e) => e.at.field !== names.weights));
  return errs(problems);
}
