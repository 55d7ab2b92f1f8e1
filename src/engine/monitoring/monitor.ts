import { readBudgetTolerance } from "../budget/tolerance";
import { budgetVariance, type BudgetStatus } from "../budget/variance";
import { CARRIED_PREFIX } from "../budget/year-end";
import type { ChargeRow } from "../charge-row";
import { decimalsToWeights } from "../weights";
import { isBlank, parseDecimal, showInput } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyLabel, parseFinancialYear, type FinancialYear } from "../financial-year";
import { largestRemainder, type Weight } from "../largest-remainder";
import type { Category, ModelInput } from "../model";
import { checkMultipleOfUnit, parseMoney, type Pence, type UnitPence } from "../money";
import type { Line } from "../prepared";
import { errs, ok, type Result } from "../result";
import { validateModel } from "../validate";
import type { MonitoringInput } from "./inputs";
import { parsePeriod, PERIODS, type Period } from "./periods";
import { defaultWeights, profileAmounts } from "./profile";
import { forecastSettlement, type ForecastSettlement } from "./settlement";

/** One partner's part of a monitored line. */
export interface PartnerLine {
  readonly partner: string;
  /** What the partner is charged for the line in the year. */
  readonly charged: Pence;
  /** Its part of each period's profiled budget (12, April first). */
  readonly profile: readonly Pence[];
  /** Its part of each period's actual (undefined after the last period with actuals). */
  readonly actual: readonly (Pence | undefined)[];
  /** Its part of the line's forecast outturn, rounded once. */
  readonly forecastOutturn: Pence;
}

/** A cost line through the year: profile, actuals, forecast and outturn. */
export interface LineMonitoring {
  readonly line: string;
  readonly description: string;
  readonly service: string;
  readonly category: Category;
  /** What the partners are charged for the line in the year: its budget. */
  readonly budget: Pence;
  /** "even" or "profile" (a row in the Profile table). */
  readonly profiledBy: "even" | "profile";
  readonly profile: readonly Pence[];
  /** Actuals of periods 1 to `toPeriod` (zero where none was posted); undefined after. */
  readonly actual: readonly (Pence | undefined)[];
  /** The forecast of periods after `toPeriod` (undefined up to it). */
  readonly forecast: readonly (Pence | undefined)[];
  /** True for a later period whose forecast was typed rather than taken from the profile. */
  readonly forecastTyped: readonly boolean[];
  readonly profileToDate: Pence;
  readonly actualToDate: Pence;
  /** Actual − profile to date: positive is spending ahead of profile. */
  readonly varianceToDate: Pence;
  readonly forecastRemaining: Pence;
  /** Actuals to date + forecast for the remaining periods, exactly. */
  readonly forecastOutturn: Pence;
  /** Forecast outturn − budget. */
  readonly variance: Pence;
  readonly status: BudgetStatus;
  readonly partners: readonly PartnerLine[];
}

/** One partner, one period, one category: what its profile said, what it spent, the difference. */
export interface PartnerPeriod {
  readonly period: Period;
  readonly profiledBudget: Pence;
  /** Undefined after the last period with actuals. */
  readonly actual: Pence | undefined;
  /** Actual − profiled budget; undefined where there is no actual yet. */
  readonly variance: Pence | undefined;
}

/** A partner's monitoring for one category (capital and revenue are never netted). */
export interface PartnerMonitoring {
  readonly partner: string;
  readonly category: Category;
  readonly charged: Pence;
  readonly periods: readonly PartnerPeriod[];
  readonly profileToDate: Pence;
  readonly actualToDate: Pence;
  readonly varianceToDate: Pence;
  readonly forecastOutturn: Pence;
  /** Forecast outturn − charged. */
  readonly variance: Pence;
  /** The budget check's status words, of the forecast outturn against what the partner is charged. */
  readonly status: BudgetStatus;
}

/** The monitoring of one year to a period. */
export interface MonitoringReport {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  /** The last period with actuals (0 when none has any). */
  readonly toPeriod: number;
  readonly lines: readonly LineMonitoring[];
  readonly partners: readonly PartnerMonitoring[];
  /** The forecast year-end settlement, shared by the year-end rule. */
  readonly settlement: ForecastSettlement;
}

const zeros = (): Pence[] => PERIODS.map(() => 0);

/**
 * Monitors the model's year: each line's budget (what it is charged in the
 * year) is profiled over the twelve periods; actuals to date and forecasts
 * for the rest give its forecast outturn (exactly their sum); each partner's
 * part of every figure is its share of the line's charges, by largest
 * remainder; and the forecast under- or overspend is shared as the year-end
 * settlement shares an outturn. `rows` are the run's charges.
 */
export function monitorModel(model: ModelInput, rows: readonly ChargeRow[]): Result<MonitoringReport> {
  const input: MonitoringInput = model.monitoring ?? {};
  const prepared = validateModel(model);
  if (!prepared.ok) return prepared;
  const { unit, firstYear } = prepared.value.settings;
  const problems: EngineError[] = [];
  const monWhere: Where = { entity: "monitoring" };
  let year = firstYear;
  if (!isBlank(input.year)) {
    const y = parseFinancialYear(input.year, { ...monWhere, field: "year" });
    if (!y.ok) return y;
    year = y.value;
    const { lastYear } = prepared.value.settings;
    if (year < firstYear || year > lastYear) {
      return errs([
        {
          kind: "outOfRange",
          value: fyLabel(year),
          expected: `one of the model's years, ${fyLabel(firstYear)} to ${fyLabel(lastYear)}`,
          at: { ...monWhere, field: "year" },
        },
      ]);
    }
  }
  const lines = new Map(prepared.value.lines.map((l) => [l.ref, l]));
  // Carried-forward settlements are credits and charges between partners, not spend the ledger will show.
  const yearRows = rows.filter((r) => r.year === year && !r.lineRef.startsWith(CARRIED_PREFIX));
  const charged = new Map<string, Map<string, Pence>>();
  for (const r of yearRows) {
    const m = charged.get(r.lineRef) ?? new Map<string, Pence>();
    m.set(r.partner, (m.get(r.partner) ?? 0) + r.amount);
    charged.set(r.lineRef, m);
  }

  const actuals = readPeriodAmounts(input.actuals ?? [], "actual", lines, charged, unit, problems);
  const forecasts = readPeriodAmounts(input.forecasts ?? [], "forecast", lines, charged, unit, problems);
  const profiles = readProfiles(input, lines, problems);
  let toPeriod = 0;
  for (const a of actuals) toPeriod = Math.max(toPeriod, a.period);
  if (!isBlank(input.toPeriod)) {
    const p = parsePeriod(input.toPeriod, { ...monWhere, field: "toPeriod" });
    if (!p.ok) problems.push(...p.errors);
    else {
      for (const a of actuals) {
        if (a.period > p.value) {
          problems.push({
            kind: "outOfRange",
            value: `period ${a.period}`,
            expected: `a period up to ${p.value}, the last period monitored`,
            at: { ...a.at, field: "period" },
          });
        }
      }
      toPeriod = p.value;
    }
  }
  for (const f of forecasts) {
    if (f.period <= toPeriod) {
      problems.push({
        kind: "outOfRange",
        value: `period ${f.period}`,
        expected: `a period after ${toPeriod} (periods up to ${toPeriod} have actuals)`,
        at: { ...f.at, field: "period" },
      });
    }
  }
  if (problems.length > 0) return errs(problems);

  const tolerance = readBudgetTolerance(model.tolerance);
  if (!tolerance.ok) return tolerance;
  const out: LineMonitoring[] = [];
  for (const [ref, byPartner] of [...charged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const line = lines.get(ref);
    if (line === undefined) continue;
    const partners = [...byPartner.keys()].sort();
    let budget = 0;
    for (const p of partners) budget += byPartner.get(p) ?? 0;
    const weights = profiles.get(ref);
    const profile = profileAmounts(budget, weights ?? defaultWeights(line, year), unit);
    const actual: (Pence | undefined)[] = PERIODS.map((p) => (p <= toPeriod ? 0 : undefined));
    for (const a of actuals) if (a.line === ref) actual[a.period - 1] = (actual[a.period - 1] ?? 0) + a.amount;
    const typed = PERIODS.map(() => false);
    const forecastTyped: (Pence | undefined)[] = PERIODS.map(() => undefined);
    for (const f of forecasts) {
      if (f.line !== ref) continue;
      forecastTyped[f.period - 1] = (forecastTyped[f.period - 1] ?? 0) + f.amount;
      typed[f.period - 1] = true;
    }
    const forecast = PERIODS.map((p) => (p <= toPeriod ? undefined : (forecastTyped[p - 1] ?? profile[p - 1] ?? 0)));
    const sum = (xs: readonly (Pence | undefined)[]): Pence => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
    const profileToDate = sum(profile.slice(0, toPeriod));
    const actualToDate = sum(actual);
    const forecastRemaining = sum(forecast);
    const forecastOutturn = actualToDate + forecastRemaining;
    const v = budgetVariance(budget, forecastOutturn, tolerance.value);
    // Each partner's part is its share of the line's charges; a credit line's shares are all negative, so magnitudes weigh.
    const split = splitter(
      partners.map((p) => Math.abs(byPartner.get(p) ?? 0) / unit),
      unit,
    );
    const profileParts = profile.map(split);
    const actualParts = actual.map((a) => (a === undefined ? undefined : split(a)));
    const outturnParts = split(forecastOutturn);
    out.push({
      line: ref,
      description: line.description,
      service: line.service,
      category: line.category,
      budget,
      profiledBy: weights === undefined ? "even" : "profile",
      profile,
      actual,
      forecast,
      forecastTyped: typed.map((t, i) => t && i + 1 > toPeriod),
      profileToDate,
      actualToDate,
      varianceToDate: actualToDate - profileToDate,
      forecastRemaining,
      forecastOutturn,
      variance: v.variance,
      status: v.status,
      partners: partners.map((partner, i) => ({
        partner,
        charged: byPartner.get(partner) ?? 0,
        profile: profileParts.map((ps) => ps[i] ?? 0),
        actual: actualParts.map((ps) => (ps === undefined ? undefined : (ps[i] ?? 0))),
        forecastOutturn: outturnParts[i] ?? 0,
      })),
    });
  }

  const partnerRows = partnerMonitoring(out, toPeriod, (budget, outturn) => budgetVariance(budget, outturn, tolerance.value));
  // Settled on the same charges the lines were budgeted from: a carried-forward settlement is not spend of this year.
  const settlement = forecastSettlement(model, yearRows, year, out);
  if (!settlement.ok) return settlement;
  return ok({ year, yearLabel: fyLabel(year), toPeriod, lines: out, partners: partnerRows, settlement: settlement.value });
}

/** Splits amounts by fixed weights in whole units; with no weight at all (nothing charged), every part is zero. */
function splitter(weights: readonly Weight[], unit: UnitPence): (amount: Pence) => Pence[] {
  const any = weights.some((w) => w !== 0);
  return (amount) => (any ? largestRemainder(amount / unit, weights).map((u) => u * unit) : weights.map(() => 0));
}

function partnerMonitoring(
  lines: readonly LineMonitoring[],
  toPeriod: number,
  vary: (budget: Pence, outturn: Pence) => { variance: Pence; status: BudgetStatus },
): PartnerMonitoring[] {
  const acc = new Map<string, { partner: string; category: Category; charged: Pence; profile: Pence[]; actual: Pence[]; outturn: Pence }>();
  for (const l of lines) {
    for (const p of l.partners) {
      const key = `${p.partner}\u0000${l.category}`;
      const a = acc.get(key) ?? { partner: p.partner, category: l.category, charged: 0, profile: zeros(), actual: zeros(), outturn: 0 };
      a.charged += p.charged;
      a.outturn += p.forecastOutturn;
      p.profile.forEach((x, i) => (a.profile[i] = (a.profile[i] ?? 0) + x));
      p.actual.forEach((x, i) => (a.actual[i] = (a.actual[i] ?? 0) + (x ?? 0)));
      acc.set(key, a);
    }
  }
  return [...acc.values()]
    .sort((a, b) =>
      a.partner < b.partner ? -1 : a.partner > b.partner ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0,
    )
    .map((a) => {
      const periods = PERIODS.map((p) => {
        const budget = a.profile[p - 1] ?? 0;
        const actual = p <= toPeriod ? (a.actual[p - 1] ?? 0) : undefined;
        return { period: p, profiledBudget: budget, actual, variance: actual === undefined ? undefined : actual - budget };
      });
      const profileToDate = periods.slice(0, toPeriod).reduce((s, x) => s + x.profiledBudget, 0);
      const actualToDate = periods.slice(0, toPeriod).reduce((s, x) => s + (x.actual ?? 0), 0);
      const v = vary(a.charged, a.outturn);
      return {
        partner: a.partner,
        category: a.category,
        charged: a.charged,
        periods,
        profileToDate,
        actualToDate,
        varianceToDate: actualToDate - profileToDate,
        forecastOutturn: a.outturn,
        variance: v.variance,
        status: v.status,
      };
    });
}

interface PeriodAmount {
  readonly period: Period;
  readonly line: string;
  readonly amount: Pence;
  readonly at: Where;
}

function readPeriodAmounts(
  input: readonly { period: unknown; line: string; amount: unknown }[],
  entity: "actual" | "forecast",
  lines: ReadonlyMap<string, Line>,
  charged: ReadonlyMap<string, ReadonlyMap<string, Pence>>,
  unit: UnitPence,
  problems: EngineError[],
): PeriodAmount[] {
  const out: PeriodAmount[] = [];
  input.forEach((a, i) => {
    const at: Where = { entity, index: i + 1 };
    const period = parsePeriod(a.period, { ...at, field: "period" });
    const ref = typeof a.line === "string" ? a.line.trim() : showInput(a.line);
    const money = parseMoney(a.amount as never, { ...at, field: "amount" });
    // Spend is shared in whole rounding units, like an outturn.
    const amount = money.ok ? checkMultipleOfUnit(money.value, unit, { ...at, field: "amount" }) : money;
    const bad = [period, amount].flatMap((r) => (r.ok ? [] : r.errors));
    if (ref === "") bad.push({ kind: "missingValue", at: { ...at, field: "line" } });
    else if (!lines.has(ref)) bad.push({ kind: "unknownCostLine", line: ref, at: { ...at, field: "line" } });
    else if (amount.ok && amount.value !== 0 && !charged.has(ref))
      bad.push({ kind: "lineNotCharged", line: ref, at: { ...at, field: "line" } });
    if (bad.length > 0 || !period.ok || !amount.ok) return problems.push(...bad);
    out.push({ period: period.value, line: ref, amount: amount.value, at });
  });
  return out;
}

function readProfiles(input: MonitoringInput, lines: ReadonlyMap<string, Line>, problems: EngineError[]): Map<string, Weight[]> {
  const raw = new Map<string, { weights: ReturnType<typeof parseDecimal>[]; at: Where }>();
  (input.profiles ?? []).forEach((r, i) => {
    const at: Where = { entity: "profile", index: i + 1 };
    const ref = typeof r.line === "string" ? r.line.trim() : showInput(r.line);
    const period = parsePeriod(r.period, { ...at, field: "period" });
    const w = parseDecimal(r.weight);
    if (ref === "") problems.push({ kind: "missingValue", at: { ...at, field: "line" } });
    else if (!lines.has(ref)) problems.push({ kind: "unknownCostLine", line: ref, at: { ...at, field: "line" } });
    if (!period.ok) problems.push(...period.errors);
    if (w === undefined) {
      const where: Where = { ...at, field: "weight" };
      problems.push(
        isBlank(r.weight) ? { kind: "missingValue", at: where } : { kind: "notANumber", value: showInput(r.weight), at: where },
      );
    } else if (w.isNeg()) problems.push({ kind: "negativeValue", value: w.toString(), at: { ...at, field: "weight" } });
    if (!period.ok || w === undefined || w.isNeg() || !lines.has(ref)) return;
    const entry = raw.get(ref) ?? { weights: PERIODS.map(() => undefined), at };
    if (entry.weights[period.value - 1] !== undefined) {
      problems.push({ kind: "duplicateId", id: `${ref} period ${period.value}`, at: { ...at, field: "period" } });
    }
    entry.weights[period.value - 1] = w;
    raw.set(ref, entry);
  });
  const out = new Map<string, Weight[]>();
  for (const [ref, { weights, at }] of raw) {
    const ds = weights.map((w) => w ?? parseDecimal(0));
    if (ds.every((d) => d === undefined || d.isZero())) {
      problems.push({ kind: "allDriversZero", basis: `profile of ${ref}`, at: { ...at, field: "weight" } });
      continue;
    }
    out.set(ref, decimalsToWeights(ds.map((d) => d ?? parseDecimal(0)!)));
  }
  return out;
}
