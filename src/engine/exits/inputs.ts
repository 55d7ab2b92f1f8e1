import type { DateInput } from "../dates";
import type { DecimalInput } from "../decimal";

/**
 * A partner leaving the partnership (docs/exits.md): when it gave notice and
 * the last day it is a member. It is charged as a member up to the later of
 * its leave date and the end of its notice period.
 */
export interface LeaverInput {
  /** The partner's id, as on the Partners table. */
  readonly partner: string;
  /** The day it gave notice (blank: no notice period is enforced). */
  readonly notice?: DateInput | null;
  /** The last day it is a member (inclusive). */
  readonly leaves: DateInput | null | undefined;
  /** Months of notice its agreement asks for (blank: the model's, else 12). */
  readonly noticeMonths?: DecimalInput | null;
  /** "contract end" or "leave date" (blank: the model's, else contract end): see {@link ExitsInput.committed}. */
  readonly committed?: string | null;
}

/** How a cost line behaves when a partner leaves. */
export interface ExitLineInput {
  /** The cost line's reference on the Costs table. */
  readonly line: string;
  /**
   * "stranded" (the cost does not fall: the remaining partners bear the
   * leaver's part) or "variable" (the cost falls with the leaver's part).
   */
  readonly onExit: string;
  /**
   * A stranded line under a committed contract: the contract's end date. The
   * leaver pays its share up to it (under the "contract end" rule).
   */
  readonly committedTo?: DateInput | null;
}

/** A one-off cost of leaving, charged to the leaver alone (separating systems, data extraction). */
export interface ExitCostInput {
  readonly partner: string;
  readonly description?: string;
  /** In pounds. */
  readonly amount: DecimalInput | null | undefined;
  /** The day it falls (blank: the leave date). */
  readonly date?: DateInput | null;
  /** "capital" or "revenue" (blank: revenue). */
  readonly category?: string | null;
}

/** Everything about leaving: the leavers, how each line behaves and the exit costs. */
export interface ExitsInput {
  readonly leavers: readonly LeaverInput[];
  readonly lines?: readonly ExitLineInput[];
  readonly costs?: readonly ExitCostInput[];
  /** Months of notice the agreement asks for (blank: 12). */
  readonly noticeMonths?: DecimalInput | null;
  /**
   * Who pays a committed contract after the leaver goes: "contract end" (blank:
   * the leaver pays its share to the contract's end date) or "leave date"
   * (the leaver pays nothing after it leaves; the remaining partners bear it).
   */
  readonly committed?: string | null;
  /**
   * The leaver whose exit the model's run applies (set by a "partnerLeaves"
   * scenario change, never read from a workbook): its run is the model after
   * that exit rather than as if every partner stayed.
   */
  readonly applied?: string | null;
}

/** The state of a disputed charge. */
export type DisputeStatus = "open" | "agreed" | "withdrawn" | "recovered";

/** The dispute statuses, in the order a dispute moves through them. */
export const DISPUTE_STATUSES: readonly DisputeStatus[] = ["open", "agreed", "withdrawn", "recovered"];

/**
 * A disputed charge (docs/exits.md): a partner disputes its charge on a line
 * in a year, or (status recovered) money recovered from a third party for a
 * line over one or more years.
 */
export interface DisputeInput {
  /** A reference for the dispute, e.g. "D-01". */
  readonly ref: string;
  /** The cost line disputed (blank, for a recovery only: every line of the years concerned). */
  readonly line?: string | null;
  /** The partner disputing (blank, for a recovery only: every partner that paid). */
  readonly partner?: string | null;
  /** The year disputed, or the first year concerned by a recovery ("2019/20"). */
  readonly year: string | null | undefined;
  /** A recovery only: the last year concerned (blank: the same year). */
  readonly toYear?: string | null;
  /** In pounds: the amount disputed, or recovered. */
  readonly amount: DecimalInput | null | undefined;
  readonly raisedOn?: DateInput | null;
  /** open, agreed, withdrawn or recovered. */
  readonly status: string | null | undefined;
  /** What was decided, in words. */
  readonly outcome?: string | null;
}
