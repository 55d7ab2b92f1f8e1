import { basisRefText, parseBasisRef } from "../bases/registry";
import { isoDate, parseDate, type DayNumber } from "../dates";
import { Decimal, isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import { parseFinancialYear, type FinancialYear } from "../financial-year";
import type { ModelInput } from "../model";
import { parseChoice, parseNonNegative } from "../parse-helpers";
import type { MixComponent } from "../prepared";
import type { Result } from "../result";
import { totalsHundred } from "../validate-limits";
import type { TrueUpToleranceInput } from "./input";
import type { DatedDriverValues, DatedMix, DatedShares, PreparedVersions, TrueUpRule, TrueUpTiming, TrueUpTolerance } from "./prepared";

/** What the versions are checked against: the ids the model defines. */
export interface KnownIds {
  readonly partners: ReadonlySet<string>;
  readonly drivers: ReadonlySet<string>;
  readonly percentages: ReadonlySet<string>;
  readonly mixes: ReadonlySet<string>;
}

/**
 * How a basis version is named in problems ("HR from 2022-10-03"): the
 * workbook's reader keys the version's rows the same way, so a problem
 * points at the version's own row.
 */
export function versionKey(basis: string, validFrom: unknown): string {
  const d = isBlank(validFrom) ? undefined : parseDate(validFrom, { entity: "argument" });
  return `${basis.trim()} from ${d?.ok === true ? isoDate(d.value) : String(validFrom ?? "")}`;
}

/** "actual" or "estimate" (blank); anything else is refused by {@link validateVersions}. */
export function driverStatus(status: unknown): "estimate" | "actual" | undefined {
  if (isBlank(status)) return "estimate";
  const t = String(status).trim().toLowerCase();
  return t === "actual" || t === "actuals" ? "actual" : t === "estimate" || t === "estimated" ? "estimate" : undefined;
}

/**
 * True for a driver value that is the value as ever (no Valid from, an
 * estimate): the only kind the driver's own figures hold. Dated and actual
 * values are read by {@link validateVersions}.
 */
export function isPlainDriverValue(v: { readonly validFrom?: unknown; readonly status?: unknown }): boolean {
  return isBlank(v.validFrom) && driverStatus(v.status) !== "actual";
}

/**
 * Checks the model's basis versions, dated and actual driver values and
 * true-up rule; undefined when it has none of them. Problems are pushed to
 * `add`, each naming the basis or driver row it is about.
 */
export function validateVersions(model: ModelInput, known: KnownIds, add: (e: EngineError) => void): PreparedVersions | undefined {
  const anyDriver = (model.drivers ?? []).some((d) => d.values.some((v) => !isPlainDriverValue(v) || driverStatus(v.status) === undefined));
  if ((model.basisVersions ?? []).length === 0 && !anyDriver && model.trueUp === undefined) return undefined;
  const take = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    r.errors.forEach(add);
    return undefined;
  };
  const percentages = new Map<string, DatedShares[]>();
  const mixes = new Map<string, DatedMix[]>();
  (model.basisVersions ?? []).forEach((v) => {
    const id = typeof v.basis === "string" ? v.basis.trim() : "";
    const at: Where = { entity: "basis", key: versionKey(id, v.validFrom) };
    if (!known.percentages.has(id) && !known.mixes.has(id)) {
      add({ kind: "unknownBasis", basis: id, at: { ...at, field: "id" } });
      return;
    }
    const from = isBlank(v.validFrom) ? undefined : take(parseDate(v.validFrom, { ...at, field: "validFrom" }));
    if (from === undefined) {
      if (isBlank(v.validFrom)) add({ kind: "missingValue", at: { ...at, field: "validFrom" } });
      return;
    }
    const list = known.percentages.has(id) ? percentages.get(id) : mixes.get(id);
    if (list?.some((x) => x.from === from)) {
      add({ kind: "duplicateId", id: `${id} valid from ${String(v.validFrom)}`, at: { ...at, field: "validFrom" } });
      return;
    }
    if (known.percentages.has(id)) {
      const shares = versionShares(v.shares ?? [], known, at, add, take);
      if (shares !== undefined) percentages.set(id, [...(percentages.get(id) ?? []), { from, shares }].sort(byFrom));
    } else {
      const components = versionMix(v.components ?? [], id, known, at, add, take);
      if (components !== undefined) mixes.set(id, [...(mixes.get(id) ?? []), { from, components }].sort(byFrom));
    }
  });
  const { drivers, actuals } = datedDrivers(model, known, add, take);
  return { percentages, mixes, drivers, actuals, trueUp: trueUpRule(model, known, add, take) };
}

function byFrom(a: { from: DayNumber }, b: { from: DayNumber }): number {
  return a.from - b.from;
}

type Take = <T>(r: Result<T>) => T | undefined;

function versionShares(
  rows: NonNullable<ModelInput["basisVersions"]>[number]["shares"] & object,
  known: KnownIds,
  at: Where,
  add: (e: EngineError) => void,
  take: Take,
): Map<string, Decimal> | undefined {
  const shares = new Map<string, Decimal>();
  let total = new Decimal(0);
  let bad = false;
  rows.forEach((s, j) => {
    const where: Where = { ...at, index: j + 1, partner: s.partner, field: "percent" };
    if (!known.partners.has(s.partner)) {
      bad = true;
      return add({ kind: "unknownPartner", partner: s.partner, at: { ...where, field: "partner" } });
    }
    if (shares.has(s.partner)) {
      bad = true;
      return add({ kind: "duplicatePartner", partner: s.partner, at: { ...where, field: "partner" } });
    }
    const v = take(parseNonNegative(s.percent, where));
    if (v === undefined) {
      bad = true;
      return;
    }
    shares.set(s.partner, v);
    total = total.plus(v);
  });
  if (bad) return undefined;
  if (!totalsHundred(total)) {
    add({ kind: "percentagesNotHundred", basis: at.key ?? "", total: total.toFixed(), at: { ...at, field: "percent" } });
    return undefined;
  }
  return shares;
}

function versionMix(
  rows: NonNullable<NonNullable<ModelInput["basisVersions"]>[number]["components"]>,
  id: string,
  known: KnownIds,
  at: Where,
  add: (e: EngineError) => void,
  take: Take,
): MixComponent[] | undefined {
  const comps: MixComponent[] = [];
  let total = new Decimal(0);
  let bad = false;
  const sources = { ...known, mixes: new Set<string>() };
  rows.forEach((c, j) => {
    const source = take(parseBasisRef(c.source, sources, { ...at, index: j + 1, field: "source" }));
    const weight = take(parseNonNegative(c.weight, { ...at, index: j + 1, field: "weight" }));
    if (source === undefined || weight === undefined) {
      bad = true;
      return;
    }
    comps.push({ source, sourceText: basisRefText(source), weight });
    total = total.plus(weight);
  });
  if (bad) return undefined;
  if (!totalsHundred(total)) {
    add({ kind: "weightsNotHundred", basis: id, total: total.toFixed(), at: { ...at, field: "weight" } });
    return undefined;
  }
  return comps;
}

function datedDrivers(
  model: ModelInput,
  known: KnownIds,
  add: (e: EngineError) => void,
  take: Take,
): Pick<PreparedVersions, "drivers" | "actuals"> {
  const drivers = new Map<string, DatedDriverValues[]>();
  const actuals = new Map<string, Map<FinancialYear, Map<string, Decimal>>>();
  for (const drv of model.drivers ?? []) {
    const id = typeof drv.id === "string" ? drv.id.trim() : "";
    if (!known.drivers.has(id)) continue;
    const dated = new Map<DayNumber, Map<FinancialYear | undefined, Map<string, Decimal>>>();
    drv.values.forEach((v, j) => {
      const at: Where = {
        entity: "driver",
        key: id,
        index: j + 1,
        partner: v.partner,
        ...(isBlank(v.year) ? {} : { year: String(v.year) }),
      };
      const status = driverStatus(v.status);
      if (status === undefined) {
        add({ kind: "invalidChoice", value: String(v.status), allowed: ["Estimate", "Actual"], at: { ...at, field: "status" } });
        return;
      }
      if (isPlainDriverValue(v) || !known.partners.has(v.partner)) return;
      const year = isBlank(v.year) ? undefined : take(parseFinancialYear(v.year, { ...at, field: "year" }));
      const value = take(parseNonNegative(v.value, { ...at, field: "value" }));
      if (value === undefined || (!isBlank(v.year) && year === undefined)) return;
      if (status === "actual") {
        if (!isBlank(v.validFrom)) {
          add({
            kind: "shapeMismatch",
            expected: "a blank Valid from for an actual value",
            actual: String(v.validFrom),
            at: { ...at, field: "validFrom" },
          });
          return;
        }
        if (year === undefined) {
          add({ kind: "missingValue", at: { ...at, field: "year" } });
          return;
        }
        const byYear = actuals.get(id) ?? new Map<FinancialYear, Map<string, Decimal>>();
        const m = byYear.get(year) ?? new Map<string, Decimal>();
        if (m.has(v.partner))
          return add({ kind: "duplicateId", id: `${v.partner} ${String(v.year)} actual`, at: { ...at, field: "value" } });
        m.set(v.partner, value);
        byYear.set(year, m);
        actuals.set(id, byYear);
        return;
      }
      const from = take(parseDate(v.validFrom, { ...at, field: "validFrom" }));
      if (from === undefined) return;
      const byYear = dated.get(from) ?? new Map<FinancialYear | undefined, Map<string, Decimal>>();
      const m = byYear.get(year) ?? new Map<string, Decimal>();
      if (m.has(v.partner))
        return add({ kind: "duplicateId", id: `${v.partner} valid from ${String(v.validFrom)}`, at: { ...at, field: "value" } });
      m.set(v.partner, value);
      byYear.set(year, m);
      dated.set(from, byYear);
    });
    if (dated.size > 0) drivers.set(id, [...dated].map(([from, byYear]) => ({ from, byYear })).sort(byFrom));
  }
  return { drivers, actuals };
}

function tolerance(t: TrueUpToleranceInput | undefined, at: Where, take: Take): TrueUpTolerance {
  const points = isBlank(t?.points) ? undefined : take(parseNonNegative(t?.points, { ...at, field: "trueUp.points" }));
  const percent = isBlank(t?.percent) ? undefined : take(parseNonNegative(t?.percent, { ...at, field: "trueUp.percent" }));
  return { ...(points === undefined ? {} : { points }), ...(percent === undefined ? {} : { percent }) };
}

function trueUpRule(model: ModelInput, known: KnownIds, add: (e: EngineError) => void, take: Take): TrueUpRule {
  const t = model.trueUp;
  const at: Where = { entity: "settings" };
  const model_ = tolerance(t?.tolerance, at, take);
  const timing = timingOf(t?.timing, at, take) ?? "same year";
  const byBasis = new Map<string, { tolerance: TrueUpTolerance; timing: TrueUpTiming }>();
  for (const b of t?.byBasis ?? []) {
    // Keyed as the lines write the basis ("users" and "driver:users" are one basis).
    const ref = take(parseBasisRef(b.basis, known, { ...at, key: b.basis.trim(), field: "trueUp.basis" }));
    if (ref === undefined) continue;
    const where = { ...at, key: basisRefText(ref) };
    // Blank points and percent keep the model's tolerance (a basis row may set only its timing).
    const own = isBlank(b.points) && isBlank(b.percent) ? model_ : tolerance(b, where, take);
    byBasis.set(basisRefText(ref), { tolerance: own, timing: timingOf(b.timing, where, take) ?? timing });
  }
  return { tolerance: model_, byBasis, timing };
}

function timingOf(t: string | null | undefined, at: Where, take: Take): TrueUpTiming | undefined {
  if (isBlank(t)) return undefined;
  return take(parseChoice(String(t).trim().toLowerCase(), ["same year", "next year"] as const, { ...at, field: "trueUp.timing" }));
}
