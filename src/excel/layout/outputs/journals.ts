import {
  buildJournals,
  errorMessage,
  isoDate,
  runReference,
  VAT_TREATMENT_NAMES,
  type JournalsReport,
  type ModelBudgetReport,
  type ModelRun,
  type Result,
} from "../../../engine";
import type { Block, CellValue, SheetSpec } from "../cells";
import { MONEY_FORMAT, TEXT_FORMAT } from "../names";
import { outputSheet, pounds, tableBlocks } from "./common";

/**
 * What the journals read of a run's outputs (a part of `RunOutputs`, named
 * here so this file need not import the outputs index, which imports it).
 */
export interface JournalsOutputs {
  readonly run: ModelRun;
  readonly budget?: Pick<ModelBudgetReport, "yearEnd">;
  readonly stamp?: { readonly fingerprint: string };
}

const KIND_WORDS = { expenditure: "Expenditure", income: "Income", accrual: "Year-end accrual" } as const;

/** The Journals sheet's tables' headers (docs/journals.md). */
export const JOURNAL_CONTROL_HEADERS = [
  "Partner",
  "Section 33",
  "Allocations (£)",
  "Journal net (£)",
  "VAT (£)",
  "Gross (£)",
  "Irrecoverable VAT (£)",
  "Accrued at 31 March (£)",
] as const;
export const JOURNAL_LINE_HEADERS = [
  "Journal",
  "Ledger",
  "Kind",
  "Date",
  "Cost centre",
  "Account",
  "Debit (£)",
  "Credit (£)",
  "Description",
] as const;
export const INVOICE_LINE_HEADERS = [
  "Invoice",
  "Date",
  "Due",
  "Partner",
  "Line",
  "VAT treatment",
  "Net (£)",
  "VAT (£)",
  "Gross (£)",
] as const;

/** The run's journals, as the command line's CSVs make them: the same reference, the same figures. */
export function runJournals(outputs: JournalsOutputs): Result<JournalsReport> | undefined {
  const input = outputs.run.model.journals;
  if (input === undefined) return undefined;
  return buildJournals(outputs.run, input, runReference(outputs.stamp?.fingerprint), outputs.budget?.yearEnd ?? outputs.run.yearEnd);
}

/**
 * The Journals sheet: each partner's control (its Allocations total, the net
 * its journal posts, VAT, gross, VAT it cannot recover, year-end accrual),
 * every journal line in every ledger (debits and credits) and every invoice
 * line. Written only for a model with journals inputs; when they cannot be
 * made (a charge without a code) it says why instead of showing figures.
 */
export function journalsSheet(outputs: JournalsOutputs): SheetSpec | undefined {
  const made = runJournals(outputs);
  if (made === undefined) return undefined;
  if (!made.ok) {
    return outputSheet("journals", {
      blocks: [
        { row: 0, col: 0, values: [["Journals and invoices: not made"]], style: "title" },
        { row: 1, col: 0, values: made.errors.map((e) => [errorMessage(e)]), style: "note" },
      ],
      freezeRows: 0,
      columnWidths: [700],
    });
  }
  const r = made.value;
  const blocks: Block[] = [
    { row: 0, col: 0, values: [[`Journals and invoices for ${r.yearLabel}, reference ${r.reference}`]], style: "title" },
    {
      row: 1,
      col: 0,
      values: [
        [`Host: ${r.host} (its own share, ${pounds(r.hostRetained).toFixed(2)}, is its service's net cost: not journalled).`],
        ["Every journal balances and its net equals the partner's total in Allocations; see docs/journals.md."],
      ],
      style: "note",
    },
  ];
  const money = (p: number): CellValue => pounds(p);
  const controls = tableBlocks(
    "JournalControls",
    4,
    JOURNAL_CONTROL_HEADERS,
    r.controls.map((c) => [
      c.partner,
      c.section33 ? "Yes" : "No",
      money(c.allocations),
      money(c.journal),
      money(c.vat),
      money(c.gross),
      money(c.irrecoverableVat),
      money(c.accrued),
    ]),
    [TEXT_FORMAT, TEXT_FORMAT, ...Array<string>(6).fill(MONEY_FORMAT)],
  );
  const linesAt = 4 + controls.bodyRows + 2;
  const lines = tableBlocks(
    "JournalLines",
    linesAt,
    JOURNAL_LINE_HEADERS,
    r.journals.flatMap((j) =>
      j.lines.map((l) => [
        j.id,
        j.ledger,
        KIND_WORDS[j.kind],
        isoDate(j.date),
        l.costCentre,
        l.account,
        l.amount > 0 ? money(l.amount) : "",
        l.amount < 0 ? money(-l.amount) : "",
        l.description,
      ]),
    ),
    [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, MONEY_FORMAT, MONEY_FORMAT, TEXT_FORMAT],
  );
  const invoicesAt = linesAt + lines.bodyRows + 2;
  const invoices = tableBlocks(
    "InvoiceLines",
    invoicesAt,
    INVOICE_LINE_HEADERS,
    r.invoices.flatMap((s) =>
      s.invoices.flatMap((inv) =>
        inv.lines.map((l) => [
          inv.number,
          isoDate(inv.date),
          isoDate(inv.due),
          s.partner,
          l.line,
          VAT_TREATMENT_NAMES[l.treatment],
          money(l.net),
          money(l.vat),
          money(l.gross),
        ]),
      ),
    ),
    [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT],
  );
  return outputSheet("journals", {
    blocks: [...blocks, ...controls.blocks, ...lines.blocks, ...invoices.blocks],
    tables: [controls.table, lines.table, invoices.table],
    freezeRows: 0,
    columnWidths: [150, 60, 90, 70, 80, 70, 75, 75, 220],
  });
}

/** What the Journals sheet says when the latest run has no journals inputs. */
export function journalsRetiredSheet(): SheetSpec {
  return outputSheet("journals", {
    blocks: [
      { row: 0, col: 0, values: [["Journals and invoices: none in the latest run"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "The model has no coding or ledgers (the Coding and Ledgers sheets), so there are no journals. This sheet held an " +
              "earlier run's journals; they were removed so they cannot be taken for the latest run's (see the Run log).",
          ],
        ],
        style: "note",
      },
    ],
    freezeRows: 0,
    columnWidths: [400],
  });
}
