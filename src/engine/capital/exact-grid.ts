import { largestRemainder } from "../largest-remainder";

/**
 * Rounds a partners × years table exactly in both directions (a "controlled
 * rounding", docs/capital.md): partner p's exact share of year k is
 * rowTotals[p] × weights[k] ÷ Σweights. Each cell becomes that figure rounded
 * down or up to a whole penny, so that
 *
 * - every partner's years add up exactly to its row total (its share of the capital), and
 * - every year's partners add up to the year's total, which is the total
 *   schedule's own largest-remainder figure when that is reachable (it nearly
 *   always is), and otherwise that year's exact total rounded down or up
 *   (Bacharach's theorem: such a rounding always exists).
 *
 * Which cells go up: the largest remainders first (ties: the larger partner
 * total, then the earlier partner, then the earlier year), then the fewest
 * changes along alternating paths needed to make rows and years add up.
 *
 * Row totals must be non-negative whole numbers; weights positive whole numbers.
 */
export function roundGrid(rowTotals: readonly number[], weights: readonly bigint[]): number[][] {
  if (weights.length === 0) return rowTotals.map(() => []);
  const W = weights.reduce((a, b) => a + b, 0n);
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const floors: number[][] = [];
  const rems: bigint[][] = [];
  for (const s of rowTotals) {
    if (!Number.isSafeInteger(s) || s < 0) throw new RangeError(`row total ${s} is not a non-negative whole number`);
    const f: number[] = [];
    const r: bigint[] = [];
    for (const w of weights) {
      const p = BigInt(s) * w;
      f.push(Number(p / W));
      r.push(p % W);
    }
    floors.push(f);
    rems.push(r);
  }
  const colFloorSum = weights.map((_, k) => floors.reduce((a, row) => a + (row[k] as number), 0));
  const lr = largestRemainder(total, weights);
  // Exact column totals total × w ÷ W, rounded down and up.
  const lo = weights.map((w) => Number((BigInt(total) * w) / W));
  const hi = weights.map((w, k) => ((BigInt(total) * w) % W === 0n ? (lo[k] as number) : (lo[k] as number) + 1));
  const first = fill(rowTotals, floors, rems, colFloorSum, lr, lr);
  const chosen = first ?? fill(rowTotals, floors, rems, colFloorSum, lo, hi);
  if (chosen === undefined) throw new RangeError("no exact rounding of the table (never expected)");
  return floors.map((row, p) => row.map((f, k) => f + ((chosen[p] as boolean[])[k] ? 1 : 0)));
}

/** Chooses the cells rounded up; undefined when the column limits cannot be met. */
function fill(
  rowTotals: readonly number[],
  floors: readonly (readonly number[])[],
  rems: readonly (readonly bigint[])[],
  colFloorSum: readonly number[],
  colLo: readonly number[],
  colHi: readonly number[],
): boolean[][] | undefined {
  const nRows = rowTotals.length;
  const nCols = colFloorSum.length;
  const sel = rowTotals.map(() => new Array<boolean>(nCols).fill(false));
  const avail = (p: number, k: number): boolean => (rems[p] as bigint[])[k] !== 0n;
  const rowNeed = rowTotals.map((s, p) => s - (floors[p] as number[]).reduce((a, b) => a + b, 0));
  const count = new Array<number>(nCols).fill(0);
  const cap = colHi.map((h, k) => h - (colFloorSum[k] as number));
  const low = colLo.map((l, k) => l - (colFloorSum[k] as number));

  const cells: [number, number][] = [];
  for (let p = 0; p < nRows; p++) for (let k = 0; k < nCols; k++) if (avail(p, k)) cells.push([p, k]);
  cells.sort(([p1, k1], [p2, k2]) => {
    const a = (rems[p1] as bigint[])[k1] as bigint;
    const b = (rems[p2] as bigint[])[k2] as bigint;
    if (a !== b) return a > b ? -1 : 1;
    return (rowTotals[p2] as number) - (rowTotals[p1] as number) || p1 - p2 || k1 - k2;
  });
  for (const [p, k] of cells) {
    if ((rowNeed[p] as number) > 0 && (count[k] as number) < (cap[k] as number)) {
      (sel[p] as boolean[])[k] = true;
      rowNeed[p] = (rowNeed[p] as number) - 1;
      count[k] = (count[k] as number) + 1;
    }
  }
  // Rows still short: alternating paths row → (add) column → (remove) row … → a column with room.
  for (let p = 0; p < nRows; p++) {
    while ((rowNeed[p] as number) > 0) {
      if (!augmentRow(p, sel, avail, count, cap, nRows, nCols)) return undefined;
      rowNeed[p] = (rowNeed[p] as number) - 1;
    }
  }
  // Columns below their lower limit: column → (add) row → (remove) column … → a column above its limit.
  for (let k = 0; k < nCols; k++) {
    while ((count[k] as number) < (low[k] as number)) {
      if (!augmentColumn(k, sel, avail, count, low, nRows, nCols)) return undefined;
    }
  }
  return sel;
}

function augmentRow(
  start: number,
  sel: boolean[][],
  avail: (p: number, k: number) => boolean,
  count: number[],
  cap: readonly number[],
  nRows: number,
  nCols: number,
): boolean {
  const colFrom = new Array<number>(nCols).fill(-1);
  const rowFrom = new Array<number>(nRows).fill(-1);
  rowFrom[start] = start;
  const queue = [start];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (let k = 0; k < nCols; k++) {
      if (colFrom[k] !== -1 || !avail(p, k) || (sel[p] as boolean[])[k]) continue;
      colFrom[k] = p;
      if ((count[k] as number) < (cap[k] as number)) {
        // Flip the path back to the start.
        let col = k;
        for (;;) {
          const row = colFrom[col] as number;
          (sel[row] as boolean[])[col] = true;
          if (row === start) break;
          const prevCol = rowFrom[row] as number;
          (sel[row] as boolean[])[prevCol] = false;
          col = prevCol;
        }
        count[k] = (count[k] as number) + 1;
        return true;
      }
      for (let q = 0; q < nRows; q++) {
        if (rowFrom[q] !== -1 || !(sel[q] as boolean[])[k]) continue;
        rowFrom[q] = k;
        queue.push(q);
      }
    }
  }
  return false;
}

function augmentColumn(
  start: number,
  sel: boolean[][],
  avail: (p: number, k: number) => boolean,
  count: number[],
  low: readonly number[],
  nRows: number,
  nCols: number,
): boolean {
  const rowFrom = new Array<number>(nRows).fill(-1);
  const colFrom = new Array<number>(nCols).fill(-1);
  colFrom[start] = start;
  const queue = [start];
  while (queue.length > 0) {
    const k = queue.shift() as number;
    for (let p = 0; p < nRows; p++) {
      if (rowFrom[p] !== -1 || !avail(p, k) || (sel[p] as boolean[])[k]) continue;
      rowFrom[p] = k;
      for (let c = 0; c < nCols; c++) {
        if (colFrom[c] !== -1 || !(sel[p] as boolean[])[c]) continue;
        colFrom[c] = p;
        if ((count[c] as number) > (low[c] as number)) {
          // Flip: remove (p, c), add (p, rowFrom[p]), and so back to the start column.
          let col = c;
          for (;;) {
            const row = colFrom[col] as number;
            (sel[row] as boolean[])[col] = false;
            const addCol = rowFrom[row] as number;
            (sel[row] as boolean[])[addCol] = true;
            if (addCol === start) break;
            col = addCol;
          }
          count[start] = (count[start] as number) + 1;
          count[c] = (count[c] as number) - 1;
          return true;
        }
        queue.push(c);
      }
    }
  }
  return false;
}
