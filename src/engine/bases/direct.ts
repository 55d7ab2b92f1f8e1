import { caseHint } from "../case-hint";
import { Decimal } from "../decimal";
import { ok } from "../result";
import type { BasisKind } from "./kind";

/** The whole cost charged to one partner. */
export interface DirectRef {
  readonly kind: "direct";
  readonly partner: string;
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

/** "direct:<partner>": one partner's own cost, charged to it alone. */
export const DIRECT: BasisKind<DirectRef> = {
  kind: "direct",
  syntax: {
    prefixed: {
      prefix: "direct",
      of: (partner) => ({ kind: "direct", partner }),
      unknown: (partner, known, at) =>
        known.partners.has(partner) ? undefined : { kind: "unknownPartner", partner, ...caseHint(partner, known.partners), at },
    },
  },
  text: (ref) => `direct:${ref.partner}`,
  words: (ref, c) => `Direct charge to ${c.names.get(ref.partner) ?? ref.partner}`,
  choices: (model) => model.partners.map((p) => ({ value: `direct:${p.id}`, text: `Direct to ${p.name ? `${p.name} (${p.id})` : p.id}` })),
  resolve: (ref, ctx) =>
    ok({
      by: "figures",
      figures: { values: ctx.partners.map((p) => (p === ref.partner ? ONE : ZERO)), label: `Direct charge to ${ref.partner}` },
    }),
  mixExample: "direct:<partner>",
  percentFigures: false,
  partner: {
    of: (ref) => ref.partner,
    chargedWholly: true,
    // The line is that partner's own cost: it cannot pass to the others when the partner goes.
    leaves: () => "refuse",
  },
};
