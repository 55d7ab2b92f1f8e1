import { formatMoney, penceToText, type DisputeRegister, type ExitsReport } from "../engine";

/**
 * The exits as JSON-ready data (the command line's `--json` section `exit`):
 * each leaver's statement, the harm to each remaining partner and the whole,
 * money as exact decimal strings of pounds; null when the model has no leavers.
 */
export function exitJson(report: ExitsReport | undefined): Record<string, unknown> | null {
  if (report === undefined) return null;
  return {
    exits: report.exits.map((e) => ({
      scenario: e.scenario,
      partner: e.partner,
      notice: e.notice ?? null,
      leaves: e.leaves,
      chargedUntil: e.chargedUntil,
      noticeMonths: e.noticeMonths,
      committedContracts: e.committedRule,
      noHarm: e.noHarm,
      statement: e.statement.map((s) => ({
        year: s.yearLabel,
        line: s.line,
        category: s.category,
        rule: s.rule,
        ifStayed: penceToText(s.ifStayed),
        member: penceToText(s.member),
        notice: penceToText(s.notice),
        committed: penceToText(s.committed),
        exitCost: penceToText(s.exitCost),
        owes: penceToText(s.total),
        why: s.why,
      })),
      harm: e.harm.map((h) => ({
        partner: h.partner,
        year: h.yearLabel,
        category: h.category,
        before: penceToText(h.before),
        after: penceToText(h.after),
        change: penceToText(h.change),
      })),
      increases: e.byPartner.map((p) => ({ partner: p.partner, increase: penceToText(p.increase) })),
      whole: e.whole.map((w) => ({
        year: w.yearLabel,
        before: penceToText(w.before),
        fallen: penceToText(w.fallen),
        exitCosts: penceToText(w.exitCosts),
        after: penceToText(w.after),
        leaver: penceToText(w.leaver),
        remaining: penceToText(w.remaining),
      })),
    })),
  };
}

/**
 * The dispute register as JSON-ready data (the `--json` section `disputes`);
 * null when the model has no disputes.
 */
export function disputesJson(register: DisputeRegister | undefined): Record<string, unknown> | null {
  if (register === undefined) return null;
  const b = register.balancing;
  return {
    disputes: register.disputes.map((d) => ({
      ref: d.ref,
      line: d.line === "" ? null : d.line,
      partner: d.partner === "" ? null : d.partner,
      years: d.years,
      amount: penceToText(d.amount),
      raisedOn: d.raisedOn ?? null,
      status: d.status,
      outcome: d.outcome === "" ? null : d.outcome,
      held: penceToText(d.held),
      withdrawn: penceToText(d.withdrawn),
      recovery:
        d.recovery === undefined
          ? null
          : d.recovery.map((r) => ({ partner: r.partner, paid: penceToText(r.paid), credit: penceToText(r.credit) })),
    })),
    partners: register.partners.map((p) => ({
      partner: p.partner,
      charged: penceToText(p.charged),
      held: penceToText(p.held),
      agreed: penceToText(p.agreed),
      withdrawn: penceToText(p.withdrawn),
      recovered: penceToText(p.recovered),
      net: penceToText(p.net),
    })),
    balancing: {
      charged: penceToText(b.charged),
      held: penceToText(b.held),
      withdrawn: penceToText(b.withdrawn),
      recovered: penceToText(b.recovered),
      net: penceToText(b.net),
    },
  };
}

/** The exits and disputes in words, for the command line's text report: a line each, or none. */
export function exitsText(exits: ExitsReport | undefined, disputes: DisputeRegister | undefined): string[] {
  const out: string[] = [];
  for (const e of exits?.exits ?? []) {
    const owes = e.statement.reduce((s, l) => s + l.total, 0);
    const harm = e.byPartner.map((p) => `${p.partner} ${formatMoney(p.increase)}`).join(", ");
    out.push(
      `Exit: ${e.scenario}; it owes ${formatMoney(owes)} in all (the Exit statement sheet); ` +
        (e.noHarm ? "no remaining partner pays more." : `remaining partners pay more: ${harm} (the Harm report sheet).`),
    );
  }
  if (disputes !== undefined) {
    const b = disputes.balancing;
    out.push(
      `Disputes: ${disputes.disputes.length}; ${formatMoney(b.held)} held in open disputes (still charged), ` +
        `${formatMoney(b.withdrawn)} withdrawn and ${formatMoney(b.recovered)} recovered, credited (the Dispute register sheet).`,
    );
  }
  return out;
}
