import {
  CHANGE_SPLIT_RULE,
  fyLabel,
  methodologyPaper,
  partnerNames,
  type MethodologyGroup,
  type MethodologyPaper,
  type ModelInput,
} from "../engine";
import { basisInWords, outputsPaper, type RunOutputs, type WorkbookPort } from "../excel";
import { ENGINE, type EngineApi } from "./engine-api";
import { shortFingerprint } from "./fingerprint";
import { whenText } from "./run-record";
import { checkRecordedRun, differenceLine } from "./verify";

/** The methodology paper of a run's outputs: the one `--against` made, else the run's second year against its first. */
export function methodologyOf(outputs: RunOutputs): MethodologyPaper | undefined {
  return outputsPaper(outputs);
}

/** A paper against another workbook's signed-off run, with where that run came from in words; or why not. */
export type AgainstOutcome =
  { readonly ok: true; readonly paper: MethodologyPaper; readonly against: string } | { readonly ok: false; readonly message: string };

/** How many differing cells a refusal names. */
const NAMED = 3;

/**
 * The methodology paper of this run's first year against the year before it
 * in another workbook: last year's, written and signed off by this product.
 * Its run is taken only when it can be trusted exactly: the run its Run log
 * records is recomputed from the inputs beside it and every output cell
 * compared (as `--verify` does), and a sign-off of that very run (same inputs
 * fingerprint) must be in its Run log. Last year's figures are that
 * recomputation, which the check has just shown to be the figures on its
 * pages. Refused, with the reason, when its inputs changed since its run,
 * its results do not verify, its run is not signed off, or it does not cover
 * the year before this run's first year.
 */
export async function paperAgainst(
  current: RunOutputs,
  port: WorkbookPort,
  shown: string,
  engine: EngineApi = ENGINE,
): Promise<AgainstOutcome> {
  const refused = (why: string): AgainstOutcome => ({ ok: false, message: `${shown} cannot be compared against: ${why}` });
  const { outcome, recomputed } = await checkRecordedRun(port, engine);
  if (outcome.kind === "cannotVerify") return refused(outcome.reason);
  if (outcome.kind === "differs" || recomputed === undefined) {
    const diffs = outcome.kind === "differs" ? outcome.differences : [];
    const missing = outcome.kind === "differs" ? outcome.missingSheets : [];
    const named = diffs.slice(0, NAMED).map(differenceLine).join("; ") + (diffs.length > NAMED ? "; …" : "");
    return refused(
      `its results do not verify (${[
        ...(diffs.length > 0 ? [`${diffs.length} cell${diffs.length === 1 ? "" : "s"} differ from the recomputation: ${named}`] : []),
        ...(missing.length > 0 ? [`missing sheets: ${missing.join(", ")}`] : []),
      ].join("; ")}). Run it again and have it signed off, or compare against the file that was signed off.`,
    );
  }
  const { run, session, outputs } = recomputed;
  const signed = [...session.read.runLog].reverse().find((e) => e.event === "sign-off" && e.fingerprint === run.fingerprint);
  if (signed === undefined)
    return refused(
      `its run of ${whenText(run.at)} is not signed off. Compare against the workbook the s151 officer signed off ` +
        `(shared-apportion <file> --sign-off "Name, Role" records it).`,
    );
  const year = current.run.result.settings.firstYear;
  const other = outputs.run.result.settings;
  if (year - 1 < other.firstYear || year - 1 > other.lastYear)
    return refused(
      `it covers ${fyLabel(other.firstYear)} to ${fyLabel(other.lastYear)}, not ${fyLabel(year - 1)}, the year before this ` +
        `run's first year (${fyLabel(year)}).`,
    );
  const paper = methodologyPaper(
    { model: current.run.model, result: current.run.result, year },
    { model: outputs.run.model, result: outputs.run.result, year: year - 1 },
  );
  return {
    ok: true,
    paper,
    against:
      `the run of ${whenText(run.at)} in ${shown} (inputs ${shortFingerprint(run.fingerprint)}), signed off by ${signed.by} on ` +
      `${signed.at.slice(0, 10)}, recomputed from its inputs and verified cell by cell`,
  };
}

/** A group of the paper's basis in words ("50% User accounts (driver) + 50% Service desk tickets (driver)"), as every output says it. */
export function paperBasisWords(group: MethodologyGroup, model: ModelInput): string {
  return basisInWords(group, model, partnerNames(model));
}

/** How a partner's change is split into a change of cost and a change of share, in words (the engine's rule). */
export const PAPER_RULE = CHANGE_SPLIT_RULE;
