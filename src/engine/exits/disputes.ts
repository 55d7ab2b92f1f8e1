import type { ChargeRow } from "../charge-row";
import { isoDate, parseDate } from "../dates";
import type { EngineError, Where } from "../errors";
import { fyLabel, parseFinancialYear, type FinancialYear } from "../financial-year";
import { largestRemainder } from "../largest-remainder";
import type { ModelInput } from "../model";
import { parseMoney, penceToText, type Pence } from "../money";
import { parseChoice } from "../parse-helpers";
import { errs, ok, type Result } from "../result";
import { DISPUTE_STATUSES, type DisputeStatus } from "./inputs";

/** One partner's credit from a recovery: what it paid in the years concerned and its share of the money back. */
export interface RecoveryShare {
  readonly partner: string;
  /** What it paid on the line (or every line) in the years concerned: its weight. */
  readonly paid: Pence;
  /** Its credit: the recovery shared by `paid`, largest remainder, to the penny. */
  readonly credit: Pence;
}

/** One dispute, read and settled. */
export interface Dispute {
  readonly ref: string;
  /** "" for a recovery over every line. */
  readonly line: string;
  /** "" for a recovery raised for every partner. */
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  /** The years concerned ("2019/20" or "2019/20 to 2021/22"). */
  readonly years: string;
  readonly amount: Pence;
  readonly raisedOn?: string;
  readonly status: DisputeStatus;
  readonly outcome: string;
  /** Open: the amount held (still charged and in the balancing, shown as disputed). */
  readonly held: Pence;
  /** Withdrawn: the credit to the partner (the charge is taken back). */
  readonly withdrawn: Pence;
  /** Recovered: the credits to each partner that paid. */
  readonly recovery?: readonly RecoveryShare[];
}

/** One partner's disputes added up. */
export interface PartnerDisputes {
  readonly partner: string;
  /** Its charges in the run, every year. */
  readonly charged: Pence;
  readonly held: Pence;
  readonly agreed: Pence;
  readonly withdrawn: Pence;
  readonly recovered: Pence;
  /** charged − withdrawn − recovered: what it pays once the credits are given. */
  readonly net: Pence;
}

/** The dispute register: every dispute, each partner's position and the balancing. */
export interface DisputeRegister {
  readonly disputes: readonly Dispute[];
  readonly partners: readonly PartnerDisputes[];
  readonly balancing: {
    /** Every charge of the run: the costs, in full (held amounts included). */
    readonly charged: Pence;
    /** Of which held in open disputes. */
    readonly held: Pence;
    /** Credits for charges withdrawn (borne by the service, not re-spread). */
    readonly withdrawn: Pence;
    /** Credits of money recovered from third parties. */
    readonly recovered: Pence;
    /** charged − withdrawn − recovered. */
    readonly net: Pence;
  };
}

/** True when the model has a dispute to report. */
export function hasDisputes(model: ModelInput): boolean {
  return (model.disputes ?? []).length > 0;
}

/**
 * The dispute register of a run (docs/exits.md). An open dispute holds its
 * amount: the charge stands, in the balancing and on the statement, shown as
 * disputed. An agreed one stands. A withdrawn one credits the partner the
 * amount (the service bears it). A recovery from a third party is credited
 * to every partner that paid on the line (blank: every line) in the years
 * concerned, in the shares in which they paid, by largest remainder, so the
 * credits add up exactly to the money recovered.
 */
export function disputeRegister(model: ModelInput, rows: readonly ChargeRow[]): Result<DisputeRegister> {
  const errors: EngineError[] = [];
  const take = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return undefined;
  };
  const partnerIds = new Set(rows.map((r) => r.partner));
  for (const p of model.partners) partnerIds.add(p.id.trim());
  const lineRefs = new Set([...model.costLines.map((l) => l.ref.trim()), ...rows.map((r) => r.lineRef)]);
  const charged = new Map<string, Pence>();
  for (const r of rows) charged.set(r.partner, (charged.get(r.partner) ?? 0) + r.amount);
  const seen = new Set<string>();
  const disputes: Dispute[] = [];
  (model.disputes ?? []).forEach((d, i) => {
    const ref = (d.ref ?? "").trim();
    const at = (field: string): Where => ({ entity: "dispute", index: i + 1, field, ...(ref === "" ? {} : { key: ref }) });
    if (ref === "") errors.push({ kind: "missingValue", at: at("ref") });
    else if (seen.has(ref)) errors.push({ kind: "duplicateId", id: ref, at: at("ref") });
    seen.add(ref);
    const status = take(parseChoice(d.status, DISPUTE_STATUSES, at("status")));
    const line = (d.line ?? "").trim();
    const partner = (d.partner ?? "").trim();
    const recovery = status === "recovered";
    if (line === "" && status !== undefined && !recovery) errors.push({ kind: "missingValue", at: at("line") });
    else if (line !== "" && !lineRefs.has(line)) errors.push({ kind: "unknownCostLine", line, at: at("line") });
    if (partner === "" && status !== undefined && !recovery) errors.push({ kind: "missingValue", at: at("partner") });
    else if (partner !== "" && !partnerIds.has(partner)) errors.push({ kind: "unknownPartner", partner, at: at("partner") });
    const year = take(parseFinancialYear(d.year ?? "", at("year")));
    const toYear =
      d.toYear === undefined || d.toYear === null || `${d.toYear}`.trim() === "" ? year : take(parseFinancialYear(d.toYear, at("to year")));
    if (year !== undefined && toYear !== undefined && toYear < year) {
      errors.push({ kind: "yearRange", from: fyLabel(year), to: fyLabel(toYear), at: at("to year") });
    }
    if (toYear !== year && status !== undefined && !recovery) {
      errors.push({ kind: "invalidChoice", value: status, allowed: ["recovered"], at: at("status") });
    }
    const amount = take(parseMoney(d.amount, at("amount")));
    if (amount !== undefined && amount <= 0) {
      errors.push({ kind: "outOfRange", value: penceToText(amount), expected: "more than zero", at: at("amount") });
    }
    const raised =
      d.raisedOn === undefined || d.raisedOn === null || d.raisedOn === "" ? undefined : take(parseDate(d.raisedOn, at("raised on")));
    if (status === undefined || year === undefined || toYear === undefined || amount === undefined || amount <= 0) return;
    const base = {
      ref,
      line,
      partner,
      year,
      yearLabel: fyLabel(year),
      years: toYear === year ? fyLabel(year) : `${fyLabel(year)} to ${fyLabel(toYear)}`,
      amount,
      status,
      outcome: (d.outcome ?? "").trim(),
      ...(raised === undefined ? {} : { raisedOn: isoDate(raised) }),
    };
    if (recovery) {
      const paid = new Map<string, Pence>();
      for (const r of rows) {
        if (r.year < year || r.year > toYear || (line !== "" && r.lineRef !== line)) continue;
        paid.set(r.partner, (paid.get(r.partner) ?? 0) + r.amount);
      }
      // A partner whose charges there net to a credit paid nothing: it shares in no recovery.
      const payers = [...paid.entries()]
        .map(([p, v]) => ({ partner: p, paid: Math.max(0, v) }))
        .sort((a, b) => (a.partner < b.partner ? -1 : 1));
      if (payers.every((p) => p.paid === 0)) {
        errors.push({ kind: "nothingPaid", what: `${line === "" ? "any line" : `line ${line}`} in ${base.years}`, at: at("amount") });
        return;
      }
      const credits = largestRemainder(
        amount,
        payers.map((p) => p.paid),
      );
      const shares = payers.map((p, j) => ({ ...p, credit: credits[j] ?? 0 })).filter((s) => s.paid !== 0);
      disputes.push({ ...base, held: 0, withdrawn: 0, recovery: shares });
      return;
    }
    if (line !== "" && partner !== "") {
      const onLine = rows.filter((r) => r.partner === partner && r.lineRef === line && r.year === year).reduce((s, r) => s + r.amount, 0);
      if (amount > onLine) {
        errors.push({
          kind: "disputeExceedsCharge",
          amount: penceToText(amount),
          charged: penceToText(Math.max(0, onLine)),
          at: at("amount"),
        });
        return;
      }
    }
    disputes.push({ ...base, held: status === "open" ? amount : 0, withdrawn: status === "withdrawn" ? amount : 0 });
  });
  if (errors.length > 0) return errs(errors);

  const byPartner = new Map<string, { held: Pence; agreed: Pence; withdrawn: Pence; recovered: Pence }>();
  const entry = (p: string): { held: Pence; agreed: Pence; withdrawn: Pence; recovered: Pence } => {
    let e = byPartner.get(p);
    if (e === undefined) byPartner.set(p, (e = { held: 0, agreed: 0, withdrawn: 0, recovered: 0 }));
    return e;
  };
  for (const d of disputes) {
    if (d.recovery !== undefined) for (const s of d.recovery) entry(s.partner).recovered += s.credit;
    else {
      const e = entry(d.partner);
      e.held += d.held;
      e.withdrawn += d.withdrawn;
      if (d.status === "agreed") e.agreed += d.amount;
    }
  }
  // Every partner charged, so the partners add up to the balancing; and any partner with a dispute.
  const partners: PartnerDisputes[] = [...new Set([...charged.keys(), ...byPartner.keys()])]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((partner) => {
      const e = byPartner.get(partner) ?? { held: 0, agreed: 0, withdrawn: 0, recovered: 0 };
      const c = charged.get(partner) ?? 0;
      return { partner, charged: c, ...e, net: c - e.withdrawn - e.recovered };
    });
  const total = [...charged.values()].reduce((s, v) => s + v, 0);
  const sum = (f: (p: PartnerDisputes) => Pence): Pence => partners.reduce((t, p) => t + f(p), 0);
  const withdrawn = sum((p) => p.withdrawn);
  const recovered = sum((p) => p.recovered);
  return ok({
    disputes,
    partners,
    balancing: { charged: total, held: sum((p) => p.held), withdrawn, recovered, net: total - withdrawn - recovered },
  });
}
