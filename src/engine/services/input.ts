import type { DecimalInput } from "../decimal";

/**
 * One of a partner's own service lines (a row of the PartnerServices table):
 * the service its recharge is spread onto, the revenue outturn (RO) line or
 * SeRCOP service heading that service reports under, and the basis value it
 * is spread by. See docs/service-recharges.md.
 */
export interface PartnerServiceInput {
  /** The partner whose recharge is spread (a partner id, or a partner within another). */
  readonly partner: string;
  /** "2022/23"; blank means every year for which the partner has no rows of its own. */
  readonly year?: string | null;
  /** The partner's own service line, e.g. "Adult social care". Unique per partner and year. */
  readonly service: string;
  /** The RO line or SeRCOP service heading the service reports under, e.g. "Highways and transport services". */
  readonly heading: string;
  /** The partner's cost centre for the service (for journals); blank when not coded. */
  readonly costCentre?: string | null;
  /** What the basis value counts ("users", "FTE"); one partner's rows for a year must agree. Blank: not stated. */
  readonly measure?: string | null;
  /** The service's basis value, zero or more: only the proportions matter. */
  readonly value: DecimalInput | null | undefined;
}
