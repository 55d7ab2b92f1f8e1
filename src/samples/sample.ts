import type { ModelInput } from "../engine";
import type { TemplateNotes } from "../excel";

/** A ready-made model built from the source documents, for "New model from a sample". */
export interface SampleModel {
  /** Stable id, e.g. "east-kent-housing". */
  readonly id: string;
  readonly title: string;
  /** One paragraph on what the sample shows. */
  readonly summary: string;
  /** Which source document it is built from. */
  readonly source: string;
  readonly model: ModelInput;
  /** Notes for the tables' Note columns: where each figure comes from, and which are illustrative. */
  readonly notes: TemplateNotes;
}
