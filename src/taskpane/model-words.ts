import type { ModelInput } from "../engine";

/**
 * A cost line as a reader knows it: its reference with its description,
 * "BLS-01: Shared ICT service: staff and running costs" (the reference alone
 * when the line has no description, or is not in the model).
 */
export function lineWords(ref: string, model: ModelInput): string {
  const line = model.costLines.find((l) => String(l.ref).trim() === ref.trim());
  const description = line?.description?.trim() ?? "";
  return description === "" ? ref : `${ref}: ${description}`;
}

/**
 * A basis code beside its name, for the exact figures: a named basis as
 * "50% users, 50% tickets (usersTickets)"; a built-in code ("equal",
 * "driver:users", "direct:LEW") as it is, its words being given above it.
 */
export function basisCodeWords(code: string, model: ModelInput): string {
  const named = (model.bases ?? []).find((b) => b.id.trim() === code.trim());
  const label = named?.label?.trim() ?? "";
  return label === "" ? code : `${label} (${code})`;
}
