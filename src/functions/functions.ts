/**
 * The SHARED.* worksheet functions. Each one reads its arguments, hands them
 * to the engine (src/engine) and writes the result back: money as pounds
 * (pence ÷ 100, exact to the penny as displayed), or an Excel error with a
 * message naming the argument and position. No money arithmetic happens here,
 * and nothing is ever thrown back into Excel.
 *
 * The JSDoc on each exported function is the help Excel shows while typing a
 * formula, and custom-functions-metadata-plugin generates functions.json from
 * it (the tags: `@customfunction ID`, one `@param` per argument; optional
 * arguments are the TypeScript optional parameters).
 *
 * Keep this bundle small: the engine and nothing else (no React / Fluent UI).
 */
import { fyLabel, fyOfDay, parseDate, penceToNumber, type EngineError, type Result } from "../engine";
import { readCell, readTable, readVector, spillLike } from "./cells";
import { toExcelError, unexpectedError } from "./excel-errors";
import { ANNUAL_CHARGE_NAMES, profileAnnualCharge, yearPartOfCharge, type AnnualChargeNames } from "./formula-support/annual-charge";
import { splitByMixCells, splitByPercentCells } from "./formula-support/percent-cells";
import { parseTolerance, varianceOf } from "./formula-support/variance";
import { splitByDrivers } from "./split";

/** Names used for the annual-charge arguments in error messages: the engine's defaults are the names Excel shows. */
const CHARGE_NAMES: AnnualChargeNames & { readonly year: string } = { ...ANNUAL_CHARGE_NAMES, year: "year" };

/** Runs a scalar formula body; anything thrown becomes #VALUE!, never an exception. */
function scalar<T>(body: () => T | CustomFunctions.Error): T | CustomFunctions.Error {
  try {
    return body();
  } catch (thrown) {
    return unexpectedError(thrown);
  }
}

/** Runs a spilling formula body; a single error fills one cell, anything thrown becomes #VALUE!. */
function spill<T>(body: () => T[][] | CustomFunctions.Error): Array<Array<T | CustomFunctions.Error>> {
  try {
    const out = body();
    return Array.isArray(out) ? out : [[out]];
  } catch (thrown) {
    return [[unexpectedError(thrown)]];
  }
}

/** The Excel error for a failed result, choosing the problem in the earliest argument. */
function fail(errors: readonly EngineError[], order: readonly string[]): CustomFunctions.Error {
  return toExcelError(errors, order);
}

const APPORTION_ARGS = ["amount", "drivers", "unit"] as const;

/**
 * Splits an amount between partners in proportion to their drivers (tickets, users, homes…) and spills one share per partner in the same
 * shape as the drivers. Shares are rounded by largest remainder, so they always add up exactly to the amount.
 * @customfunction APPORTION
 * @param amount The amount to split in £, e.g. 82000. A credit or underspend can be negative.
 * @param drivers One row or one column of driver values, one cell per partner. Blank cells count as zero; no value may be negative and
 * they may not all be zero.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s. The amount must be a whole
 * number of units.
 * @returns One share per partner, adding up exactly to the amount.
 */
export function apportion(amount: unknown, drivers: unknown[][], unit?: unknown): Array<Array<number | CustomFunctions.Error>> {
  return spill(() => {
    const d = readVector(drivers, "drivers");
    if (!d.ok) return fail(d.errors, APPORTION_ARGS);
    const shares = splitByDrivers(readCell(amount), d.value.values, readCell(unit));
    if (!shares.ok) return fail(shares.errors, APPORTION_ARGS);
    return spillLike(shares.value.map(penceToNumber), d.value.orientation);
  });
}

const SHARE_ARGS = ["amount", "drivers", "position", "unit"] as const;

/**
 * One partner's share of an amount split in proportion to drivers: always exactly what SHARED.APPORTION spills at that position, so a
 * sheet with one share per cell still never loses a penny.
 * @customfunction SHARE
 * @param amount The amount to split in £. A credit or underspend can be negative.
 * @param drivers One row or one column of driver values, one cell per partner (the same range for every partner). Blank cells count as
 * zero.
 * @param position Which partner's share: 1 for the first cell of drivers, 2 for the second, and so on.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s.
 * @returns The share at that position.
 */
export function share(amount: unknown, drivers: unknown[][], position: unknown, unit?: unknown): number | CustomFunctions.Error {
  return scalar(() => {
    const d = readVector(drivers, "drivers");
    if (!d.ok) return fail(d.errors, SHARE_ARGS);
    const count = d.value.values.length;
    const at = readPosition(readCell(position), count);
    const shares = splitByDrivers(readCell(amount), d.value.values, readCell(unit));
    if (!at.ok || !shares.ok) return fail([...(at.ok ? [] : at.errors), ...(shares.ok ? [] : shares.errors)], SHARE_ARGS);
    const value = shares.value[at.value - 1];
    return value === undefined ? fail([outOfRange(position, count)], SHARE_ARGS) : penceToNumber(value);
  });
}

function outOfRange(position: unknown, count: number): EngineError {
  return {
    kind: "outOfRange",
    value: String(position),
    expected: count === 1 ? "1 (there is one driver)" : `a whole number from 1 to ${count} (one per driver)`,
    at: { entity: "argument", field: "position" },
  };
}

/** Reads a 1-based position within a list of `count` cells. */
function readPosition(position: unknown, count: number): Result<number> {
  const at = { entity: "argument", field: "position" } as const;
  if (position === null || position === undefined || position === "") return { ok: false, errors: [{ kind: "missingValue", at }] };
  const n = typeof position === "number" ? position : typeof position === "string" && position.trim() !== "" ? Number(position) : NaN;
  if (Number.isNaN(n)) return { ok: false, errors: [{ kind: "notANumber", value: String(position), at }] };
  if (!Number.isInteger(n) || n < 1 || n > count) return { ok: false, errors: [outOfRange(position, count)] };
  return { ok: true, value: n };
}

const PCT_ARGS = ["amount", "percentages", "unit"] as const;

/**
 * Splits an amount by fixed percentages (e.g. from the inter-authority agreement) and spills one share per partner in the same shape. The
 * percentages must total exactly 100%. Shares always add up exactly to the amount.
 * @customfunction APPORTION.PCT
 * @param amount The amount to split in £. A credit or underspend can be negative.
 * @param percentages One row or one column of percentages, one per partner: 25 or 25% both mean a quarter. They must total exactly 100%.
 * Blank cells count as zero.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s.
 * @returns One share per partner, adding up exactly to the amount.
 */
export function apportionPct(amount: unknown, percentages: unknown[][], unit?: unknown): Array<Array<number | CustomFunctions.Error>> {
  return spill(() => {
    const p = readVector(percentages, "percentages");
    if (!p.ok) return fail(p.errors, PCT_ARGS);
    const shares = splitByPercentCells(readCell(amount), p.value.values, readCell(unit));
    if (!shares.ok) return fail(shares.errors, PCT_ARGS);
    return spillLike(shares.value.map(penceToNumber), p.value.orientation);
  });
}

const MIX_ARGS = ["amount", "drivers", "weights", "unit"] as const;

/**
 * Splits an amount by a weighted mix of drivers (e.g. 50% users + 50% tickets) and spills one share per partner down a column. Each
 * partner's exact share is combined across drivers and rounded once, so shares add up exactly to the amount.
 * @customfunction APPORTION.MIX
 * @param amount The amount to split in £. A credit or underspend can be negative.
 * @param drivers A table of driver values: one row per partner, one column per driver. Blank cells count as zero; no column may be all
 * zero.
 * @param weights One weight per driver column, as a row or a column: 50 or 50% both mean half. They must total exactly 100%.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s.
 * @returns One share per partner (per row of drivers), adding up exactly to the amount.
 */
export function apportionMix(
  amount: unknown,
  drivers: unknown[][],
  weights: unknown[][],
  unit?: unknown,
): Array<Array<number | CustomFunctions.Error>> {
  return spill(() => {
    const table = readTable(drivers, "drivers");
    const w = readVector(weights, "weights");
    if (!table.ok || !w.ok) return fail([...(table.ok ? [] : table.errors), ...(w.ok ? [] : w.errors)], MIX_ARGS);
    const shares = splitByMixCells(readCell(amount), table.value, w.value.values, readCell(unit));
    if (!shares.ok) return fail(shares.errors, MIX_ARGS);
    return spillLike(shares.value.map(penceToNumber), "column");
  });
}

/**
 * The financial year (1 April to 31 March) that a date falls in, written like 2020/21.
 * @customfunction FINYEAR
 * @param date A date: a date cell, DATE(2021,1,1), or text like 2021-01-01.
 * @returns The financial year, e.g. 2020/21 for 1 January 2021.
 */
export function finYear(date: unknown): string | CustomFunctions.Error {
  return scalar(() => {
    const d = parseDate(readCell(date), { entity: "argument", field: "date" });
    return d.ok ? fyLabel(fyOfDay(d.value)) : fail(d.errors, ["date"]);
  });
}

const YEARPART_ARGS = ["amount", "year", "start", "end", "basis", "unit"] as const;

/**
 * The part of an annual charge falling in one financial year when it starts (or ends) part-way through: the annual amount × the part of
 * the year covered, rounded once; from 1 Jan 2021 that is 90/365 of 2020/21 by days, 3/12 by months.
 * @customfunction YEARPART
 * @param amount The annual charge in £, e.g. 82000.
 * @param year The financial year, written like 2020/21.
 * @param start The first day charged: a date cell, DATE(2021,1,1), or text like 2021-01-01.
 * @param end Optional last day charged (included). Leave blank if the charge continues.
 * @param basis Optional: "days" (the default) counts days covered out of 365 or 366; "months" counts months out of 12, a part month by its
 * days.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s.
 * @returns The charge falling in that year; 0 if the charge does not touch it.
 */
export function yearPart(
  amount: unknown,
  year: unknown,
  start: unknown,
  end?: unknown,
  basis?: unknown,
  unit?: unknown,
): number | CustomFunctions.Error {
  return scalar(() => {
    const r = yearPartOfCharge(
      { amount: readCell(amount), start: readCell(start), end: readCell(end), basis: readCell(basis), unit: readCell(unit) },
      readCell(year),
      CHARGE_NAMES,
    );
    return r.ok ? penceToNumber(r.value) : fail(r.errors, YEARPART_ARGS);
  });
}

const PROFILE_ARGS = ["amount", "first_year", "last_year", "start", "end", "indexation", "base_year", "basis", "unit"] as const;

/**
 * Profiles an ongoing annual charge for a budget or MTFS: spills one amount per financial year along a row, first_year to last_year. Part
 * years are pro-rated, indexation compounds each year after the base year, each year is rounded once.
 * @customfunction PROFILE
 * @param amount The annual charge in £ at base-year prices, e.g. 82000.
 * @param first_year The first financial year to show, written like 2020/21.
 * @param last_year The last financial year to show, written like 2024/25.
 * @param start The first day charged: a date cell, DATE(2021,1,1), or text like 2021-01-01.
 * @param end Optional last day charged (included). Leave blank if the charge continues.
 * @param indexation Optional yearly increase as a percentage, e.g. 3% (or 0.03). Leave blank for none.
 * @param base_year Optional financial year whose charge is the amount as given (unindexed), like 2021/22. Defaults to the year the charge
 * starts.
 * @param basis Optional: "days" (the default) or "months", for part years.
 * @param unit Optional rounding unit: 0.01 to the penny (the default), 1 for whole pounds, 1000 for £000s.
 * @returns One amount per financial year, 0 where the charge does not reach the year.
 */
export function profile(
  amount: unknown,
  first_year: unknown,
  last_year: unknown,
  start: unknown,
  end?: unknown,
  indexation?: unknown,
  base_year?: unknown,
  basis?: unknown,
  unit?: unknown,
): Array<Array<number | CustomFunctions.Error>> {
  return spill(() => {
    const r = profileAnnualCharge(
      {
        amount: readCell(amount),
        start: readCell(start),
        end: readCell(end),
        indexation: readCell(indexation),
        baseYear: readCell(base_year),
        basis: readCell(basis),
        unit: readCell(unit),
      },
      readCell(first_year),
      readCell(last_year),
      CHARGE_NAMES,
    );
    if (!r.ok) return fail(r.errors, PROFILE_ARGS);
    return spillLike(
      r.value.map((y) => penceToNumber(y.amount)),
      "row",
    );
  });
}

const VARIANCE_ARGS = ["recharge", "budget", "tolerance_pct", "tolerance_amount"] as const;

/**
 * Compares recharges with budgets and spills, for each, the variance in £ (recharge − budget), the variance as a % of budget and a status:
 * On budget, Within tolerance (over/under), Over budget, Under budget or No budget.
 * @customfunction VARIANCE
 * @param recharge The recharge in £: one cell, or a row or column of cells (one per partner).
 * @param budget The budget in £, in the same shape as recharge. A blank cell means no budget was set: status No budget, with no variance.
 * @param tolerance_pct Optional tolerance as a % of budget, e.g. 5% (or 0.05). A variance inside every tolerance given shows as Within
 * tolerance (over) or (under).
 * @param tolerance_amount Optional tolerance in £, e.g. 10000.
 * @returns For each recharge: variance £, variance % (#DIV/0! when the budget is zero) and status. A column of recharges gives three
 * columns; a row gives three rows.
 */
export function variance(
  recharge: unknown[][],
  budget: unknown[][],
  tolerance_pct?: unknown,
  tolerance_amount?: unknown,
): Array<Array<number | string | CustomFunctions.Error>> {
  return spill(() => {
    const r = readVector(recharge, "recharge");
    const b = readVector(budget, "budget");
    const t = parseTolerance(readCell(tolerance_pct), readCell(tolerance_amount));
    const problems: EngineError[] = [...(r.ok ? [] : r.errors), ...(b.ok ? [] : b.errors), ...(t.ok ? [] : t.errors)];
    if (r.ok && b.ok && r.value.values.length !== b.value.values.length) {
      problems.push({
        kind: "shapeMismatch",
        expected: `${r.value.values.length} budget cell${r.value.values.length === 1 ? "" : "s"} (one per recharge)`,
        actual: `${b.value.values.length}`,
        at: { entity: "argument", field: "budget" },
      });
    }
    if (problems.length > 0 || !r.ok || !b.ok || !t.ok) return fail(problems, VARIANCE_ARGS);
    const many = r.value.values.length > 1;
    const rows = r.value.values.map((rc, i): Array<number | string | CustomFunctions.Error> => {
      const v = varianceOf(rc, b.value.values[i], t.value, undefined, many ? i + 1 : undefined);
      if (!v.ok) {
        const e = fail(v.errors, VARIANCE_ARGS);
        return [e, e, e];
      }
      const { variance: diff, fraction, status } = v.value;
      if (diff === undefined || fraction === undefined) return ["", "", status];
      return [penceToNumber(diff), fraction.ok ? fraction.value.toNumber() : fail(fraction.errors, VARIANCE_ARGS), status];
    });
    // A column of recharges spills rows of three; a row of recharges spills three rows.
    return r.value.orientation === "row"
      ? [0, 1, 2].map((k) => rows.map((row) => row[k] as number | string | CustomFunctions.Error))
      : rows;
  });
}

// Registration. custom-functions-metadata-plugin also appends associate calls for
// every @customfunction when webpack builds this file; these guarded calls keep the
// file self-sufficient (any bundler, and tests) and harmless where the
// CustomFunctions runtime does not exist (e.g. a page opened outside Excel).
if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("APPORTION", apportion);
  CustomFunctions.associate("SHARE", share);
  CustomFunctions.associate("APPORTION.PCT", apportionPct);
  CustomFunctions.associate("APPORTION.MIX", apportionMix);
  CustomFunctions.associate("FINYEAR", finYear);
  CustomFunctions.associate("YEARPART", yearPart);
  CustomFunctions.associate("PROFILE", profile);
  CustomFunctions.associate("VARIANCE", variance);
}
