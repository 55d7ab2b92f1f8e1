import { ok } from "../result";
import type { BasisKind } from "./kind";
import { namedBasisChoices, namedBasisWords } from "./percentages";

/** A weighted mix of other bases (40% equal + 60% users), defined on the Bases sheet. */
export interface MixRef {
  readonly kind: "mix";
  readonly id: string;
}

/** A mix, named by its id: each part resolved in turn and combined exactly by its weight. */
export const MIX: BasisKind<MixRef> = {
  kind: "mix",
  syntax: { bare: { rank: 2, read: (text, known) => (known.mixes.has(text) ? { kind: "mix", id: text } : undefined) } },
  text: (ref) => ref.id,
  words: (ref, c) => namedBasisWords(ref.id, c),
  choices: (model) => namedBasisChoices(model, "mix", "Mix"),
  resolve: (ref, ctx) => ok({ by: "parts", parts: ctx.data.mixes.get(ref.id) ?? [] }),
  notInMix: "a mix",
  percentFigures: true,
};
