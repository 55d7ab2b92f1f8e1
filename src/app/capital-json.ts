import { formatMoney, fyLabel, penceToText, type CapitalFinancingReport, type OptionPartner, type Pence } from "../engine";

/** Money as exact decimal pounds ("1234.56"), or null when there is none. */
function money(p: Pence | undefined): string | null {
  return p === undefined ? null : penceToText(p);
}

function optionFigures(p: Omit<OptionPartner, "partner" | "years" | "share">): Record<string, unknown> {
  return {
    capital: money(p.capital),
    capitalAfter: money(p.capitalAfter),
    cloud: money(p.cloud),
    difference: money(p.difference),
    presentCapital: money(p.presentCapital),
    presentCloud: money(p.presentCloud),
    presentDifference: money(p.presentDifference),
    cheaper: p.cheaper,
  };
}

/**
 * The capital financing report as JSON-ready data (the command line's
 * `--json` section `capitalFinancing`): money as exact decimal strings of
 * pounds, never floats; null when the model has no capital financing.
 */
export function capitalFinancingJson(report: CapitalFinancingReport | undefined): Record<string, unknown> | null {
  if (report === undefined) return null;
  return {
    discountRate: report.discountRate ?? null,
    lines: report.lines.map((l) => ({
      ref: l.ref,
      description: l.description,
      amount: penceToText(l.amount),
      financing: l.financing,
      spent: l.spent,
      inUseFrom: l.inUseFrom,
      assetLife: l.life ?? null,
      mrpMethod: l.method ?? null,
      interestRate: l.interestRate ?? null,
      firstMrpYear: l.firstMrpYear ?? null,
      shared: l.shared,
      shares: l.shares.map((s) => ({ partner: s.partner, share: penceToText(s.share) })),
      schedule:
        l.schedule === undefined
          ? null
          : l.schedule.years.map((y, k) => ({
              year: fyLabel(y.year),
              opening: penceToText(y.opening),
              mrp: penceToText(y.mrp),
              interest: penceToText(y.interest),
              closing: penceToText(y.closing),
              partners: (l.schedule?.partners ?? []).map((p) => ({
                partner: p.partner,
                opening: penceToText(p.opening[k] as number),
                mrp: penceToText(p.mrp[k] as number),
                interest: penceToText(p.interest[k] as number),
              })),
            })),
    })),
    partners: report.partners.map((p) => ({
      partner: p.partner,
      borrowed: penceToText(p.borrowed),
      mrp: penceToText(p.mrp),
      interest: penceToText(p.interest),
      revenueContribution: penceToText(p.revenueContribution),
      total: penceToText(p.total),
      years: p.years.map((y) => ({
        year: y.yearLabel,
        mrp: penceToText(y.mrp),
        interest: penceToText(y.interest),
        revenueContribution: penceToText(y.revenueContribution),
        total: penceToText(y.total),
      })),
    })),
    options: report.options.map((o) => ({
      name: o.name,
      line: o.line,
      subscription: penceToText(o.subscription),
      setUp: penceToText(o.setUp),
      exit: penceToText(o.exit),
      firstYear: o.firstYear,
      lastYear: o.lastYear,
      years: o.years,
      discountRate: o.discountRate ?? null,
      partners: o.partners.map((p) => ({
        partner: p.partner,
        share: penceToText(p.share),
        ...optionFigures(p),
        years: p.years.map((y) => ({ year: y.yearLabel, capital: penceToText(y.capital), cloud: penceToText(y.cloud) })),
      })),
      total: optionFigures(o.total),
    })),
  };
}

/** The capital financing report in a few lines of text for a person (none without capital financing). */
export function capitalFinancingText(report: CapitalFinancingReport | undefined): string[] {
  if (report === undefined) return [];
  const borrowed = report.lines.filter((l) => l.schedule !== undefined);
  const lines = [
    `Capital financing: ${report.lines.length} financed capital line${report.lines.length === 1 ? "" : "s"}, ` +
      `${borrowed.length} by borrowing (the Capital financing sheet shows MRP and interest by partner and year).`,
  ];
  for (const p of report.partners)
    lines.push(
      `  ${p.partner.padEnd(8)} MRP ${formatMoney(p.mrp).padStart(16)}  interest ${formatMoney(p.interest).padStart(14)}  ` +
        `revenue contribution ${formatMoney(p.revenueContribution).padStart(14)}`,
    );
  for (const o of report.options) {
    const t = o.total;
    const [capital, cloud] = o.discountRate === undefined ? [t.capital, t.cloud] : [t.presentCapital ?? 0, t.presentCloud ?? 0];
    const discounting = o.discountRate === undefined ? ", undiscounted" : `, discounted at ${o.discountRate}%`;
    const verdict = t.cheaper === "same" ? "the same" : `${t.cheaper} is cheaper`;
    lines.push(
      `  Option "${o.name}" (${o.firstYear} to ${o.lastYear}${discounting}): ` +
        `capital ${formatMoney(capital)}, cloud ${formatMoney(cloud)}; ${verdict} in all.`,
    );
  }
  return lines;
}
