import type { BasisComponent } from "./basis-weights";
import { chargedWhollyTo } from "./bases/registry";
import { isoDate, longDate, parseDate, type DayNumber } from "./dates";
import { isBlank } from "./decimal";
import type { EngineError, Where } from "./errors";
import { fyLabel, fyEnd, fyStart, type FinancialYear } from "./financial-year";
import { frac, fracAdd, fracFromDecimal, fracMul, type Fraction } from "./fraction";
import type { Weight } from "./largest-remainder";
import type { Line, Partner } from "./prepared";
import { yearFraction, type ProRataBasis } from "./pro-rata";
import { errs, ok, type Result } from "./result";
import { fracDiv, lcmOfDenominators } from "./support/rational";
import { reduceWeights } from "./weights";

/**
 * Membership over time (see docs/membership.md for the rule with worked
 * examples). A partner is a member from its Joins date to its Leaves date,
 * both inclusive; a blank date means "always" on that side.
 * - A one-off cost is shared only among the partners that are members on its date.
 * - An ongoing charge's period in a year is cut into **membership periods** at
 *   every join and leave date. The part of the year amount that falls in each
 *   period (by the model's part-year convention) is shared among the partners
 *   that are members throughout that period, by their basis weights (each part
 *   of a mix by its own weights), and a partner's share of the line-year is the
 *   sum of its exact period shares, rounded once. One rule for every basis:
 *   equal, percentages, drivers, mixes and support services alike, so a joiner
 *   never pays for a period before it joined and never subsidises the others
 *   for the period it was there.
 * - A partner that is a member for none of the period gets exactly zero and
 *   is left out of the line-year altogether.
 */

/** When a partner is a member. */
export interface MembershipDates {
  readonly joins?: DayNumber;
  readonly leaves?: DayNumber;
}

/**
 * Reads a partner's Joins and Leaves dates (either may be blank). Leaves
 * before Joins is an error naming both.
 */
export function readMembershipDates(joins: unknown, leaves: unknown, at: Where): Result<MembershipDates> {
  const problems: EngineError[] = [];
  let from: DayNumber | undefined;
  let to: DayNumber | undefined;
  problems.push(...timeOfDay(joins, { ...at, field: "joins" }), ...timeOfDay(leaves, { ...at, field: "leaves" }));
  if (!isBlank(joins)) {
    const d = parseDate(joins, { ...at, field: "joins" });
    if (d.ok) from = d.value;
    else problems.push(...d.errors);
  }
  if (!isBlank(leaves)) {
    const d = parseDate(leaves, { ...at, field: "leaves" });
    if (d.ok) to = d.value;
    else problems.push(...d.errors);
  }
  if (from !== undefined && to !== undefined && to < from) {
    problems.push({ kind: "endBeforeStart", start: isoDate(from), end: isoDate(to), at: { ...at, field: "leaves" } });
  }
  if (problems.length > 0) return errs(problems);
  return ok({ ...(from === undefined ? {} : { joins: from }), ...(to === undefined ? {} : { leaves: to }) });
}

/**
 * A membership date that is an Excel serial with a fraction carries a time of
 * day (45301.5 is noon on 10 January 2024). Reading it as the day alone would
 * be a silent guess about whether noon counts, so it is refused.
 */
function timeOfDay(input: unknown, at: Where): EngineError[] {
  if (typeof input !== "number" || !Number.isFinite(input) || Number.isInteger(input)) return [];
  const minutes = Math.round((input - Math.floor(input)) * 24 * 60);
  const time = `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return [{ kind: "timeOfDay", value: String(input), time, at }];
}

/** True when any partner has a Joins or Leaves date (when none has, membership changes nothing). */
export function anyMembershipDates(partners: readonly MembershipDates[]): boolean {
  return partners.some((p) => p.joins !== undefined || p.leaves !== undefined);
}

/** True when the partner is a member on the day. */
export function isMemberOn(m: MembershipDates, day: DayNumber): boolean {
  return (m.joins === undefined || m.joins <= day) && (m.leaves === undefined || m.leaves >= day);
}

/** The membership in words, e.g. "from 1 April 2021" or "1 April 2020 to 31 March 2022"; "" for always. */
export function membershipText(m: MembershipDates): string {
  if (m.joins === undefined && m.leaves === undefined) return "";
  if (m.leaves === undefined) return `from ${longDate(m.joins as DayNumber)}`;
  if (m.joins === undefined) return `until ${longDate(m.leaves)}`;
  return `${longDate(m.joins)} to ${longDate(m.leaves)}`;
}

const ONE = frac(1n);
const ZERO = frac(0n);
const FAR = Number.MAX_SAFE_INTEGER;

/** The day span of a line that falls in a year (ongoing), or its one day (one-off). */
function chargedSpan(line: Pick<Line, "nature" | "start" | "end">, fy: FinancialYear): { from: DayNumber; to: DayNumber } {
  if (line.nature === "one-off") return { from: line.start, to: line.start };
  return { from: Math.max(line.start, fyStart(fy)), to: Math.min(line.end ?? FAR, fyEnd(fy)) };
}

/**
 * Each partner's part of the charged period of a line in a year: for a
 * one-off cost 1 or 0 (a member on its date or not); for an ongoing charge
 * the part of the line's days (or months) in that year it was a member,
 * as an exact fraction from 0 to 1.
 */
export function membershipFractions(
  line: Pick<Line, "nature" | "start" | "end">,
  fy: FinancialYear,
  partners: readonly MembershipDates[],
  proRata: ProRataBasis,
): Fraction[] {
  if (line.nature === "one-off") return partners.map((m) => (isMemberOn(m, line.start) ? ONE : ZERO));
  const { from, to } = chargedSpan(line, fy);
  const whole = yearFraction(fy, from, to, proRata);
  return partners.map((m) => {
    if ((m.joins === undefined || m.joins <= from) && (m.leaves === undefined || m.leaves >= to)) return ONE;
    const a = Math.max(from, m.joins ?? from);
    const b = Math.min(to, m.leaves ?? to);
    if (b < a || whole.n === 0n) return ZERO;
    return fracDiv(yearFraction(fy, a, b, proRata), whole);
  });
}

/** A fraction as text for a trace: "1", "0", "59/90". */
export function fractionText(f: Fraction): string {
  return f.d === 1n ? f.n.toString() : `${f.n}/${f.d}`;
}

/** One membership period of a line-year: from, to (both inclusive), its part of the year and who is a member throughout. */
export interface MembershipPeriod {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Its length as a part of the year, by the part-year convention (for a one-off cost, 1). */
  readonly length: Fraction;
  /** Aligned with the line's partners: a member throughout the period or not. */
  readonly present: readonly boolean[];
}

/**
 * The membership periods of a line's charged period in a year: the pieces
 * between which nobody joins or leaves, each with its length (as a part of
 * the year, by the part-year convention) and who is a member throughout it.
 * `alsoAt` adds cuts on other days: where the basis's version changes.
 */
export function membershipPeriods(
  line: Pick<Line, "nature" | "start" | "end">,
  fy: FinancialYear,
  partners: readonly MembershipDates[],
  proRata: ProRataBasis,
  alsoAt: readonly DayNumber[] = [],
): MembershipPeriod[] {
  const { from, to } = chargedSpan(line, fy);
  if (line.nature === "one-off") return [{ from, to, length: ONE, present: partners.map((m) => isMemberOn(m, from)) }];
  const cuts = new Set<DayNumber>([from]);
  // Also cut where the basis changes (a version's Valid from date: docs/versions.md), by the same rule.
  for (const d of alsoAt) if (d > from && d <= to) cuts.add(d);
  for (const m of partners) {
    if (m.joins !== undefined && m.joins > from && m.joins <= to) cuts.add(m.joins);
    if (m.leaves !== undefined && m.leaves >= from && m.leaves < to) cuts.add(m.leaves + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((a, k) => {
    const b = (starts[k + 1] ?? to + 1) - 1;
    return { from: a, to: b, length: yearFraction(fy, a, b, proRata), present: partners.map((m) => isMemberOn(m, a)) };
  });
}

/** A basis resolved for one line-year with membership applied. */
export interface MemberWeights {
  /** Indices (into the line's partners) of the partners kept: those with a non-zero membership fraction. */
  readonly kept: readonly number[];
  /** Whole-number weights aligned with `kept`. */
  readonly weights: readonly Weight[];
  /** Each kept partner's membership fraction as text ("1", "59/90"). */
  readonly fractions: readonly string[];
  /** The membership periods the line-year was cut into (one for a one-off cost). */
  readonly periods: readonly MembershipPeriod[];
}

/**
 * The whole-number weights of a line-year once membership is applied (see
 * the module comment for the rule), over the partners that were members for
 * some of it. Undefined when every partner was a member throughout, so the
 * basis's own weights stand. A component with no member to share it (a
 * direct charge to a partner that is not a member, drivers held only by
 * non-members) is an error: nobody could be charged.
 */
export function memberWeights(
  line: Pick<Line, "nature" | "start" | "end">,
  fy: FinancialYear,
  members: readonly MembershipDates[],
  components: readonly BasisComponent[],
  proRata: ProRataBasis,
  at: Where,
  versions?: readonly BasisVersionComponents[],
): Result<MemberWeights | undefined> {
  if (versions !== undefined && versions.length > 1) return versionedWeights(line, fy, members, versions, proRata, at);
  const fractions = membershipFractions(line, fy, members, proRata);
  if (fractions.every((f) => f.n === f.d)) return ok(undefined);
  // A direct charge is one partner's own cost: re-spreading would charge it for time it was not a member.
  const only = components.length === 1 ? components[0] : undefined;
  const partner = only === undefined || only.fellBackToEqual ? undefined : chargedWhollyTo(only.ref);
  if (only !== undefined && partner !== undefined) {
    const i = only.exact.values.findIndex((v) => !v.isZero());
    const f = fractions[i];
    if (f !== undefined && f.n !== 0n && f.n !== f.d) {
      // Point at the date to change: Start when it joined part-way through the line's year, End when it left.
      const joined = members[i]?.joins;
      const field = joined !== undefined && joined > chargedSpan(line, fy).from ? "start" : "end";
      return errs([{ kind: "directPartMember", partner, year: fyLabel(fy), at: { ...at, year: fyLabel(fy), field } }]);
    }
  }
  const periods = membershipPeriods(line, fy, members, proRata);
  let combined: Fraction[] = members.map(() => ZERO);
  for (const c of components) {
    const values = c.exact.values.map((v) => fracFromDecimal(v));
    // Each period's part of the year is shared among the members present throughout it, by their weights.
    const part: Fraction[] = members.map(() => ZERO);
    for (const s of periods) {
      let present = ZERO;
      values.forEach((v, i) => {
        if (s.present[i] === true) present = fracAdd(present, v);
      });
      if (present.n === 0n) continue;
      const scale = fracDiv(s.length, present);
      values.forEach((v, i) => {
        if (s.present[i] === true) part[i] = fracAdd(part[i] ?? ZERO, fracMul(scale, v));
      });
    }
    let total = ZERO;
    for (const x of part) total = fracAdd(total, x);
    if (total.n === 0n)
      return errs([
        {
          kind: "noMembers",
          basis: c.source,
          when: line.nature === "one-off" ? `on ${longDate(line.start)}` : `in ${fyLabel(fy)}`,
          at: { ...at, year: fyLabel(fy) },
        },
      ]);
    // Divided by the total, so a period in which no member present holds any of this component's weight
    // (drivers held only by partners absent then) is borne by the members of the other periods.
    const weight = c.exact.weight === undefined ? ONE : fracFromDecimal(c.exact.weight.div(100));
    const scale = fracDiv(weight, total);
    combined = combined.map((acc, i) => fracAdd(acc, fracMul(scale, part[i] ?? ZERO)));
  }
  const kept: number[] = [];
  fractions.forEach((f, i) => {
    if (f.n !== 0n) kept.push(i);
  });
  const keptCombined = kept.map((i) => combined[i] ?? ZERO);
  const lcm = lcmOfDenominators(keptCombined);
  return ok({
    kept,
    weights: reduceWeights(keptCombined.map((f) => f.n * (lcm / f.d))),
    fractions: kept.map((i) => fractionText(fractions[i] ?? ZERO)),
    periods,
  });
}

/** The basis as one version resolved it (its components), and the first day that version holds. */
export interface BasisVersionComponents {
  readonly from: DayNumber;
  readonly components: readonly BasisComponent[];
}

/**
 * {@link memberWeights} for a line-year the basis changes in (docs/versions.md):
 * the period rule with a cut at every version's first day as well as at every
 * join and leave date. Each period's part of the year is shared by the members
 * present throughout it by the weights of the version in force; a source
 * nobody present holds in some period is borne by its holders in the other
 * periods of the line-year, as {@link memberWeights} does. With every version
 * alike this is {@link memberWeights} exactly.
 * `versions` are in date order, the first in force on the span's first day.
 */
function versionedWeights(
  line: Pick<Line, "nature" | "start" | "end">,
  fy: FinancialYear,
  members: readonly MembershipDates[],
  versions: readonly BasisVersionComponents[],
  proRata: ProRataBasis,
  at: Where,
): Result<MemberWeights> {
  const fractions = membershipFractions(line, fy, members, proRata);
  const periods = membershipPeriods(
    line,
    fy,
    members,
    proRata,
    versions.slice(1).map((v) => v.from),
  );
  const versionOf = (day: DayNumber): number => {
    let k = 0;
    versions.forEach((v, j) => {
      if (j > 0 && v.from <= day) k = j;
    });
    return k;
  };
  // Each source (a driver, a percentages basis, equal…) is gathered over every version that uses it: what it should bear
  // (its weight × each version's length) and what its holders present bore, so a period in which no member present holds
  // any of it is borne by its holders in the line-year's other periods, exactly as {@link memberWeights} does.
  const bySource = new Map<string, { raw: Fraction[]; mass: Fraction; covered: Fraction }>();
  for (let k = 0; k < versions.length; k++) {
    const own = periods.filter((s) => versionOf(s.from) === k);
    let span = ZERO;
    for (const s of own) span = fracAdd(span, s.length);
    if (own.length === 0 || span.n === 0n) continue;
    for (const c of versions[k]?.components ?? []) {
      const weight = c.exact.weight === undefined ? ONE : fracFromDecimal(c.exact.weight.div(100));
      const values = c.exact.values.map((v) => fracFromDecimal(v));
      const entry = bySource.get(c.source) ?? { raw: members.map(() => ZERO), mass: ZERO, covered: ZERO };
      entry.mass = fracAdd(entry.mass, fracMul(weight, span));
      for (const s of own) {
        let present = ZERO;
        values.forEach((v, i) => {
          if (s.present[i] === true) present = fracAdd(present, v);
        });
        if (present.n === 0n) continue;
        entry.covered = fracAdd(entry.covered, fracMul(weight, s.length));
        const scale = fracDiv(fracMul(weight, s.length), present);
        values.forEach((v, i) => {
          if (s.present[i] === true) entry.raw[i] = fracAdd(entry.raw[i] ?? ZERO, fracMul(scale, v));
        });
      }
      bySource.set(c.source, entry);
    }
  }
  let combined: Fraction[] = members.map(() => ZERO);
  for (const [source, e] of bySource) {
    if (e.mass.n === 0n) continue;
    if (e.covered.n === 0n)
      return errs([{ kind: "noMembers", basis: source, when: `in ${fyLabel(fy)}`, at: { ...at, year: fyLabel(fy) } }]);
    const scale = fracDiv(e.mass, e.covered);
    combined = combined.map((acc, i) => fracAdd(acc, fracMul(scale, e.raw[i] ?? ZERO)));
  }
  const kept: number[] = [];
  fractions.forEach((f, i) => {
    if (f.n !== 0n) kept.push(i);
  });
  const keptCombined = kept.map((i) => combined[i] ?? ZERO);
  const lcm = lcmOfDenominators(keptCombined);
  return ok({
    kept,
    weights: reduceWeights(keptCombined.map((f) => f.n * (lcm / f.d))),
    fractions: kept.map((i) => fractionText(fractions[i] ?? ZERO)),
    periods,
  });
}

/** {@link isMemberOn} for every partner of a model, by id (partners without dates are members always). */
export function membersById(partners: readonly Partner[]): ReadonlyMap<string, MembershipDates> {
  return new Map(partners.map((p) => [p.id, p]));
}
