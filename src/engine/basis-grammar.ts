import { isBlank, showInput } from "./decimal";
import type { Where } from "./errors";
import type { BasisRef } from "./prepared";
import { errs, ok, type Result } from "./result";
import { caseHint } from "./validate-limits";

// The basis grammar: how a basis reference is written in a workbook and read back. Apart from
// validate.ts so that basis weights, the trace and the outputs can write a basis without importing
// the model validator.

/** Basis ids a model may not define, because the grammar already gives them a meaning. */
export const RESERVED_BASES = new Set(["equal"]);

/**
 * Reads a basis reference: "equal", "direct:<partner>", "driver:<driver>",
 * a bare driver id, or the id of a defined percentages or mix basis.
 */
export function parseBasisRef(
  text: unknown,
  known: {
    partners: ReadonlySet<string>;
    drivers: ReadonlySet<string>;
    percentages: ReadonlySet<string>;
    mixes: ReadonlySet<string>;
    /** Support service ids (absent: the model has none). */
    services?: ReadonlySet<string>;
  },
  at: Where,
): Result<BasisRef> {
  if (isBlank(text)) return errs([{ kind: "missingValue", at }]);
  if (typeof text !== "string") return errs([{ kind: "unknownBasis", basis: showInput(text), at }]);
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === "equal") return ok({ kind: "equal" });
  const colon = t.indexOf(":");
  if (colon > 0) {
    const head = lower.slice(0, colon).trim();
    const rest = t.slice(colon + 1).trim();
    if (head === "direct") {
      return known.partners.has(rest)
        ? ok({ kind: "direct", partner: rest })
        : errs([{ kind: "unknownPartner", partner: rest, ...caseHint(rest, known.partners), at }]);
    }
    if (head === "driver") {
      return known.drivers.has(rest) ? ok({ kind: "driver", driver: rest }) : errs([{ kind: "unknownDriver", driver: rest, at }]);
    }
    if (head === "support") {
      return known.services?.has(rest) === true
        ? ok({ kind: "support", service: rest })
        : errs([{ kind: "unknownSupportService", service: rest, known: [...(known.services ?? [])], at }]);
    }
  }
  if (known.percentages.has(t)) return ok({ kind: "percentages", id: t });
  if (known.mixes.has(t)) return ok({ kind: "mix", id: t });
  if (known.drivers.has(t)) return ok({ kind: "driver", driver: t });
  // A support service's id on its own: say how to name it.
  return errs([{ kind: "unknownBasis", basis: t, ...(known.services?.has(t) === true ? { similar: `support:${t}` } : {}), at }]);
}

/** The canonical text of a basis reference, as shown in outputs. */
export function basisRefText(b: BasisRef): string {
  switch (b.kind) {
    case "equal":
      return "equal";
    case "direct":
      return `direct:${b.partner}`;
    case "driver":
      return `driver:${b.driver}`;
    case "percentages":
    case "mix":
      return b.id;
    case "support":
      return `support:${b.service}`;
  }
}
