import { parseDate, type DayNumber } from "./dates";
import { Decimal, isBlank, messageText, parseDecimal, showInput } from "./decimal";
import type { EngineError, Where } from "./errors";
import { fyOfDay, parseFinancialYear, type FinancialYear } from "./financial-year";
import { frac, fracFromDecimal } from "./fraction";
import { readMembershipDates } from "./membership";
import { checkMultipleOfUnit, parseMoney, parseUnit, PENNY } from "./money";
import type { BasisInput, Category, CostLineInput, DriverInput, ModelInput, Nature, PartnerInput, SettingsInput } from "./model";
import type { Driver, Line, MixComponent, Partner, PreparedModel, Settings } from "./prepared";
import { PRO_RATA_BASES, type ProRataBasis } from "./pro-rata";
import { errs, ok, type Result } from "./result";
import { basisRefText, chargedWhollyTo, mixRefusal, parseBasisRef, RESERVED_BASES } from "./bases/registry";
import { compareIds, parseChoice, parseNonNegative } from "./parse-helpers";
import { validateSupport } from "./support/validate-support";
import { isPlainDriverValue, validateVersions } from "./versions/validate-versions";
import { caseHint } from "./case-hint";
import {
  checkCaseClashes,
  checkIdCharacters,
  checkWithin,
  checkYearEndBasis,
  checkYearSpan,
  rateDigitsOk,
  totalsHundred,
} from "./validate-limits";

/** The smallest non-zero indexation rate in a model, in percent. */
const RATE_SMALLEST_PERCENT = new Decimal("1e-10");

/** Collects problems instead of stopping at the first, so a user sees them all at once. */
class Problems {
  readonly list: EngineError[] = [];
  add(e: EngineError): void {
    this.list.push(e);
  }
  /** Unwraps a result, recording its errors and returning undefined on failure. */
  take<T>(r: Result<T>): T | undefined {
    if (r.ok) return r.value;
    this.list.push(...r.errors);
    return undefined;
  }
}

function validatePartners(input: readonly PartnerInput[], p: Problems): Partner[] {
  if (input.length === 0) p.add({ kind: "noPartners", at: { entity: "partner" } });
  const seen = new Set<string>();
  const out: Partner[] = [];
  input.forEach((row, i) => {
    const at: Where = { entity: "partner", index: i + 1, field: "id" };
    const id = typeof row.id === "string" ? row.id.trim() : "";
    if (id === "") return p.add({ kind: "missingValue", at });
    if (seen.has(id)) return p.add({ kind: "duplicatePartner", partner: id, at: { ...at, key: id } });
    for (const e of checkIdCharacters(id, { ...at, key: id })) p.add(e);
    seen.add(id);
    const dates = p.take(readMembershipDates(row.joins, row.leaves, { entity: "partner", key: id })) ?? {};
    out.push({
      id,
      name: typeof row.name === "string" && row.name.trim() !== "" ? row.name.trim() : id,
      host: row.host === true,
      ...dates,
    });
  });
  return out.sort((a, b) => compareIds(a.id, b.id));
}

function validateDrivers(input: readonly DriverInput[], partners: ReadonlySet<string>, p: Problems): Map<string, Driver> {
  const out = new Map<string, Driver>();
  input.forEach((drv, i) => {
    const id = typeof drv.id === "string" ? drv.id.trim() : "";
    if (id === "") return p.add({ kind: "missingValue", at: { entity: "driver", index: i + 1, field: "id" } });
    if (out.has(id) || RESERVED_BASES.has(id.toLowerCase()))
      return p.add({ kind: "duplicateId", id, at: { entity: "driver", key: id, field: "id" } });
    // The figures' date only describes them (the methodology paper), but a date that is not one is still bad input.
    if (!isBlank(drv.asAt)) p.take(parseDate(drv.asAt, { entity: "driver", key: id, field: "asAt" }));
    const byYear = new Map<FinancialYear | undefined, Map<string, Decimal>>();
    drv.values.forEach((v, j) => {
      // Dated and actual values are versions (docs/versions.md), read by validateVersions.
      if (!isPlainDriverValue(v)) return;
      const base: Where = {
        entity: "driver",
        key: id,
        index: j + 1,
        partner: v.partner,
        ...(isBlank(v.year) ? {} : { year: String(v.year) }),
      };
      if (!partners.has(v.partner))
        return p.add({ kind: "unknownPartner", partner: v.partner, ...caseHint(v.partner, partners), at: { ...base, field: "partner" } });
      let year: FinancialYear | undefined;
      if (!isBlank(v.year)) {
        year = p.take(parseFinancialYear(v.year, { ...base, field: "year" }));
        if (year === undefined) return;
      }
      const value = p.take(parseNonNegative(v.value, { ...base, field: "value" }));
      if (value === undefined) return;
      const m = byYear.get(year) ?? new Map<string, Decimal>();
      if (m.has(v.partner))
        return p.add({
          kind: "duplicateId",
          id: `${v.partner}${year === undefined ? "" : ` ${String(v.year)}`}`,
          at: { ...base, field: "value" },
        });
      m.set(v.partner, value);
      byYear.set(year, m);
    });
    out.set(id, { id, label: drv.label?.trim() || id, illustrative: drv.illustrative === true, byYear });
  });
  return out;
}

interface BasisSets {
  percentages: Map<string, Map<string, Decimal>>;
  mixes: Map<string, MixComponent[]>;
}

function validateBases(input: readonly BasisInput[], partners: ReadonlySet<string>, drivers: ReadonlySet<string>, p: Problems): BasisSets {
  const percentages = new Map<string, Map<string, Decimal>>();
  const mixes = new Map<string, MixComponent[]>();
  const ids = new Set<string>();
  input.forEach((b, i) => {
    const id = typeof b.id === "string" ? b.id.trim() : "";
    if (id === "") return p.add({ kind: "missingValue", at: { entity: "basis", index: i + 1, field: "id" } });
    if (ids.has(id) || RESERVED_BASES.has(id.toLowerCase()) || drivers.has(id) || id.includes(":")) {
      return p.add({ kind: "duplicateId", id, at: { entity: "basis", key: id, field: "id" } });
    }
    ids.add(id);
  });
  // Percentages first: mixes may refer to them.
  for (const b of input) {
    if (b.kind !== "percentages" || !ids.has(b.id.trim())) continue;
    const id = b.id.trim();
    const shares = new Map<string, Decimal>();
    let total = new Decimal(0);
    let bad = false;
    b.shares.forEach((s, j) => {
      const at: Where = { entity: "basis", key: id, index: j + 1, partner: s.partner, field: "percent" };
      if (!partners.has(s.partner)) {
        bad = true;
        return p.add({ kind: "unknownPartner", partner: s.partner, ...caseHint(s.partner, partners), at: { ...at, field: "partner" } });
      }
      if (shares.has(s.partner)) {
        bad = true;
        return p.add({ kind: "duplicatePartner", partner: s.partner, at: { ...at, field: "partner" } });
      }
      const v = p.take(parseNonNegative(s.percent, at));
      if (v === undefined) {
        bad = true;
        return;
      }
      shares.set(s.partner, v);
      total = total.plus(v);
    });
    if (!bad && !totalsHundred(total))
      p.add({ kind: "percentagesNotHundred", basis: id, total: total.toFixed(), at: { entity: "basis", key: id, field: "percent" } });
    percentages.set(id, shares);
  }
  const known = { partners, drivers, percentages: new Set(percentages.keys()), mixes: new Set<string>() };
  for (const b of input) {
    if (b.kind !== "mix" || !ids.has(b.id.trim())) continue;
    const id = b.id.trim();
    const comps: MixComponent[] = [];
    let total = new Decimal(0);
    let bad = false;
    b.components.forEach((c, j) => {
      const at: Where = { entity: "basis", key: id, index: j + 1 };
      // A support service's cost is redistributed by the support method, not weighted with drivers: its kind says so.
      const refused = mixRefusal(c.source);
      if (refused !== undefined && typeof c.source === "string") {
        bad = true;
        return p.add({ kind: "shapeMismatch", expected: refused.expected, actual: `"${c.source.trim()}"`, at: { ...at, field: "source" } });
      }
      const source = p.take(parseBasisRef(c.source, known, { ...at, field: "source" }));
      const weight = p.take(parseNonNegative(c.weight, { ...at, field: "weight" }));
      if (source === undefined || weight === undefined) {
        bad = true;
        return;
      }
      comps.push({ source, sourceText: basisRefText(source), weight });
      total = total.plus(weight);
    });
    if (!bad && !totalsHundred(total))
      p.add({ kind: "weightsNotHundred", basis: id, total: total.toFixed(), at: { entity: "basis", key: id, field: "weight" } });
    mixes.set(id, comps);
  }
  return { percentages, mixes };
}

function validateSettings(
  s: SettingsInput,
  p: Problems,
): (Settings & { indexRate: Decimal; indexBase: FinancialYear | undefined }) | undefined {
  const at = (field: string): Where => ({ entity: "settings", field });
  const firstYear = p.take(parseFinancialYear(s.firstYear, at("firstYear")));
  const lastYear = p.take(parseFinancialYear(s.lastYear, at("lastYear")));
  if (firstYear !== undefined && lastYear !== undefined && firstYear > lastYear) {
    p.add({ kind: "yearRange", from: String(s.firstYear), to: String(s.lastYear), at: at("lastYear") });
  }
  const span = firstYear !== undefined && lastYear !== undefined ? checkYearSpan(firstYear, lastYear, at("lastYear")) : [];
  for (const e of span) p.add(e);
  const unit = p.take(parseUnit(s.unit, at("unit")));
  const proRata = isBlank(s.proRata) ? "days" : p.take(parseChoice<ProRataBasis>(s.proRata, PRO_RATA_BASES, at("proRata")));
  const fallback = isBlank(s.zeroDriverFallback)
    ? "error"
    : p.take(parseChoice(s.zeroDriverFallback, ["error", "equal"] as const, at("zeroDriverFallback")));
  const indexRate = isBlank(s.indexationRate) ? new Decimal(0) : p.take(parseRate(s.indexationRate, at("indexationRate")));
  const indexBase = isBlank(s.indexationBaseYear) ? undefined : p.take(parseFinancialYear(s.indexationBaseYear, at("indexationBaseYear")));
  if (
    span.length > 0 ||
    firstYear === undefined ||
    lastYear === undefined ||
    unit === undefined ||
    proRata === undefined ||
    fallback === undefined ||
    indexRate === undefined
  )
    return undefined;
  if (!isBlank(s.indexationBaseYear) && indexBase === undefined) return undefined;
  return { firstYear, lastYear, unit, proRata, zeroDriverFallback: fallback, indexRate, indexBase };
}

/** An indexation rate in percent: any number above −100. */
function parseRate(input: unknown, at: Where): Result<Decimal> {
  const d = parseDecimal(input);
  if (d === undefined) return errs([{ kind: "notANumber", value: showInput(input), at }]);
  if (d.lte(-100)) return errs([{ kind: "outOfRange", value: messageText(d), expected: "a rate above -100%", at }]);
  // Compounding a rate with thousands of digits would run for minutes: a yearly rate is at most 100%, to 17 significant digits.
  if (d.gt(100) || !rateDigitsOk(d, RATE_SMALLEST_PERCENT))
    return errs([
      {
        kind: "outOfRange",
        value: d.toSignificantDigits(10).toString(),
        expected: "a rate of at most 100% a year with at most 17 significant digits (and, unless zero, at least 1E-10%)",
        at,
      },
    ]);
  return ok(d);
}

/** What every line is validated against, worked out once per model. */
interface LineContext {
  readonly partners: readonly Partner[];
  /** Every partner id, sorted: the partner list of a line that names none. */
  readonly all: readonly string[];
  readonly known: Parameters<typeof parseBasisRef>[1];
  readonly settings: ReturnType<typeof validateSettings>;
  /** One array per distinct partner list, so lines sharing a list share it (and everything keyed by it). */
  readonly lists: Map<string, readonly string[]>;
  /** Indexation rates as fractions, by the rate's decimal text. */
  readonly rates: Map<string, ReturnType<typeof fracFromDecimal>>;
  /** Dates already read (lines share a few), and the financial year of each day. */
  readonly dates: Map<string | number, DayNumber>;
  readonly years: Map<DayNumber, FinancialYear>;
}

/** {@link parseDate}, remembering each valid date text or serial the model uses. */
function dateOf(
  input: unknown,
  at: (field: string) => Where,
  field: string,
  dates: Map<string | number, DayNumber>,
  p: Problems,
): DayNumber | undefined {
  const key = typeof input === "string" || typeof input === "number" ? input : undefined;
  const hit = key === undefined ? undefined : dates.get(key);
  if (hit !== undefined) return hit;
  const d = p.take(parseDate(input, at(field)));
  if (d !== undefined && key !== undefined) dates.set(key, d);
  return d;
}

/** {@link fyOfDay}, remembered per day. */
function yearOf(day: DayNumber, years: Map<DayNumber, FinancialYear>): FinancialYear {
  let fy = years.get(day);
  if (fy === undefined) {
    fy = fyOfDay(day);
    years.set(day, fy);
  }
  return fy;
}

function validateLine(row: CostLineInput, i: number, ctx: LineContext, p: Problems): Line | undefined {
  const ref = typeof row.ref === "string" ? row.ref.trim() : isBlank(row.ref) ? "" : showInput(row.ref);
  const at = (field: string): Where =>
    ref === "" ? { entity: "costLine", index: i + 1, field } : { entity: "costLine", key: ref, index: i + 1, field };
  const before = p.list.length;
  if (ref === "") p.add({ kind: "missingValue", at: at("ref") });
  const category = p.take(parseChoice<Category>(row.category, ["capital", "revenue"], at("category")));
  const nature = p.take(parseChoice<Nature>(row.nature, ["one-off", "ongoing"], at("nature")));
  let amount = p.take(parseMoney(row.amount, at("amount")));
  const unit = ctx.settings?.unit ?? PENNY;
  // A one-off amount is split as it stands, so it must already be a whole number of units.
  if (amount !== undefined && nature === "one-off") amount = p.take(checkMultipleOfUnit(amount, unit, at("amount")));
  const start = dateOf(row.start, at, "start", ctx.dates, p);
  let end: DayNumber | undefined;
  if (!isBlank(row.end)) {
    if (nature === "one-off") {
      p.add({ kind: "outOfRange", value: showInput(row.end), expected: "no end date on a one-off cost", at: at("end") });
    } else {
      end = dateOf(row.end, at, "end", ctx.dates, p);
      if (end !== undefined && start !== undefined && end < start) {
        p.add({ kind: "endBeforeStart", start: showInput(row.start), end: showInput(row.end), at: at("end") });
      }
    }
  }
  const basis = p.take(parseBasisRef(row.basis, ctx.known, at("basis")));
  const all = ctx.all;
  const listed = (ids: readonly string[] | undefined, field: string): string[] => {
    const outIds: string[] = [];
    for (const raw of ids ?? []) {
      const id = raw.trim();
      if (id === "") continue;
      if (!ctx.known.partners.has(id)) p.add({ kind: "unknownPartner", partner: id, ...caseHint(id, ctx.known.partners), at: at(field) });
      else outIds.push(id);
    }
    return outIds;
  };
  const applies = listed(row.appliesTo, "appliesTo");
  const excluded = new Set(listed(row.excludes, "excludes"));
  // Naming a partner in both is a contradiction: refused rather than silently taking Excludes (docs/bad-input.md).
  const both = applies.filter((id) => excluded.has(id));
  if (both.length > 0) p.add({ kind: "appliesAndExcludes", partners: both, at: at("excludes") });
  const partners =
    applies.length === 0 && excluded.size === 0
      ? all
      : intern(
          (applies.length > 0 ? all.filter((id) => applies.includes(id)) : all).filter((id) => !excluded.has(id)),
          ctx.lists,
        );
  if (partners.length === 0 && ctx.partners.length > 0) p.add({ kind: "noPartners", at: at("appliesTo") });
  // A basis that charges one partner the whole cost must name a partner that shares the line.
  const whole = basis === undefined ? undefined : chargedWhollyTo(basis);
  if (whole !== undefined && !partners.includes(whole)) p.add({ kind: "excludedPartner", partner: whole, at: at("basis") });
  let indexRate = ctx.settings?.indexRate ?? new Decimal(0);
  if (!isBlank(row.indexationRate)) indexRate = p.take(parseRate(row.indexationRate, at("indexationRate"))) ?? indexRate;
  let indexBase: FinancialYear | undefined = ctx.settings?.indexBase;
  if (!isBlank(row.indexationBaseYear)) indexBase = p.take(parseFinancialYear(row.indexationBaseYear, at("indexationBaseYear")));
  if (
    p.list.length > before ||
    category === undefined ||
    nature === undefined ||
    amount === undefined ||
    start === undefined ||
    basis === undefined
  ) {
    return undefined;
  }
  const indexRateText = nature === "ongoing" ? indexRate.toFixed() : "0";
  return {
    ref,
    row: i + 1,
    description: typeof row.description === "string" ? row.description : "",
    service: typeof row.service === "string" ? row.service : "",
    category,
    nature,
    amount,
    start,
    end,
    basis,
    basisText: basisRefText(basis),
    partners,
    indexRate: nature === "ongoing" ? rateFraction(indexRateText, indexRate, ctx.rates) : frac(0n),
    indexRateText: nature === "ongoing" ? indexRateText : "0",
    indexBase: indexBase ?? yearOf(start, ctx.years),
    ...(typeof row.settlement === "string" ? { settlement: row.settlement } : {}),
  };
}

/** The one shared array with these ids. */
function intern(ids: readonly string[], lists: Map<string, readonly string[]>): readonly string[] {
  const key = ids.join("\u0000");
  const hit = lists.get(key);
  if (hit !== undefined) return hit;
  lists.set(key, ids);
  return ids;
}

/** An indexation rate in percent as a fraction (3 → 3/100), worked out once per distinct rate. */
function rateFraction(
  text: string,
  rate: Decimal,
  rates: Map<string, ReturnType<typeof fracFromDecimal>>,
): ReturnType<typeof fracFromDecimal> {
  let f = rates.get(text);
  if (f === undefined) {
    f = fracFromDecimal(rate.div(100));
    rates.set(text, f);
  }
  return f;
}

/**
 * Checks a whole model and resolves every reference. Returns every problem
 * found (not just the first), each naming the input it is about; or the
 * prepared model in the engine's canonical order.
 */
export function validateModel(model: ModelInput): Result<PreparedModel> {
  const p = new Problems();
  const partners = validatePartners(model.partners, p);
  const partnerIds = new Set(partners.map((x) => x.id));
  const drivers = validateDrivers(model.drivers ?? [], partnerIds, p);
  const bases = validateBases(model.bases ?? [], partnerIds, new Set(drivers.keys()), p);
  const settings = validateSettings(model.settings, p);
  const support = model.support === undefined ? undefined : validateSupport(model.support, partnerIds, (e) => p.add(e));
  const known = {
    partners: partnerIds,
    drivers: new Set(drivers.keys()),
    percentages: new Set(bases.percentages.keys()),
    mixes: new Set(bases.mixes.keys()),
    // Every id that could be a service (a bad row is reported once, at the Support sheet, not again at each line).
    services: new Set(
      (model.support?.services ?? [])
        .map((s) => (typeof s.id === "string" ? s.id.trim() : ""))
        .filter((id) => id !== "" && !partnerIds.has(id)),
    ),
  };
  // Ids are case-sensitive; two that differ only in case are refused (see validate-limits).
  // Partners (and partners within others) by id alone: the Partners table's rows include both, so a position would mislead.
  const partnerIdsInOrder = [...model.partners.map((x) => x.id), ...(model.withinPartners ?? []).map((w) => w.partner.id)].map((id) =>
    typeof id === "string" ? id.trim() : "",
  );
  for (const e of checkCaseClashes(partnerIdsInOrder.map((id) => ({ id, at: { entity: "partner", key: id, field: "id" } as Where }))))
    p.add(e);
  for (const e of checkCaseClashes([
    ...(model.drivers ?? []).map((d) => ({
      id: typeof d.id === "string" ? d.id.trim() : "",
      at: { entity: "driver", key: typeof d.id === "string" ? d.id.trim() : "", field: "id" } as Where,
    })),
    ...(model.bases ?? []).map((b) => ({
      id: typeof b.id === "string" ? b.id.trim() : "",
      at: { entity: "basis", key: typeof b.id === "string" ? b.id.trim() : "", field: "id" } as Where,
    })),
  ]))
    p.add(e);
  for (const e of checkCaseClashes(
    model.costLines.map((l, i) => ({
      id: typeof l.ref === "string" ? l.ref.trim() : "",
      at: { entity: "costLine", index: i + 1, key: typeof l.ref === "string" ? l.ref.trim() : "", field: "ref" } as Where,
    })),
  ))
    p.add(e);
  for (const e of checkWithin(model, partnerIds)) p.add(e);
  const versions = validateVersions(model, known, (e) => p.add(e));
  for (const e of checkYearEndBasis(model, (text) => {
    const r = parseBasisRef(text, known, { entity: "settings", field: "yearEnd.basis" });
    return r.ok ? [] : [...r.errors];
  }))
    p.add(e);
  const lines: Line[] = [];
  const refs = new Set<string>();
  const all = partners.map((x) => x.id);
  const ctx: LineContext = {
    partners,
    all,
    known,
    settings,
    lists: new Map([[all.join("\u0000"), all]]),
    rates: new Map(),
    dates: new Map(),
    years: new Map(),
  };
  model.costLines.forEach((row, i) => {
    const line = validateLine(row, i, ctx, p);
    if (line === undefined) return;
    if (refs.has(line.ref))
      return p.add({ kind: "duplicateId", id: line.ref, at: { entity: "costLine", key: line.ref, index: i + 1, field: "ref" } });
    refs.add(line.ref);
    lines.push(line);
  });
  if (p.list.length > 0 || settings === undefined) return errs(p.list);
  lines.sort((a, b) => compareIds(a.ref, b.ref));
  return ok({
    partners,
    drivers,
    percentages: bases.percentages,
    mixes: bases.mixes,
    lines,
    settings: {
      firstYear: settings.firstYear,
      lastYear: settings.lastYear,
      unit: settings.unit,
      proRata: settings.proRata,
      zeroDriverFallback: settings.zeroDriverFallback,
    },
    ...(support === undefined ? {} : { support }),
    ...(versions === undefined ? {} : { versions }),
  });
}
