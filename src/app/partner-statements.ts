import { partnerNames } from "../engine";
import {
  partnerStatementParts,
  partnerStatementSheet,
  prepareStatements,
  type RunOutputs,
  type SheetSpec,
  type StatementParts,
} from "../excel";

/** One partner's statement, laid out when asked for. */
export interface PartnerStatement {
  /** The partner's id. */
  readonly partner: string;
  /** The statement sheet (plain values holding only this partner's figures), laid out on each call. */
  readonly sheet: () => SheetSpec;
  /**
   * The same statement with its charges by cost line apart, each line laid out only when it is read: for a writer
   * that puts the lines' rows in the file one at a time (a statement of a 10,000-line model has 100,000 of them).
   */
  readonly parts: () => StatementParts;
}

/**
 * Every partner's recharge statement of a run (partners within others included), in the model's order, for a
 * client that writes each to a file of its own (the command line's `--statements`). What the statements share
 * (each partner's charges, the line-years, every basis in words) is worked out once for all of them, and each sheet
 * is laid out only when its file is written, so a client holds one laid-out statement at a time.
 */
export function partnerStatements(outputs: RunOutputs): PartnerStatement[] {
  const prepared = prepareStatements(outputs);
  return [...partnerNames(outputs.run.model).keys()].map((partner) => ({
    partner,
    sheet: () => partnerStatementSheet(outputs, partner, prepared),
    parts: () => partnerStatementParts(outputs, partner, prepared),
  }));
}
