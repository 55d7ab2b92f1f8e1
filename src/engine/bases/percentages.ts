import { Decimal } from "../decimal";
import { ok } from "../result";
import type { BasisChoiceModel, BasisKind, WordsContext } from "./kind";

/** Fixed percentages per partner, defined on the Bases sheet (an inter-authority agreement's shares). */
export interface PercentagesRef {
  readonly kind: "percentages";
  readonly id: string;
}

const ZERO = new Decimal(0);

/**
 * A named basis (percentages or a mix) in words: its label, or `Percentages "<id>"` when it has none; the id
 * alone (the engine's label) when the model does not define it.
 */
export function namedBasisWords(id: string, c: WordsContext): string {
  const basis = (c.model.bases ?? []).find((b) => b.id.trim() === id);
  if (basis === undefined) return c.label;
  const label = basis.label?.trim();
  return `${label === undefined || label === "" ? `Percentages "${id}"` : label}${c.fellBack}`;
}

/** The named bases of one kind as drop-down entries, at their place among all the named bases. */
export function namedBasisChoices(
  model: BasisChoiceModel,
  kind: "percentages" | "mix",
  word: string,
): { value: string; text: string; at: number }[] {
  return (model.bases ?? []).flatMap((b, at) => (b.kind === kind ? [{ value: b.id, text: `${word}: ${b.label ?? b.id}`, at }] : []));
}

/** A percentages basis, named by its id. */
export const PERCENTAGES: BasisKind<PercentagesRef> = {
  kind: "percentages",
  syntax: { bare: { rank: 1, read: (text, known) => (known.percentages.has(text) ? { kind: "percentages", id: text } : undefined) } },
  text: (ref) => ref.id,
  words: (ref, c) => namedBasisWords(ref.id, c),
  choices: (model) => namedBasisChoices(model, "percentages", "Percentages"),
  resolve: (ref, ctx) => {
    const set = ctx.data.percentages.get(ref.id);
    return ok({ by: "figures", figures: { values: ctx.partners.map((p) => set?.get(p) ?? ZERO), label: `Percentages "${ref.id}"` } });
  },
  mixExample: "a percentages basis",
  percentFigures: true,
  withinFigure: (ref, w) => w.percentages.get(ref.id),
};
