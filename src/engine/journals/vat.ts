import type { Pence } from "../money";

/** How a supply is treated for VAT, as the user records it per cost line (the tool gives no tax advice). */
export type VatTreatment = "outside" | "standard" | "zero" | "exempt";

/** The treatments, in display order. */
export const VAT_TREATMENTS: readonly VatTreatment[] = ["outside", "standard", "zero", "exempt"];

/** The words a user may type for each treatment (case and hyphens are forgiven by the reader). */
export const VAT_TREATMENT_WORDS: Readonly<Record<VatTreatment, readonly string[]>> = {
  outside: ["outside", "outside the scope", "out of scope", "OS"],
  standard: ["standard", "standard-rated", "standard rated", "S", "20%"],
  zero: ["zero", "zero-rated", "zero rated", "Z", "0%"],
  exempt: ["exempt", "E"],
};

/** Each treatment in words, as outputs show it. */
export const VAT_TREATMENT_NAMES: Readonly<Record<VatTreatment, string>> = {
  outside: "Outside the scope",
  standard: "Standard-rated",
  zero: "Zero-rated",
  exempt: "Exempt",
};

/** The UK standard rate, in percent (docs/journals.md, "VAT": 20%). */
export const STANDARD_RATE_PERCENT = 20;

/**
 * The VAT on one invoice line's net amount, rounded to the nearest penny.
 * Only standard-rated supplies bear VAT. At 20% the exact VAT is net/5
 * pence, whose fraction is a multiple of 0.2, so "nearest" is never a tie;
 * credits round symmetrically (−£0.03 bears −£0.01). Integer arithmetic
 * only, so it is exact at any amount the engine accepts.
 */
export function vatOn(net: Pence, treatment: VatTreatment): Pence {
  if (treatment !== "standard") return 0;
  const magnitude = Math.abs(net);
  const whole = Math.floor(magnitude / 5);
  const rest = magnitude - whole * 5;
  const rounded = rest >= 3 ? whole + 1 : whole;
  return net < 0 ? -rounded : rounded;
}
