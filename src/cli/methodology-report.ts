import { PAPER_RULE, paperBasisWords, penceToText as money } from "../app";
import type { MethodologyPaper, ModelInput, PartnerChange } from "../engine";

function changeJson(c: PartnerChange): Record<string, unknown> {
  return {
    partner: c.partner,
    before: money(c.before),
    after: money(c.after),
    change: money(c.change),
    costEffect: money(c.costEffect),
    shareEffect: money(c.shareEffect),
    shareBefore: c.percentBefore ?? null,
    shareAfter: c.percentAfter ?? null,
    pointsChange: c.pointsChange ?? null,
  };
}

/**
 * The methodology paper as `--json` gives it (null when the model has one year and no `--against`): the years compared
 * and where last year came from, the rule, each partner's change in total and by service and basis (money as exact
 * decimal strings of pounds; shares in percent and their change in points, to 2 places), and the drivers' figures with
 * their source and date. For every partner and group, costEffect + shareEffect = change exactly.
 */
export function methodologyJson(
  paper: MethodologyPaper | undefined,
  model: ModelInput,
  against: string | undefined,
): Record<string, unknown> | null {
  if (paper === undefined) return null;
  return {
    year: paper.year,
    previousYear: paper.previousYear,
    against: against ?? `this run's own ${paper.previousYear}`,
    rule: PAPER_RULE,
    partners: paper.totals.map(changeJson),
    groups: paper.groups.map((g) => ({
      refs: g.refs,
      service: g.service,
      category: g.category,
      basis: g.basis,
      basisWords: paperBasisWords(g, model),
      rebased: g.rebased,
      amountBefore: money(g.amountBefore),
      amountAfter: money(g.amountAfter),
      partners: g.partners.map(changeJson),
    })),
    drivers: paper.drivers.map((d) => ({
      driver: d.id,
      label: d.label,
      illustrative: d.illustrative,
      source: d.source ?? null,
      asAt: d.asAt ?? null,
      ...(d.sourceBefore === undefined ? {} : { sourceBefore: d.sourceBefore }),
      ...(d.asAtBefore === undefined ? {} : { asAtBefore: d.asAtBefore }),
      figures: paper.partners.map((p, i) => ({ partner: p, before: d.before[i] ?? "", after: d.after[i] ?? "" })),
    })),
  };
}
