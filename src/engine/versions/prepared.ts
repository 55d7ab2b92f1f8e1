// The prepared versions live with the prepared model (src/engine/prepared.ts), so no import goes round in a circle.
export type { DatedDriverValues, DatedMix, DatedShares, PreparedVersions, TrueUpRule, TrueUpTiming, TrueUpTolerance } from "../prepared";
