import { basisWeights } from "../basis-weights";
import { isoDate } from "../dates";
import { isBlank } from "../decimal";
import type { EngineError, Where } from "../errors";
import { fyEnd, fyLabel, fyStart, parseFinancialYear, type FinancialYear } from "../financial-year";
import { largestRemainder, type Weight } from "../largest-remainder";
import type { Category, CostLineInput, ModelInput, OutturnInput } from "../model";
import { memberWeights, membersById } from "../membership";
import { checkMultipleOfUnit, formatMoney, parseMoney, penceToText, type Pence, type UnitPence } from "../money";
import type { PreparedModel } from "../prepared";
import { errs, ok, type Result } from "../result";
import { basisRefText, parseBasisRef } from "../bases/registry";
import { compareIds, parseChoice } from "../parse-helpers";
import { validateModel } from "../validate";
import type { ChargeRow } from "./charge-rows";

/** The default basis for sharing an under- or overspend: what each partner paid in. */
export const CONTRIBUTIONS = "contributions";

/** One partner's part of a year-end under- or overspend. */
export interface SettlementShare {
  readonly partner: string;
  /** What the partner was charged for the year, category and service settled. */
  readonly contribution: Pence;
  /** The partner's whole-number weight in the split (its contribution in units, or the basis weight). */
  readonly weight: string;
  /** Its part of the variance: negative for an underspend returned, positive for an overspend owed. */
  readonly share: Pence;
}

/** The settlement of one year and category (and service, if the outturn names one). */
export interface Settlement {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** "" when the outturn covers every service. */
  readonly service: string;
  /** What the service actually spent. */
  readonly outturn: Pence;
  /** What the partners were charged. */
  readonly charged: Pence;
  /** Outturn − charged: negative is an underspend, positive an overspend. */
  readonly variance: Pence;
  readonly kind: "underspend" | "overspend" | "balanced";
  /** "contributions" or the basis reference used. */
  readonly basis: string;
  /** In partner order; the shares add up to `variance` exactly. */
  readonly shares: readonly SettlementShare[];
  /**
   * Cost lines carrying each share into the next year (empty unless
   * carry-forward was chosen, and empty when the next year is outside the
   * model's years: see `notCarried`).
   */
  readonly carryForward: readonly CostLineInput[];
  /** The year the shares are carried into ("2021/22"); undefined when they are not carried. */
  readonly carriedTo: string | undefined;
  /**
   * Carry-forward was chosen but the next year is not one of the model's
   * years, so nothing was carried: the year it would have gone to.
   */
  readonly notCarried: string | undefined;
  /** 1-based position of the outturn in the model's Outturns, for the trace. */
  readonly outturnRow: number;
}

/** The year-end settlement of every outturn in the model. */
export interface YearEndReport {
  readonly basis: string;
  readonly carryForward: boolean;
  readonly settlements: readonly Settlement[];
}

interface Outturn {
  readonly row: number;
  readonly year: FinancialYear;
  readonly category: Category;
  readonly service: string;
  readonly amount: Pence;
  readonly at: Where;
}

/**
 * Settles each outturn: the variance between what the service spent and what
 * the partners were charged for that year and category (and service) is
 * shared among the partners by largest remainder, so the shares add up to
 * the under- or overspend exactly, to the rounding unit.
 *
 * The basis is the model's `yearEnd.basis`: by default each partner's
 * contribution (its charges for the same year, category and service), or any
 * basis the model defines, evaluated for that year over the model's
 * partners. Capital and revenue are settled separately, never netted.
 *
 * With `yearEnd.carryForward`, each non-zero share becomes a one-off cost line
 * dated 1 April of the next year and charged directly to that partner, so an
 * underspend reduces next year's charges (a negative line) and an overspend
 * adds to them. When the next year is not one of the model's years nothing
 * is carried and the settlement says so (`notCarried`). `checkModelBudgets`
 * applies the lines to the run (see {@link withCarryForward}). `rows` are the charges the partners actually paid (from
 * `runModel`, or `chargeRows` of an apportionment).
 */
export function settleYearEnd(model: ModelInput, rows: readonly ChargeRow[]): Result<YearEndReport> {
  const prepared = validateModel(model);
  if (!prepared.ok) return prepared;
  const unit = prepared.value.settings.unit;
  const basisText = isBlank(model.yearEnd?.basis) ? CONTRIBUTIONS : String(model.yearEnd?.basis).trim();
  const carry = model.yearEnd?.carryForward === true;
  const outturns = readOutturns(model.outturns ?? [], unit);
  if (!outturns.ok) return outturns;
  const problems: EngineError[] = [];
  const settlements: Settlement[] = [];
  const parents = new Map((model.withinPartners ?? []).map((w) => [w.partner.id.trim(), w.within.trim()]));
  const { firstYear, lastYear } = prepared.value.settings;
  for (const o of outturns.value) {
    // Outside the model's years nothing was charged: say so, rather than that every contribution is zero.
    if (o.year < firstYear || o.year > lastYear) {
      problems.push({
        kind: "outturnYearOutside",
        year: fyLabel(o.year),
        first: fyLabel(firstYear),
        last: fyLabel(lastYear),
        at: { ...o.at, field: "year" },
      });
      continue;
    }
    const s = settleOne(o, rows, prepared.value, basisText, unit);
    if (!s.ok) {
      problems.push(...s.errors);
      continue;
    }
    // A settlement can only be carried into a year the model charges; otherwise it is reported as not carried.
    const next = s.value.year + 1;
    const inRange = next >= prepared.value.settings.firstYear && next <= prepared.value.settings.lastYear;
    const lines = carry && inRange ? carryLines({ ...s.value, outturnRow: o.row }, parents) : [];
    settlements.push({
      ...s.value,
      outturnRow: o.row,
      carryForward: lines,
      carriedTo: carry && inRange ? fyLabel(next) : undefined,
      notCarried: carry && !inRange && s.value.variance !== 0 ? fyLabel(next) : undefined,
    });
  }
  return problems.length > 0 ? errs(problems) : ok({ basis: basisText, carryForward: carry, settlements });
}

function readOutturns(input: readonly OutturnInput[], unit: UnitPence): Result<Outturn[]> {
  const problems: EngineError[] = [];
  const out: Outturn[] = [];
  input.forEach((o, i) => {
    const base: Where = { entity: "budget", key: "outturn", index: i + 1, ...(isBlank(o.year) ? {} : { year: String(o.year) }) };
    const year = parseFinancialYear(o.year, { ...base, field: "year" });
    const category = parseChoice<Category>(o.category, ["capital", "revenue"], { ...base, field: "category" });
    // The outturn is split as it stands, so like a one-off cost it must be a whole number of units.
    const money = parseMoney(o.amount, { ...base, field: "amount" });
    const amount = money.ok ? checkMultipleOfUnit(money.value, unit, { ...base, field: "amount" }) : money;
    const bad = [year, category, amount].flatMap((r) => (r.ok ? [] : r.errors));
    if (bad.length > 0 || !year.ok || !category.ok || !amount.ok) return problems.push(...bad);
    out.push({
      row: i + 1,
      year: year.value,
      category: category.value,
      service: typeof o.service === "string" ? o.service.trim() : "",
      amount: amount.value,
      at: base,
    });
  });
  // A blank-service outturn covers every service; with a per-service one beside it, spend would count twice.
  const seen = new Map<string, Set<string>>();
  for (const o of out) {
    const key = `${o.year}\u0000${o.category}`;
    const services = seen.get(key) ?? new Set<string>();
    if (services.has(o.service) || (services.size > 0 && (o.service === "" || services.has("")))) {
      problems.push({
        kind: "duplicateId",
        id: `${fyLabel(o.year)} ${o.category}${o.service === "" ? "" : ` ${o.service}`}`,
        at: { ...o.at, field: "service" },
      });
    }
    services.add(o.service);
    seen.set(key, services);
  }
  return problems.length > 0 ? errs(problems) : ok(out);
}

type Settled = Omit<Settlement, "carryForward" | "carriedTo" | "notCarried" | "outturnRow">;

function settleOne(o: Outturn, rows: readonly ChargeRow[], model: PreparedModel, basisText: string, unit: UnitPence): Result<Settled> {
  const contributions = new Map<string, Pence>();
  for (const r of rows) {
    if (r.year !== o.year || r.category !== o.category || (o.service !== "" && r.service !== o.service)) continue;
    contributions.set(r.partner, (contributions.get(r.partner) ?? 0) + r.amount);
  }
  let charged = 0;
  for (const v of contributions.values()) charged += v;
  const variance = o.amount - charged;
  const at: Where = { ...o.at, field: "basis" };
  let partners: string[];
  let weights: Weight[];
  let basis = basisText;
  if (basisText.toLowerCase() === CONTRIBUTIONS) {
    basis = CONTRIBUTIONS;
    partners = [...contributions.keys()].sort(compareIds);
    weights = partners.map((p) => (contributions.get(p) ?? 0) / unit);
    const negative = partners.filter((p) => (contributions.get(p) ?? 0) < 0);
    if (negative.length > 0) {
      return errs(
        negative.map(
          (p) =>
            ({
              kind: "negativeValue",
              value: penceToText(contributions.get(p) ?? 0),
              at: { ...at, partner: p, field: "contribution" },
            }) as const,
        ),
      );
    }
    if (variance !== 0 && partners.length === 0) {
      // Nobody was charged at all for this year, category and service: say why, not that the contributions are zero.
      const what = `${fyLabel(o.year)} ${o.category}${o.service === "" ? "" : ` (${o.service})`}`;
      const someone = model.partners.some((p) => (p.joins ?? -Infinity) <= fyEnd(o.year) && (p.leaves ?? Infinity) >= fyStart(o.year));
      return errs([
        { kind: "nothingCharged", year: fyLabel(o.year), what, reason: someone ? "noLines" : "noMembers", at: { ...o.at, field: "year" } },
      ]);
    }
    if (variance !== 0 && weights.every((w) => w === 0)) return errs([{ kind: "allDriversZero", basis: CONTRIBUTIONS, at }]);
  } else {
    const known = {
      partners: new Set(model.partners.map((p) => p.id)),
      drivers: new Set(model.drivers.keys()),
      percentages: new Set(model.percentages.keys()),
      mixes: new Set(model.mixes.keys()),
    };
    const ref = parseBasisRef(basisText, known, { entity: "settings", field: "yearEnd.basis" });
    if (!ref.ok) return ref;
    basis = basisRefText(ref.value);
    partners = model.partners.map((p) => p.id);
    for (const p of contributions.keys()) if (!partners.includes(p)) partners.push(p);
    partners.sort(compareIds);
    const own = partners.filter((p) => known.partners.has(p));
    const w = basisWeights(model, ref.value, o.year, own, at);
    if (!w.ok) return w;
    // Only partners that were members in the year share its settlement, in proportion to their
    // membership of it (the rule for an ongoing charge over the whole year: see membership.ts).
    const dates = membersById(model.partners);
    const year = { nature: "ongoing" as const, start: fyStart(o.year), end: fyEnd(o.year) };
    const m = memberWeights(
      year,
      o.year,
      own.map((p) => dates.get(p) ?? {}),
      w.value.components,
      model.settings.proRata,
      at,
    );
    if (!m.ok) return m;
    const weightOf = new Map<string, Weight>(
      m.value === undefined
        ? own.map((p, i) => [p, w.value.weights[i] ?? 0])
        : m.value.kept.map((k, i) => [own[k] as string, m.value?.weights[i] ?? 0]),
    );
    // Partners within another's share have no figures of their own on a model basis: they get nothing here.
    const byPartner = new Map(own.map((p) => [p, weightOf.get(p) ?? 0]));
    weights = partners.map((p) => byPartner.get(p) ?? 0);
  }
  const shares = variance === 0 ? partners.map(() => 0) : largestRemainder(variance / unit, weights).map((s) => s * unit);
  return ok({
    year: o.year,
    yearLabel: fyLabel(o.year),
    category: o.category,
    service: o.service,
    outturn: o.amount,
    charged,
    variance,
    kind: variance < 0 ? "underspend" : variance > 0 ? "overspend" : "balanced",
    basis,
    shares: partners.map((partner, i) => ({
      partner,
      contribution: contributions.get(partner) ?? 0,
      weight: String(weights[i] ?? 0),
      share: shares[i] ?? 0,
    })),
  });
}

/**
 * One one-off line per partner with a non-zero share, dated 1 April of the
 * next year and charged directly to it. A partner within another's share is
 * not a partner of the core model, so its line is charged to its parent (the
 * description says for whom), which passes it on.
 */
function carryLines(s: Settled & { readonly outturnRow: number }, parents: ReadonlyMap<string, string>): CostLineInput[] {
  const next = fyLabel(s.year + 1);
  const word = s.kind === "underspend" ? "Underspend" : "Overspend";
  const what = `${s.yearLabel} ${s.category}${s.service === "" ? "" : ` ${s.service}`}`;
  return s.shares
    .filter((x) => x.share !== 0)
    .map((x) => {
      const payer = parents.get(x.partner) ?? x.partner;
      return {
        ref: `${CARRIED_PREFIX}${what} carried forward (${x.partner})`,
        description:
          `${word} ${s.yearLabel} (${s.category}) carried forward to ` +
          `${next}${payer === x.partner ? "" : ` for ${x.partner}, within ${payer}`}`,
        ...(s.service === "" ? {} : { service: s.service }),
        category: s.category,
        nature: "one-off",
        amount: penceToText(x.share),
        start: isoDate(fyStart(s.year + 1)),
        // The payer's own cost now: charged to it alone.
        basis: basisRefText({ kind: "direct", partner: payer }),
        appliesTo: [payer],
        settlement:
          `Outturns row ${s.outturnRow} (${what}): outturn ${formatMoney(s.outturn)} − charged ${formatMoney(s.charged)} = ` +
          `${s.kind} of ${formatMoney(Math.abs(s.variance))}, ` +
          `shared by ${s.basis}; ${x.partner}'s share ` +
          `${formatMoney(x.share)}${s.basis === CONTRIBUTIONS ? ` (contributed ${formatMoney(x.contribution)})` : ""}`,
      };
    });
}

/** How every carried-forward line's reference begins. */
export const CARRIED_PREFIX = "Year-end ";

/** The model with every carried-forward line of a settlement added to its cost lines. */
export function withCarryForward(model: ModelInput, report: YearEndReport): ModelInput {
  const lines = report.settlements.flatMap((s) => s.carryForward);
  return lines.length === 0 ? model : { ...model, costLines: [...model.costLines, ...lines] };
}
