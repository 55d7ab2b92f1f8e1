import { isBlank, parseDecimal, showInput } from "../decimal";
import { parseDate, type DayNumber } from "../dates";
import type { EngineError, Where } from "../errors";
import { parseFinancialYear, type FinancialYear } from "../financial-year";
import { CATEGORIES, NATURES, type Category, type Nature } from "../model";
import { errs, ok, type Result } from "../result";
import { parseChoice } from "../parse-helpers";
import { INVOICE_FREQUENCIES, type InvoiceFrequency } from "./instalments";
import type { JournalsInput } from "./inputs";
import { BUILT_IN_LAYOUTS, DATE_FORMATS, LEDGER_FIELDS, type LayoutColumn, type LedgerField, type LedgerLayout } from "./layouts";
import { VAT_TREATMENTS, VAT_TREATMENT_WORDS, type VatTreatment } from "./vat";

/** A coding row, checked. Undefined fields match anything. */
export interface CodingRow {
  /** 1-based position in the Coding table, for errors. */
  readonly row: number;
  readonly partner: string;
  readonly line: string | undefined;
  readonly service: string | undefined;
  readonly category: Category | undefined;
  readonly nature: Nature | undefined;
  readonly costCentre: string;
  readonly account: string;
}

/** The host's codes for one partner, checked. */
export interface HostCodingRow {
  readonly row: number;
  readonly partner: string;
  readonly costCentre: string;
  readonly account: string;
  readonly debtor: string;
}

/** One partner's ledger, checked, with defaults filled in. */
export interface LedgerRow {
  readonly row: number | undefined;
  readonly partner: string;
  readonly layout: LedgerLayout;
  readonly creditor: string;
  readonly vatAccount: string;
  readonly reserveAccount: string;
  readonly section33: boolean;
  /** Post the expenditure journal by service cost centre (see docs/journals.md). */
  readonly byService: boolean;
  readonly vatNumber: string;
  readonly frequency: InvoiceFrequency;
  /** Undefined means 1 April of the journal year. */
  readonly firstInvoice: DayNumber | undefined;
  readonly termsDays: number;
  readonly prefix: string;
}

/** Journals inputs checked against the model's partners and cost lines. */
export interface PreparedJournals {
  readonly coding: readonly CodingRow[];
  readonly hostCoding: ReadonlyMap<string, HostCodingRow>;
  readonly ledger: (partner: string) => LedgerRow;
  readonly vat: ReadonlyMap<string, VatTreatment>;
  /** Undefined means the model's first year. */
  readonly year: FinancialYear | undefined;
  readonly accrual: "creditor" | "reserve";
  readonly hostVatAccount: string;
  readonly hostReserveAccount: string;
}

const DEFAULT_TERMS_DAYS = 30;
const ACCRUALS = ["creditor", "reserve"] as const;

function text(v: unknown): string {
  return isBlank(v) ? "" : String(v).trim();
}

/**
 * Checks the journals inputs: every partner and cost line they name exists,
 * every choice is one of its words, every custom layout is complete, and a
 * coding row gives both codes. Every problem is reported at once, located
 * by table, row and column.
 */
export function prepareJournals(input: JournalsInput, partners: readonly string[], lines: readonly string[]): Result<PreparedJournals> {
  const problems: EngineError[] = [];
  const known = new Set(partners);
  const knownLines = new Set(lines);
  const partnerAt = (id: unknown, at: Where): string | undefined => {
    const p = text(id);
    if (p === "") problems.push({ kind: "missingValue", at });
    else if (!known.has(p)) {
      const similar = partners.find((k) => k.toLowerCase() === p.toLowerCase());
      problems.push({ kind: "unknownPartner", partner: p, ...(similar === undefined ? {} : { similar }), at });
    } else return p;
    return undefined;
  };
  const choice = <T extends string>(v: unknown, allowed: readonly T[], at: Where): T | undefined => {
    if (isBlank(v)) return undefined;
    const r = parseChoice(v, allowed, at);
    if (r.ok) return r.value;
    problems.push(...r.errors);
    return undefined;
  };
  const required = (v: unknown, at: Where): string => {
    const t = text(v);
    if (t === "") problems.push({ kind: "missingValue", at });
    return t;
  };

  const coding: CodingRow[] = [];
  input.coding.forEach((c, i) => {
    const row = i + 1;
    const at = (field: string): Where => ({ entity: "coding", index: row, field });
    const partner = partnerAt(c.partner, at("partner"));
    const line = text(c.line);
    if (line !== "" && !knownLines.has(line)) problems.push({ kind: "unknownCostLine", line, at: at("line") });
    const category = choice(c.category, CATEGORIES, at("category"));
    const nature = choice(c.nature, NATURES, at("nature"));
    const costCentre = required(c.costCentre, at("costCentre"));
    const account = required(c.account, at("account"));
    if (partner === undefined) return;
    const service = text(c.service);
    coding.push({
      row,
      partner,
      line: line === "" ? undefined : line,
      service: service === "" ? undefined : service,
      category,
      nature,
      costCentre,
      account,
    });
  });

  const hostCoding = new Map<string, HostCodingRow>();
  (input.hostCoding ?? []).forEach((h, i) => {
    const row = i + 1;
    const at = (field: string): Where => ({ entity: "hostCoding", index: row, field });
    const partner = partnerAt(h.partner, at("partner"));
    const account = required(h.account, at("account"));
    const debtor = required(h.debtor, at("debtor"));
    if (partner === undefined) return;
    if (hostCoding.has(partner)) problems.push({ kind: "duplicateId", id: partner, at: at("partner") });
    hostCoding.set(partner, { row, partner, costCentre: text(h.costCentre), account, debtor });
  });

  const layouts = customLayouts(input, problems);
  const ledgers = new Map<string, LedgerRow>();
  (input.ledgers ?? []).forEach((l, i) => {
    const row = i + 1;
    const at = (field: string): Where => ({ entity: "ledger", index: row, field });
    const partner = partnerAt(l.partner, at("partner"));
    const layoutName = text(l.layout);
    const layout =
      layoutName === ""
        ? BUILT_IN_LAYOUTS[0]
        : (BUILT_IN_LAYOUTS.find((b) => b.id === layoutName.toLowerCase()) ?? layouts.get(layoutName));
    if (layout === undefined) {
      problems.push({
        kind: "invalidChoice",
        value: layoutName,
        allowed: [...BUILT_IN_LAYOUTS.map((b) => b.id), ...layouts.keys()],
        at: at("layout"),
      });
    }
    const section33 = yesNo(l.section33, at("section33"), problems);
    const byService = yesNo(l.byService, at("byService"), problems);
    const frequency = choice(l.frequency, INVOICE_FREQUENCIES, at("frequency")) ?? "annual";
    let firstInvoice: DayNumber | undefined;
    if (!isBlank(l.firstInvoice)) {
      const d = parseDate(l.firstInvoice, at("firstInvoice"));
      if (d.ok) firstInvoice = d.value;
      else problems.push(...d.errors);
    }
    let termsDays = DEFAULT_TERMS_DAYS;
    if (!isBlank(l.termsDays)) {
      const d = parseDecimal(l.termsDays);
      if (d === undefined || !d.isInteger() || d.isNegative() || d.gt(366)) {
        problems.push({
          kind: "outOfRange",
          value: showInput(l.termsDays),
          expected: "a whole number of days from 0 to 366",
          at: at("termsDays"),
        });
      } else termsDays = d.toNumber();
    }
    if (partner === undefined || layout === undefined) return;
    if (ledgers.has(partner)) problems.push({ kind: "duplicateId", id: partner, at: at("partner") });
    ledgers.set(partner, {
      row,
      partner,
      layout,
      creditor: text(l.creditor),
      vatAccount: text(l.vatAccount),
      reserveAccount: text(l.reserveAccount),
      section33: section33 ?? true,
      byService: byService ?? false,
      vatNumber: text(l.vatNumber),
      frequency,
      firstInvoice,
      termsDays,
      prefix: text(l.prefix) === "" ? `${partner}-` : text(l.prefix),
    });
  });

  const vat = new Map<string, VatTreatment>();
  (input.vat ?? []).forEach((v, i) => {
    const row = i + 1;
    const at = (field: string): Where => ({ entity: "vat", index: row, field });
    const line = required(v.line, at("line"));
    if (line !== "" && !knownLines.has(line)) problems.push({ kind: "unknownCostLine", line, at: at("line") });
    const treatment = vatTreatment(v.treatment, at("treatment"), problems);
    if (line === "" || treatment === undefined) return;
    if (vat.has(line)) problems.push({ kind: "duplicateId", id: line, at: at("line") });
    vat.set(line, treatment);
  });

  let year: FinancialYear | undefined;
  if (!isBlank(input.year)) {
    const y = parseFinancialYear(input.year, { entity: "settings", field: "journalYear" });
    if (y.ok) year = y.value;
    else problems.push(...y.errors);
  }
  const accrual = choice(input.accrual, ACCRUALS, { entity: "settings", field: "accrual" }) ?? "creditor";
  if (problems.length > 0) return errs(problems);
  return ok({
    coding,
    hostCoding,
    ledger: (partner) => ledgers.get(partner) ?? defaultLedger(partner),
    vat,
    year,
    accrual,
    // The host's own Ledgers row gives its VAT (output) and reserve accounts unless the inputs name them apart.
    hostVatAccount: text(input.hostVatAccount),
    hostReserveAccount: text(input.hostReserveAccount),
  });
}

function defaultLedger(partner: string): LedgerRow {
  return {
    row: undefined,
    partner,
    layout: BUILT_IN_LAYOUTS[0] as LedgerLayout,
    creditor: "",
    vatAccount: "",
    reserveAccount: "",
    section33: true,
    byService: false,
    vatNumber: "",
    frequency: "annual",
    firstInvoice: undefined,
    termsDays: DEFAULT_TERMS_DAYS,
    prefix: `${partner}-`,
  };
}

const YES = ["yes", "y", "true", "1"];
const NO = ["no", "n", "false", "0"];

function yesNo(v: unknown, at: Where, problems: EngineError[]): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (isBlank(v)) return undefined;
  const t = String(v).trim().toLowerCase();
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  problems.push({ kind: "invalidChoice", value: showInput(v), allowed: ["yes", "no"], at });
  return undefined;
}

function vatTreatment(v: unknown, at: Where, problems: EngineError[]): VatTreatment | undefined {
  const wanted = text(v)
    .toLowerCase()
    .replace(/[\s-]+/g, " ");
  if (wanted === "") {
    problems.push({ kind: "missingValue", at });
    return undefined;
  }
  const found = VAT_TREATMENTS.find((t) => VAT_TREATMENT_WORDS[t].some((w) => w.toLowerCase().replace(/[\s-]+/g, " ") === wanted));
  if (found === undefined) {
    problems.push({
      kind: "invalidChoice",
      value: showInput(v),
      allowed: ["outside the scope", "standard-rated", "zero-rated", "exempt"],
      at,
    });
  }
  return found;
}

/** The custom layouts the Ledger columns table defines, each checked to have an amount (or debit and credit) column. */
function customLayouts(input: JournalsInput, problems: EngineError[]): Map<string, LedgerLayout> {
  const columns = new Map<string, { columns: LayoutColumn[]; row: number }>();
  (input.columns ?? []).forEach((c, i) => {
    const row = i + 1;
    const at = (field: string): Where => ({ entity: "ledgerColumn", index: row, field });
    const layout = required(c.layout, at("layout"), problems);
    const field = LEDGER_FIELDS.find((f) => f.toLowerCase() === text(c.field).toLowerCase().replace(/\s+/g, ""));
    if (field === undefined) {
      if (isBlank(c.field)) problems.push({ kind: "missingValue", at: at("field") });
      else problems.push({ kind: "invalidChoice", value: showInput(c.field), allowed: LEDGER_FIELDS, at: at("field") });
    }
    const value = text(c.value);
    if (field === "date" && value !== "" && !(DATE_FORMATS as readonly string[]).includes(value.toUpperCase())) {
      problems.push({ kind: "invalidChoice", value, allowed: DATE_FORMATS, at: at("value") });
    }
    if (layout === "" || field === undefined) return;
    const entry = columns.get(layout) ?? { columns: [], row };
    entry.columns.push({
      header: text(c.header),
      field,
      ...(value === "" ? {} : { value: field === "date" ? value.toUpperCase() : value }),
    });
    columns.set(layout, entry);
  });
  const out = new Map<string, LedgerLayout>();
  for (const [id, { columns: cols, row }] of columns) {
    const has = (f: LedgerField): boolean => cols.some((c) => c.field === f);
    if (!has("amount") && !(has("debit") && has("credit"))) {
      problems.push({
        kind: "layoutIncomplete",
        layout: id,
        missing: "has no amount column (an amount, or a debit and a credit)",
        at: { entity: "ledgerColumn", index: row, field: "field" },
      });
    }
    if (!has("account")) {
      problems.push({
        kind: "layoutIncomplete",
        layout: id,
        missing: "has no account column",
        at: { entity: "ledgerColumn", index: row, field: "field" },
      });
    }
    out.set(id, { id, name: id, columns: cols, headerRow: true });
  }
  return out;
}

function required(v: unknown, at: Where, problems: EngineError[]): string {
  const t = text(v);
  if (t === "") problems.push({ kind: "missingValue", at });
  return t;
}
