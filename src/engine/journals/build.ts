import type { ChargeRow } from "../budget/charge-rows";
import type { Settlement, YearEndReport } from "../budget/year-end";
import type { DayNumber } from "../dates";
import type { EngineError, Where } from "../errors";
import { fyEnd, fyLabel, fyStart, parseFinancialYear, type FinancialYear } from "../financial-year";
import { formatMoney, type Pence } from "../money";
import { errs, ok, type Result } from "../result";
import type { ModelRun } from "../run-model";
import { serviceRechargesOfRun, serviceSplitsOf } from "../services";
import { resolveCoding, type Coding, type CodingKey } from "./coding";
import type { JournalsInput } from "./inputs";
import { INSTALMENTS_PER_YEAR, instalmentDates, splitInstalments, type InvoiceFrequency } from "./instalments";
import type { LedgerLayout } from "./layouts";
import { prepareJournals, type LedgerRow, type PreparedJournals } from "./prepare";
import { vatOn, type VatTreatment } from "./vat";
import { journalsNames } from "./vat-cost";

/** What a journal line is for. */
export type JournalLineKind =
  "charge" | "vat" | "irrecoverableVat" | "creditor" | "income" | "vatOutput" | "debtor" | "accrual" | "reserve";

/** One line of a journal: debit positive, credit negative. */
export interface JournalLine {
  readonly kind: JournalLineKind;
  readonly costCentre: string;
  readonly account: string;
  readonly amount: Pence;
  /** Words for the ledger, ending with the run's reference. */
  readonly description: string;
  /** The cost line it comes from ("" for a balancing or accrual line). */
  readonly line: string;
  /** The partner charged (in the host's journals, the partner the line is about). */
  readonly partner: string;
}

/** A partner's expenditure journal, the host's income journal, or a year-end accrual journal. */
export type JournalKind = "expenditure" | "income" | "accrual";

/** A journal that balances (debits equal credits), ready for a ledger. */
export interface Journal {
  /** Unique within the run: reference, ledger and kind. */
  readonly id: string;
  /** Whose ledger it goes into. */
  readonly ledger: string;
  readonly kind: JournalKind;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly date: DayNumber;
  readonly reference: string;
  readonly layout: LedgerLayout;
  readonly lines: readonly JournalLine[];
  readonly debits: Pence;
  readonly credits: Pence;
  /** The net charges it posts: a partner's total in the Allocations for the year (the host's: the others' totals). */
  readonly control: Pence;
  readonly vat: Pence;
}

/** One line of an invoice: one cost line's part of one instalment. */
export interface InvoiceLine {
  readonly line: string;
  readonly description: string;
  readonly treatment: VatTreatment;
  readonly net: Pence;
  /** Rounded to the nearest penny on this line (see vat.ts). */
  readonly vat: Pence;
  readonly gross: Pence;
}

/** One instalment's sales invoice from the host. */
export interface Invoice {
  readonly partner: string;
  readonly number: string;
  readonly instalment: number;
  readonly date: DayNumber;
  readonly due: DayNumber;
  readonly lines: readonly InvoiceLine[];
  readonly net: Pence;
  /** The sum of its lines' VAT. */
  readonly vat: Pence;
  readonly gross: Pence;
}

/** A partner's invoices for the year: instalments that add up to its charge exactly. */
export interface InvoiceSchedule {
  readonly partner: string;
  readonly frequency: InvoiceFrequency;
  readonly section33: boolean;
  readonly vatNumber: string;
  /** Its total in the Allocations for the year. */
  readonly charge: Pence;
  readonly invoices: readonly Invoice[];
  readonly net: Pence;
  readonly vat: Pence;
  readonly gross: Pence;
  readonly reference: string;
}

/** What ties each partner's journal to the Allocations, with the VAT it bears. */
export interface PartnerControl {
  readonly partner: string;
  readonly section33: boolean;
  /** Its total in the Allocations for the year. */
  readonly allocations: Pence;
  /** The net its expenditure journal posts (equal to `allocations`). */
  readonly journal: Pence;
  readonly vat: Pence;
  readonly gross: Pence;
  /** VAT it cannot recover (a body that is not a section 33 body): a real cost to it. */
  readonly irrecoverableVat: Pence;
  /** The year-end settlement accrued at 31 March (positive: it owes; negative: it is owed). */
  readonly accrued: Pence;
}

/** Every journal and invoice of one run for one year. */
export interface JournalsReport {
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly reference: string;
  readonly host: string;
  /** The host's own share: already in its ledger as the service's net cost, so not journalled. */
  readonly hostRetained: Pence;
  readonly accrual: "creditor" | "reserve";
  readonly journals: readonly Journal[];
  readonly invoices: readonly InvoiceSchedule[];
  readonly controls: readonly PartnerControl[];
}

const MAX_DESCRIPTION = 240;

/**
 * The reference every journal line and invoice carries: `SA-` and the
 * inputs fingerprint's first digits as the run's stamp shows them, so a
 * ledger line leads back to the Run log; "unrecorded" for a run with no stamp.
 */
export function runReference(fingerprint: string | undefined): string {
  return fingerprint === undefined ? "unrecorded" : `SA-${fingerprint}`;
}

function describe(what: string, reference: string): string {
  const tail = ` (run ${reference})`;
  const room = MAX_DESCRIPTION - tail.length;
  return `${what.length > room ? `${what.slice(0, room - 1)}…` : what}${tail}`;
}

/**
 * Turns a run into each partner's journals and invoices for one year (see
 * docs/journals.md). Every partner but the host gets an expenditure journal
 * (Dr its cost codes with the net, Dr VAT it recovers or, for a body that is
 * not a section 33 body, the VAT as a cost on the same codes; Cr its
 * creditor with the gross); the host gets an income journal (Cr income per
 * partner, Cr VAT output, Dr debtors) and each partner an invoice schedule
 * whose instalments add up exactly to its charge. Settlements of the year
 * become accrual journals dated 31 March. Every line carries `reference`.
 *
 * A charge no coding row codes, a missing balance-sheet code, or (never
 * expected) a journal that would not balance or tie to the allocations is
 * an error, located, and nothing is returned.
 */
export function buildJournals(
  run: ModelRun,
  input: JournalsInput,
  reference: string,
  yearEnd: YearEndReport | undefined = run.yearEnd,
): Result<JournalsReport> {
  const model = run.model;
  const host = model.partners.find((p) => p.host === true)?.id;
  if (host === undefined) return errs([{ kind: "journalsNeedHost", at: { entity: "partner", field: "host" } }]);
  const partners = [...model.partners.map((p) => p.id), ...(model.withinPartners ?? []).map((w) => w.partner.id)];
  const names = journalsNames(model);
  const prepared = prepareJournals(input, names.partners, names.lines);
  if (!prepared.ok) return prepared;
  const prep = prepared.value;
  let year = prep.year;
  if (year === undefined) {
    const first = parseFinancialYear(model.settings.firstYear, { entity: "settings", field: "firstYear" });
    if (!first.ok) return first;
    year = first.value;
  }
  return new Builder(run, prep, host, partners, year, reference, yearEnd).build();
}

interface PartnerCharges {
  readonly partner: string;
  readonly rows: ChargeRow[];
}

class Builder {
  private readonly problems: EngineError[] = [];
  private readonly yearLabel: string;
  private readonly descriptions: Map<string, string>;

  constructor(
    private readonly run: ModelRun,
    private readonly prep: PreparedJournals,
    private readonly host: string,
    private readonly partners: readonly string[],
    private readonly year: FinancialYear,
    private readonly reference: string,
    private readonly yearEnd: YearEndReport | undefined,
  ) {
    this.yearLabel = fyLabel(year);
    this.descriptions = new Map(run.model.costLines.map((l) => [l.ref, (l.description ?? "").trim()]));
  }

  build(): Result<JournalsReport> {
    const byPartner = this.chargesByPartner();
    const journals: Journal[] = [];
    const invoices: InvoiceSchedule[] = [];
    const controls: PartnerControl[] = [];
    const incomeLines: JournalLine[] = [];
    let hostRetained = 0;
    for (const { partner, rows } of byPartner) {
      const total = rows.reduce((s, r) => s + r.amount, 0);
      if (partner === this.host) {
        hostRetained = total;
        continue;
      }
      const ledger = this.prep.ledger(partner);
      const schedule = this.schedule(ledger, rows, total);
      invoices.push(schedule);
      const exp = this.expenditure(ledger, rows, schedule);
      if (exp !== undefined) journals.push(exp);
      incomeLines.push(...this.incomeFor(partner, schedule));
      controls.push({
        partner,
        section33: ledger.section33,
        allocations: total,
        journal: exp?.control ?? 0,
        vat: schedule.vat,
        gross: schedule.gross,
        irrecoverableVat: ledger.section33 ? 0 : schedule.vat,
        accrued: 0,
      });
    }
    const hostLedger = this.prep.ledger(this.host);
    if (incomeLines.length > 0) {
      const control = -incomeLines.filter((l) => l.kind === "income").reduce((s, l) => s + l.amount, 0);
      const vat = -incomeLines.filter((l) => l.kind === "vatOutput").reduce((s, l) => s + l.amount, 0);
      const j = this.journal(this.host, "income", this.firstDate(hostLedger), hostLedger.layout, incomeLines, control, vat);
      if (j !== undefined) journals.push(j);
    }
    const accruals = this.accruals(controls);
    journals.push(...accruals);
    this.checkTies(journals, controls);
    // A code missing for several journals is one problem, said once.
    if (this.problems.length > 0) return errs([...new Map(this.problems.map((p) => [JSON.stringify(p), p])).values()]);
    return ok({
      year: this.year,
      yearLabel: this.yearLabel,
      reference: this.reference,
      host: this.host,
      hostRetained,
      accrual: this.prep.accrual,
      journals,
      invoices,
      controls,
    });
  }

  /** The year's non-zero charges per partner, in partner order (within partners after the others). */
  private chargesByPartner(): PartnerCharges[] {
    const map = new Map<string, ChargeRow[]>(this.partners.map((p) => [p, []]));
    for (const r of this.run.rows) {
      if (r.year !== this.year || r.amount === 0) continue;
      map.get(r.partner)?.push(r);
    }
    return [...map].filter(([, rows]) => rows.length > 0).map(([partner, rows]) => ({ partner, rows }));
  }

  private firstDate(ledger: LedgerRow): DayNumber {
    return ledger.firstInvoice ?? fyStart(this.year);
  }

  private treatment(line: string): VatTreatment {
    return this.prep.vat.get(line) ?? "outside";
  }

  /** The partner's invoices: each line's net split across the instalments, VAT per invoice line. */
  private schedule(ledger: LedgerRow, rows: readonly ChargeRow[], total: Pence): InvoiceSchedule {
    const count = INSTALMENTS_PER_YEAR[ledger.frequency];
    const dates = instalmentDates(this.firstDate(ledger), count);
    const perLine = rows.map((r) => ({ r, parts: splitInstalments(r.amount, count), treatment: this.treatment(r.lineRef) }));
    const invoices: Invoice[] = dates.map((date, i) => {
      const lines: InvoiceLine[] = [];
      for (const { r, parts, treatment } of perLine) {
        const net = parts[i] ?? 0;
        if (net === 0) continue;
        const vat = vatOn(net, treatment);
        lines.push({ line: r.lineRef, description: this.lineWords(r), treatment, net, vat, gross: net + vat });
      }
      const net = sum(lines.map((l) => l.net));
      const vat = sum(lines.map((l) => l.vat));
      return {
        partner: ledger.partner,
        number: `${ledger.prefix}${this.year}-${String(i + 1).padStart(2, "0")}`,
        instalment: i + 1,
        date,
        due: date + ledger.termsDays,
        lines,
        net,
        vat,
        gross: net + vat,
      };
    });
    const vat = sum(invoices.map((v) => v.vat));
    return {
      partner: ledger.partner,
      frequency: ledger.frequency,
      section33: ledger.section33,
      vatNumber: ledger.vatNumber,
      charge: total,
      invoices,
      net: sum(invoices.map((v) => v.net)),
      vat,
      gross: sum(invoices.map((v) => v.gross)),
      reference: this.reference,
    };
  }

  private lineWords(r: ChargeRow): string {
    const d = this.descriptions.get(r.lineRef) ?? "";
    return `${r.lineRef} ${this.yearLabel}${d === "" ? "" : ` ${d}`}`;
  }

  private code(key: CodingKey, amount: Pence): Coding | undefined {
    const c = resolveCoding(this.prep.coding, key);
    if (c.ok) return c.coding;
    const at: Where = {
      entity: "costLine",
      key: key.line === "" ? undefined : key.line,
      partner: key.partner,
      year: this.yearLabel,
      field: "coding",
    };
    if (c.reason === "missing") {
      this.problems.push({
        kind: "codingMissing",
        partner: key.partner,
        line: key.line === "" ? `year-end settlement (${key.category}${key.service === "" ? "" : `, ${key.service}`})` : key.line,
        service: key.service,
        yearLabel: this.yearLabel,
        amount: formatMoney(amount),
        at: key.line === "" ? { entity: "coding", field: "partner", partner: key.partner } : at,
      });
    } else {
      this.problems.push({
        kind: "codingAmbiguous",
        partner: key.partner,
        line: key.line,
        rows: c.rows,
        at: { entity: "coding", index: c.rows[0], field: "partner" },
      });
    }
    return undefined;
  }

  private needCode(ledger: LedgerRow, value: string, code: string, field: string, needed: string): string {
    if (value === "") {
      const at: Where =
        ledger.row === undefined ? { entity: "partner", key: ledger.partner, field } : { entity: "ledger", index: ledger.row, field };
      this.problems.push({ kind: "ledgerCodeMissing", partner: ledger.partner, code, needed, at });
    }
    return value;
  }

  /** A partner's expenditure journal: each charge to its codes, VAT recovered or borne, the gross to the creditor. */
  private expenditure(ledger: LedgerRow, rows: readonly ChargeRow[], schedule: InvoiceSchedule): Journal | undefined {
    const vatByLine = new Map<string, Pence>();
    for (const inv of schedule.invoices) for (const l of inv.lines) vatByLine.set(l.line, (vatByLine.get(l.line) ?? 0) + l.vat);
    const lines: JournalLine[] = [];
    const partner = ledger.partner;
    const before = this.problems.length;
    if (ledger.byService) lines.push(...this.byServiceLines(ledger, rows));
    for (const r of rows) {
      const coding = this.code({ partner, line: r.lineRef, service: r.service, category: r.category, nature: r.nature }, r.amount);
      if (coding === undefined) continue;
      const words = this.lineWords(r);
      if (!ledger.byService)
        lines.push({
          kind: "charge",
          ...codes(coding),
          amount: r.amount,
          description: describe(words, this.reference),
          line: r.lineRef,
          partner,
        });
      const vat = vatByLine.get(r.lineRef) ?? 0;
      if (vat === 0) continue;
      if (ledger.section33) {
        const account = this.needCode(ledger, ledger.vatAccount, "a VAT account", "vatAccount", "for the VAT it recovers");
        lines.push({
          kind: "vat",
          costCentre: "",
          account,
          amount: vat,
          description: describe(`VAT on ${words}`, this.reference),
          line: r.lineRef,
          partner,
        });
      } else {
        lines.push({
          kind: "irrecoverableVat",
          ...codes(coding),
          amount: vat,
          description: describe(`Irrecoverable VAT on ${words}`, this.reference),
          line: r.lineRef,
          partner,
        });
      }
    }
    const creditor = this.needCode(ledger, ledger.creditor, "a creditor account", "creditor", "for the host's invoices");
    lines.push({
      kind: "creditor",
      costCentre: "",
      account: creditor,
      amount: 0 - schedule.gross,
      description: describe(`Owed to ${this.host} for ${this.yearLabel} recharges`, this.reference),
      line: "",
      partner: this.host,
    });
    // A journal missing a charge it could not code is reported by that, not as unbalanced.
    if (this.problems.length > before) return undefined;
    const control = sum(lines.filter((l) => l.kind === "charge").map((l) => l.amount));
    return this.journal(partner, "expenditure", this.firstDate(ledger), ledger.layout, lines, control, schedule.vat);
  }

  /**
   * A by-service partner's charge lines: each category's charge for the year
   * spread onto its own services by the very split the Service recharges sheet
   * shows (the services engine, worked out once per run), one debit per
   * service on its cost centre (the Coding cost centre where the service has
   * none) and the account the Coding table gives the partner and category. A
   * charge with no service list to take it is a problem at the Ledgers row.
   */
  private byServiceLines(ledger: LedgerRow, rows: readonly ChargeRow[]): JournalLine[] {
    const partner = ledger.partner;
    const report = serviceRechargesOfRun(this.run);
    const splits = report?.ok === true ? serviceSplitsOf(report.value, partner).filter((x) => x.year === this.year) : [];
    const lines: JournalLine[] = [];
    for (const category of [...new Set(rows.map((r) => r.category))]) {
      const amount = sum(rows.filter((r) => r.category === category).map((r) => r.amount));
      const split = splits.find((x) => x.category === category);
      // Charges that net to nothing need no service list: there is nothing to spread.
      if (amount === 0 && split === undefined) continue;
      if (split === undefined || split.unrecharged !== 0 || split.recharge !== amount) {
        this.problems.push({
          kind: "journalsByServiceNoList",
          partner,
          yearLabel: this.yearLabel,
          category,
          amount: formatMoney(amount),
          at:
            ledger.row === undefined
              ? { entity: "partner", key: partner, field: "byService" }
              : { entity: "ledger", index: ledger.row, field: "byService" },
        });
        continue;
      }
      const coding = this.code({ partner, line: "", service: "", category, nature: "ongoing" }, amount);
      if (coding === undefined) continue;
      for (const share of split.shares) {
        if (share.pence === 0) continue;
        lines.push({
          kind: "charge",
          costCentre: share.costCentre === "" ? coding.costCentre : share.costCentre,
          account: coding.account,
          amount: share.pence,
          description: describe(`${this.yearLabel} ${category} recharge: ${share.service} (${share.heading})`, this.reference),
          line: "",
          partner,
        });
      }
    }
    return lines;
  }

  /** The host's income journal lines for one partner: Cr income (net), Cr VAT output, Dr debtor (gross). */
  private incomeFor(partner: string, schedule: InvoiceSchedule): JournalLine[] {
    const hc = this.prep.hostCoding.get(partner);
    if (hc === undefined) {
      this.problems.push({
        kind: "ledgerCodeMissing",
        partner: this.host,
        code: "an income account and a debtor account",
        needed: `for what it invoices "${partner}" (a Host coding row for ${partner})`,
        at: { entity: "hostCoding", field: "partner", partner },
      });
      return [];
    }
    const lines: JournalLine[] = [
      {
        kind: "income",
        costCentre: hc.costCentre,
        account: hc.account,
        amount: 0 - schedule.net,
        description: describe(`Recharge income from ${partner} ${this.yearLabel}`, this.reference),
        line: "",
        partner,
      },
    ];
    if (schedule.vat !== 0) {
      const hostLedger = this.prep.ledger(this.host);
      const account = this.needCode(
        hostLedger,
        this.prep.hostVatAccount === "" ? hostLedger.vatAccount : this.prep.hostVatAccount,
        "a VAT (output) account",
        "vatAccount",
        "for the VAT it charges (its own Ledgers row)",
      );
      lines.push({
        kind: "vatOutput",
        costCentre: "",
        account,
        amount: 0 - schedule.vat,
        description: describe(`VAT charged to ${partner} ${this.yearLabel}`, this.reference),
        line: "",
        partner,
      });
    }
    lines.push({
      kind: "debtor",
      costCentre: "",
      account: hc.debtor,
      amount: schedule.gross,
      description: describe(
        `Due from ${partner} ${this.yearLabel} (${schedule.invoices.length} invoice${schedule.invoices.length === 1 ? "" : "s"})`,
        this.reference,
      ),
      line: "",
      partner,
    });
    return lines;
  }

  /** Year-end settlements of the year as accruals at 31 March: each partner's, and the host's mirror of them. */
  private accruals(controls: PartnerControl[]): Journal[] {
    const settlements = (this.yearEnd?.settlements ?? []).filter((s) => s.year === this.year && s.variance !== 0);
    if (settlements.length === 0) return [];
    const date = fyEnd(this.year);
    const reserve = this.prep.accrual === "reserve";
    const perPartner = new Map<string, JournalLine[]>();
    const hostLines: JournalLine[] = [];
    for (const s of settlements) {
      for (const share of s.shares) {
        if (share.share === 0 || share.partner === this.host) continue;
        this.accrueShare(s, share.partner, share.share, reserve, perPartner, hostLines);
        const c = controls.find((x) => x.partner === share.partner);
        if (c !== undefined) controls[controls.indexOf(c)] = { ...c, accrued: c.accrued + share.share };
      }
    }
    const out: Journal[] = [];
    for (const [partner, lines] of perPartner) {
      const ledger = this.prep.ledger(partner);
      const control = sum(lines.filter((l) => l.kind === "accrual").map((l) => l.amount));
      const j = this.journal(partner, "accrual", date, ledger.layout, lines, control, 0);
      if (j !== undefined) out.push(j);
    }
    if (hostLines.length > 0) {
      const control = -sum(hostLines.filter((l) => l.kind === "accrual").map((l) => l.amount));
      const j = this.journal(this.host, "accrual", date, this.prep.ledger(this.host).layout, hostLines, control, 0);
      if (j !== undefined) out.push(j);
    }
    return out;
  }

  private accrueShare(
    s: Settlement,
    partner: string,
    share: Pence,
    reserve: boolean,
    perPartner: Map<string, JournalLine[]>,
    hostLines: JournalLine[],
  ): void {
    const ledger = this.prep.ledger(partner);
    const service = s.service === "" ? "" : ` ${s.service}`;
    const what = `${s.kind === "overspend" ? "Overspend" : "Underspend"} ${this.yearLabel} ${s.category}${service}`;
    const coding = this.code({ partner, line: "", service: s.service, category: s.category, nature: "one-off" }, share);
    const counter = reserve
      ? this.needCode(ledger, ledger.reserveAccount, "an earmarked reserve account", "reserveAccount", "for year-end accruals to a reserve")
      : this.needCode(ledger, ledger.creditor, "a creditor account", "creditor", "for the year-end accrual");
    const lines = perPartner.get(partner) ?? [];
    if (coding !== undefined) {
      lines.push({
        kind: "accrual",
        ...codes(coding),
        amount: share,
        description: describe(`${what}: share accrued at 31 March`, this.reference),
        line: "",
        partner,
      });
    }
    lines.push({
      kind: reserve ? "reserve" : "creditor",
      costCentre: "",
      account: counter,
      amount: -share,
      description: describe(`${what}: ${share > 0 ? `owed to ${this.host}` : `due from ${this.host}`}`, this.reference),
      line: "",
      partner: this.host,
    });
    perPartner.set(partner, lines);
    const hc = this.prep.hostCoding.get(partner);
    if (hc === undefined) {
      this.problems.push({
        kind: "ledgerCodeMissing",
        partner: this.host,
        code: "an income account and a debtor account",
        needed: `for the year-end accrual with "${partner}"`,
        at: { entity: "hostCoding", field: "partner", partner },
      });
      return;
    }
    const hostLedger = this.prep.ledger(this.host);
    const hostCounter = reserve
      ? this.needCode(
          hostLedger,
          this.prep.hostReserveAccount === "" ? hostLedger.reserveAccount : this.prep.hostReserveAccount,
          "an earmarked reserve account",
          "reserveAccount",
          "for year-end accruals to a reserve (its own Ledgers row)",
        )
      : hc.debtor;
    hostLines.push(
      {
        kind: "accrual",
        costCentre: hc.costCentre,
        account: hc.account,
        amount: -share,
        description: describe(`${what}: ${partner}'s share`, this.reference),
        line: "",
        partner,
      },
      {
        kind: reserve ? "reserve" : "debtor",
        costCentre: "",
        account: hostCounter,
        amount: share,
        description: describe(`${what}: ${share > 0 ? `due from ${partner}` : `owed to ${partner}`}`, this.reference),
        line: "",
        partner,
      },
    );
  }

  private journal(
    ledger: string,
    kind: Journal["kind"],
    date: DayNumber,
    layout: LedgerLayout,
    lines: readonly JournalLine[],
    control: Pence,
    vat: Pence,
  ): Journal | undefined {
    const debits = sum(lines.filter((l) => l.amount > 0).map((l) => l.amount));
    const credits = -sum(lines.filter((l) => l.amount < 0).map((l) => l.amount));
    const suffix = kind === "expenditure" ? "EXP" : kind === "income" ? "INC" : "ACC";
    const id = `${this.reference}-${ledger}-${suffix}`;
    if (debits !== credits) {
      this.problems.push({
        kind: "journalUnbalanced",
        ledger,
        journal: kind,
        debits: formatMoney(debits),
        credits: formatMoney(credits),
        at: { entity: "partner", key: ledger },
      });
      return undefined;
    }
    return {
      id,
      ledger,
      kind,
      year: this.year,
      yearLabel: this.yearLabel,
      date,
      reference: this.reference,
      layout,
      lines,
      debits,
      credits,
      control,
      vat,
    };
  }

  /** Each expenditure journal's control equals the partner's Allocations total; the host's, the sum of the others'. */
  private checkTies(journals: readonly Journal[], controls: readonly PartnerControl[]): void {
    if (this.problems.length > 0) return;
    for (const c of controls) {
      const j = journals.find((x) => x.ledger === c.partner && x.kind === "expenditure");
      if (j === undefined || j.control !== c.allocations) {
        this.problems.push({
          kind: "journalUnbalanced",
          ledger: c.partner,
          journal: "expenditure",
          debits: formatMoney(j?.control ?? 0),
          credits: formatMoney(c.allocations),
          at: { entity: "partner", key: c.partner },
        });
      }
    }
    const income = journals.find((x) => x.ledger === this.host && x.kind === "income");
    const others = sum(controls.map((c) => c.allocations));
    if ((income?.control ?? 0) !== others) {
      this.problems.push({
        kind: "journalUnbalanced",
        ledger: this.host,
        journal: "income",
        debits: formatMoney(income?.control ?? 0),
        credits: formatMoney(others),
        at: { entity: "partner", key: this.host },
      });
    }
  }
}

function codes(c: Coding): { costCentre: string; account: string } {
  return { costCentre: c.costCentre, account: c.account };
}

function sum(values: readonly Pence[]): Pence {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
