/**
 * Sample models for "New model from a sample", built from the source
 * documents in docs/domain.md, and a synthetic model generator for tests and
 * benchmarks. Pure data: no Office.js.
 */
export type { SampleModel } from "./sample";
export { EAST_KENT_HOUSING } from "./east-kent-housing";
export { EAST_KENT_SERVICES } from "./east-kent-services";
export { ONESOURCE } from "./onesource";
export { BRENT_LEWISHAM_SOUTHWARK } from "./brent-lewisham-southwark";
export { HR_AGREEMENT } from "./hr-agreement";
export { SCALE_DEFAULTS, SCALE_LIMITS, syntheticModel, syntheticScaleModel, type ScaleOptions, type SyntheticOptions } from "./synthetic";

import { BRENT_LEWISHAM_SOUTHWARK } from "./brent-lewisham-southwark";
import { EAST_KENT_HOUSING } from "./east-kent-housing";
import { EAST_KENT_SERVICES } from "./east-kent-services";
import { ONESOURCE } from "./onesource";
import { HR_AGREEMENT } from "./hr-agreement";
import type { SampleModel } from "./sample";

/** The samples, in the order offered to users. */
export const SAMPLES: readonly SampleModel[] = [EAST_KENT_HOUSING, ONESOURCE, BRENT_LEWISHAM_SOUTHWARK, EAST_KENT_SERVICES, HR_AGREEMENT];

/** A sample by id, or undefined. */
export function sampleById(id: string): SampleModel | undefined {
  return SAMPLES.find((s) => s.id === id);
}
