import { penceToText, type TrueUpReport } from "../engine";

/**
 * The true-up report as JSON-ready data (the command line's `--json` section
 * `trueUp`; docs/versions.md): money as exact decimal strings of pounds,
 * shares as exact percentage texts; null when the model has no actual drivers.
 */
export function trueUpJson(report: TrueUpReport | undefined): Record<string, unknown> | null {
  if (report === undefined) return null;
  return {
    timing: report.timing,
    lines: report.lines.map((l) => ({
      ref: l.lineRef,
      year: l.yearLabel,
      basis: l.basis,
      amount: penceToText(l.amount),
      tolerance: l.tolerance,
      timing: l.timing,
      adjusted: l.trued,
      verdict: l.verdict,
      partners: l.rows.map((r) => ({
        partner: r.partner,
        estimatedPercent: r.estimatedPercent,
        actualPercent: r.actualPercent,
        changePoints: r.changePoints,
        charged: penceToText(r.estimatedCharge),
        onActuals: penceToText(r.actualCharge),
        withinTolerance: r.within,
        adjustment: penceToText(r.adjustment),
      })),
    })),
  };
}
