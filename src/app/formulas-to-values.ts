import type { SharedFormulasFound, WorkbookPort } from "../excel";
import { workbookProblems, type Problem } from "./problems";

/** What looking for the =SHARED formulas found. */
export type SharedFormulasLook =
  | { readonly kind: "none" }
  | { readonly kind: "found"; readonly found: SharedFormulasFound; readonly question: string }
  | { readonly kind: "failed"; readonly problems: readonly Problem[] };

/** What turning them into values did. */
export type ToValuesOutcome =
  | { readonly kind: "done"; readonly found: SharedFormulasFound; readonly message: string }
  | { readonly kind: "failed"; readonly problems: readonly Problem[] };

const plural = (n: number, one: string, many: string = `${one}s`): string => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** Where the formulas are, in words: "Workings (4) and Notes (1)". */
function sheetsText(found: SharedFormulasFound): string {
  const items = found.sheets.map((s) => `${s.sheet} (${s.formulas})`);
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

/**
 * The confirmation to ask before turning formulas into values: how many
 * formulas and cells on how many sheets (named), that nothing else changes,
 * what becomes of error values, and that it cannot be undone.
 */
export function toValuesQuestion(found: SharedFormulasFound): string {
  const spilled = found.cells - found.formulas;
  return (
    `Replace ${plural(found.formulas, "=SHARED formula")} on ${plural(found.sheets.length, "sheet")} (${sheetsText(found)}) with ` +
    `the values they show: ${plural(found.cells, "cell")} will change` +
    (spilled > 0 ? ` (the formulas' own cells and ${plural(spilled, "cell")} their results spill into)` : "") +
    ". Other formulas, formats and cells stay as they are. " +
    (found.errors > 0 ? `${plural(found.errors, "cell shows", "cells show")} an error (such as #VALUE!), kept as text. ` : "") +
    "This cannot be undone: Excel's Undo does not reverse changes made by an add-in, so save a copy first if you will need " +
    "the formulas."
  );
}

/**
 * Looks for the workbook's =SHARED formulas, for a workbook to be sent to a
 * partner without the add-in (once Excel recalculates there, those cells show
 * #NAME?). Changes nothing; says what turning them into values would change.
 */
export async function findSharedFormulas(port: WorkbookPort): Promise<SharedFormulasLook> {
  const r = await port.findSharedFormulas();
  if (!r.ok) return { kind: "failed", problems: workbookProblems(r.problems) };
  if (r.value.formulas === 0) return { kind: "none" };
  if (r.value.busy > 0) return { kind: "failed", problems: workbookProblems([{ kind: "stillCalculating", cells: r.value.busy }]) };
  return { kind: "found", found: r.value, question: toValuesQuestion(r.value) };
}

/**
 * Turns the =SHARED formulas confirmed into the values they show. The port
 * looks again first and changes nothing if they are no longer the ones
 * confirmed (counted the same) or are still calculating.
 */
export async function sharedFormulasToValues(port: WorkbookPort, confirmed: SharedFormulasFound): Promise<ToValuesOutcome> {
  const r = await port.sharedFormulasToValues({ formulas: confirmed.formulas, cells: confirmed.cells });
  if (!r.ok) return { kind: "failed", problems: workbookProblems(r.problems) };
  return {
    kind: "done",
    found: r.value,
    message:
      `Replaced ${plural(r.value.formulas, "=SHARED formula")} (${plural(r.value.cells, "cell")}) on ` +
      `${plural(r.value.sheets.length, "sheet")} with their values. Save the workbook under a new name to send it on.`,
  };
}
