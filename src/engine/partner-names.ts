import type { ModelInput } from "./model";

/**
 * Partner id → display name for every partner of a model, partners within
 * others included (a blank name shows the id). Ids and names are trimmed as
 * the engine reads them. The one place the add-in maps ids to names.
 */
export function partnerNames(model: ModelInput): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of model.partners) names.set(p.id.trim(), p.name?.trim() || p.id.trim());
  for (const w of model.withinPartners ?? []) names.set(w.partner.id.trim(), w.partner.name?.trim() || w.partner.id.trim());
  return names;
}
