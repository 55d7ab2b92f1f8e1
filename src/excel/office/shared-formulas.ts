import type { Rect, SharedFormulasFound, CellWrite } from "../layout/shared-formulas";
import { foundTotal, rowRuns, sharedFormulaCells, sheetCount, sheetWrites } from "../layout/shared-formulas";
import { readState } from "./state";
import { loadValues } from "./values";

/** The =SHARED formulas found, and for each sheet the cells that turning them into values would write. */
export interface SharedFormulaScan {
  readonly found: SharedFormulasFound;
  readonly writes: ReadonlyMap<string, readonly CellWrite[]>;
}

/** Cells written per request: well under Excel on the web's 5 MB request limit for text of any ordinary length. */
const CELLS_PER_REQUEST = 20_000;

/**
 * Finds every =SHARED formula in the workbook (every sheet but the add-in's
 * hidden staging sheets) and what each cell shows: 2 syncs to list the
 * sheets and their used ranges, 1 or more (by bytes) to read their formulas,
 * and, when any are found, as many to read those sheets' values and 1 for
 * the spill range of each formula (`Range.getSpillingToRangeOrNullObject`,
 * ExcelApi 1.12), since a formula returning several results (=SHARED.APPORTION)
 * holds them in cells of its spill range that have no formula of their own.
 */
export async function scanSharedFormulas(context: Excel.RequestContext, maxResponseBytes: number): Promise<SharedFormulaScan> {
  const state = await readState(context, () => true);
  const sheets = state.sheets.filter((s) => s.marker?.role !== "staging" && s.used !== undefined);
  const used = sheets.map((s) => s.used!);
  const formulas = await loadValues(context, used, maxResponseBytes, "formulas");
  const anchors = used.map((u, i) => sharedFormulaCells({ row: u.row, col: u.col, formulas: formulas[i] ?? [] }));
  const withAny = used.map((_, i) => i).filter((i) => (anchors[i]?.length ?? 0) > 0);
  if (withAny.length === 0) return { found: foundTotal([]), writes: new Map() };
  const values = await loadValues(
    context,
    withAny.map((i) => used[i]!),
    maxResponseBytes,
  );
  const spills = withAny.map((i) =>
    (anchors[i] ?? []).map((a) => {
      const r = context.workbook.worksheets.getItem(used[i]!.sheet).getRangeByIndexes(a.row, a.col, 1, 1).getSpillingToRangeOrNullObject();
      r.load("rowIndex,columnIndex,rowCount,columnCount");
      return r;
    }),
  );
  await context.sync();
  const writes = new Map<string, CellWrite[]>();
  const counts = withAny.map((i, k) => {
    const u = used[i]!;
    const rects = (spills[k] ?? []).map((r): Rect | undefined =>
      r.isNullObject ? undefined : { row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount },
    );
    const w = sheetWrites({ row: u.row, col: u.col, values: values[k] ?? [] }, anchors[i] ?? [], rects);
    writes.set(u.sheet, w);
    return sheetCount(u.sheet, anchors[i]?.length ?? 0, w);
  });
  return { found: foundTotal(counts), writes };
}

/**
 * Writes each cell's shown value over it (text with Excel's text prefix, so
 * it stays the text it was; number formats untouched), in runs along each
 * row and in requests of at most 20,000 cells, one sync each.
 */
export async function writeSharedValues(context: Excel.RequestContext, writes: ReadonlyMap<string, readonly CellWrite[]>): Promise<void> {
  let queued = 0;
  for (const [sheet, cells] of writes) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const run of rowRuns(cells)) {
      ws.getRangeByIndexes(run.row, run.col, 1, run.values.length).values = [run.values];
      queued += run.values.length;
      if (queued >= CELLS_PER_REQUEST) {
        // One request per 20,000 cells, each under the 5 MB limit: the number of syncs grows with the cells, by design.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        queued = 0;
      }
    }
  }
  if (queued > 0) await context.sync();
}
