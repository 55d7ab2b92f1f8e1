import { SAMPLES } from "../samples";
import { sampleChoices } from "./samples";
import type { SampleChoice } from "./services";

/** The samples the pane in Excel offers, in a module of their own: index.tsx loads it when the Start screen first shows. */
export function sampleList(): readonly SampleChoice[] {
  return sampleChoices(SAMPLES);
}
