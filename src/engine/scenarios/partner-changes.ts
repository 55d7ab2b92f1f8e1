import { Decimal, isBlank, parseDecimal, showInput, messageText } from "../decimal";
import { isoDate, parseDate, type DateInput } from "../dates";
import type { EngineError } from "../errors";
import { parseFinancialYear } from "../financial-year";
import { frac, fracFromDecimal, fracMul } from "../fraction";
import type { BasisInput, DriverInput, ScenarioChange } from "../model";
import { fracDiv } from "../support/rational";
import { basisRefText, parseBasisRef, partnerNamed, whenNamedPartnerLeaves } from "../bases/registry";
import { parseNonNegative } from "../parse-helpers";
import { idOf, partnerIndex, withinIndex, type ChangeWhere, type Draft } from "./draft";

type Change<K extends ScenarioChange["kind"]> = Extract<ScenarioChange, { kind: K }>;
type PercentBasis = Extract<BasisInput, { kind: "percentages" }>;

const HUNDRED = new Decimal(100);

/** A year as a comparable key: "2021/22", "2021-22" and "2021/2022" are the same year. */
function yearKey(year: unknown): string {
  if (isBlank(year)) return "";
  const y = parseFinancialYear(year, { entity: "scenario" });
  return y.ok ? String(y.value) : String(year).trim();
}

/**
 * Sets one driver value: for a partner, optionally for one year (replacing
 * the value for that partner and year, or adding it). A partner within
 * another's share has one figure per driver for every year, so no year may
 * be given for it.
 */
export function setDriver(d: Draft, c: Change<"setDriver">, at: ChangeWhere): EngineError[] {
  const di = d.drivers.findIndex((x) => idOf(x.id) === c.driver.trim());
  if (di < 0) return [{ kind: "unknownDriver", driver: c.driver, at: at("driver") }];
  const partner = c.partner.trim();
  const wi = withinIndex(d, partner);
  if (wi >= 0) {
    if (!isBlank(c.year))
      return [
        {
          kind: "shapeMismatch",
          expected: "no year (a partner within another has one figure for every year)",
          actual: String(c.year),
          at: at("year"),
        },
      ];
    const w = d.withinPartners[wi] as (typeof d.withinPartners)[number];
    d.withinPartners[wi] = { ...w, drivers: { ...w.drivers, [c.driver.trim()]: c.value } };
    return [];
  }
  if (partnerIndex(d, partner) < 0) return [{ kind: "unknownPartner", partner, at: at("partner") }];
  const checked = parseNonNegative(c.value, at("value"));
  if (!checked.ok) return [...checked.errors];
  const driver = d.drivers[di] as DriverInput;
  const key = yearKey(c.year);
  const values = [...driver.values];
  const vi = values.findIndex((v) => v.partner.trim() === partner && yearKey(v.year) === key);
  const value = { partner, ...(isBlank(c.year) ? {} : { year: c.year }), value: c.value };
  if (vi >= 0) values[vi] = value;
  else values.push(value);
  d.drivers[di] = { ...driver, values };
  return [];
}

function percentBasis(d: Draft, id: string): { index: number; basis: PercentBasis } | undefined {
  const index = d.bases.findIndex((b) => b.kind === "percentages" && idOf(b.id) === id.trim());
  const basis = d.bases[index];
  return basis?.kind === "percentages" ? { index, basis } : undefined;
}

/**
 * Adds a partner.
 *
 * As a direct customer (no `within`), it becomes a partner in its own right:
 * it shares every line that applies to all partners, with the driver values
 * given (a driver it is not given a value for is an error when a line uses
 * it, as for any partner), and takes the percentage given in each
 * percentages basis listed, every other partner's percentage being scaled by
 * (100 − p)/100 so the basis still totals 100 exactly (a finite decimal times
 * a finite decimal is a finite decimal). It gets an equal share of lines
 * split equally, which lowers everyone else's.
 *
 * Within another partner (`within`), it is recorded in `withinPartners` and
 * its figures are a part of the parent's (see within.ts): every other partner
 * pays exactly what it paid before, and the parent's share is divided.
 */
export function addPartner(d: Draft, c: Change<"addPartner">, at: ChangeWhere): EngineError[] {
  const id = idOf(c.partner.id);
  if (id === "") return [{ kind: "missingValue", at: at("partner.id") }];
  if (partnerIndex(d, id) >= 0 || withinIndex(d, id) >= 0) return [{ kind: "duplicatePartner", partner: id, at: at("partner.id") }];
  const problems: EngineError[] = [];
  for (const driver of Object.keys(c.drivers ?? {})) {
    if (!d.drivers.some((x) => idOf(x.id) === driver.trim())) problems.push({ kind: "unknownDriver", driver, at: at(`drivers.${driver}`) });
  }
  const percents = new Map<string, Decimal>();
  for (const [basis, raw] of Object.entries(c.percentages ?? {})) {
    if (percentBasis(d, basis) === undefined) {
      problems.push({ kind: "unknownBasis", basis, at: at(`percentages.${basis}`) });
      continue;
    }
    const p = parseDecimal(raw);
    if (p === undefined) problems.push({ kind: "notANumber", value: showInput(raw), at: at(`percentages.${basis}`) });
    else if (p.isNegative() || p.gt(HUNDRED))
      problems.push({ kind: "outOfRange", value: messageText(p), expected: "a percentage from 0 to 100", at: at(`percentages.${basis}`) });
    else percents.set(basis.trim(), p);
  }
  const joins = isBlank(c.partner.joins) ? undefined : parseDate(c.partner.joins, at("start"));
  if (joins !== undefined && !joins.ok) problems.push(...joins.errors);
  // The End column is the day it leaves: before the day it joins, it would never be a member (docs/bad-input.md).
  const leaves = isBlank(c.partner.leaves) ? undefined : parseDate(c.partner.leaves, at("end"));
  if (leaves !== undefined && !leaves.ok) problems.push(...leaves.errors);
  if (joins?.ok === true && leaves?.ok === true && leaves.value < joins.value)
    problems.push({ kind: "endBeforeStart", start: isoDate(joins.value), end: isoDate(leaves.value), at: at("end") });
  const parent = isBlank(c.within) ? undefined : String(c.within).trim();
  if (parent !== undefined && partnerIndex(d, parent) < 0) problems.push({ kind: "unknownPartner", partner: parent, at: at("within") });
  if (problems.length > 0) return problems;
  if (parent !== undefined) {
    d.withinPartners.push({
      partner: { ...c.partner, id },
      within: parent,
      ...(c.drivers === undefined ? {} : { drivers: c.drivers }),
      ...(c.percentages === undefined ? {} : { percentages: c.percentages }),
    });
    return [];
  }
  d.partners.push({ ...c.partner, id });
  for (const [driver, value] of Object.entries(c.drivers ?? {})) {
    const di = d.drivers.findIndex((x) => idOf(x.id) === driver.trim());
    const drv = d.drivers[di] as DriverInput;
    d.drivers[di] = { ...drv, values: [...drv.values, { partner: id, value }] };
  }
  for (const [basisId, p] of percents) {
    const found = percentBasis(d, basisId);
    if (found === undefined) continue;
    const keep = HUNDRED.minus(p).div(HUNDRED);
    const shares = found.basis.shares.map((s) => {
      const v = parseDecimal(s.percent);
      // An unreadable percentage is left for validation to report against the base row.
      return v === undefined ? s : { ...s, percent: v.times(keep).toFixed() };
    });
    d.bases[found.index] = { ...found.basis, shares: [...shares, { partner: id, percent: p.toFixed() }] };
  }
  return [];
}

/** A finite decimal for n/d when there is one (d has no prime factors but 2 and 5). */
function finiteDecimal(n: bigint, dd: bigint): Decimal | undefined {
  let rest = dd;
  while (rest % 2n === 0n) rest /= 2n;
  while (rest % 5n === 0n) rest /= 5n;
  return rest === 1n ? new Decimal(n.toString()).div(dd.toString()) : undefined;
}

/**
 * Removes a partner, with its driver values and budgets.
 *
 * In a percentages basis its percentage is shared among the others in
 * proportion to theirs (scaled by 100/(100 − p)). When every scaled figure is
 * a finite decimal the basis keeps its kind with the new percentages; when
 * not (taking 33.33% from 33.34/33.33/33.33), no decimal can hold the exact
 * figures, so the basis is turned into a driver of the same id holding the
 * remaining percentages: the same proportions exactly, no rounding, and every
 * line and mix that named it still does.
 *
 * It is an error to remove a partner that a line is charged to directly, the
 * only partner a line applies to, or a partner others sit within: those need
 * a decision first (remove or re-base the line, remove the partner within).
 */
export function removePartner(d: Draft, c: Change<"removePartner">, at: ChangeWhere): EngineError[] {
  const id = c.partner.trim();
  if (!isBlank(c.leaves)) return leavePartner(d, id, c.leaves as DateInput, at);
  const wi = withinIndex(d, id);
  if (wi >= 0) {
    d.withinPartners.splice(wi, 1);
    d.budgets = d.budgets.filter((b) => idOf(b.partner) !== id);
    return [];
  }
  if (partnerIndex(d, id) < 0) return [{ kind: "unknownPartner", partner: id, at: at("partner") }];
  const problems: EngineError[] = [];
  // The host employs the staff and holds the budget: a model without it is not the partnership it describes.
  if (isOnlyHost(d, id)) return [{ kind: "removeHost", partner: id, at: at("partner") }];
  for (const w of d.withinPartners) {
    if (idOf(w.within) === id)
      problems.push({
        kind: "outOfRange",
        value: `partner "${id}"`,
        expected: `a partner with no partner within it; remove "${idOf(w.partner.id)}" first`,
        at: at("partner"),
      });
  }
  const known = { partners: new Set([id]), drivers: new Set<string>(), percentages: new Set<string>(), mixes: new Set<string>() };
  const costLines = d.costLines.map((line) => {
    const ref = idOf(line.ref);
    // Read against the leaving partner alone: only a basis that names it parses.
    const basis = parseBasisRef(line.basis, known, at("partner"));
    const after = basis.ok && partnerNamed(basis.value) === id ? whenNamedPartnerLeaves(basis.value) : undefined;
    if (after === "refuse") {
      problems.push({
        kind: "outOfRange",
        value: `cost line "${ref}" (basis ${line.basis})`,
        expected: `a line not charged directly to "${id}"; remove or re-base it first`,
        at: at("partner"),
      });
    }
    let next = after === undefined || after === "refuse" ? line : { ...line, basis: basisRefText(after) };
    const applies = line.appliesTo?.filter((p) => p.trim() !== "");
    if (applies !== undefined && applies.length > 0 && applies.some((p) => p.trim() === id)) {
      const rest = applies.filter((p) => p.trim() !== id);
      // An empty list would mean "all partners": the opposite of what the line said.
      if (rest.length === 0) problems.push({ kind: "noPartners", at: at(`cost line "${ref}" appliesTo`) });
      next = { ...next, appliesTo: rest };
    }
    if (line.excludes?.some((p) => p.trim() === id)) next = { ...next, excludes: line.excludes.filter((p) => p.trim() !== id) };
    return next;
  });
  const bases = removeFromPercentages(d, id, at);
  problems.push(...bases);
  if (problems.length > 0) return problems;
  d.costLines = costLines;
  d.partners = d.partners.filter((p) => idOf(p.id) !== id);
  d.drivers = d.drivers.map((drv) =>
    drv.values.some((v) => v.partner.trim() === id) ? { ...drv, values: drv.values.filter((v) => v.partner.trim() !== id) } : drv,
  );
  d.budgets = d.budgets.filter((b) => idOf(b.partner) !== id);
  return [];
}

/** True when the partner is the host and no other partner is (a scenario may make another partner the host first). */
function isOnlyHost(d: Draft, id: string): boolean {
  const hosts = d.partners.filter((p) => p.host === true).map((p) => idOf(p.id));
  return hosts.includes(id) && hosts.length === 1;
}

/**
 * A partner leaving on a date: it stays in the model, a member until that
 * day (inclusive), so it pays its part up to then and nothing after (see
 * docs/membership.md). An earlier leaving date already in the model stands.
 */
function leavePartner(d: Draft, id: string, leaves: DateInput, at: ChangeWhere): EngineError[] {
  const day = parseDate(leaves, at("end"));
  if (!day.ok) return [...day.errors];
  const earlier = (current: DateInput | null | undefined): DateInput => {
    if (isBlank(current)) return leaves;
    const was = parseDate(current, at("end"));
    return was.ok && was.value < day.value ? (current as DateInput) : leaves;
  };
  const wi = withinIndex(d, id);
  if (wi >= 0) {
    const w = d.withinPartners[wi] as (typeof d.withinPartners)[number];
    d.withinPartners[wi] = { ...w, partner: { ...w.partner, leaves: earlier(w.partner.leaves) } };
    return [];
  }
  const pi = partnerIndex(d, id);
  if (pi < 0) return [{ kind: "unknownPartner", partner: id, at: at("partner") }];
  const p = d.partners[pi] as (typeof d.partners)[number];
  if (isOnlyHost(d, id)) return [{ kind: "removeHost", partner: id, at: at("partner") }];
  d.partners[pi] = { ...p, leaves: earlier(p.leaves) };
  return [];
}

function removeFromPercentages(d: Draft, id: string, at: ChangeWhere): EngineError[] {
  const problems: EngineError[] = [];
  const bases: BasisInput[] = [];
  const newDrivers: DriverInput[] = [];
  for (const b of d.bases) {
    if (b.kind !== "percentages" || !b.shares.some((s) => s.partner.trim() === id)) {
      bases.push(b);
      continue;
    }
    const gone = b.shares.find((s) => s.partner.trim() === id);
    const rest = b.shares.filter((s) => s.partner.trim() !== id);
    const p = parseDecimal(gone?.percent);
    if (p === undefined || p.isZero()) {
      bases.push({ ...b, shares: rest });
      continue;
    }
    if (p.gte(HUNDRED)) {
      problems.push({ kind: "percentagesNotHundred", basis: idOf(b.id), total: "0", at: at(`partner (basis "${idOf(b.id)}")`) });
      continue;
    }
    const scale = fracDiv(frac(100n), fracFromDecimal(HUNDRED.minus(p)));
    const scaled = rest.map((s) => {
      const v = parseDecimal(s.percent);
      if (v === undefined) return { share: s, exact: undefined };
      const f = fracMul(fracFromDecimal(v), scale);
      return { share: s, exact: finiteDecimal(f.n, f.d) };
    });
    if (scaled.every((x) => x.exact !== undefined || parseDecimal(x.share.percent) === undefined)) {
      bases.push({ ...b, shares: scaled.map((x) => (x.exact === undefined ? x.share : { ...x.share, percent: x.exact.toFixed() })) });
      continue;
    }
    newDrivers.push({
      id: b.id,
      label: `${b.label?.trim() || idOf(b.id)} (percentages without ${id})`,
      values: rest.map((s) => ({ partner: s.partner, value: s.percent })),
    });
  }
  if (problems.length === 0) {
    d.bases = bases;
    d.drivers = [...d.drivers, ...newDrivers];
  }
  return problems;
}
