import { compareIds, type ModelRun } from "../../../engine";

/** Every partner of a run, core partners then partners within others, each with its name. */
export function runPartners(run: ModelRun): { id: string; name: string; within: string | undefined }[] {
  const core = run.result.partners.map((p) => ({ id: p.id, name: p.name, within: undefined as string | undefined }));
  const within = (run.model.withinPartners ?? [])
    .map((w) => ({
      id: w.partner.id.trim(),
      name: w.partner.name?.trim() || w.partner.id.trim(),
      within: w.within.trim() as string | undefined,
    }))
    .sort((a, b) => compareIds(a.id, b.id));
  return [...core, ...within];
}
