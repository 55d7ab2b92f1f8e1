import { compareIds, type ModelRun, type WithinSplit } from "../../../engine";

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

/**
 * The divisions of parents' shares with the partners within them, looked up
 * by line and year (the Allocations and Trace rows that follow a line-year).
 */
export function withinSplitsByLineYear(
  run: ModelRun,
): (ly: { readonly lineRef: string; readonly yearLabel: string }) => readonly WithinSplit[] {
  const splits = new Map<string, WithinSplit[]>();
  for (const s of run.within) {
    const key = `${s.lineRef}\u0000${s.yearLabel}`;
    const list = splits.get(key);
    if (list === undefined) splits.set(key, [s]);
    else list.push(s);
  }
  return (ly) => splits.get(`${ly.lineRef}\u0000${ly.yearLabel}`) ?? [];
}
