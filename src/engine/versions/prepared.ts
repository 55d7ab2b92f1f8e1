import type { DayNumber } from "../dates";
import type { Decimal } from "../decimal";
import type { FinancialYear } from "../financial-year";
import type { MixComponent } from "../prepared";

/** A percentages basis as re-based from a date. */
export interface DatedShares {
  readonly from: DayNumber;
  readonly shares: ReadonlyMap<string, Decimal>;
}

/** A mix as re-weighted from a date. */
export interface DatedMix {
  readonly from: DayNumber;
  readonly components: readonly MixComponent[];
}

/** Driver values that hold from a date, by year (`undefined` key = every year) and partner. */
export interface DatedDriverValues {
  readonly from: DayNumber;
  readonly byYear: ReadonlyMap<FinancialYear | undefined, ReadonlyMap<string, Decimal>>;
}

/** A true-up tolerance: percentage points of a share, relative percent of it, or both (a move must be within both). */
export interface TrueUpTolerance {
  readonly points?: Decimal;
  readonly percent?: Decimal;
}

/** When a true-up adjustment falls. */
export type TrueUpTiming = "same year" | "next year";

/** The validated true-up rule. */
export interface TrueUpRule {
  readonly tolerance: TrueUpTolerance;
  /** By basis reference as the lines write it ("driver:users", "HR split"). */
  readonly byBasis: ReadonlyMap<string, TrueUpTolerance>;
  readonly timing: TrueUpTiming;
}

/** The model's dated versions and actual drivers, validated (docs/versions.md). */
export interface PreparedVersions {
  /** Later versions of percentages bases, by basis id, in date order (the basis's own figures hold before the first). */
  readonly percentages: ReadonlyMap<string, readonly DatedShares[]>;
  /** Later versions of mixes, by basis id, in date order. */
  readonly mixes: ReadonlyMap<string, readonly DatedMix[]>;
  /** Dated driver values, by driver id, in date order. */
  readonly drivers: ReadonlyMap<string, readonly DatedDriverValues[]>;
  /** Actual driver values: driver id → year → partner → value. */
  readonly actuals: ReadonlyMap<string, ReadonlyMap<FinancialYear, ReadonlyMap<string, Decimal>>>;
  readonly trueUp: TrueUpRule;
}

/** True when the versions hold nothing: the model runs as if it had none. */
export function noVersions(v: PreparedVersions): boolean {
  return v.percentages.size === 0 && v.mixes.size === 0 && v.drivers.size === 0 && v.actuals.size === 0;
}
