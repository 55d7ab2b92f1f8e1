import type { Pence } from "../engine";
import { formatMoney, penceToText } from "../app";
import type { FinishedOutputs } from "../app";

/** The support services of a run as JSON-ready data (null without support services): flows exact, charges to the penny. */
export function supportJson(outputs: FinishedOutputs): Record<string, unknown> | null {
  const report = outputs.run.result.support;
  if (report === undefined) return null;
  const m = outputs.supportMethods;
  return {
    method: report.method,
    order: report.order,
    years: report.years.map((y) => ({
      year: y.yearLabel,
      category: y.category,
      services: y.services.map((s) => ({
        service: s.service,
        name: s.label,
        ownCost: penceToText(s.ownCost),
        received: s.received.text,
        total: s.total.text,
        flows: s.flows.map((f) => ({ to: f.to, toService: f.toService, amount: f.amount.text })),
      })),
      charged: y.charged.map((c) => ({ partner: c.partner, amount: penceToText(c.amount) })),
    })),
    methods:
      m === undefined
        ? null
        : {
            used: m.current,
            stepDownOrder: m.order,
            partners: m.rows.map((r) => ({
              partner: r.partner,
              ...Object.fromEntries(m.methods.map((x, i) => [x, amountText(r.amounts[i])])),
            })),
            totals: Object.fromEntries(m.methods.map((x, i) => [x, amountText(m.totals[i])])),
            couldNotRun: m.methods.filter((x) => m.problems[x] !== undefined),
          },
  };
}

function amountText(p: Pence | undefined): string | null {
  return p === undefined ? null : penceToText(p);
}

/** The support services of a run as lines of text (none without support services). */
export function supportText(outputs: FinishedOutputs): string[] {
  const report = outputs.run.result.support;
  if (report === undefined) return [];
  const own = report.years.reduce((a, y) => a + y.services.reduce((b, s) => b + s.ownCost, 0), 0);
  const lines = [
    `Support services (${report.method} method${report.method === "step-down" ? `, order ${report.order.join(", ")}` : ""}): ` +
      `${formatMoney(own)} of their own costs, all recharged to the partners (the Support flows sheet shows the flows).`,
  ];
  const m = outputs.supportMethods;
  if (m !== undefined) {
    lines.push(`  Support charges by method, all years:`);
    lines.push(`  ${"".padEnd(8)} ${m.methods.map((x) => (x === m.current ? `${x} (used)` : x).padStart(16)).join(" ")}`);
    for (const r of m.rows)
      lines.push(
        `  ${r.partner.padEnd(8)} ${r.amounts.map((a) => (a === undefined ? "could not run" : formatMoney(a)).padStart(16)).join(" ")}`,
      );
    const failed = m.methods.filter((x) => m.problems[x] !== undefined);
    if (failed.length > 0) lines.push(`  Could not run by: ${failed.join(", ")} (check shows why with that method chosen).`);
  }
  return lines;
}
