import type { CellValue, Grid, SheetSpec } from "./cells";

/**
 * A fingerprint of a sheet's values: every non-empty cell's position, type
 * and value, combined in an order-independent way (so it can be computed
 * from blocks in any order, or from a used range read back in chunks). Two
 * 32-bit hashes per cell and the cell count keep accidental matches
 * negligible; this detects edits, it is not a security measure.
 */
export class Fingerprint {
  private count = 0;
  private a = 0;
  private b = 0;

  /** Adds one cell; empty cells are ignored. */
  add(row: number, col: number, v: CellValue | null | undefined): void {
    if (v === "" || v === null || v === undefined) return;
    const text = `${row},${col},${typeof v === "string" ? "s" : typeof v === "number" ? "n" : "b"}${String(v)}`;
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.a = (this.a + (h1 >>> 0)) >>> 0;
    this.b = (this.b + (h2 >>> 0)) >>> 0;
    this.count++;
  }

  /** Adds a rectangle of values whose top-left cell is (row, col). */
  addGrid(row: number, col: number, values: Grid): void {
    values.forEach((r, i) => r.forEach((v, j) => this.add(row + i, col + j, v)));
  }

  /** The fingerprint text, e.g. "1234:0a1b2c3d4e5f6a7b". */
  value(): string {
    return `${this.count}:${this.a.toString(16).padStart(8, "0")}${this.b.toString(16).padStart(8, "0")}`;
  }
}

/** The fingerprint of what a spec writes. */
export function specFingerprint(spec: SheetSpec): string {
  const f = new Fingerprint();
  for (const b of spec.blocks) f.addGrid(b.row, b.col, b.values);
  return f.value();
}

/** The fingerprint of values read back from a sheet's used range starting at (row, col). */
export function gridFingerprint(row: number, col: number, values: Grid): string {
  const f = new Fingerprint();
  f.addGrid(row, col, values);
  return f.value();
}
