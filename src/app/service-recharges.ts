import {
  formatMoney,
  penceToText,
  serviceRechargesOfRun,
  serviceSplitsOf,
  THOUSAND,
  type ModelRun,
  type PartnerServiceSplit,
  type ServiceRechargeReport,
} from "../engine";

/** The rounding rule of the £000 figures, in words (the same words in `--json`, the sheets and docs/service-recharges.md). */
export const SERVICE_THOUSANDS_RULE =
  "recharge rounded once to £000 half away from zero, split over RO lines by largest remainder, then each RO line over its services";

/**
 * Each partner's service split for a run: its recharge by year and category
 * spread onto its own services, to the penny and at £000, with each
 * service's cost centre. Empty for a partner without a service list or a
 * model without service lists (or with rows that do not validate: the run
 * reports those). The one entry point for posting journals by service cost
 * centre.
 */
export function partnerServiceSplits(run: ModelRun, partner: string): readonly PartnerServiceSplit[] {
  const report = serviceRechargesOfRun(run);
  return report?.ok === true ? serviceSplitsOf(report.value, partner) : [];
}

/** Whole thousands of pounds as text ("17", "-3") from pence that are a whole number of £1,000. */
function thousandsText(pence: number): string {
  return String(pence / THOUSAND || 0);
}

/**
 * A run's service recharges as JSON-ready data (null without service lists):
 * money as exact decimal strings of pounds ("1234.56"), £000 figures as whole
 * thousands ("17").
 */
export function serviceRechargesJson(report: ServiceRechargeReport | undefined): Record<string, unknown> | null {
  if (report === undefined) return null;
  return {
    thousandsRule: SERVICE_THOUSANDS_RULE,
    withoutServiceList: report.withoutList,
    allRecharged: report.splits.every((s) => s.recharged),
    splits: report.splits.map((s) => ({
      partner: s.partner,
      year: s.yearLabel,
      category: s.category,
      measure: s.measure === "" ? null : s.measure,
      serviceList: s.listFor ?? null,
      recharge: penceToText(s.recharge),
      rechargeThousands: thousandsText(s.rechargeThousands),
      services: s.shares.map((x) => ({
        service: x.service,
        heading: x.heading,
        costCentre: x.costCentre === "" ? null : x.costCentre,
        value: x.value,
        amount: penceToText(x.pence),
        thousands: thousandsText(x.thousands),
      })),
      roLines: s.roLines.map((r) => ({ heading: r.heading, amount: penceToText(r.pence), thousands: thousandsText(r.thousands) })),
      unrecharged: penceToText(s.unrecharged),
      recharged: s.recharged,
      reason: s.reason ?? null,
    })),
  };
}

/** A run's service recharges as lines of text (none without service lists). */
export function serviceRechargesText(report: ServiceRechargeReport | undefined): string[] {
  if (report === undefined) return [];
  const short = report.splits.filter((s) => !s.recharged);
  const partners = [...new Set(report.splits.map((s) => s.partner))];
  const lines = [
    `Service recharges: ${partners.length} partner${partners.length === 1 ? "" : "s"} spread onto their services ` +
      `(${partners.join(", ")}); ` +
      (short.length === 0
        ? "every recharge fully recharged, to the penny and at £000 (Service recharges and RO view sheets)."
        : `${short.length} NOT fully recharged.`),
  ];
  for (const s of short)
    lines.push(`  ${s.partner} ${s.yearLabel} ${s.category}: ${formatMoney(s.unrecharged)} not recharged to any service.`);
  if (report.withoutList.length > 0) lines.push(`  No service list: ${report.withoutList.join(", ")}.`);
  return lines;
}
