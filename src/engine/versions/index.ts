// Agreement versions and true-up (docs/versions.md).
export type { BasisVersionInput, TrueUpInput, TrueUpToleranceInput } from "./input";
export type { PreparedVersions, TrueUpRule, TrueUpTolerance, TrueUpTiming } from "./prepared";
export { versionsText, shortDate, type LineVersion } from "./text";
export { driverStatus } from "./validate-versions";
