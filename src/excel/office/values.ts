import type { CellValue, RangeRef } from "../layout/cells";
import { isPayloadError } from "../port-common";

/** The response budget a read plans for: under Excel on the web's 5 MB limit. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4_000_000;

/** Bytes per cell assumed when planning a read (values of output sheets average well under this). */
const ESTIMATED_BYTES_PER_CELL = 24;

/** A part of one of the requested rectangles. */
interface Part {
  readonly index: number;
  readonly range: RangeRef;
}

/** Splits rectangles into groups of at most `cells` cells each, cutting a large rectangle by rows. */
function groups(pieces: readonly RangeRef[], cells: number): Part[][] {
  const out: Part[][] = [];
  let group: Part[] = [];
  let size = 0;
  pieces.forEach((p, index) => {
    let row = p.row;
    let left = p.rows;
    while (left > 0) {
      const room = cells - size;
      if (size > 0 && room < p.cols) {
        out.push(group);
        group = [];
        size = 0;
        continue;
      }
      const take = Math.min(left, Math.max(1, Math.floor(room / p.cols)));
      group.push({ index, range: { ...p, row, rows: take } });
      size += take * p.cols;
      row += take;
      left -= take;
    }
  });
  if (group.length > 0) out.push(group);
  return out;
}

/** What a read loads of each cell: its value, or its formula (its value where it holds none). */
export type CellProperty = "values" | "formulas";

async function tryLoad(context: Excel.RequestContext, pieces: readonly RangeRef[], what: CellProperty): Promise<CellValue[][][]> {
  const ranges = pieces.map((p) => {
    const r = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.col, p.rows, p.cols);
    if (what === "values") r.load("values");
    else r.load("formulas");
    return r;
  });
  try {
    await context.sync();
    return ranges.map((r) => (what === "values" ? r.values : r.formulas) as CellValue[][]);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    // Too big after all: halve the request (by pieces, then by rows) and try each half.
    if (pieces.length > 1) {
      const mid = Math.ceil(pieces.length / 2);
      return [...(await tryLoad(context, pieces.slice(0, mid), what)), ...(await tryLoad(context, pieces.slice(mid), what))];
    }
    const p = pieces[0];
    if (p === undefined || p.rows <= 1) throw e;
    const top = Math.ceil(p.rows / 2);
    const [a = []] = await tryLoad(context, [{ ...p, rows: top }], what);
    const [b = []] = await tryLoad(context, [{ ...p, row: p.row + top, rows: p.rows - top }], what);
    return [[...a, ...b]];
  }
}

/**
 * Loads the values (or the formulas) of several rectangles: in one sync when their cells fit
 * the response budget (estimated at 24 bytes a cell), otherwise in groups
 * that do, cutting large rectangles by rows; a group Excel still refuses as
 * too large is halved and tried again. So the syncs grow with the bytes read
 * (about bytes ÷ budget), never with rows as such.
 */
export async function loadValues(
  context: Excel.RequestContext,
  pieces: readonly RangeRef[],
  maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  what: CellProperty = "values",
): Promise<CellValue[][][]> {
  const out: CellValue[][][] = pieces.map(() => []);
  for (const group of groups(pieces, Math.max(1, Math.floor(maxResponseBytes / ESTIMATED_BYTES_PER_CELL)))) {
    // One request per group: each must stay under Excel on the web's response limit.
    const values = await tryLoad(
      context,
      group.map((g) => g.range),
      what,
    );
    group.forEach((g, i) => out[g.index]?.push(...(values[i] ?? [])));
  }
  return out;
}
