import type { Journal, JournalsReport } from "../engine";
import { ledgerSheetNames } from "../excel";

// The task pane's review of the journals, apart from journals.ts so that it loads with the Budget screen, not with the
// pane's first paint.

/** One journal as the task pane reviews it: its totals, whether it balances and ties, and the sheet that holds it. */
export interface JournalReview {
  readonly journal: Journal;
  /** The ledger sheet the run writes it to ("Ledger – LEW expenditure"): Save As CSV gives the upload file. */
  readonly sheet: string;
  readonly balanced: boolean;
  /**
   * What its control must equal: the partner's Allocations total for the year (an expenditure journal), the
   * other partners' totals (the host's income journal); undefined for year-end accruals, which post a
   * settlement rather than the year's charges.
   */
  readonly allocations: number | undefined;
  /** The control equals the Allocations figure (undefined where there is none to tie to). */
  readonly tied: boolean | undefined;
}

/** Each journal of the report with its checks and its ledger sheet's name, in the report's order. */
export function journalReviews(report: JournalsReport): JournalReview[] {
  const sheets = ledgerSheetNames(report.journals);
  const others = report.controls.reduce((a, c) => a + c.allocations, 0);
  return report.journals.map((j, i) => {
    const allocations =
      j.kind === "expenditure"
        ? report.controls.find((c) => c.partner === j.ledger)?.allocations
        : j.kind === "income"
          ? others
          : undefined;
    return {
      journal: j,
      sheet: sheets[i] as string,
      balanced: j.debits === j.credits,
      allocations,
      tied: allocations === undefined ? undefined : j.control === allocations,
    };
  });
}
