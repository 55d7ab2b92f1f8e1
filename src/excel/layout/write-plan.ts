import type { WorkbookProblem } from "../problems";
import { a1, MAX_ROW } from "./address";
import { MAX_CELL_TEXT } from "./cell-checks";
import type { SheetSpec } from "./cells";
import { specFingerprint } from "./fingerprint";
import type { SheetMarker } from "./marker";
import { markerEdited } from "./run-log-marks";
import { STAGING_PREFIX } from "./names";
import { sheetLimitProblems } from "./sheet-limits";

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
 * - a table name the specs use must not belong to a sheet that stays, nor be
 *   a defined name (Excel refuses to give a table a defined name's name, and
 *   finding out at the swap would be after the old sheet was deleted);
 * - no sheet may go beyond what Excel can hold (rows, columns, characters
 *   in a cell): such a model is reported, not written half-way.
 * Edits to owned output sheets are checked by the adapter (it must read the
 * cells) with {@link editedSheets}.
 */
export function planWrite(
  existing: readonly ExistingSheet[],
  tables: readonly ExistingTable[],
  specs: readonly SheetSpec[],
  options: { readonly replaceInputs: boolean; readonly definedNames?: readonly string[] },
): { ok: true; plan: WritePlan } | { ok: false; problems: WorkbookProblem[] } {
  const problems: WorkbookProblem[] = specs.flatMap((spec) => sheetLimitProblems(spec));
  if (problems.length > 0) return { ok: false, problems };
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
  // Sheets marked as staging are leftovers of an interrupted write, whatever their name: they are deleted first.
  const live = existing.filter((s) => s.marker?.role !== "staging");
  const stagingNames = new Set(existing.filter((s) => s.marker?.role === "staging").map((s) => s.name.toLowerCase()));
  // Nothing past a sheet's last row or a cell's most text: Excel would refuse part-way (or a file would be damaged).
  for (const spec of specs) problems.push(...sheetLimits(spec));
  for (const spec of specs) {
    const found = live.find((s) => same(s.name, spec.name));
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
    sheets.push({
      spec,
      staging: nextStaging(),
      replaces,
      fingerprint: specFingerprint(spec),
      stagingTables: spec.tables.map(() => `SA_staging_${t++}`),
    });
  }
  for (const spec of specs) {
    for (const table of spec.tables) {
      const clash = tables.find(
        (x) => same(x.name, table.name) && !replaced.has(x.sheet.toLowerCase()) && !stagingNames.has(x.sheet.toLowerCase()),
      );
      if (clash !== undefined) problems.push({ kind: "nameTaken", name: clash.name, what: "table" });
      const name = options.definedNames?.find((n) => same(n, table.name));
      if (name !== undefined) problems.push({ kind: "nameTaken", name, what: "defined name" });
    }
  }
  if (existingInputs.length > 0 && !options.replaceInputs) problems.unshift({ kind: "inputSheetsExist", sheets: existingInputs });
  if (problems.length > 0) return { ok: false, problems };
  const staleStaging = existing.filter((s) => s.marker?.role === "staging").map((s) => s.name);
  return { ok: true, plan: { sheets, staleStaging, order: sheetOrder(live, sheets) } };
}

/**
 * The order of the sheets after a write: the new sheets of each group (inputs
 * with their Lists sheet, or outputs) together in the order written, where the
 * group's first existing sheet was, or at the end for a new group; every other
 * sheet keeps its place relative to the rest.
 */
function sheetOrder(live: readonly ExistingSheet[], planned: readonly PlannedSheet[]): string[] {
  const group = (role: string): string => (role === "output" ? "output" : "input");
  const replacedBy = new Map(planned.filter((p) => p.replaces !== undefined).map((p) => [(p.replaces ?? "").toLowerCase(), p]));
  const placed = new Set<string>();
  const order: string[] = [];
  const place = (g: string): void => {
    if (placed.has(g)) return;
    placed.add(g);
    for (const p of planned) if (group(p.spec.role) === g) order.push(p.spec.name);
  };
  for (const s of live) {
    const p = replacedBy.get(s.name.toLowerCase());
    if (p === undefined) order.push(s.name);
    else place(group(p.spec.role));
  }
  for (const p of planned) place(group(p.spec.role));
  return order;
}

/** The sheets a plan replaces whose current values no longer match the fingerprint the add-in stored when it wrote them. */
export function editedSheets(plan: WritePlan, existing: readonly ExistingSheet[], current: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const p of plan.sheets) {
    if (p.replaces === undefined || p.spec.role !== "output") continue;
    const marker = existing.find((s) => same(s.name, p.replaces ?? ""))?.marker;
    const now = current.get(p.replaces.toLowerCase());
    if (markerEdited(marker, now)) out.push(p.replaces);
  }
  return out;
}

/** What a failed swap left, sheet by sheet. */
export interface SwapOutcome {
  /** Sheets now holding the new content. */
  readonly replaced: string[];
  /** Sheets still holding their previous content. */
  readonly kept: string[];
  /** Sheets whose previous version is gone and whose new version is not in place. */
  readonly missing: string[];
  /** Hidden staging sheets left (under any name). */
  readonly leftover: string[];
}

/**
 * Classifies the sheets of a plan after a swap failed part-way, from the
 * sheets as they are now: a sheet is replaced when its final name carries
 * the new marker and its staging sheet is gone, kept when the old sheet is
 * still there with its staging sheet beside it, and missing otherwise.
 */
export function swapOutcome(plan: WritePlan, now: readonly ExistingSheet[]): SwapOutcome {
  const find = (name: string): ExistingSheet | undefined => now.find((s) => same(s.name, name));
  const out: SwapOutcome = {
    replaced: [],
    kept: [],
    missing: [],
    leftover: now.filter((s) => s.marker?.role === "staging").map((s) => s.name),
  };
  for (const p of plan.sheets) {
    const final = find(p.spec.name);
    const staged = find(p.staging);
    const ours = final !== undefined && final.marker?.role === p.spec.role && final.marker.kind === p.spec.kind;
    if (ours && (staged === undefined || staged.marker?.role !== "staging")) out.replaced.push(p.spec.name);
    else if (ours && p.replaces !== undefined) out.kept.push(p.spec.name);
    else out.missing.push(p.spec.name);
  }
  return out;
}

/**
 * A sheet's rows past row 1,048,576, and text over 32,767 characters in its
 * notes, titles and headers (the only cells that join many values into one;
 * data cells hold single input values, already capped when read).
 */
export function sheetLimits(spec: SheetSpec): WorkbookProblem[] {
  const out: WorkbookProblem[] = [];
  let rows = 0;
  for (const b of spec.blocks) {
    rows = Math.max(rows, b.row + b.values.length);
    if (b.style === undefined) continue;
    b.values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (typeof v === "string" && v.length > MAX_CELL_TEXT)
          out.push({ kind: "textTooLong", sheet: spec.name, address: a1(b.row + i, b.col + j), length: v.length });
      }),
    );
  }
  for (const t of spec.tables) rows = Math.max(rows, t.row + t.rows);
  if (rows > MAX_ROW + 1) out.unshift({ kind: "sheetTooLong", sheet: spec.name, rows });
  return out;
}
