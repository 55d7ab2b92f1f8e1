import { fyLabel, type FinancialYear } from "../financial-year";
import { frac, fracToDecimalText, type Fraction } from "../fraction";
import type { Category } from "../model";
import type { Pence } from "../money";
import { flowsFor } from "./allocate";
import { fracSub } from "./rational";
import type { SupportMethod } from "./read-support";
import { supportInYear } from "./unit-shares";
import type { PreparedSupportModel } from "./validate-support";

/** An exact amount of money: pence as a fraction, and pounds as text (10 places, "…" when it repeats). */
export interface ExactMoney {
  readonly pence: Fraction;
  readonly text: string;
}

/** One support service in one year and category: its own cost, what it received, and where its total went. */
export interface SupportServiceYear {
  readonly service: string;
  readonly label: string;
  /** Its own cost in the year: its cost lines' amounts added up. */
  readonly ownCost: Pence;
  /** What it received from the other services under the method. */
  readonly received: ExactMoney;
  /** Own cost plus received: the total it passes on (the solved total, for the reciprocal method). */
  readonly total: ExactMoney;
  /** Where the total went, to partners and to other services, in the order of the usage. */
  readonly flows: readonly { readonly to: string; readonly toService: boolean; readonly amount: ExactMoney }[];
}

/** The support services of one year and category (capital or revenue: they never mix). */
export interface SupportYear {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly services: readonly SupportServiceYear[];
  /** What each partner was charged for the support services' cost lines (rounded, line by line), by partner id. */
  readonly charged: readonly { readonly partner: string; readonly amount: Pence }[];
}

/** How the support services were redistributed in a run. */
export interface SupportReport {
  readonly method: SupportMethod;
  /** The order services were closed in (meaningful for step-down). */
  readonly order: readonly string[];
  readonly years: readonly SupportYear[];
}

function money(pence: Fraction): ExactMoney {
  return { pence, text: fracToDecimalText(frac(pence.n, pence.d * 100n), 10) };
}

/**
 * What the support report reads of a line-year (an apportion `LineYear` has these): its basis,
 * year, category, amount and the shares charged. Stated here, not imported, so that this module
 * and apportion.ts (which builds the report into its result) do not import each other.
 */
export interface ChargedLineYear {
  readonly basis: string;
  readonly year: FinancialYear;
  readonly category: Category;
  readonly profile: { readonly amount: Pence };
  readonly partners: readonly string[];
  readonly shares: readonly Pence[];
}

/**
 * The flows between the support services and to the partners, per year and
 * category, for the services' costs as the run charged them. The flows are
 * among every partner of the model; what each partner was actually charged
 * (line by line, after membership and any "applies to") is `charged`, which
 * adds up to the services' own costs to the penny.
 */
export function supportReport(
  support: PreparedSupportModel,
  partners: readonly string[],
  lineYears: readonly ChargedLineYear[],
): SupportReport {
  const groups = new Map<string, { year: FinancialYear; category: Category; costs: Map<string, number>; charged: Map<string, number> }>();
  for (const ly of lineYears) {
    if (!ly.basis.startsWith("support:")) continue;
    const service = ly.basis.slice("support:".length);
    const key = `${ly.year}|${ly.category}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { year: ly.year, category: ly.category, costs: new Map(), charged: new Map() };
      groups.set(key, g);
    }
    g.costs.set(service, (g.costs.get(service) ?? 0) + ly.profile.amount);
    ly.partners.forEach((p, i) => g.charged.set(p, (g.charged.get(p) ?? 0) + (ly.shares[i] ?? 0)));
  }
  const years: SupportYear[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.year - b.year || a.category.localeCompare(b.category))) {
    const prepared = supportInYear(support, g.year, partners, (id) => g.costs.get(id) ?? 0);
    const flows = flowsFor(prepared);
    const services: SupportServiceYear[] = support.services.map((s) => {
      const own = g.costs.get(s.id) ?? 0;
      const total = (flows.ok ? flows.value.totals.get(s.id) : undefined) ?? frac(BigInt(own));
      const out = (flows.ok ? flows.value.flows.get(s.id) : undefined) ?? new Map<string, Fraction>();
      return {
        service: s.id,
        label: s.label,
        ownCost: own,
        received: money(fracSub(total, frac(BigInt(own)))),
        total: money(total),
        flows: [...out].map(([to, amount]) => ({ to, toService: !partners.includes(to), amount: money(amount) })),
      };
    });
    const charged = partners.filter((p) => g.charged.has(p)).map((p) => ({ partner: p, amount: g.charged.get(p) ?? 0 }));
    years.push({ year: g.year, yearLabel: fyLabel(g.year), category: g.category, services, charged });
  }
  return { method: support.method, order: support.order, years };
}
