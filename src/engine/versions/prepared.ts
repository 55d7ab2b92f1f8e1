import type { PreparedVersions } from "../prepared";

export type { DatedDriverValues, DatedMix, DatedShares, PreparedVersions, TrueUpRule, TrueUpTiming, TrueUpTolerance } from "../prepared";

/** True when the versions hold nothing: the model runs as if it had none. */
export function noVersions(v: PreparedVersions): boolean {
  return v.percentages.size === 0 && v.mixes.size === 0 && v.drivers.size === 0 && v.actuals.size === 0;
}
