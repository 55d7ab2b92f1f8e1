import type { DateInput } from "../dates";
import type { DecimalInput } from "../decimal";

/**
 * What the user records so that a run's charges can go into each partner's
 * own books (see docs/journals.md): codes in each partner's chart of
 * accounts, the host's income codes, each ledger's upload layout, how the
 * host invoices, and the VAT treatment. Loosely typed like the rest of the
 * model input; {@link prepareJournals} checks it all and reports every
 * problem at once.
 */
export interface JournalsInput {
  /** The partner's cost centre and account for each charged combination (most specific row wins). */
  readonly coding: readonly CodingInput[];
  /** The host's income codes and debtor account, one row per partner it invoices. */
  readonly hostCoding?: readonly HostCodingInput[];
  /** Per partner: its ledger layout, balance-sheet accounts, VAT status and invoicing. */
  readonly ledgers?: readonly LedgerInput[];
  /** Custom ledger layouts: one row per column, in upload order. */
  readonly columns?: readonly LedgerColumnInput[];
  /** VAT treatment per cost line; a line not listed is outside the scope. */
  readonly vat?: readonly VatLineInput[];
  /** The financial year journalled and invoiced ("2025/26"); blank means the model's first year. */
  readonly year?: string | null;
  /** Year-end settlements at 31 March: "creditor" (creditor/debtor accruals, the default) or "reserve". */
  readonly accrual?: string | null;
  /** The host's VAT output account (needed when any invoice bears VAT). */
  readonly hostVatAccount?: string | null;
  /** The host's earmarked reserve account (needed for accruals to a reserve). */
  readonly hostReserveAccount?: string | null;
}

/**
 * One coding row. Blank Line, Service, Category and Nature match anything;
 * a row naming the partner alone is its default. Where several rows match a
 * charge, the most specific wins: a line beats a service, which beats
 * neither; then a category, then a nature.
 */
export interface CodingInput {
  readonly partner: string;
  /** A cost line reference. */
  readonly line?: string | null;
  /** A service (group of lines), as the Costs table names it. */
  readonly service?: string | null;
  /** "capital" or "revenue". */
  readonly category?: string | null;
  /** "one-off" or "ongoing". */
  readonly nature?: string | null;
  readonly costCentre: string | null | undefined;
  readonly account: string | null | undefined;
}

/** The host's codes for the income it receives from one partner. */
export interface HostCodingInput {
  readonly partner: string;
  readonly costCentre?: string | null;
  /** The income account credited. */
  readonly account: string | null | undefined;
  /** The debtor account debited with the gross. */
  readonly debtor: string | null | undefined;
}

/** One partner's ledger: layout, balance-sheet codes, VAT status and how it is invoiced. */
export interface LedgerInput {
  readonly partner: string;
  /** A built-in layout ("generic", "oracle-fusion", "unit4") or a custom layout's name; blank means generic. */
  readonly layout?: string | null;
  /** The creditor (payables) account credited with the gross. */
  readonly creditor?: string | null;
  /** Where a section 33 body puts the VAT it recovers. */
  readonly vatAccount?: string | null;
  /** The partner's earmarked reserve account (accruals to a reserve). */
  readonly reserveAccount?: string | null;
  /** True (or yes) for a section 33 body: a council that recovers VAT. Blank means yes. */
  readonly section33?: boolean | string | null;
  /**
   * True (or yes) to post the expenditure journal by service: each year and
   * category's charge split onto the partner's own services exactly as the
   * Service recharges sheet splits it, each on its service's cost centre.
   * Blank means no (one debit per cost line, as before).
   */
  readonly byService?: boolean | string | null;
  readonly vatNumber?: string | null;
  /** "annual" (default), "quarterly" or "monthly", each in advance. */
  readonly frequency?: string | null;
  /** The first invoice's date; blank means 1 April of the year. */
  readonly firstInvoice?: DateInput | null;
  /** Days from invoice to due date; blank means 30. */
  readonly termsDays?: DecimalInput | null;
  /** Invoice number prefix; blank means the partner id and a hyphen. */
  readonly prefix?: string | null;
}

/** One column of a custom ledger layout. */
export interface LedgerColumnInput {
  /** The layout's name, as the Ledgers table names it. */
  readonly layout: string;
  readonly header: string;
  /** What goes in the column: see LEDGER_FIELDS in layouts.ts. */
  readonly field: string;
  /** The fixed text (field "fixed"), or the date format (field "date", e.g. DD/MM/YYYY). */
  readonly value?: string | null;
}

/** The VAT treatment of one cost line. */
export interface VatLineInput {
  readonly line: string;
  /** "outside the scope", "standard-rated", "zero-rated" or "exempt". */
  readonly treatment: string | null | undefined;
}
