import type { FinancialYear } from "./financial-year";
import type { Category, Nature } from "./model";
import type { Pence } from "./money";

/**
 * One partner's charge for one cost line in one year, with the line's
 * service: the flat form the budget check, the year-end settlement and the
 * scenario comparisons all read. It does not point back into an
 * `ApportionResult` (unlike `Charge`), because a partner within another
 * partner's share has charges that no line-year of the core result holds.
 */
export interface ChargeRow {
  readonly lineRef: string;
  readonly partner: string;
  readonly year: FinancialYear;
  readonly yearLabel: string;
  readonly category: Category;
  readonly nature: Nature;
  /** The cost line's service ("" when the line names none). */
  readonly service: string;
  readonly amount: Pence;
}
