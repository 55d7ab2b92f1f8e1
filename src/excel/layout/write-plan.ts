import type { WorkbookProblem } from "../problems";
import type { SheetSpec } from "./cells";
import { specFingerprint } from "./fingerprint";
import type { SheetMarker } from "./marker";
import { STAGING_PREFIX } from "./names";

/** A sheet as the workbook has it now. */
export interface ExistingSheet {
  readonly name: string;
  readonly marker: SheetMarker | undefined;
}

/** A table as the workbook has it now. */
export interface ExistingTable {
  readonly name: string;
  readonly sheet: string;
}

/** One sheet a write will put in place. */
export interface PlannedSheet {
  readonly spec: SheetSpec;
  /** The hidden sheet it is built on before the swap. */
  readonly staging: string;
  /** The existing sheet it replaces (same name, ours, same kind), if any. */
  readonly replaces: string | undefined;
  /** Fingerprint of the values it writes, stored in its marker. */
  readonly fingerprint: string;
  /** The temporary names of its tables while staged, in the order of `spec.tables`. */
  readonly stagingTables: readonly string[];
}

/** How a write proceeds: remove stale staging sheets, build each sheet hidden, then swap them in and order them. */
export interface WritePlan {
  readonly sheets: readonly PlannedSheet[];
  /** Hidden staging sheets left by an earlier interrupted write: deleted first. */
  readonly staleStaging: readonly string[];
  /** The final order of every sheet the workbook will have (existing ones first, new ones after). */
  readonly order: readonly string[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Plans replacing the add-in's own sheets with new specs, refusing anything
 * that would touch a sheet or table the add-in did not create:
 * - a sheet of the same name must carry our marker with the same role and
 *   kind, or the write is refused (`nameTaken`);
 * - replacing input sheets needs `replaceInputs` (`inputSheetsExist` otherwise);
 * - a table name the specs use must not belong to a sheet that stays.
 * Edits to owned output sheets are checked by the adapter (it must read the
 * cells) with {@link editedSheets}.
 */
export function planWrite(
  existing: readonly ExistingSheet[],
  tables: readonly ExistingTable[],
  specs: readonly SheetSpec[],
  options: { readonly replaceInputs: boolean },
): { ok: true; plan: WritePlan } | { ok: false; problems: WorkbookProblem[] } {
  const problems: WorkbookProblem[] = [];
  const replaced = new Set<string>();
  const existingInputs: string[] = [];
  const sheets: PlannedSheet[] = [];
  const used = new Set(existing.map((s) => s.name.toLowerCase()));
  let n = 1;
  let t = 1;
  const nextStaging = (): string => {
    while (used.has(`${STAGING_PREFIX}${n}`.toLowerCase())) n++;
    const name = `${STAGING_PREFIX}${n}`;
    used.add(name.toLowerCase());
    return name;
  };
  for (const spec of specs) {
    const found = existing.find((s) => same(s.name, spec.name));
    let replaces: string | undefined;
    if (found !== undefined) {
      if (found.marker === undefined || found.marker.role !== spec.role || found.marker.kind !== spec.kind) {
        problems.push({ kind: "nameTaken", name: found.name, what: "sheet" });
        continue;
      }
      replaces = found.name;
      replaced.add(found.name.toLowerCase());
      if (spec.role === "input") existingInputs.push(found.name);
    }
    sheets.push({ spec, staging: nextStaging(), replaces, fingerprint: specFingerprint(spec), stagingTables: spec.tables.map(() => `SA_staging_${t++}`) });
  }
  for (const spec of specs) {
    for (const table of spec.tables) {
      const clash = tables.find((x) => same(x.name, table.name) && !replaced.has(x.sheet.toLowerCase()));
      if (clash !== undefined) problems.push({ kind: "nameTaken", name: clash.name, what: "table" });
    }
  }
  if (existingInputs.length > 0 && !options.replaceInputs) problems.unshift({ kind: "inputSheetsExist", sheets: existingInputs });
  if (problems.length > 0) return { ok: false, problems };
  const staleStaging = existing.filter((s) => s.marker?.role === "staging").map((s) => s.name);
  const stale = new Set(staleStaging.map((s) => s.toLowerCase()));
  const order = [
    ...existing.filter((s) => !stale.has(s.name.toLowerCase())).map((s) => sheets.find((p) => p.replaces !== undefined && same(p.replaces, s.name))?.spec.name ?? s.name),
    ...sheets.filter((p) => p.replaces === undefined).map((p) => p.spec.name),
  ];
  return { ok: true, plan: { sheets, staleStaging, order } };
}

/** The sheets a plan replaces whose current values no longer match the fingerprint the add-in stored when it wrote them. */
export function editedSheets(plan: WritePlan, existing: readonly ExistingSheet[], current: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const p of plan.sheets) {
    if (p.replaces === undefined || p.spec.role !== "output") continue;
    const marker = existing.find((s) => same(s.name, p.replaces ?? ""))?.marker;
    const now = current.get(p.replaces.toLowerCase());
    if (marker?.fp === undefined || now === undefined || now !== marker.fp) out.push(p.replaces);
  }
  return out;
}
