import {
  BUDGET_STATUS_TEXT,
  BUDGET_STATUSES,
  budgetFlagMessage,
  fyLabel,
  manyPartnerTotals,
  formatMoney,
  partnerNames,
  penceToText,
  outsideText,
  serviceRechargesJson,
  serviceRechargesText,
  capitalFinancingJson,
  capitalFinancingText,
  trueUpJson,
  disputesJson,
  exitJson,
  exitsText,
} from "../app";
import type { FinishedOutputs } from "../app";
import type { Pence } from "../engine";
import { supportJson, supportText } from "./support-report";

/** Where a run's results went. */
export interface WriteSummary {
  /** The file written, or undefined when nothing was written. */
  readonly file: string | undefined;
  readonly sheets: readonly string[];
  /** The charts drawn in the file written, by sheet (none when nothing was written). */
  readonly charts: readonly { readonly sheet: string; readonly name: string; readonly title: string }[];
}

/** One partner's charges over every modelled year, in pence. */
interface PartnerTotal {
  readonly id: string;
  readonly name: string;
  readonly capital: Pence;
  readonly revenue: Pence;
}

function partnerTotals(outputs: FinishedOutputs): PartnerTotal[] {
  const names = partnerNames(outputs.run.model);
  const map = new Map<string, PartnerTotal>();
  for (const t of outputs.run.totals) {
    const prev = map.get(t.partner) ?? { id: t.partner, name: names.get(t.partner) ?? t.partner, capital: 0, revenue: 0 };
    map.set(t.partner, { ...prev, [t.category]: prev[t.category] + t.amount });
  }
  return [...map.values()];
}

/** The run as JSON-ready data: money as exact decimal strings of pounds ("1234.56"), never floats. */
export function runJson(outputs: FinishedOutputs, file: string, write: WriteSummary): Record<string, unknown> {
  const { run, scenario, comparison, doNoHarm, budget } = outputs;
  const s = run.result.settings;
  const b = run.result.balance;
  return {
    ok: true,
    file,
    scenario: scenario ?? null,
    settings: { firstYear: fyLabel(s.firstYear), lastYear: fyLabel(s.lastYear), unit: penceToText(s.unit), proRata: s.proRata },
    balance: {
      balanced: b.balanced,
      apportioned: penceToText(b.totalIn),
      charged: penceToText(b.totalOut),
      mismatches: b.mismatches.length,
      outsideYears: run.result.outsideYears.map((o) => ({ ref: o.lineRef, nature: o.nature, amount: penceToText(o.amount), side: o.side })),
    },
    support: supportJson(outputs),
    serviceRecharges: serviceRechargesJson(budget.services),
    capitalFinancing: capitalFinancingJson(budget.capital),
    trueUp: trueUpJson(run.trueUp),
    exit: exitJson(budget.exits),
    disputes: disputesJson(budget.disputes),
    partners: partnerTotals(outputs).map((p) => ({
      partner: p.id,
      name: p.name,
      capital: penceToText(p.capital),
      revenue: penceToText(p.revenue),
      total: penceToText(p.capital + p.revenue),
    })),
    totals: run.totals.map((t) => ({ partner: t.partner, year: t.yearLabel, category: t.category, amount: penceToText(t.amount) })),
    allocations: run.rows.map((r) => ({
      ref: r.lineRef,
      partner: r.partner,
      year: r.yearLabel,
      category: r.category,
      nature: r.nature,
      amount: penceToText(r.amount),
    })),
    budget: {
      lines: budget.budgets.lines.map((l) => ({
        partner: l.partner,
        year: l.yearLabel,
        category: l.category,
        service: l.service,
        budget: l.budget === undefined ? null : penceToText(l.budget),
        recharge: penceToText(l.recharge),
        variance: l.variance === undefined ? null : penceToText(l.variance),
        percent: l.percentText ?? null,
        status: BUDGET_STATUS_TEXT[l.status],
      })),
      flags: budget.flags.map(budgetFlagMessage),
    },
    comparison:
      comparison === undefined
        ? null
        : {
            from: comparison.from,
            to: comparison.to,
            rows: comparison.rows.map((r) => ({
              partner: r.partner,
              year: r.yearLabel,
              category: r.category,
              from: penceToText(r.from),
              to: penceToText(r.to),
              difference: penceToText(r.difference),
            })),
          },
    doNoHarm:
      doNoHarm === undefined
        ? null
        : { scenario: doNoHarm.scenario, passed: doNoHarm.passed, joining: doNoHarm.joining, harms: doNoHarm.harms.length },
    compared:
      outputs.many === undefined
        ? null
        : {
            runs: outputs.many.names,
            rows: outputs.many.rows.map((r) => ({
              partner: r.partner,
              year: r.yearLabel,
              category: r.category,
              amounts: r.amounts.map(penceToText),
              differences: r.differences.map(penceToText),
            })),
            doNoHarm: outputs.many.doNoHarm.map((h) => ({
              scenario: h.scenario,
              passed: h.passed,
              joining: h.joining,
              harms: h.harms.length,
            })),
          },
    written: write.file === undefined ? null : { file: write.file, sheets: write.sheets, charts: write.charts },
  };
}

/**
 * How many charges a run has, without building the list of them (a million objects for a county-sized model) when nobody is within anybody.
 */
function chargeCount(run: FinishedOutputs["run"]): number {
  if ((run.model.withinPartners ?? []).length > 0) return run.rows.length;
  let n = 0;
  for (const ly of run.result.lineYears) n += ly.partners.length;
  return n;
}

/** A change in money with its sign: "+£12.00", "-£3.50", "£0.00". */
function signed(p: Pence): string {
  return p > 0 ? `+${formatMoney(p)}` : formatMoney(p);
}

/** The run as lines of text for a person. */
export function runText(outputs: FinishedOutputs, file: string, write: WriteSummary): string[] {
  const { run, scenario, comparison, doNoHarm, budget } = outputs;
  const s = run.result.settings;
  const b = run.result.balance;
  const lines = [
    `${file}: ${scenario === undefined ? "base model" : `scenario "${scenario}"`}, ${fyLabel(s.firstYear)} to ` +
      `${fyLabel(s.lastYear)}, ${chargeCount(run)} charges.`,
    `Balancing check: ${b.balanced ? "balanced" : "NOT BALANCED"}: ${formatMoney(b.totalIn)} apportioned, ` +
      `${formatMoney(b.totalOut)} charged.${outsideText(run.result)}`,
  ];
  for (const p of partnerTotals(outputs))
    lines.push(
      `  ${p.id.padEnd(8)} capital ${formatMoney(p.capital).padStart(16)}  revenue ${formatMoney(p.revenue).padStart(16)}  total ` +
        `${formatMoney(p.capital + p.revenue).padStart(16)}  ${p.name}`,
    );
  // The statuses in the same words as the sheet and the task pane, each with how many rows have it.
  const counts = BUDGET_STATUSES.map((st) => ({ st, n: budget.budgets.lines.filter((l) => l.status === st).length })).filter(
    (c) => c.n > 0,
  );
  lines.push(
    `Budget check: ${budget.budgets.lines.length} ` +
      `rows${counts.length === 0 ? "" : ` (${counts.map((c) => `${c.n} ${BUDGET_STATUS_TEXT[c.st]}`).join(", ")})`}; ` +
      `${budget.flags.length} flags.`,
  );
  for (const f of budget.flags) lines.push(`  ${budgetFlagMessage(f)}`);
  lines.push(...supportText(outputs));
  lines.push(...serviceRechargesText(budget.services));
  lines.push(...capitalFinancingText(budget.capital));
  lines.push(...exitsText(budget.exits, budget.disputes));
  if (comparison !== undefined) lines.push(`Scenario comparison: ${comparison.from} → ${comparison.to}, ${comparison.rows.length} rows.`);
  if (doNoHarm !== undefined)
    lines.push(
      `Do no harm ("${doNoHarm.scenario}"): ` +
        (doNoHarm.passed ? "passed, no existing partner pays more." : `FAILED, ${doNoHarm.harms.length} increases for existing partners.`),
    );
  const many = outputs.many;
  if (many !== undefined) {
    lines.push(`Scenario comparison: ${many.names.join(", ")} side by side, ${many.rows.length} rows.`);
    // Per scenario, how much each partner's charges move in all (capital and revenue apart), so the options can be weighed.
    const totals = [...manyPartnerTotals(many).entries()];
    many.names.slice(1).forEach((name, k) => {
      lines.push(
        `  ${name}: ${totals.map(([p, t]) => `${p} ${signed((t[k + 1] ?? 0) - (t[0] ?? 0))}`).join(", ")} (change from ` +
          `Base over all years)`,
      );
    });
    for (const h of many.doNoHarm)
      lines.push(
        `Do no harm ("${h.scenario}"): ` +
          `${h.passed ? "passed, no existing partner pays more" : `FAILED, ${h.harms.length} increases for existing partners`}.`,
      );
  }
  if (write.file !== undefined) lines.push(`Wrote ${write.sheets.join(", ")} to ${write.file}.`);
  return lines;
}
