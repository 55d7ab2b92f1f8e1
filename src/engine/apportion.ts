import { basisWeights, type BasisComponent, type BasisWeights } from "./basis-weights";
import type { ChargeRow } from "./charge-row";
import { isoDate, type DayNumber } from "./dates";
import { Decimal } from "./decimal";
import type { EngineError } from "./errors";
import { fyEnd, fyLabel, fyStart, type FinancialYear } from "./financial-year";
import { largestRemainderBy, type Weight } from "./largest-remainder";
import { anyMembershipDates, fractionText, memberWeights, membersById, type MembershipDates, type MembershipPeriod } from "./membership";
import type { ModelInput, Category, Nature } from "./model";
import type { Pence } from "./money";
import type { Line, Partner, PreparedModel, Settings } from "./prepared";
import { FactorCache, profileLine, type YearAmount } from "./profile";
import { errs, ok, type Result } from "./result";
import { supportReport, type SupportReport } from "./support/year-flows";
import { compareIds } from "./parse-helpers";
import { validateModel } from "./validate";
import { MoneyBound, outsideLine, type OutsideLine } from "./validate-limits";
import { lineVersions, versionComponents, VersionResolver, type LineVersionResolved } from "./versions/line-versions";
import { shortDate, type LineVersion } from "./versions/text";

/** One cost line in one financial year: the amount split, how, and the shares. */
export interface LineYear {
  readonly lineRef: string;
  /** The line's own amount (one-off cost or annual charge) before profiling. */
  readonly lineAmount: Pence;
  readonly description: string;
  readonly service: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  /** The line's date (one-off) or start date (ongoing), which membership is measured against. */
  readonly lineStart: DayNumber;
  /** The line's end date (ongoing; undefined when it continues or for a one-off). */
  readonly lineEnd: DayNumber | undefined;
  readonly profile: YearAmount;
  /** The basis reference, e.g. "driver:users". */
  readonly basis: string;
  readonly components: readonly BasisComponent[];
  /** The partners sharing the line, sorted by id. */
  readonly partners: readonly string[];
  /** Whole-number weights as decimal text (they can exceed a JS number's exact range). */
  readonly weights: readonly string[];
  /** The sum of `weights`, as decimal text. */
  readonly totalWeight: string;
  /** Each partner's rounded share, aligned with `partners`. */
  readonly shares: readonly Pence[];
  /**
   * Each partner's membership fraction of the charged period ("1", "59/90"),
   * aligned with `partners`; undefined when every partner was a member
   * throughout. Partners that were members for none of it are not listed.
   */
  readonly membership?: readonly string[];
  /**
   * The membership periods an ongoing line-year was cut into (at every join
   * and leave date), each with who was a member throughout it; undefined when
   * every partner was a member throughout.
   */
  readonly periods?: readonly LinePeriod[];
  /**
   * The versions of the basis over the line-year when it changes part-way
   * through (docs/versions.md): "74% / 26%" to one day, "82% / 18%" from the next.
   */
  readonly versions?: readonly LineVersion[];
  /** For a line carrying a year-end settlement forward: where it came from. */
  readonly settlement?: string;
  /**
   * In a partner-leaves scenario, a variable line-year whose leaver's share was cut to the end of its charges: why
   * that share is less than its weight gives (docs/exits.md).
   */
  readonly exit?: string;
}

/**
 * One partner's charge for one cost line in one year: the one shape of a
 * charge ({@link ChargeRow}), with where it sits in the result for its trace.
 */
export interface Charge extends ChargeRow {
  /** Index into {@link ApportionResult.lineYears}, for the trace. */
  readonly lineYear: number;
  /** Position of the partner within that line-year. */
  readonly position: number;
}

/** A partner's total for one year, category and nature. */
export interface TotalRow {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  readonly amount: Pence;
}

/** A line-year whose charges do not add up to its amount (never expected: this is a self-check). */
export interface Mismatch {
  readonly lineRef: string;
  readonly yearLabel: string;
  readonly amount: Pence;
  readonly charged: Pence;
}

/** The balancing check: each line-year and the grand total, to the penny. */
export interface BalanceCheck {
  readonly balanced: boolean;
  readonly totalIn: Pence;
  readonly totalOut: Pence;
  readonly mismatches: readonly Mismatch[];
}

/** Everything a run produces. */
export interface ApportionResult {
  /** The settings used (rounding unit, pro-rata convention, years), recorded with the result. */
  readonly settings: Settings;
  readonly partners: readonly Partner[];
  /** In order of line reference, then year. */
  readonly lineYears: readonly LineYear[];
  /** In order of line reference, year, then partner id. */
  readonly charges: readonly Charge[];
  /** In order of partner, year, category, nature. */
  readonly totals: readonly TotalRow[];
  readonly balance: BalanceCheck;
  /** Lines with no charge in the modelled years (e.g. a one-off dated outside them). */
  readonly linesOutsideYears: readonly string[];
  /** The same lines with their amounts and a located warning each: in the model, charged to no one. */
  readonly outsideYears: readonly OutsideLine[];
  /** How the support services were redistributed, when the model has any. */
  readonly support?: SupportReport;
  /** The charges summed in one table, when every line-year names only the model's partners in its years. */
  readonly table?: ChargeTable;
}

/** The tie-break rule, recorded so a reviewer can re-derive every penny. */
export const TIE_BREAK_RULE =
  "Largest remainder first; equal remainders go to the larger driver value, then to the partner whose id sorts first.";

/**
 * Validates a model and apportions it: every cost line is profiled across the
 * years and each year's amount split among its partners by largest remainder.
 * Returns every validation problem if there are any, and no partial result.
 */
export function apportionModel(input: ModelInput): Result<ApportionResult> {
  const prepared = validateModel(input);
  if (!prepared.ok) return prepared;
  return apportionPrepared(prepared.value);
}

type Resolved = Result<
  BasisWeights & { readonly text: readonly string[]; readonly total: string; readonly split: (amount: number) => number[] }
>;

/** One membership period of a line-year, for the trace. */
export interface LinePeriod {
  /** First and last day, ISO dates. */
  readonly from: string;
  readonly to: string;
  /** Its part of the year by the part-year convention ("284/366" days, "13/62" by months). */
  readonly part: string;
  /** The partners of the line that were members throughout it. */
  readonly members: readonly string[];
}

/** A line-year's basis once membership is applied: who shares it and how. */
interface MemberBasis {
  readonly partners: readonly string[];
  readonly components: readonly BasisComponent[];
  readonly text: readonly string[];
  readonly total: string;
  readonly split: (amount: number) => number[];
  readonly membership: readonly string[];
  readonly periods: readonly LinePeriod[] | undefined;
  readonly versions?: readonly LineVersion[];
}

/** Undefined when every partner of the line was a member throughout, so the basis as resolved stands. */
type MemberResolved = Result<MemberBasis | undefined>;

function resolvedOf(weights: readonly Weight[]): { text: string[]; total: string; split: (amount: number) => number[] } {
  return {
    text: weights.map(String),
    total: weights.reduce<bigint>((a, w) => a + BigInt(w), 0n).toString(),
    split: largestRemainderBy(weights),
  };
}

/**
 * Apportions a model that has already passed {@link validateModel}.
 *
 * The split itself produces one {@link LineYear} per line and year (its
 * shares, weights and trace data). `charges` — one object per line × year ×
 * partner, a million for 10,000 lines × 20 partners × 5 years — is built from
 * the line-years the first time it is read and then kept, so a run that only
 * needs totals and budget checks never pays for it. Totals and the balance
 * check are computed from the line-years directly.
 */
export function apportionPrepared(model: PreparedModel): Result<ApportionResult> {
  const problems: EngineError[] = [];
  const lineYears: LineYear[] = [];
  const outside: string[] = [];
  const outsideLines: OutsideLine[] = [];
  // Year amounts within the money cap and all of them together within 2^52 pence: every total below, and every difference of two, is exact.
  const bound = new MoneyBound();
  const { firstYear, lastYear, unit } = model.settings;
  const span = lastYear - firstYear + 1;
  // Many lines share a basis, partner set and year: resolve each combination once. Lines are
  // keyed by partner list, then basis; each key holds one slot per year. (Validation gives lines
  // with the same partners the same list; lists that are equal but not shared just miss the cache.)
  const cache = new Map<readonly string[], Map<string, (Resolved | undefined)[]>>();
  const labels = new Map<FinancialYear, string>();
  const factors = new FactorCache();
  // Totals and the balance check are gathered as each line-year is split, while its shares are at hand.
  const sums = new ChargeSums(model.partners, firstYear, span);
  // Membership over time: only worked out when some partner joins or leaves (see membership.ts).
  // Versions of bases (docs/versions.md) go through the same period rule, so they need the membership path too.
  const versioner = model.versions === undefined ? undefined : new VersionResolver(model);
  const members = anyMembershipDates(model.partners) || versioner !== undefined ? new MemberCache(model.partners) : undefined;
  for (const line of model.lines) {
    const years = profileLine(line, model.settings, factors);
    if (years.length === 0) {
      outside.push(line.ref);
      outsideLines.push(outsideLine(line, model.settings));
      continue;
    }
    let byBasis = cache.get(line.partners);
    if (byBasis === undefined) {
      byBasis = new Map();
      cache.set(line.partners, byBasis);
    }
    let slots = byBasis.get(line.basisText);
    if (slots === undefined) {
      slots = new Array<Resolved | undefined>(span);
      byBasis.set(line.basisText, slots);
    }
    for (const ya of years) {
      const over = bound.add(line, ya.year, ya.amount);
      if (over.length > 0) {
        // Once per line: its later years are only larger.
        problems.push(...over);
        break;
      }
      const at = { entity: "costLine", key: line.ref, index: line.row, field: "basis" } as const;
      // A carried-forward settlement line is shared as settled: versions, like membership, do not re-spread it.
      const segments = line.settlement === undefined ? versioner?.segments(line, ya.year, at) : undefined;
      let versions: LineVersionResolved[] | undefined;
      let resolved = segments === undefined ? slots[ya.year - firstYear] : undefined;
      if (segments !== undefined) {
        if (!segments.ok) {
          problems.push(...segments.errors);
          continue;
        }
        const last = segments.value[segments.value.length - 1] as LineVersionResolved;
        resolved = ok({ ...last.weights, ...resolvedOf(last.weights.weights) });
        versions = segments.value;
      } else if (resolved === undefined) {
        const r = basisWeights(model, line.basis, ya.year, line.partners, {
          entity: "costLine",
          key: line.ref,
          index: line.row,
          field: "basis",
        });
        resolved = r.ok ? ok({ ...r.value, ...resolvedOf(r.value.weights) }) : r;
        slots[ya.year - firstYear] = resolved;
      }
      if (!resolved.ok) {
        for (const e of resolved.errors)
          problems.push(e.at.entity === "costLine" ? { ...e, at: { ...e.at, key: line.ref, index: line.row } } : e);
        continue;
      }
      // The basis as resolved, unless membership changes who shares this line-year (no object is built for the usual case).
      let use: MemberBasis | undefined;
      // A carried-forward settlement line is exempt: the share belongs to a year the partner was a
      // member, so a partner that has since left still receives (or pays) it.
      if (members !== undefined && line.settlement === undefined) {
        const m = members.get(line, ya.year, resolved.value.components, model.settings, versions);
        if (!m.ok) {
          problems.push(...m.errors.map((e) => ({ ...e, at: { ...e.at, key: line.ref, index: line.row } })));
          continue;
        }
        use = m.value;
      }
      const basis = use ?? resolved.value;
      const shares = basis.split(ya.amount / unit);
      if (unit !== 1) for (let k = 0; k < shares.length; k++) shares[k] = (shares[k] as number) * unit;
      let yearLabel = labels.get(ya.year);
      if (yearLabel === undefined) {
        yearLabel = fyLabel(ya.year);
        labels.set(ya.year, yearLabel);
      }
      const lineYear: LineYear = {
        lineRef: line.ref,
        lineAmount: line.amount,
        description: line.description,
        service: line.service,
        category: line.category,
        nature: line.nature,
        year: ya.year,
        yearLabel,
        lineStart: line.start,
        lineEnd: line.end,
        profile: ya,
        basis: line.basisText,
        components: basis.components,
        partners: use?.partners ?? line.partners,
        weights: basis.text,
        totalWeight: basis.total,
        shares,
        ...(use === undefined ? {} : { membership: use.membership }),
        ...(use?.periods === undefined ? {} : { periods: use.periods }),
        ...(use?.versions === undefined ? {} : { versions: use.versions }),
        ...(line.settlement === undefined ? {} : { settlement: line.settlement }),
      };
      lineYears.push(lineYear);
      sums.add(lineYear);
    }
  }
  if (problems.length > 0) return errs(dedupe(problems));
  let charges: Charge[] | undefined;
  const table = sums.table();
  const result: ApportionResult = {
    settings: model.settings,
    partners: model.partners,
    lineYears,
    get charges(): Charge[] {
      return (charges ??= chargesOf(lineYears));
    },
    totals: table === undefined ? totalsOf(chargesOf(lineYears)) : totalsOfTable(table),
    balance: sums.balance(),
    linesOutsideYears: outside,
    outsideYears: outsideLines,
    ...(model.support === undefined
      ? {}
      : {
          support: supportReport(
            model.support,
            model.partners.map((p) => p.id),
            lineYears,
          ),
        }),
    ...(table === undefined ? {} : { table }),
  };
  return ok(result);
}

/**
 * Memoises membership per partner list, basis, year and line dates (many
 * lines share them), and interns the lists of members so line-years sharing
 * the same members share one array (the charge table keys on it).
 */
class MemberCache {
  private readonly dates: ReadonlyMap<string, MembershipDates>;
  private readonly byList = new Map<readonly string[], Map<string, MemberResolved>>();
  private readonly lists = new Map<string, readonly string[]>();

  constructor(partners: readonly Partner[]) {
    this.dates = membersById(partners);
  }

  get(
    line: Line,
    fy: FinancialYear,
    components: readonly BasisComponent[],
    settings: Settings,
    versions?: readonly LineVersionResolved[],
  ): MemberResolved {
    let forList = this.byList.get(line.partners);
    if (forList === undefined) {
      forList = new Map();
      this.byList.set(line.partners, forList);
    }
    const changes = versions !== undefined && versions.length > 1;
    // A versioned basis resolves differently on each version's days: they are part of the key.
    const key =
      `${line.basisText}|${fy}|${line.nature}|${line.start}|${line.end ?? ""}` +
      (versions === undefined ? "" : `|${versions.map((v) => v.validFrom ?? "").join(",")}`);
    let hit = forList.get(key);
    if (hit === undefined) {
      const m = memberWeights(
        line,
        fy,
        line.partners.map((id) => this.dates.get(id) ?? {}),
        components,
        settings.proRata,
        { entity: "costLine", key: line.ref, index: line.row, field: "basis" },
        changes ? versionComponents(versions) : undefined,
      );
      if (!m.ok || m.value === undefined) hit = m.ok ? ok(undefined) : m;
      else {
        const kept = m.value.kept;
        const ids = kept.map((i) => line.partners[i] as string);
        const listKey = ids.join("\u0000");
        let partners = this.lists.get(listKey);
        if (partners === undefined) {
          partners = ids;
          this.lists.set(listKey, ids);
        }
        hit = ok({
          partners,
          // With versions, the figures shown are the last version's: their label says from when (the working lists them all).
          components: components.map((c) => keepPartners(changes ? { ...c, label: `${c.label}, ${lastVersionWords(versions)}` } : c, kept)),
          ...resolvedOf(m.value.weights),
          membership: m.value.fractions,
          periods: line.nature === "one-off" ? undefined : linePeriods(m.value.periods, line.partners, fy, settings),
          ...(changes ? { versions: lineVersions(versions, kept, isoDate) } : {}),
        });
      }
      forList.set(key, hit);
    }
    return hit;
  }
}

/** "version from 3 Oct 2022": when the last of a line-year's versions took effect. */
function lastVersionWords(versions: readonly LineVersionResolved[] | undefined): string {
  const last = versions?.[versions.length - 1];
  return last === undefined ? "" : `version from ${shortDate(isoDate(last.from))}`;
}

/** Membership periods as the trace shows them: ISO dates, the part of the year, the members by id. */
function linePeriods(
  periods: readonly MembershipPeriod[],
  partners: readonly string[],
  fy: FinancialYear,
  settings: Settings,
): LinePeriod[] {
  const yearDays = fyEnd(fy) - fyStart(fy) + 1;
  return periods.map((p) => ({
    from: isoDate(p.from),
    to: isoDate(p.to),
    // By days the unreduced count reads best (284/366); by months the fraction as worked out.
    part: settings.proRata === "days" ? `${p.to - p.from + 1}/${yearDays}` : fractionText(p.length),
    members: partners.filter((_, i) => p.present[i] === true),
  }));
}

/** One charge per line-year and partner, in order of line-year then partner. */
export function chargesOf(lineYears: readonly LineYear[]): Charge[] {
  let count = 0;
  for (const ly of lineYears) count += ly.partners.length;
  const charges = new Array<Charge>(count);
  let k = 0;
  for (let index = 0; index < lineYears.length; index++) {
    const ly = lineYears[index] as LineYear;
    const { lineRef, year, yearLabel, category, nature, partners, shares } = ly;
    const service = ly.service.trim();
    for (let position = 0; position < partners.length; position++) {
      charges[k++] = {
        lineRef,
        partner: partners[position] as string,
        year,
        yearLabel,
        category,
        nature,
        service,
        amount: shares[position] ?? 0,
        lineYear: index,
        position,
      };
    }
  }
  return charges;
}

/**
 * The charges summed by partner × year × service × category × nature, in one
 * pass over the line-years (no object per charge). The totals, the
 * capital/revenue totals of a run and the budget check all read it.
 */
export interface ChargeTable {
  /** Partner ids in slot order (the model's order: sorted by id). */
  readonly partners: readonly string[];
  readonly firstYear: FinancialYear;
  readonly years: number;
  /** Year labels by year offset. */
  readonly yearLabels: readonly string[];
  /** Services (trimmed, "" for none) in slot order. */
  readonly services: readonly string[];
  /** Sums by cell: ((((partner × years + year) × services + service) × 2 + category) × 2 + nature. */
  readonly sums: Float64Array;
  /** 1 where at least one charge (even of zero) fell in the cell. */
  readonly seen: Uint8Array;
}

/**
 * Gathers a {@link ChargeTable} and the {@link balanceOf} check line-year by
 * line-year, in one pass over each line-year's shares.
 */
class ChargeSums {
  private readonly index: Map<string, number>;
  private readonly slotsOf = new Map<readonly string[], Int32Array | undefined>();
  private readonly serviceOf = new Map<string, number>();
  private readonly services: string[] = [];
  private readonly sums: Float64Array[] = [];
  private readonly seen: Uint8Array[] = [];
  private readonly yearLabels: string[];
  /** False once a line-year names a partner outside the model (never for a validated model): no table then. */
  private complete = true;
  private totalIn = 0;
  private totalOut = 0;
  private readonly mismatches: Mismatch[] = [];

  constructor(
    private readonly partners: readonly Partner[],
    private readonly firstYear: FinancialYear,
    private readonly years: number,
  ) {
    this.index = new Map(partners.map((p, i) => [p.id, i]));
    this.yearLabels = new Array<string>(years).fill("");
  }

  add(ly: LineYear): void {
    let slots = this.slotsOf.get(ly.partners);
    if (slots === undefined && !this.slotsOf.has(ly.partners)) {
      // Each partner's first cell: partner × years × 4.
      const found = Int32Array.from(ly.partners, (id) => (this.index.get(id) ?? -1) * this.years * 4);
      slots = found.some((x) => x < 0) ? undefined : found;
      this.slotsOf.set(ly.partners, slots);
    }
    const shares = ly.shares;
    let charged = 0;
    if (slots === undefined || ly.year < this.firstYear || ly.year >= this.firstYear + this.years) {
      this.complete = false;
      for (let i = 0; i < shares.length; i++) charged += shares[i] as number;
    } else {
      let service = this.serviceOf.get(ly.service);
      if (service === undefined) {
        const trimmed = ly.service.trim();
        service = this.services.indexOf(trimmed);
        if (service < 0) {
          service = this.services.length;
          this.services.push(trimmed);
          this.sums.push(new Float64Array(this.partners.length * this.years * 4));
          this.seen.push(new Uint8Array(this.partners.length * this.years * 4));
        }
        this.serviceOf.set(ly.service, service);
      }
      const sums = this.sums[service] as Float64Array;
      const seen = this.seen[service] as Uint8Array;
      this.yearLabels[ly.year - this.firstYear] = ly.yearLabel;
      const offset = (ly.year - this.firstYear) * 4 + (ly.category === "capital" ? 0 : 2) + (ly.nature === "one-off" ? 0 : 1);
      for (let i = 0; i < shares.length; i++) {
        const share = shares[i] as number;
        charged += share;
        const cell = (slots[i] as number) + offset;
        sums[cell] = (sums[cell] as number) + share;
        seen[cell] = 1;
      }
    }
    this.totalIn += ly.profile.amount;
    this.totalOut += charged;
    if (charged !== ly.profile.amount)
      this.mismatches.push({ lineRef: ly.lineRef, yearLabel: ly.yearLabel, amount: ly.profile.amount, charged });
  }

  /** The same as {@link balanceOf} of the line-years added. */
  balance(): BalanceCheck {
    return {
      balanced: this.mismatches.length === 0 && this.totalIn === this.totalOut,
      totalIn: this.totalIn,
      totalOut: this.totalOut,
      mismatches: this.mismatches,
    };
  }

  table(): ChargeTable | undefined {
    if (!this.complete) return undefined;
    const nS = this.services.length;
    const sums = new Float64Array(this.partners.length * this.years * nS * 4);
    const seen = new Uint8Array(sums.length);
    for (let s = 0; s < nS; s++) {
      const from = this.sums[s] as Float64Array;
      const was = this.seen[s] as Uint8Array;
      for (let py = 0; py < this.partners.length * this.years; py++) {
        for (let kind = 0; kind < 4; kind++) {
          sums[(py * nS + s) * 4 + kind] = from[py * 4 + kind] as number;
          seen[(py * nS + s) * 4 + kind] = was[py * 4 + kind] as number;
        }
      }
    }
    return {
      partners: this.partners.map((p) => p.id),
      firstYear: this.firstYear,
      years: this.years,
      yearLabels: this.yearLabels,
      services: this.services,
      sums,
      seen,
    };
  }
}

/** {@link totalsOf} from a charge table: the services of each partner × year × category × nature added up. */
function totalsOfTable(t: ChargeTable): TotalRow[] {
  const out: TotalRow[] = [];
  const width = t.services.length * 4;
  // In order of partner (sorted by id), year, category ("capital" < "revenue"), nature ("one-off" < "ongoing").
  for (let p = 0; p < t.partners.length; p++) {
    for (let y = 0; y < t.years; y++) {
      for (let kind = 0; kind < 4; kind++) {
        let amount = 0;
        let any = false;
        for (let s = 0; s < t.services.length; s++) {
          const cell = (p * t.years + y) * width + s * 4 + kind;
          if (t.seen[cell] !== 1) continue;
          amount += t.sums[cell] as number;
          any = true;
        }
        if (!any) continue;
        out.push({
          partner: t.partners[p] as string,
          year: t.firstYear + y,
          yearLabel: t.yearLabels[y] as string,
          category: (kind & 2) === 0 ? "capital" : "revenue",
          nature: (kind & 1) === 0 ? "one-off" : "ongoing",
          amount,
        });
      }
    }
  }
  return out;
}

/** The same error can arise for many lines sharing a driver; report each once per place. */
function dedupe(list: readonly EngineError[]): EngineError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = JSON.stringify(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Totals by partner × year × category × nature, in a fixed order. */
export function totalsOf(charges: readonly Charge[]): TotalRow[] {
  // Numeric keys and mutable cells: this runs over every charge, so it avoids building strings.
  const partnerIndex = new Map<string, number>();
  const cells = new Map<number, { row: Omit<TotalRow, "amount">; amount: number }>();
  for (const c of charges) {
    let p = partnerIndex.get(c.partner);
    if (p === undefined) {
      p = partnerIndex.size;
      partnerIndex.set(c.partner, p);
    }
    const key = ((p * 20_000 + c.year) * 2 + (c.category === "capital" ? 0 : 1)) * 2 + (c.nature === "one-off" ? 0 : 1);
    const cell = cells.get(key);
    if (cell !== undefined) cell.amount += c.amount;
    else
      cells.set(key, {
        row: { partner: c.partner, year: c.year, yearLabel: c.yearLabel, category: c.category, nature: c.nature },
        amount: c.amount,
      });
  }
  return [...cells.values()]
    .map(({ row, amount }) => ({ ...row, amount }))
    .sort(
      (a, b) => compareIds(a.partner, b.partner) || a.year - b.year || compareIds(a.category, b.category) || compareIds(a.nature, b.nature),
    );
}

/** Checks each line-year and the grand total balance to the penny. */
export function balanceOf(lineYears: readonly LineYear[]): BalanceCheck {
  let totalIn = 0;
  let totalOut = 0;
  const mismatches: Mismatch[] = [];
  for (const ly of lineYears) {
    let charged = 0;
    const shares = ly.shares;
    for (let i = 0; i < shares.length; i++) charged += shares[i] as number;
    totalIn += ly.profile.amount;
    totalOut += charged;
    if (charged !== ly.profile.amount)
      mismatches.push({ lineRef: ly.lineRef, yearLabel: ly.yearLabel, amount: ly.profile.amount, charged });
  }
  return { balanced: mismatches.length === 0 && totalIn === totalOut, totalIn, totalOut, mismatches };
}

const ZERO_FIGURE = new Decimal(0);

/** A basis component for the partners kept (those members for some of the period), in their order. */
function keepPartners(c: BasisComponent, kept: readonly number[]): BasisComponent {
  const pick = (list: readonly string[]): string[] => kept.map((i) => list[i] ?? "0");
  const exact = { ...c.exact, values: kept.map((i) => c.exact.values[i] ?? ZERO_FIGURE) };
  if (c.support === undefined) return { ...c, values: pick(c.values), exact };
  const support = {
    ...c.support,
    usage: c.support.usage.map((u) => ({ ...u, percents: pick(u.percents) })),
    percents: pick(c.support.percents),
  };
  return { ...c, values: pick(c.values), exact, support };
}
