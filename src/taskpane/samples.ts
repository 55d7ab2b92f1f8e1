import type { SampleModel } from "../samples";
import type { SampleChoice } from "./services";

/** The Start screen's choices: each of the workbook layer's samples, then an empty model. */
export function sampleChoices(samples: readonly SampleModel[]): SampleChoice[] {
  return [
    ...samples.map((s) => ({ id: s.id, label: s.title, description: s.summary, model: s.model, notes: s.notes })),
    { id: "empty", label: "Empty model", description: "The input tables with headers only, ready to fill in.", model: undefined },
  ];
}
