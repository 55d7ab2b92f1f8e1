/**
 * What the last run used beyond the model itself, kept in the Settings table
 * so that reopening the workbook and running again reproduces it exactly.
 * Blank names mean the base model.
 */
export interface RunSettings {
  /** The scenario the run applies ("" for the base model). */
  readonly scenario: string;
  /** First side of the scenario comparison ("" for the base model). */
  readonly compareFirst: string;
  /** Second side of the scenario comparison ("" for none; several, comma-separated, are compared side by side with the base). */
  readonly compareSecond: string;
  /**
   * Who prepares the runs, recorded in the Run log (the Settings table's
   * "Prepared by"). Written only when given; reading it gives `ModelTables.preparedBy`.
   */
  readonly preparedBy?: string;
}
