import type { JournalsReport, Result } from "../engine";
import { runJournals, type RunOutputs } from "../excel";
import { engineProblems, type Locate, type Problem } from "./problems";

/**
 * The run's journals and invoices (docs/journals.md), or undefined for a
 * model without journals inputs. Every line carries the run's reference: the
 * inputs fingerprint's first digits from its stamp (or "unrecorded" for a
 * run that is not stamped), so a ledger line leads back to the Run log.
 */
export function journalsOfRun(outputs: RunOutputs): Result<JournalsReport> | undefined {
  // The Journals sheet lays out the same report, so the workbook and the CSVs agree to the penny.
  return runJournals(outputs);
}

/** Journals errors as problems, each located at its cell (the coding row, the cost line, the ledger row). */
export function journalsProblems(result: Result<JournalsReport>, locate: Locate | undefined): Problem[] {
  return result.ok ? [] : engineProblems(result.errors, locate, "error", "journals");
}
