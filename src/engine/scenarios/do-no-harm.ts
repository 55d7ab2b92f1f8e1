import type { FinancialYear } from "../financial-year";
import type { Category, ModelInput, ScenarioInput } from "../model";
import type { Pence } from "../money";
import { errs, ok, type Result } from "../result";
import { vatCosts } from "../journals/vat-cost";
import { compareResults } from "./compare";
import { runModel, runScenario, type ModelRun } from "../run-model";

/** An existing partner paying more in one year and category. */
export interface Harm {
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  /** Its cost before: the net charge, plus the VAT it cannot recover when it is not a section 33 body. */
  readonly before: Pence;
  /** Its cost after, on the same footing. */
  readonly after: Pence;
  /** after − before, always positive. */
  readonly increase: Pence;
  /** The VAT it cannot recover included in `before`: present only for a partner that is not a section 33 body. */
  readonly vatBefore?: Pence;
  /** The VAT it cannot recover included in `after`: present only for a partner that is not a section 33 body. */
  readonly vatAfter?: Pence;
}

/** The "do no harm" verdict for a scenario. */
export interface DoNoHarmReport {
  readonly scenario: string;
  /** True when no existing partner pays more in any year or category. */
  readonly passed: boolean;
  /** Partners in the scenario that were not in the base (direct customers and partners within others). */
  readonly joining: readonly string[];
  /** Each existing partner × year × category that pays more, in partner, year, category order. */
  readonly harms: readonly Harm[];
  /**
   * Per harmed partner, its increases added up, capital and revenue apart.
   * Only increases are added: a fall in another year does not offset a rise,
   * because each year is a separate budget the partner has to find.
   */
  readonly byPartner: readonly { readonly partner: string; readonly capital: Pence; readonly revenue: Pence }[];
  /**
   * The years in which a joining partner is charged: the years it is a
   * member (docs/membership.md). In the other years it pays nothing, so the
   * existing partners' charges there are the base model's, give or take what
   * else the scenario changes (which the harms above still report).
   */
  readonly memberYears: readonly string[];
  /**
   * Partners whose costs above include VAT they cannot recover (not section
   * 33 bodies, from the journals inputs' Ledgers); absent when there are none.
   */
  readonly vatCostPartners?: readonly string[];
}

/**
 * The "do no harm" check for a partner joining (or any other scenario): no
 * existing partner (one in the base model, within partners included) may end
 * up paying more, in any financial year, on capital or on revenue. Reports
 * each that would, and by how much, to the penny.
 *
 * What to expect: joining within a partner (Lewisham Homes inside Lewisham)
 * leaves every other partner's charges exactly as they were, and the parent
 * plus the newcomer pay exactly what the parent paid; the parent's own
 * charge falls (on a credit line it receives less, which this check reports
 * as paying more, because it is). Joining as a direct customer with its own drivers
 * lowers the others' shares of every line it shares in, but largest-remainder
 * rounding can still move a penny onto an existing partner; the check
 * reports that too, rather than hiding it, and so does it report any cost the
 * scenario adds (onboarding lines, uplifts) that lands on existing partners.
 */
export function doNoHarm(base: ModelInput, scenario: ScenarioInput): Result<DoNoHarmReport> {
  const before = runModel(base);
  const after = runScenario(base, scenario);
  if (!before.ok || !after.ok) return errs([...(before.ok ? [] : before.errors), ...(after.ok ? [] : after.errors)]);
  return ok(judgeDoNoHarm(before.value, after.value, scenario.name));
}

/** True when a scenario adds a partner (directly or within another): the scenarios do-no-harm is checked for. */
export function addsPartner(scenario: ScenarioInput): boolean {
  return scenario.changes.some((c) => c.kind === "addPartner");
}

/**
 * The "do no harm" verdict from two finished runs: `before` of the base model
 * and `after` of the scenario named `scenario`. Lets a caller that has both
 * runs already (a run with a comparison) judge without running either again.
 */
export function judgeDoNoHarm(before: ModelRun, after: ModelRun, scenario: string): DoNoHarmReport {
  const existing = new Set(partnerIdsOf(before.model));
  const joining = partnerIdsOf(after.model).filter((p) => !existing.has(p));
  const comparison = compareResults(before, after);
  // VAT a partner cannot recover is a real cost to it: compared like its charges, year by year and category by category.
  const vatBefore = irrecoverableVat(before);
  const vatAfter = irrecoverableVat(after);
  const key = (r: { partner: string; year: number; category: Category }): string => `${r.partner}\u0000${r.year}\u0000${r.category}`;
  const harms: Harm[] = comparison.rows
    .filter((r) => existing.has(r.partner))
    .map((r) => {
      const vb = vatBefore.byCell.get(key(r)) ?? 0;
      const va = vatAfter.byCell.get(key(r)) ?? 0;
      return {
        partner: r.partner,
        year: r.year,
        yearLabel: r.yearLabel,
        category: r.category,
        before: r.from + vb,
        after: r.to + va,
        increase: r.to + va - (r.from + vb),
        ...(vatBefore.partners.has(r.partner) || vatAfter.partners.has(r.partner) ? { vatBefore: vb, vatAfter: va } : {}),
      };
    })
    .filter((h) => h.increase > 0);
  const sums = new Map<string, { partner: string; capital: Pence; revenue: Pence }>();
  for (const h of harms) {
    const s = sums.get(h.partner) ?? { partner: h.partner, capital: 0, revenue: 0 };
    sums.set(h.partner, { ...s, [h.category]: s[h.category] + h.increase });
  }
  const joiners = new Set(joining);
  const years = new Map<number, string>();
  for (const t of after.totals) if (joiners.has(t.partner) && t.amount !== 0) years.set(t.year, t.yearLabel);
  const memberYears = [...years.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
  const vatCostPartners = [...new Set([...vatBefore.partners, ...vatAfter.partners])];
  return {
    scenario,
    passed: harms.length === 0,
    joining,
    harms,
    byPartner: [...sums.values()],
    memberYears,
    ...(vatCostPartners.length > 0 ? { vatCostPartners } : {}),
  };
}

/** A run's VAT its partners cannot recover, by partner, year and category; none without journals inputs (or with errors in them). */
function irrecoverableVat(run: ModelRun): { byCell: Map<string, Pence>; partners: Set<string> } {
  const costs = vatCosts(run.model);
  const byCell = new Map<string, Pence>();
  if (costs === undefined || !costs.ok) return { byCell, partners: new Set() };
  const partners = new Set<string>();
  for (const r of run.rows) {
    if (!costs.value.section33(r.partner)) partners.add(r.partner);
    const v = costs.value.irrecoverable(r);
    if (v === 0) continue;
    const k = `${r.partner}\u0000${r.year}\u0000${r.category}`;
    byCell.set(k, (byCell.get(k) ?? 0) + v);
  }
  return { byCell, partners };
}

function partnerIdsOf(model: ModelInput): string[] {
  return [...model.partners.map((p) => p.id.trim()), ...(model.withinPartners ?? []).map((w) => w.partner.id.trim())];
}
