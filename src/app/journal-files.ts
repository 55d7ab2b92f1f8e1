import { isoDate, penceToText, VAT_TREATMENT_NAMES, type Journal, type JournalsReport } from "../engine";
import { journalGrid } from "../excel";
import { csvText, type CsvOptions } from "./csv";

// The command line's journal and invoice files and --json section, apart from journals.ts so that the task pane's
// first load (which checks models through journals.ts) does not carry them.

/** A CSV file to write: its name (within the folder asked for) and its text. */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/** A journal's rows in its ledger's layout: the header row first unless the layout is read by position (the ledger sheet's cells). */
export function journalRows(j: Journal): string[][] {
  return journalGrid(j);
}

/** A partner id made safe in a file name: anything but letters, digits, dot, hyphen and underscore becomes "_". */
function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\./, "_");
}

const KIND_WORDS: Readonly<Record<Journal["kind"], string>> = { expenditure: "expenditure", income: "income", accrual: "accruals" };

/** One CSV per journal: `<ledger>-<year>-expenditure.csv`, the host's `-income.csv`, and `-accruals.csv` at year end. */
export function journalCsvFiles(report: JournalsReport, options: CsvOptions = {}): CsvFile[] {
  return report.journals.map((j) => ({
    name: `${safe(j.ledger)}-${j.year}-${KIND_WORDS[j.kind]}.csv`,
    text: csvText(journalRows(j), options),
  }));
}

/** The invoice schedule's columns: one row per invoice line. */
export const INVOICE_HEADERS = [
  "Invoice number",
  "Instalment",
  "Invoice date",
  "Due date",
  "Partner",
  "Partner VAT number",
  "Cost line",
  "Description",
  "VAT treatment",
  "Net",
  "VAT",
  "Gross",
  "Reference",
] as const;

/**
 * One CSV per partner invoiced (`<partner>-<year>-invoices.csv`) and the
 * host's of them all (`<host>-<year>-sales-invoices.csv`): a row per invoice
 * line, net, VAT and gross to the penny.
 */
export function invoiceCsvFiles(report: JournalsReport, options: CsvOptions = {}): CsvFile[] {
  const all: string[][] = [];
  const files: CsvFile[] = [];
  for (const s of report.invoices) {
    const rows = s.invoices.flatMap((inv) =>
      inv.lines.map((l) => [
        inv.number,
        String(inv.instalment),
        isoDate(inv.date),
        isoDate(inv.due),
        s.partner,
        s.vatNumber,
        l.line,
        l.description,
        VAT_TREATMENT_NAMES[l.treatment],
        penceToText(l.net),
        penceToText(l.vat),
        penceToText(l.gross),
        s.reference,
      ]),
    );
    all.push(...rows);
    files.push({ name: `${safe(s.partner)}-${report.year}-invoices.csv`, text: csvText([[...INVOICE_HEADERS], ...rows], options) });
  }
  files.push({ name: `${safe(report.host)}-${report.year}-sales-invoices.csv`, text: csvText([[...INVOICE_HEADERS], ...all], options) });
  return files;
}

/** The `journals` section of `--json`: each journal's totals and each partner's control, in pounds as text. */
export function journalsJson(report: JournalsReport): unknown {
  return {
    year: report.yearLabel,
    reference: report.reference,
    host: report.host,
    hostRetained: penceToText(report.hostRetained),
    accrual: report.accrual,
    journals: report.journals.map((j) => ({
      id: j.id,
      ledger: j.ledger,
      kind: j.kind,
      date: isoDate(j.date),
      layout: j.layout.id,
      lines: j.lines.length,
      debits: penceToText(j.debits),
      credits: penceToText(j.credits),
      control: penceToText(j.control),
      vat: penceToText(j.vat),
    })),
    controls: report.controls.map((c) => ({
      partner: c.partner,
      section33: c.section33,
      allocations: penceToText(c.allocations),
      journal: penceToText(c.journal),
      vat: penceToText(c.vat),
      gross: penceToText(c.gross),
      irrecoverableVat: penceToText(c.irrecoverableVat),
      accrued: penceToText(c.accrued),
    })),
    invoices: report.invoices.map((s) => ({
      partner: s.partner,
      frequency: s.frequency,
      net: penceToText(s.net),
      vat: penceToText(s.vat),
      gross: penceToText(s.gross),
      instalments: s.invoices.map((i) => ({
        number: i.number,
        date: isoDate(i.date),
        net: penceToText(i.net),
        vat: penceToText(i.vat),
        gross: penceToText(i.gross),
      })),
    })),
  };
}
