import type { CategoryTotal } from "../budget/charge-rows";
import type { EngineWarning } from "../errors";
import type { FinancialYear } from "../financial-year";
import { largestRemainder, type Weight } from "../largest-remainder";
import type { Category } from "../model";
import { penceToText, type Pence, type UnitPence } from "../money";
import { roundDivToUnit } from "../rounding";
import { decimalsToWeights } from "../weights";
import type { PreparedServices, ServiceList } from "./validate-services";

/** £1,000 in pence: the unit of the revenue outturn (RO) return. */
export const THOUSAND: UnitPence = 100_000;

/** One service's share of a partner's recharge for a year and category. */
export interface ServiceShare {
  readonly service: string;
  /** The RO line or SeRCOP heading it reports under. */
  readonly heading: string;
  /** "" when not coded. */
  readonly costCentre: string;
  /** The basis value it was spread by, as decimal text. */
  readonly value: string;
  /** Its share to the penny (largest remainder over the services). */
  readonly pence: Pence;
  /** Its share of the £000 total, in pence (a whole number of £1,000): within its RO line's £000 figure. */
  readonly thousands: Pence;
}

/** One RO line (or SeRCOP heading) of a partner's RO view: the sum of its services. */
export interface RoLineAmount {
  readonly heading: string;
  /** The sum of its services' penny shares. */
  readonly pence: Pence;
  /** Its share of the partner's £000 total, in pence (a whole number of £1,000). */
  readonly thousands: Pence;
}

/** Why a recharge could not be spread onto services. */
export type UnrechargedReason = "noLines" | "allZero";

/** A partner's recharge for one year and category, spread onto its own services. */
export interface PartnerServiceSplit {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** The partner's recharge, to the penny (from the run's totals). */
  readonly recharge: Pence;
  /** The recharge rounded once, half away from zero, to £000 (in pence). */
  readonly rechargeThousands: Pence;
  /** What the basis values count ("" when not stated). */
  readonly measure: string;
  /** "year": the partner's rows for this year; "every": its rows for every year; undefined: none. */
  readonly listFor: "year" | "every" | undefined;
  /** In the service list's order. */
  readonly shares: readonly ServiceShare[];
  /** By heading, in the order each first appears in the service list. */
  readonly roLines: readonly RoLineAmount[];
  /** What was not recharged to any service, to the penny: 0 when fully recharged. */
  readonly unrecharged: Pence;
  /** Why something was left unrecharged. */
  readonly reason?: UnrechargedReason;
  /**
   * The check, worked out from the figures themselves: the services add up to
   * the recharge to the penny, the services and the RO lines each add up to
   * the £000 total, and nothing is left unrecharged.
   */
  readonly recharged: boolean;
}

/** Every partner's recharges spread onto its services. */
export interface ServiceRechargeReport {
  /** By partner (the totals' order), year, then category; only partners with a service list. */
  readonly splits: readonly PartnerServiceSplit[];
  /** Partners charged something that have no service list at all (their accountants spread it by hand). */
  readonly withoutList: readonly string[];
  /** One for each split that left something unrecharged, located at the partner's rows. */
  readonly warnings: readonly EngineWarning[];
}

const isZeroWeight = (w: Weight): boolean => (typeof w === "number" ? w === 0 : w === 0n);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The partner's service list for a year: its own rows for that year, else its rows for every year. */
function listOf(
  byYear: ReadonlyMap<FinancialYear | undefined, ServiceList>,
  year: FinancialYear,
): [ServiceList, "year" | "every"] | undefined {
  const own = byYear.get(year);
  if (own !== undefined) return [own, "year"];
  const every = byYear.get(undefined);
  return every === undefined ? undefined : [every, "every"];
}

/** A service list's whole-number weights and its services grouped by heading: worked out once per list, not per split. */
interface ListWeights {
  readonly weights: readonly Weight[];
  /** Each line's basis value as decimal text. */
  readonly texts: readonly string[];
  readonly spreadable: boolean;
  readonly headings: readonly string[];
  /** Per heading, the positions of its services. */
  readonly members: readonly (readonly number[])[];
  /** Per heading, the sum of its services' weights. */
  readonly headingWeights: readonly Weight[];
}

const LIST_WEIGHTS = new WeakMap<ServiceList, ListWeights>();

function weightsOf(list: ServiceList): ListWeights {
  const known = LIST_WEIGHTS.get(list);
  if (known !== undefined) return known;
  const lines = list.lines;
  const weights = decimalsToWeights(lines.map((l) => l.value));
  const headings: string[] = [];
  const members: number[][] = [];
  lines.forEach((l, i) => {
    const k = headings.indexOf(l.heading);
    if (k < 0) {
      headings.push(l.heading);
      members.push([i]);
    } else members[k]?.push(i);
  });
  const big = (w: Weight): bigint => (typeof w === "bigint" ? w : BigInt(w));
  const headingWeights = normalise(members.map((m) => m.reduce((a, i) => a + big(weights[i] as Weight), 0n)));
  const out = {
    weights,
    texts: lines.map((l) => l.value.toFixed()),
    spreadable: lines.length > 0 && !weights.every(isZeroWeight),
    headings,
    members,
    headingWeights,
  };
  LIST_WEIGHTS.set(list, out);
  return out;
}

/**
 * The £000 split. The partner's total is rounded to £000 first; that rounded
 * total is split across the RO lines by largest remainder (each heading
 * weighted by the sum of its services' values, so every RO line is within
 * £1,000 of its exact share: the return is the statutory figure), then each
 * RO line's £000 amount across its own services by largest remainder. So the
 * services add up exactly to their RO line, and the RO lines to the total.
 */
function thousandsSplit(totalThousands: Pence, w: ListWeights): { readonly services: number[]; readonly ro: number[] } {
  const ro = largestRemainder(totalThousands / THOUSAND, w.headingWeights);
  const services = new Array<number>(w.weights.length).fill(0);
  w.members.forEach((m, k) => {
    const units = ro[k] as number;
    const mine = m.map((i) => w.weights[i] as Weight);
    // A heading whose services all weigh nothing gets nothing (largest remainder gives a zero weight zero).
    if (mine.every(isZeroWeight)) return;
    largestRemainder(units, mine).forEach((u, j) => (services[m[j] as number] = u * THOUSAND));
  });
  return { services, ro: ro.map((u) => u * THOUSAND) };
}

/** Whole-number weights as JS numbers where their total is safe, BigInt otherwise. */
function normalise(ws: readonly bigint[]): Weight[] {
  const total = ws.reduce((a, b) => a + b, 0n);
  return total <= BigInt(Number.MAX_SAFE_INTEGER) ? ws.map(Number) : [...ws];
}

/** One partner's recharge for a year and category spread onto a service list (or left unrecharged). */
export function spreadRecharge(total: CategoryTotal, found: [ServiceList, "year" | "every"] | undefined): PartnerServiceSplit {
  const base = {
    partner: total.partner,
    year: total.year,
    yearLabel: total.yearLabel,
    category: total.category,
    recharge: total.amount,
    rechargeThousands: roundDivToUnit(BigInt(total.amount), 1n, THOUSAND),
  };
  const list = found?.[0];
  const lines = list?.lines ?? [];
  const w = list === undefined ? undefined : weightsOf(list);
  const spreadable = w?.spreadable === true;
  const pence = w !== undefined && spreadable ? largestRemainder(total.amount, w.weights) : lines.map(() => 0);
  const k = w !== undefined && spreadable ? thousandsSplit(base.rechargeThousands, w) : undefined;
  const shares: ServiceShare[] = lines.map((l, i) => ({
    service: l.service,
    heading: l.heading,
    costCentre: l.costCentre,
    value: w?.texts[i] ?? l.value.toFixed(),
    pence: pence[i] as number,
    thousands: k?.services[i] ?? 0,
  }));
  const roLines: RoLineAmount[] = (w?.headings ?? []).map((h, j) => ({
    heading: h,
    pence: sum((w?.members[j] ?? []).map((i) => shares[i]?.pence ?? 0)),
    thousands: k?.ro[j] ?? 0,
  }));
  const spread = sum(shares.map((s) => s.pence));
  const unrecharged = total.amount - spread;
  const recharged =
    unrecharged === 0 &&
    sum(shares.map((s) => s.thousands)) === (spreadable ? base.rechargeThousands : 0) &&
    sum(roLines.map((r) => r.thousands)) === (spreadable ? base.rechargeThousands : 0) &&
    roLines.every((r, j) => sum((w?.members[j] ?? []).map((i) => shares[i]?.thousands ?? 0)) === r.thousands);
  const reason: UnrechargedReason | undefined = unrecharged === 0 ? undefined : lines.length === 0 ? "noLines" : "allZero";
  return {
    ...base,
    measure: list?.measure ?? "",
    listFor: found?.[1],
    shares,
    roLines,
    unrecharged,
    ...(reason === undefined ? {} : { reason }),
    recharged,
  };
}

/**
 * Spreads each partner's recharge, year by year and capital apart from
 * revenue, onto its own services: exactly to the penny and again at £000 (see
 * {@link thousandsSplit}). A partner charged something with no service list
 * at all is listed in `withoutList`; one with a list but no usable lines for a
 * year (none for that year or every year, or every value zero) has that
 * recharge left unrecharged, said by the split's check and a warning.
 */
export function spreadOntoServices(services: PreparedServices, totals: readonly CategoryTotal[]): ServiceRechargeReport {
  const splits: PartnerServiceSplit[] = [];
  const without = new Set<string>();
  const warnings: EngineWarning[] = [];
  for (const t of totals) {
    const byYear = services.get(t.partner);
    if (byYear === undefined) {
      if (t.amount !== 0) without.add(t.partner);
      continue;
    }
    const found = listOf(byYear, t.year);
    if (found === undefined && t.amount === 0) continue;
    const split = spreadRecharge(t, found);
    splits.push(split);
    if (split.reason !== undefined)
      warnings.push({
        kind: "servicesUnrecharged",
        partner: t.partner,
        year: t.yearLabel,
        category: t.category,
        amount: penceToText(split.unrecharged),
        reason: split.reason,
        at: { entity: "partnerService", key: t.partner, field: "value", year: t.yearLabel },
      });
  }
  return { splits, withoutList: [...without], warnings };
}

/** One partner's splits from a report, by year then category: what a journal posts by service cost centre. */
export function serviceSplitsOf(report: ServiceRechargeReport, partner: string): readonly PartnerServiceSplit[] {
  return report.splits.filter((s) => s.partner === partner);
}
