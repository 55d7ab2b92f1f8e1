import type { ApportionResult, LineYear } from "../apportion";
import type { DayNumber } from "../dates";
import { chargeRows, type ChargeRow } from "../budget/charge-rows";
import { Decimal } from "../decimal";
import type { EngineError, Where } from "../errors";
import { frac, fracAdd, fracFromDecimal, fracMul, type Fraction } from "../fraction";
import { largestRemainder } from "../largest-remainder";
import type { DecimalInput } from "../decimal";
import type { ModelInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { membersById, membershipFractions, readMembershipDates, type MembershipDates } from "../membership";
import type { ProRataBasis } from "../pro-rata";
import { fracDiv, fracSub, lcmOfDenominators } from "../support/rational";
import { compareIds, parseNonNegative } from "../parse-helpers";
import { withinFigure } from "../bases/registry";
import type { BasisRef } from "../prepared";

/**
 * Partners within another partner's share (Lewisham Homes within Lewisham).
 *
 * What "within" means, and what it means for everyone else:
 * - The model is apportioned exactly as if the partner within did not exist:
 *   its figures are a part of its parent's figures (Lewisham Homes' tickets
 *   are among Lewisham's tickets), so every driver total, every percentage
 *   and every rounding is unchanged. Every other existing partner pays
 *   exactly, to the penny, what it paid before.
 * - The parent's rounded share of each line-year is then divided between the
 *   parent and the partners within it, by largest remainder, in proportion to
 *   their exact parts of the line: for each source of the line's basis, the
 *   within partner's figure ÷ the line's total for that source (times the
 *   source's weight in a mix). The parent keeps the rest. So parent + within
 *   partners pay exactly what the parent paid before, and the parent's own
 *   charge moves towards zero (less to pay; on a credit line, less returned).
 * - Equal shares and direct charges are per partner council: a body within a
 *   council has no equal share or direct charge of its own, so its part of
 *   those is zero and they stay with the parent.
 * - A within partner's figure may not exceed its parent's figure (with any
 *   other partners within the same parent): that would mean its usage was not
 *   inside the parent's after all. Model that as a direct customer instead.
 * Ties in the division go to the larger weight, then the parent, then the
 * within partners in id order (the core tie-break, with the parent first).
 */

/** A validated partner within another's share. */
export interface WithinPartner {
  readonly id: string;
  readonly name: string;
  readonly parent: string;
  readonly drivers: ReadonlyMap<string, Decimal>;
  readonly percentages: ReadonlyMap<string, Decimal>;
  /** Its own Joins date, if it has one (otherwise it is a member whenever its parent is). */
  readonly joins?: DayNumber;
  /** Its own Leaves date, if it has one. */
  readonly leaves?: DayNumber;
}

/** A within partner's part of its parent's share of one line-year. */
export interface WithinPart {
  readonly partner: string;
  /** Its exact proportion of the whole line-year (e.g. 1/10 for a tenth of the line). */
  readonly proportion: Fraction;
  readonly amount: Pence;
  /** The part of its parent's membership of the line-year it was a member too (1 without dates of its own). */
  readonly membership: Fraction;
}

/** How one parent's share of one line-year was divided. */
export interface WithinSplit {
  readonly lineRef: string;
  readonly yearLabel: string;
  readonly parent: string;
  /** The parent's share before division (what it paid with no one within it). */
  readonly parentShare: Pence;
  /** The parent's own exact proportion of the line-year after the carve-out. */
  readonly parentProportion: Fraction;
  /** What the parent keeps. */
  readonly parentAmount: Pence;
  readonly parts: readonly WithinPart[];
}

/** Reads `model.withinPartners`, checking each names a real parent and real drivers and bases. */
export function readWithinPartners(model: ModelInput, partnerIds: ReadonlySet<string>): Result<WithinPartner[]> {
  const problems: EngineError[] = [];
  const out: WithinPartner[] = [];
  const drivers = new Set((model.drivers ?? []).map((d) => d.id.trim()));
  const percentBases = new Set((model.bases ?? []).filter((b) => b.kind === "percentages").map((b) => b.id.trim()));
  const seen = new Set<string>();
  (model.withinPartners ?? []).forEach((w, i) => {
    const id = typeof w.partner.id === "string" ? w.partner.id.trim() : "";
    const at = (field: string): Where => (id === "" ? { entity: "partner", index: i + 1, field } : { entity: "partner", key: id, field });
    const before = problems.length;
    if (id === "") problems.push({ kind: "missingValue", at: at("id") });
    else if (partnerIds.has(id) || seen.has(id)) problems.push({ kind: "duplicatePartner", partner: id, at: at("id") });
    const parent = typeof w.within === "string" ? w.within.trim() : "";
    if (!partnerIds.has(parent)) problems.push({ kind: "unknownPartner", partner: parent, at: at("within") });
    const read = (
      record: Readonly<Record<string, DecimalInput>> | undefined,
      known: ReadonlySet<string>,
      kind: "driver" | "basis",
    ): Map<string, Decimal> => {
      const m = new Map<string, Decimal>();
      for (const [key, raw] of Object.entries(record ?? {})) {
        const k = key.trim();
        if (!known.has(k)) {
          problems.push(
            kind === "driver"
              ? { kind: "unknownDriver", driver: k, at: at("drivers") }
              : { kind: "unknownBasis", basis: k, at: at("percentages") },
          );
          continue;
        }
        const v = parseNonNegative(raw, at(`${kind === "driver" ? "drivers" : "percentages"}.${k}`));
        if (v.ok) m.set(k, v.value);
        else problems.push(...v.errors);
      }
      return m;
    };
    const d = read(w.drivers, drivers, "driver");
    const p = read(w.percentages, percentBases, "basis");
    const dates = readMembershipDates(w.partner.joins, w.partner.leaves, at("id"));
    if (!dates.ok) problems.push(...dates.errors);
    if (problems.length > before || !dates.ok) return;
    seen.add(id);
    out.push({
      id,
      name: typeof w.partner.name === "string" && w.partner.name.trim() !== "" ? w.partner.name.trim() : id,
      parent,
      drivers: d,
      percentages: p,
      ...dates.value,
    });
  });
  return problems.length > 0 ? errs(problems) : ok(out.sort((a, b) => compareIds(a.id, b.id)));
}

/** A within partner's figure for one source of a basis: zero for equal shares and direct charges (its kind says). */
function figureFor(w: WithinPartner, ref: BasisRef, fellBackToEqual: boolean): Decimal {
  if (fellBackToEqual) return new Decimal(0);
  return withinFigure(ref, w) ?? new Decimal(0);
}

/**
 * Each within partner's part of the time its parent was a member during the
 * line-year: 1 when it was a member whenever its parent was (the usual case:
 * no dates of its own), less when it joined later or left earlier, 0 when it
 * was not a member at all then. Its part of the parent's share is scaled by
 * it, so it pays nothing for costs from before it joined (docs/membership.md).
 */
function withinMembership(ly: LineYear, inside: readonly WithinPartner[], parentDates: MembershipDates, proRata: ProRataBasis): Fraction[] {
  const line = { nature: ly.nature, start: ly.lineStart, end: ly.lineEnd };
  const [parentPart] = membershipFractions(line, ly.year, [parentDates], proRata);
  const both = inside.map((w): MembershipDates => {
    const joins =
      w.joins === undefined ? parentDates.joins : parentDates.joins === undefined ? w.joins : Math.max(w.joins, parentDates.joins);
    const leaves =
      w.leaves === undefined ? parentDates.leaves : parentDates.leaves === undefined ? w.leaves : Math.min(w.leaves, parentDates.leaves);
    return { ...(joins === undefined ? {} : { joins }), ...(leaves === undefined ? {} : { leaves }) };
  });
  const parts = membershipFractions(line, ly.year, both, proRata);
  if (parentPart === undefined || parentPart.n === 0n) return inside.map(() => frac(0n));
  return parts.map((f) => fracDiv(f, parentPart));
}

/** Divides a parent's share of one line-year between it and the partners within it. */
function divide(
  ly: LineYear,
  position: number,
  inside: readonly WithinPartner[],
  parentDates: MembershipDates,
  proRata: ProRataBasis,
  unit: number,
): Result<WithinSplit> {
  const parent = ly.partners[position] ?? "";
  const share = ly.shares[position] ?? 0;
  const problems: EngineError[] = [];
  const membership = withinMembership(ly, inside, parentDates, proRata);
  let parentExact = frac(0n);
  const exact = inside.map(() => frac(0n));
  for (const c of ly.components) {
    const weight = c.exact.weight === undefined ? frac(1n) : fracMul(fracFromDecimal(c.exact.weight), frac(1n, 100n));
    const total = fracFromDecimal(c.exact.total);
    const scale = fracMul(weight, frac(total.d, total.n));
    const parentFigure = c.exact.values[position] ?? new Decimal(0);
    parentExact = fracAdd(parentExact, fracMul(scale, fracFromDecimal(parentFigure)));
    let used = new Decimal(0);
    inside.forEach((w, k) => {
      const figure = figureFor(w, c.ref, c.fellBackToEqual);
      if (figure.isZero()) return;
      used = used.plus(figure);
      if (used.gt(parentFigure)) {
        problems.push({
          kind: "outOfRange",
          value: figure.toFixed(),
          expected:
            `at most ${parentFigure.minus(used.minus(figure)).toFixed()}: "${parent}"'s figure for ${c.source} in ` +
            `${ly.yearLabel}${k > 0 ? ", less the other partners within it" : ""}`,
          at: { entity: "partner", key: w.id, year: ly.yearLabel, field: c.source },
        });
      }
      exact[k] = fracAdd(exact[k] ?? frac(0n), fracMul(fracMul(scale, fracFromDecimal(figure)), membership[k] ?? frac(0n)));
    });
  }
  if (problems.length > 0) return errs(problems);
  const own = exact.reduce((rest, e) => fracSub(rest, e), parentExact);
  const proportions = [own, ...exact];
  const lcm = lcmOfDenominators(proportions);
  const weights = proportions.map((f) => f.n * (lcm / f.d));
  // A parent with a zero proportion has a zero share (a zero weight gets nothing), so there is nothing to divide.
  const amounts = weights.every((w) => w === 0n)
    ? proportions.map((_, i) => (i === 0 ? share : 0))
    : largestRemainder(share / unit, weights).map((s) => s * unit);
  return ok({
    lineRef: ly.lineRef,
    yearLabel: ly.yearLabel,
    parent,
    parentShare: share,
    parentProportion: own,
    parentAmount: amounts[0] ?? 0,
    parts: inside.map((w, k) => ({
      partner: w.id,
      proportion: exact[k] ?? frac(0n),
      amount: amounts[k + 1] ?? 0,
      membership: membership[k] ?? frac(0n),
    })),
  });
}

/**
 * The charges of a core result with each parent's share divided between it
 * and the partners within it (see the module comment for the rule). Returns
 * the rows (the parent's row followed by its within partners' rows, in the
 * result's order) and how each division was made.
 */
export function splitWithin(model: ModelInput, result: ApportionResult): Result<{ rows: readonly ChargeRow[]; splits: WithinSplit[] }> {
  const within = readWithinPartners(model, new Set(result.partners.map((p) => p.id)));
  if (!within.ok) return within;
  const rows = chargeRows(result);
  if (within.value.length === 0) return ok({ rows, splits: [] });
  const dates = membersById(result.partners);
  const byParent = new Map<string, WithinPartner[]>();
  for (const w of within.value) byParent.set(w.parent, [...(byParent.get(w.parent) ?? []), w]);
  const problems: EngineError[] = [];
  const splits: WithinSplit[] = [];
  const out: ChargeRow[] = [];
  result.charges.forEach((c, i) => {
    const row = rows[i] as ChargeRow;
    const inside = byParent.get(c.partner);
    const ly = result.lineYears[c.lineYear];
    if (inside === undefined || ly === undefined) return out.push(row);
    const split = divide(ly, c.position, inside, dates.get(c.partner) ?? {}, result.settings.proRata, result.settings.unit);
    if (!split.ok) return problems.push(...split.errors);
    splits.push(split.value);
    out.push({ ...row, amount: split.value.parentAmount });
    // A partner within that was not a member for any of the line-year has no charge at all, not a zero one.
    for (const part of split.value.parts) if (part.membership.n !== 0n) out.push({ ...row, partner: part.partner, amount: part.amount });
  });
  return problems.length > 0 ? errs(dedupe(problems)) : ok({ rows: out, splits });
}

/** The same too-large figure shows up on every line using the source: report it once per partner, source and year. */
function dedupe(list: readonly EngineError[]): EngineError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = JSON.stringify(e.at);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
