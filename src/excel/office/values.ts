import type { CellValue, RangeRef } from "../layout/cells";
import { isPayloadError } from "../port-common";

/**
 * Loads the values of several rectangles in as few syncs as Excel allows:
 * one, unless the response would exceed Excel on the web's 5 MB limit, in
 * which case the request is split in two (by pieces, then by rows) and each
 * half tried again. So the number of syncs grows only with the bytes read
 * (about bytes ÷ 5 MB), never with rows as such.
 */
export async function loadValues(context: Excel.RequestContext, pieces: readonly RangeRef[]): Promise<CellValue[][][]> {
  if (pieces.length === 0) return [];
  const ranges = pieces.map((p) => {
    const r = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.col, p.rows, p.cols);
    r.load("values");
    return r;
  });
  try {
    await context.sync();
    return ranges.map((r) => r.values as CellValue[][]);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    if (pieces.length > 1) {
      const mid = Math.ceil(pieces.length / 2);
      const first = await loadValues(context, pieces.slice(0, mid));
      const second = await loadValues(context, pieces.slice(mid));
      return [...first, ...second];
    }
    const p = pieces[0];
    if (p === undefined || p.rows <= 1) throw e;
    const top = Math.ceil(p.rows / 2);
    const [a = []] = await loadValues(context, [{ ...p, rows: top }]);
    const [b = []] = await loadValues(context, [{ ...p, row: p.row + top, rows: p.rows - top }]);
    return [[...a, ...b]];
  }
}
