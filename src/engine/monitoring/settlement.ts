import { settleYearEnd, type Settlement } from "../budget/year-end";
import type { ChargeRow } from "../charge-row";
import { fyLabel, type FinancialYear } from "../financial-year";
import { CATEGORIES, type Category, type ModelInput, type OutturnInput } from "../model";
import { formatMoney, penceToText, type Pence } from "../money";
import { ok, type Result } from "../result";

/** One partner's forecast year-end settlement, added up over capital and revenue, and in words. */
export interface ForecastShare {
  readonly partner: string;
  /** Negative: forecast to receive back; positive: forecast to pay more. */
  readonly share: Pence;
  /** "London Borough of Lewisham is forecast to receive £12,340.00 back". */
  readonly words: string;
}

/** The year-end settlement the forecast outturn points to: the year-end rule, run on the forecast. */
export interface ForecastSettlement {
  /** One per category with charges, as `settleYearEnd` gives them (never carried: nothing is settled yet). */
  readonly settlements: readonly Settlement[];
  /** Each partner's shares of every category, with words. */
  readonly partners: readonly ForecastShare[];
}

/**
 * Each partner's forecast year-end settlement: for each category, the
 * forecast outturn − what the partners are charged, shared exactly as the
 * year-end settlement shares an actual outturn. It calls the year-end rule
 * itself (`settleYearEnd`, with the model's year-end basis), with the forecast
 * as the outturn and carry-forward off, so the forecast and the real
 * settlement can never be worked out two ways.
 */
export function forecastSettlement(
  model: ModelInput,
  rows: readonly ChargeRow[],
  year: FinancialYear,
  lines: readonly { readonly category: Category; readonly forecastOutturn: Pence }[],
): Result<ForecastSettlement> {
  const outturn = new Map<Category, Pence>();
  for (const l of lines) outturn.set(l.category, (outturn.get(l.category) ?? 0) + l.forecastOutturn);
  const outturns: OutturnInput[] = CATEGORIES.filter((c) => outturn.has(c)).map((category) => ({
    year: fyLabel(year),
    category,
    amount: penceToText(outturn.get(category) ?? 0),
  }));
  if (outturns.length === 0) return ok({ settlements: [], partners: [] });
  const settled = settleYearEnd(
    { ...model, outturns, yearEnd: { ...(model.yearEnd ?? {}), carryForward: false } },
    rows.filter((r) => r.year === year),
  );
  if (!settled.ok) return settled;
  const names = new Map(model.partners.map((p) => [p.id.trim(), p.name?.trim() || p.id.trim()]));
  for (const w of model.withinPartners ?? []) names.set(w.partner.id.trim(), w.partner.name?.trim() || w.partner.id.trim());
  const byPartner = new Map<string, Pence>();
  for (const s of settled.value.settlements) for (const x of s.shares) byPartner.set(x.partner, (byPartner.get(x.partner) ?? 0) + x.share);
  const partners = [...byPartner.entries()].map(([partner, share]) => ({
    partner,
    share,
    words: settlementWords(names.get(partner) ?? partner, share),
  }));
  return ok({ settlements: settled.value.settlements, partners });
}

/** "Lewisham is forecast to receive £12,340.00 back", "… to pay £500.00 more", "… to settle at nil". */
export function settlementWords(name: string, share: Pence): string {
  if (share < 0) return `${name} is forecast to receive ${formatMoney(-share)} back`;
  if (share > 0) return `${name} is forecast to pay ${formatMoney(share)} more`;
  return `${name} is forecast to neither pay nor receive anything`;
}
