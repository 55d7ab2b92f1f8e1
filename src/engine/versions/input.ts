import type { DateInput } from "../dates";
import type { DecimalInput } from "../decimal";

/**
 * A later version of a percentages or mix basis of the model (docs/versions.md):
 * the inter-authority agreement re-based with effect from a date. The basis's
 * own figures (on `bases`) hold until the first version's Valid from date;
 * each version holds from its date until the next version's.
 */
export interface BasisVersionInput {
  /** The id of a percentages or mix basis on `bases`. */
  readonly basis: string;
  /** The first day the version holds (inclusive). */
  readonly validFrom: DateInput | null | undefined;
  /** A percentages basis: percent per partner, totalling 100. */
  readonly shares?: readonly { readonly partner: string; readonly percent: DecimalInput | null | undefined }[];
  /** A mix: its components and weights, totalling 100. */
  readonly components?: readonly { readonly source: string; readonly weight: DecimalInput | null | undefined }[];
}

/** How far a partner's share may move on actual drivers before the line is trued up. */
export interface TrueUpToleranceInput {
  /** Percentage points of a partner's share (3 means a share may move from 40% to 43%). */
  readonly points?: DecimalInput | null;
  /** Relative percent of a partner's share (10 means a 40% share may move to 44%). */
  readonly percent?: DecimalInput | null;
}

/** The true-up rule (docs/versions.md): a tolerance for the model, per basis if need be, and when an adjustment falls. */
export interface TrueUpInput {
  /** The model's tolerance; blank on both: any movement is trued up. */
  readonly tolerance?: TrueUpToleranceInput;
  /**
   * A tolerance and timing for one basis (its reference, e.g. "driver:users" or "HR split"), overriding the model's:
   * blank points and percent keep the model's tolerance, a blank timing the model's timing.
   */
  readonly byBasis?: readonly ({ readonly basis: string; readonly timing?: string | null } & TrueUpToleranceInput)[];
  /** "same year" (default): the adjustment is a line of the year trued up; "next year": a one-off line of the year after. */
  readonly timing?: string | null;
}
