import type { ApportionResult, LineYear } from "../apportion";
import type { BasisComponent } from "../basis-weights";
import { basisDrivers } from "../bases/registry";
import { parseDate, isoDate } from "../dates";
import { frac, fracAdd, type Fraction } from "../fraction";
import { compareIds } from "../parse-helpers";
import { fyLabel, type FinancialYear } from "../financial-year";
import type { Category, DriverInput, ModelInput } from "../model";
import type { Pence } from "../money";
import { percentText } from "../budget/percent";
import { splitChange, type ChangeSplit } from "./change-split";

/** One side of a methodology paper: a run's model and result, and the year taken from it. */
export interface PaperSide {
  readonly model: ModelInput;
  readonly result: ApportionResult;
  readonly year: FinancialYear;
}

/** One partner on one cost line (or in total): last year's and this year's charge and share, and the change split. */
export interface PartnerChange extends ChangeSplit {
  readonly partner: string;
  readonly before: Pence;
  readonly after: Pence;
  /** Its share of the line in percent, rounded to 2 places; undefined when the line had no amount that year. */
  readonly percentBefore: string | undefined;
  readonly percentAfter: string | undefined;
  /** The change of share in percentage points (2 places); undefined when either year had no amount. */
  readonly pointsChange: string | undefined;
}

/**
 * One group of the paper: the cost lines of one service and category split
 * by one basis (a committee reads "Shared ICT, revenue, by users and
 * tickets", not thousands of lines). What they cost each year, how it was
 * split, and what changed for each partner.
 */
export interface MethodologyGroup {
  /** The group's lines, in reference order. */
  readonly refs: readonly string[];
  /** The first line's description (the group's name when it has one line). */
  readonly description: string;
  readonly service: string;
  readonly category: Category;
  /** The basis this year (last year's for lines that have gone). */
  readonly basis: string;
  readonly components: readonly BasisComponent[];
  /** Lines of the group split by another basis last year (a re-based agreement, a new driver), with that basis. */
  readonly rebased: readonly { readonly ref: string; readonly basis: string }[];
  readonly amountBefore: Pence;
  readonly amountAfter: Pence;
  readonly partners: readonly PartnerChange[];
}

/** A driver the paper's lines are split by: its figures in both years, with where they came from and when. */
export interface DriverFigures {
  readonly id: string;
  readonly label: string;
  readonly illustrative: boolean;
  /** Where the figures came from ("ServiceNow ticket export"); undefined when the model does not say. */
  readonly source?: string;
  /** The date the figures were taken (ISO), or the text as given when it is not a date. */
  readonly asAt?: string;
  /** Last year's source and date, when different. */
  readonly sourceBefore?: string;
  readonly asAtBefore?: string;
  /** Each partner's figure ("" when it has none), aligned with the paper's partners. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** How the shared costs were split this year and what changed since last year, for every partner. */
export interface MethodologyPaper {
  readonly year: string;
  readonly previousYear: string;
  /** Every partner of either year, sorted by id. */
  readonly partners: readonly string[];
  readonly groups: readonly MethodologyGroup[];
  /** Each partner's total over every line: the groups' figures added up. */
  readonly totals: readonly PartnerChange[];
  readonly drivers: readonly DriverFigures[];
  /** The rounding unit of the charges, in pence. */
  readonly unit: number;
}

/** The rule the split of a change follows, in words, for every output that shows it. */
export const CHANGE_SPLIT_RULE =
  "Change = last year's share × change of cost + change of share × this year's cost. The change of cost is worked out " +
  "exactly and rounded once to the unit (half away from zero); the change of share is the rest, so the two always add up " +
  "to the change in the rounded charges. A service or basis new this year is all change of cost.";

const ZERO: Fraction = { n: 0n, d: 1n };

/** A partner's exact and rounded charges on some line-years: the exact in pence as a fraction, the rounded as reported. */
interface Charged {
  readonly exact: Fraction;
  readonly charge: Pence;
}

/**
 * Each partner's exact and rounded charges on some line-years. The exact
 * charge of a line-year is amount × weight ÷ total weight; the numerators are
 * added up per total weight first (the lines of one basis mostly share it),
 * so a group of thousands of lines costs one fraction sum per distinct total.
 */
function chargesOf(lines: readonly LineYear[]): Map<string, Charged> {
  const byTotal = new Map<string, Map<string, bigint>>();
  const rounded = new Map<string, Pence>();
  // The weights' text repeats from line to line: each is turned into a BigInt once.
  const weights = new Map<string, bigint>();
  for (const ly of lines) {
    const amount = BigInt(ly.profile.amount);
    let sums = byTotal.get(ly.totalWeight);
    if (sums === undefined) byTotal.set(ly.totalWeight, (sums = new Map()));
    for (let i = 0; i < ly.partners.length; i++) {
      const p = ly.partners[i] as string;
      rounded.set(p, (rounded.get(p) ?? 0) + (ly.shares[i] ?? 0));
      const text = ly.weights[i] ?? "0";
      let w = weights.get(text);
      if (w === undefined) weights.set(text, (w = BigInt(text)));
      if (w !== 0n) sums.set(p, (sums.get(p) ?? 0n) + amount * w);
    }
  }
  const out = new Map<string, Charged>();
  for (const [p, charge] of rounded) {
    let exact = ZERO;
    for (const [total, sums] of byTotal) {
      const n = sums.get(p);
      if (n !== undefined && total !== "0") exact = fracAdd(exact, frac(n, BigInt(total)));
    }
    out.set(p, { exact, charge });
  }
  return out;
}

/** A partner's exact share of a group's amount (its exact charge over the amount); 0 when the amount is nothing. */
function shareOfAmount(c: Charged, amount: Pence): Fraction {
  return amount === 0 ? ZERO : frac(c.exact.n, c.exact.d * BigInt(amount));
}

function percentOfShare(s: Fraction): string {
  return percentText(frac(s.n * 100n, s.d));
}

function change(
  partner: string,
  before: ReadonlyMap<string, Charged>,
  after: ReadonlyMap<string, Charged>,
  amountBefore: Pence,
  amountAfter: Pence,
  unit: number,
): PartnerChange {
  const b = before.get(partner) ?? { exact: ZERO, charge: 0 };
  const a = after.get(partner) ?? { exact: ZERO, charge: 0 };
  const sb = shareOfAmount(b, amountBefore);
  const sa = shareOfAmount(a, amountAfter);
  const split = splitChange(
    { amount: amountBefore, share: sb, charge: b.charge },
    { amount: amountAfter, share: sa, charge: a.charge },
    unit,
  );
  const pb = amountBefore === 0 ? undefined : sb;
  const pa = amountAfter === 0 ? undefined : sa;
  return {
    partner,
    before: b.charge,
    after: a.charge,
    ...split,
    percentBefore: pb === undefined ? undefined : percentOfShare(pb),
    percentAfter: pa === undefined ? undefined : percentOfShare(pa),
    pointsChange: pb === undefined || pa === undefined ? undefined : percentOfShare(frac(pa.n * pb.d - pb.n * pa.d, pa.d * pb.d)),
  };
}

function byRef(result: ApportionResult, year: FinancialYear): Map<string, LineYear> {
  const out = new Map<string, LineYear>();
  for (const ly of result.lineYears) if (ly.year === year) out.set(ly.lineRef, ly);
  return out;
}

/** The partners' total change: the lines' figures added up, and their shares of everything charged. */
function totalChange(partner: string, groups: readonly MethodologyGroup[], totalBefore: Pence, totalAfter: Pence): PartnerChange {
  let before = 0;
  let after = 0;
  let costEffect = 0;
  let shareEffect = 0;
  for (const g of groups) {
    const p = g.partners.find((x) => x.partner === partner);
    if (p === undefined) continue;
    before += p.before;
    after += p.after;
    costEffect += p.costEffect;
    shareEffect += p.shareEffect;
  }
  const pb = totalBefore === 0 ? undefined : frac(BigInt(before) * 100n, BigInt(totalBefore));
  const pa = totalAfter === 0 ? undefined : frac(BigInt(after) * 100n, BigInt(totalAfter));
  return {
    partner,
    before,
    after,
    change: after - before,
    costEffect,
    shareEffect,
    percentBefore: pb === undefined ? undefined : percentText(pb),
    percentAfter: pa === undefined ? undefined : percentText(pa),
    pointsChange: pb === undefined || pa === undefined ? undefined : percentText(frac(pa.n * pb.d - pb.n * pa.d, pa.d * pb.d)),
  };
}

/** A driver's figure for a partner in a year: the year's own value, else the every-year value, else "". */
function figure(driver: DriverInput | undefined, partner: string, year: string): string {
  if (driver === undefined) return "";
  const own = driver.values.find((v) => v.partner.trim() === partner && String(v.year ?? "").trim() === year);
  const every = driver.values.find((v) => v.partner.trim() === partner && String(v.year ?? "").trim() === "");
  const v = (own ?? every)?.value;
  return v === undefined || v === null ? "" : String(v).trim();
}

function asAtText(input: DriverInput["asAt"]): string | undefined {
  if (input === undefined || input === null || String(input).trim() === "") return undefined;
  const day = parseDate(input, { entity: "driver", key: "", field: "asAt" });
  return day.ok ? isoDate(day.value) : String(input).trim();
}

function driverFigures(after: PaperSide, before: PaperSide, partners: readonly string[], used: readonly string[]): DriverFigures[] {
  const y1 = fyLabel(after.year);
  const y0 = fyLabel(before.year);
  return used.map((id) => {
    const d1 = (after.model.drivers ?? []).find((d) => d.id.trim() === id);
    const d0 = (before.model.drivers ?? []).find((d) => d.id.trim() === id);
    const source = (d1 ?? d0)?.source?.trim() || undefined;
    const asAt = asAtText((d1 ?? d0)?.asAt);
    const sourceBefore = d0?.source?.trim() || undefined;
    const asAtBefore = asAtText(d0?.asAt);
    return {
      id,
      label: (d1 ?? d0)?.label?.trim() || id,
      illustrative: (d1 ?? d0)?.illustrative === true,
      ...(source === undefined ? {} : { source }),
      ...(asAt === undefined ? {} : { asAt }),
      ...(d0 !== undefined && d0 !== d1 && sourceBefore !== source && sourceBefore !== undefined ? { sourceBefore } : {}),
      ...(d0 !== undefined && d0 !== d1 && asAtBefore !== asAt && asAtBefore !== undefined ? { asAtBefore } : {}),
      before: partners.map((p) => figure(d0, p, y0)),
      after: partners.map((p) => figure(d1, p, y1)),
    };
  });
}

/**
 * The methodology paper: for every group of cost lines charged in either
 * year (one service and category, one basis), its basis, what it cost, each
 * partner's share and charge in both years, and each partner's change split
 * into a change of cost and a change of share ({@link splitChange}, the share
 * being the partner's exact charges over the group's amount); each partner's
 * total over the groups; and the
 * figures of every driver the lines are split by, with their source and date.
 * `before` is last year: the same run's previous year, or another run's.
 * Partners within others are inside their parent here, as in the core
 * apportionment (their part is carved out of the parent's share afterwards).
 */
export function methodologyPaper(after: PaperSide, before: PaperSide): MethodologyPaper {
  const now = byRef(after.result, after.year);
  const then = byRef(before.result, before.year);
  const ids = new Set<string>([...after.result.partners.map((p) => p.id), ...before.result.partners.map((p) => p.id)]);
  const partners = [...ids].sort(compareIds);
  const refs = [...new Set([...now.keys(), ...then.keys()])].sort(compareIds);
  const unit = after.result.settings.unit;
  const used: string[] = [];
  // Lines grouped by service, category and basis (this year's, or last year's for a line that has gone), in order of first line.
  const groups = new Map<
    string,
    { refs: string[]; lines: LineYear[]; before: LineYear[]; after: LineYear[]; rebased: { ref: string; basis: string }[] }
  >();
  for (const ref of refs) {
    const a = now.get(ref);
    const b = then.get(ref);
    const ly = (a ?? b) as LineYear;
    for (const c of [...(a?.components ?? []), ...(b?.components ?? [])]) {
      for (const id of basisDrivers(c.ref)) if (!used.includes(id)) used.push(id);
    }
    const key = `${ly.service}\u0000${ly.category}\u0000${ly.basis}`;
    const g = groups.get(key) ?? { refs: [], lines: [], before: [], after: [], rebased: [] };
    g.refs.push(ref);
    g.lines.push(ly);
    if (a !== undefined) g.after.push(a);
    if (b !== undefined) g.before.push(b);
    if (a !== undefined && b !== undefined && a.basis !== b.basis) g.rebased.push({ ref, basis: b.basis });
    groups.set(key, g);
  }
  const out: MethodologyGroup[] = [...groups.values()].map((g) => {
    const ly = g.lines[0] as LineYear;
    const amountBefore = g.before.reduce((t, x) => t + x.profile.amount, 0);
    const amountAfter = g.after.reduce((t, x) => t + x.profile.amount, 0);
    const chargedBefore = chargesOf(g.before);
    const chargedAfter = chargesOf(g.after);
    return {
      refs: g.refs,
      description: ly.description,
      service: ly.service,
      category: ly.category,
      basis: ly.basis,
      components: ly.components,
      rebased: g.rebased,
      amountBefore,
      amountAfter,
      partners: partners.map((p) => change(p, chargedBefore, chargedAfter, amountBefore, amountAfter, unit)),
    };
  });
  const totalBefore = out.reduce((t, g) => t + g.amountBefore, 0);
  const totalAfter = out.reduce((t, g) => t + g.amountAfter, 0);
  return {
    year: fyLabel(after.year),
    previousYear: fyLabel(before.year),
    partners,
    groups: out,
    totals: partners.map((p) => totalChange(p, out, totalBefore, totalAfter)),
    drivers: driverFigures(after, before, partners, used),
    unit,
  };
}

/**
 * The paper one run gives by itself: its second year against its first (a
 * budget set for the coming year against the year before, both in the same
 * model and under the same rules), or undefined when the model has one year
 * only. A paper against another run's year is {@link methodologyPaper}.
 */
export function previousYearPaper(model: ModelInput, result: ApportionResult): MethodologyPaper | undefined {
  const first = result.settings.firstYear;
  if (result.settings.lastYear <= first) return undefined;
  return methodologyPaper({ model, result, year: first + 1 }, { model, result, year: first });
}
