import { Decimal } from "../decimal";
import { ok } from "../result";
import type { BasisKind } from "./kind";

/** Equal shares among the partners of the line. */
export interface EqualRef {
  readonly kind: "equal";
}

const ONE = new Decimal(1);

/** "equal": each partner of the line the same. */
export const EQUAL: BasisKind<EqualRef> = {
  kind: "equal",
  syntax: { bare: { rank: 0, read: (text) => (text.toLowerCase() === "equal" ? { kind: "equal" } : undefined) } },
  reserved: ["equal"],
  text: () => "equal",
  words: () => "Equal shares",
  choices: () => [{ value: "equal", text: "Equal shares" }],
  resolve: (_ref, ctx) => ok({ by: "figures", figures: { values: ctx.partners.map(() => ONE), label: "Equal shares" } }),
  mixExample: "equal",
  percentFigures: false,
};
