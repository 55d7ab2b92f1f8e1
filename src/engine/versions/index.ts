// Agreement versions and true-up (docs/versions.md).
export type { BasisVersionInput, TrueUpInput, TrueUpToleranceInput } from "./input";
export type { PreparedVersions, TrueUpRule, TrueUpTolerance, TrueUpTiming } from "./prepared";
export { versionsText, shortDate, type LineVersion } from "./text";
export { driverStatus, versionKey } from "./validate-versions";
export {
  trueUpOf,
  trueUpLines,
  toleranceText,
  withinTrueUpTolerance,
  TRUE_UP_PREFIX,
  type TrueUpReport,
  type TrueUpLine,
  type TrueUpRow,
} from "./true-up";
