import { partnerNames } from "../engine";
import type { RunOutputs, WorkbookPort } from "../excel";
import { workbookProblems, type Problem } from "./problems";
import type { WriteOutcome, WriteResultsOptions } from "./write-results";

/** Which partners' statements to write: every partner of the run, or one. */
export type StatementChoice = { readonly kind: "all" } | { readonly kind: "partner"; readonly partner: string };

/**
 * The partners a choice covers, in the run's order (partners within others
 * included), or the problem when the partner chosen is not one of the run's.
 */
export function statementPartners(
  outputs: RunOutputs,
  choice: StatementChoice,
): { ok: true; partners: string[] } | { ok: false; problem: Problem } {
  const ids = [...partnerNames(outputs.run.model).keys()];
  if (choice.kind === "all") return { ok: true, partners: ids };
  if (ids.includes(choice.partner)) return { ok: true, partners: [choice.partner] };
  return {
    ok: false,
    problem: {
      key: "statement:partner",
      severity: "error",
      message: `"${choice.partner}" is not a partner of this run (its partners are ${ids.join(", ")}): no statement was written.`,
    },
  };
}

/**
 * Writes recharge statement sheets into the workbook for a chosen partner, or
 * for all: one sheet per partner ("Statement – LEW"), the same layout as the
 * command line's `--statements` files (plain values holding only that
 * partner's figures), written as the add-in's own sheets. Only a recorded run
 * (its outputs written, so stamped with its time and inputs fingerprint) is
 * stated, so a statement always names the run it comes from. A user's sheet of
 * a statement's name stops the write; an earlier statement sheet edited by
 * hand is replaced only with consent (`replaceEdited`).
 */
export async function writeStatementSheets(
  port: WorkbookPort,
  outputs: RunOutputs,
  choice: StatementChoice,
  options: WriteResultsOptions = {},
): Promise<WriteOutcome> {
  if (outputs.stamp === undefined)
    return {
      kind: "failed",
      problems: [
        {
          key: "statement:unrecorded",
          severity: "error",
          message: "Write the results first: a statement is of a recorded run, and these results have not been written.",
        },
      ],
    };
  const chosen = statementPartners(outputs, choice);
  if (!chosen.ok) return { kind: "failed", problems: [chosen.problem] };
  const r = await port.writeStatements(outputs, chosen.partners, {
    ...(options.replaceEdited === undefined ? {} : { replaceEdited: options.replaceEdited }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  if (r.ok) return { kind: "written", report: r.value };
  const shown = workbookProblems(r.problems);
  const edited = r.problems.find((p) => p.kind === "outputsEdited");
  if (options.replaceEdited !== true && edited !== undefined && edited.kind === "outputsEdited")
    return { kind: "needsConsent", sheets: edited.sheets, problems: shown };
  return { kind: r.problems.some((p) => p.kind === "cancelled") ? "cancelled" : "failed", problems: shown };
}
