import {
  SUPPORT_METHODS,
  basisComponentWords,
  type BasisComponent,
  type Category,
  type ModelInput,
  type Nature,
  type SupportMethod,
} from "../../../engine";

// The display vocabulary: the one place the sheets, the statements, the pack and the task pane take the words
// for categories, natures, partners and support methods from (the pane reaches them through src/app).

/** Capital and revenue as a reader writes them. */
export const CATEGORY_WORDS: Readonly<Record<Category, string>> = { capital: "Capital", revenue: "Revenue" };

/** One-off and ongoing as a reader writes them. */
export const NATURE_WORDS: Readonly<Record<Nature, string>> = { "one-off": "One-off", ongoing: "Ongoing" };

/** A nature's code ("one-off") in words ("One-off"); text that is not a nature is returned as it is. */
export function natureWords(nature: string): string {
  return nature === "one-off" || nature === "ongoing" ? NATURE_WORDS[nature] : nature;
}

/** The support methods as a finance officer reads them. */
export const SUPPORT_METHOD_WORDS: Readonly<Record<SupportMethod, string>> = {
  direct: "Direct",
  "step-down": "Step-down",
  reciprocal: "Reciprocal",
};

/** A support method's code ("step-down") in words ("Step-down"); text that is not a method is returned as it is. */
export function supportMethodWords(method: string): string {
  return Object.prototype.hasOwnProperty.call(SUPPORT_METHOD_WORDS, method) ? SUPPORT_METHOD_WORDS[method as SupportMethod] : method;
}

/** The support methods as choices (the engine's order), each with its words: the task pane's method picker. */
export const SUPPORT_METHOD_CHOICES: readonly { readonly value: SupportMethod; readonly text: string }[] = SUPPORT_METHODS.map((value) => ({
  value,
  text: SUPPORT_METHOD_WORDS[value],
}));

/** A category's code ("capital") in words ("Capital"); text that is not a category is returned as it is. */
export function categoryWords(category: string): string {
  return category === "capital" || category === "revenue" ? CATEGORY_WORDS[category] : category;
}

/** What a basis is described from: a line-year's components or a charge's trace (the engine gives both). */
export interface BasisWordsSource {
  /** The basis code, said as it is when there are no components. */
  readonly basis: string;
  readonly components: readonly BasisWordsComponent[];
}

/** The parts of a basis component its words come from. */
export type BasisWordsComponent = Pick<BasisComponent, "source" | "label" | "weightPercent" | "fellBackToEqual">;

/**
 * One component of a basis in words: "Equal shares", "Direct charge to Brent", "Service desk tickets (driver)" (and
 * "(driver, illustrative)" for made-up figures), a percentages basis by its label.
 */
function componentWords(c: BasisWordsComponent, model: ModelInput, names: ReadonlyMap<string, string>): string {
  // The engine's label says when every figure was zero and the split fell back to equal shares: keep that.
  const fellBack = c.fellBackToEqual ? " (all zero: split equally)" : "";
  // Each kind of basis says itself (src/engine/bases/); a source naming nothing the model knows: the engine's label.
  return basisComponentWords(c.source, { model, names, label: c.label, fellBack });
}

/**
 * A line-year's basis in the model's words, for readers who do not know its
 * codes: "Equal shares", "Direct charge to Brent", "Service desk tickets
 * (driver)", a percentages basis by its label ("Inter-authority agreement
 * shares"), and a weighted mix by its parts ("50% User accounts (driver) +
 * 50% Service desk tickets (driver)"). The code (`driver:tickets`) is
 * written beside it in its own column where a sheet is filtered by it.
 */
export function basisInWords(ly: BasisWordsSource, model: ModelInput, names: ReadonlyMap<string, string>): string {
  const parts = ly.components;
  if (parts.length === 0) return ly.basis;
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && only.weightPercent === undefined) return componentWords(only, model, names);
  return parts.map((p) => `${p.weightPercent ?? "?"}% ${componentWords(p, model, names)}`).join(" + ");
}

/** A partner in words: its name with its code, "Lewisham Homes (LH)", or the code alone when it has no other name. */
export function partnerWords(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  // A blank name adds nothing: the code alone, never " (LH)".
  return name === undefined || name === "" || name === id ? id : `${name} (${id})`;
}
