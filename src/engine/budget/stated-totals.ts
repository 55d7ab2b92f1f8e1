import { isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, parseFinancialYear, type FinancialYear } from "../financial-year";
import { frac } from "../fraction";
import type { ModelInput, StatedTotalInput } from "../model";
import { parseMoney, parseUnit, PENNY, type Pence, type UnitPence } from "../money";
import type { Line, PreparedModel } from "../prepared";
import { FactorCache, profileLine } from "../profile";
import { roundToUnit } from "../rounding";
import { errs, ok, type Result } from "../result";
import { validateModel } from "../validate";
import type { BudgetFlag } from "./flags";

/** A typed total checked against the lines it is meant to cover. */
export interface StatedTotalCheck {
  readonly label: string;
  /** The year whose profiled amounts were added; undefined for the lines' full amounts. */
  readonly yearLabel: string | undefined;
  readonly lines: readonly string[];
  /** What the user typed. */
  readonly stated: Pence;
  /** The exact sum of the lines. */
  readonly linesTotal: Pence;
  /** The unit the stated total was reported to (the penny unless given). */
  readonly unit: UnitPence;
  /** The lines' sum rounded half away from zero to that unit: what the total should have said. */
  readonly expected: Pence;
  /** Stated − lines' exact sum. */
  readonly difference: Pence;
  /** True when the stated total equals the lines' sum at the unit it was reported to. */
  readonly matches: boolean;
  readonly capital: Pence;
  readonly revenue: Pence;
  readonly oneOff: Pence;
  readonly ongoing: Pence;
  /** Differs, mixes capital with revenue, mixes one-off with ongoing. */
  readonly flags: readonly BudgetFlag[];
}

/**
 * Checks every stated total in the model against its lines. Without a year a
 * line counts at its full amount (a one-off cost, or an ongoing line's annual
 * charge: exactly what a committee paper adds up); with a year, at the amount
 * profiled into that year. A stated total reported to a coarser unit (the
 * oneSource paper's "£1382k") matches when the lines' sum rounds to it, so
 * reporting in £000s is not itself flagged; £1382k against lines of £1,441k
 * still is.
 *
 * Also flags a total that adds capital to revenue, or (for full amounts) one-off
 * costs to ongoing annual charges: each may be arithmetically right and still
 * mislead.
 *
 * `validated` is the model as `validateModel` prepared it, when the caller
 * already has it (so a full check validates the model once).
 */
export function checkStatedTotals(model: ModelInput, validated?: PreparedModel): Result<StatedTotalCheck[]> {
  const prepared = validated === undefined ? validateModel(model) : ok(validated);
  if (!prepared.ok) return prepared;
  if ((model.statedTotals ?? []).length === 0) return ok([]);
  const byRef = new Map(prepared.value.lines.map((l) => [l.ref, l]));
  // Lines share a few start dates and rates: profile them through one cache.
  const factors = new FactorCache();
  const problems: EngineError[] = [];
  const out: StatedTotalCheck[] = [];
  (model.statedTotals ?? []).forEach((t, i) => {
    const checked = checkOne(t, i, byRef, prepared.value, factors);
    if (checked.ok) out.push(checked.value);
    else problems.push(...checked.errors);
  });
  return problems.length > 0 ? errs(problems) : ok(out);
}

function checkOne(
  t: StatedTotalInput,
  i: number,
  byRef: ReadonlyMap<string, Line>,
  model: PreparedModel,
  factors: FactorCache,
): Result<StatedTotalCheck> {
  const label = typeof t.label === "string" ? t.label.trim() : "";
  const at = (field: string): Where => (label === "" ? { entity: "budget", index: i + 1, field } : { entity: "budget", key: label, field });
  const problems: EngineError[] = [];
  if (label === "") problems.push({ kind: "missingValue", at: at("label") });
  const stated = parseMoney(t.amount, at("amount"));
  if (!stated.ok) problems.push(...stated.errors);
  const unit = isBlank(t.unit) ? ok(PENNY) : parseUnit(t.unit, at("unit"));
  if (!unit.ok) problems.push(...unit.errors);
  let year: FinancialYear | undefined;
  if (!isBlank(t.year)) {
    const y = parseFinancialYear(t.year, at("year"));
    if (!y.ok) problems.push(...y.errors);
    else if (y.value < model.settings.firstYear || y.value > model.settings.lastYear) {
      problems.push({
        kind: "outOfRange",
        value: fyLabel(y.value),
        expected: `a year from ${fyLabel(model.settings.firstYear)} to ${fyLabel(model.settings.lastYear)}`,
        at: at("year"),
      });
    } else year = y.value;
  }
  const refs: string[] = [];
  const counted = new Set<string>();
  const lines: Line[] = [];
  if (t.lines.length === 0) problems.push({ kind: "missingValue", at: at("lines") });
  for (const raw of t.lines) {
    const ref = typeof raw === "string" ? raw.trim() : String(raw);
    const line = byRef.get(ref);
    if (line === undefined) problems.push({ kind: "unknownCostLine", line: ref, at: at("lines") });
    else if (counted.has(ref)) problems.push({ kind: "duplicateId", id: ref, at: at("lines") });
    else {
      counted.add(ref);
      refs.push(ref);
      lines.push(line);
    }
  }
  if (problems.length > 0 || !stated.ok || !unit.ok) return errs(problems);
  const sums = { capital: 0, revenue: 0, "one-off": 0, ongoing: 0 };
  const seen = { capital: false, revenue: false, "one-off": false, ongoing: false };
  for (const line of lines) {
    const amount =
      year === undefined ? line.amount : (profileLine(line, model.settings, factors).find((y) => y.year === year)?.amount ?? 0);
    sums[line.category] += amount;
    sums[line.nature] += amount;
    seen[line.category] = true;
    seen[line.nature] = true;
  }
  const linesTotal = sums.capital + sums.revenue;
  const expected = roundToUnit(frac(BigInt(linesTotal)), unit.value);
  const matches = expected === stated.value;
  const yearLabel = year === undefined ? undefined : fyLabel(year);
  const flags: BudgetFlag[] = [];
  if (!matches)
    flags.push({ kind: "statedTotalDiffers", label, yearLabel, stated: stated.value, linesTotal, difference: stated.value - linesTotal });
  if (seen.capital && seen.revenue) flags.push({ kind: "statedTotalMixesCategories", label, capital: sums.capital, revenue: sums.revenue });
  // Within one year, one-off and ongoing amounts are both that year's cost and add up fairly;
  // across "full amounts" an annual charge is one year of a stream and a one-off is the whole cost.
  if (year === undefined && seen["one-off"] && seen.ongoing)
    flags.push({ kind: "statedTotalMixesNatures", label, oneOff: sums["one-off"], ongoing: sums.ongoing });
  return ok({
    label,
    yearLabel,
    lines: refs,
    stated: stated.value,
    linesTotal,
    unit: unit.value,
    expected,
    difference: stated.value - linesTotal,
    matches,
    capital: sums.capital,
    revenue: sums.revenue,
    oneOff: sums["one-off"],
    ongoing: sums.ongoing,
    flags,
  });
}
