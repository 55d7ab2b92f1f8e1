/** Exit codes. */
export const EXIT = { ok: 0, problems: 1, usage: 2, file: 3, internal: 70 } as const;

/** What a command tells the user, as the command-line front end prints it. */
export interface Outcome {
  readonly code: number;
  /** Lines for stdout (results, or JSON). */
  readonly out?: readonly string[];
  /** Lines for stderr (problems, notes). */
  readonly err?: readonly string[];
}
