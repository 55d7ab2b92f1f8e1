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
    this.addAt(String(row), String(col), v);
  }

  /**
   * Adds one cell whose row and column are given as their decimal text (`String(row)`, `String(col)`), for a reader
   * that visits cells row by row and makes each row's and column's text once, not once a cell.
   */
  addText(row: string, col: string, v: CellValue | null | undefined): void {
    this.addAt(row, col, v);
  }

  /**
   * Adds one cell whose row and column are given as text (a grid's rows and
   * columns are written once, not once a cell). The hash is that of the text
   * `${row},${col},${type}${value}`, fed piece by piece: building that text
   * for each of a 100,000-line model's 40,000,000 output cells was a tenth of
   * a write's time and much of its garbage. The hash steps are written out
   * for each piece: a helper method per character took 1.5–2× as long
   * (measured on 200,000 rows of 8 cells).
   */
  private addAt(row: string, col: string, v: CellValue | null | undefined): void {
    if (v === "" || v === null || v === undefined) return;
    if (typeof v === "number" && this.addPence(row, col, v)) return;
    const value = typeof v === "string" ? v : String(v);
    const type = typeof v === "string" ? 115 /* s */ : typeof v === "number" ? 110 /* n */ : 98; /* b */
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ (row.length + col.length + 3 + value.length);
    for (let i = 0; i < row.length; i++) {
      const c = row.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 44 /* , */, 0x01000193);
    h2 = Math.imul(h2 ^ 44, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    for (let i = 0; i < col.length; i++) {
      const c = col.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 44, 0x01000193);
    h2 = Math.imul(h2 ^ 44, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h1 = Math.imul(h1 ^ type, 0x01000193);
    h2 = Math.imul(h2 ^ type, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.a = (this.a + (h1 >>> 0)) >>> 0;
    this.b = (this.b + (h2 >>> 0)) >>> 0;
    this.count++;
  }

  /**
   * Adds a figure that is a whole number of pence under £10,000,000,000,000 (what most output cells hold) without
   * making its text: its characters are those `String(v)` gives (the sign, the pounds' digits, then a point and the
   * pence without a trailing zero; such a number has at most 15 significant digits, so that is its shortest text),
   * worked out from the whole pence into a scratch buffer. Making 15,000,000 such strings for a 100,000-line model's
   * outputs was most of its fingerprints' time and garbage. False, with nothing added, for any other number.
   */
  private addPence(row: string, col: string, v: number): boolean {
    const p = Math.round(v * 100);
    if (p / 100 !== v || p === 0 || Math.abs(p) >= 1e15) return false;
    const a = Math.abs(p);
    let whole = Math.floor(a / 100);
    const cents = a - whole * 100;
    // The text backwards into the scratch buffer, then hashed forwards.
    const text = DIGITS;
    let n = 0;
    if (cents !== 0) {
      if (cents % 10 !== 0) text[n++] = 48 + (cents % 10);
      text[n++] = 48 + Math.floor(cents / 10);
      text[n++] = 46; /* . */
    }
    do {
      const q = Math.floor(whole / 10);
      text[n++] = 48 + whole - q * 10;
      whole = q;
    } while (whole > 0);
    if (p < 0) text[n++] = 45; /* - */
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ (row.length + col.length + 3 + n);
    for (let i = 0; i < row.length; i++) {
      const c = row.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 44 /* , */, 0x01000193);
    h2 = Math.imul(h2 ^ 44, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    for (let i = 0; i < col.length; i++) {
      const c = col.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 44, 0x01000193);
    h2 = Math.imul(h2 ^ 44, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h1 = Math.imul(h1 ^ 110 /* n */, 0x01000193);
    h2 = Math.imul(h2 ^ 110, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    for (let i = n - 1; i >= 0; i--) {
      const c = text[i] as number;
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.a = (this.a + (h1 >>> 0)) >>> 0;
    this.b = (this.b + (h2 >>> 0)) >>> 0;
    this.count++;
    return true;
  }

  /** Adds a rectangle of values whose top-left cell is (row, col). */
  addGrid(row: number, col: number, values: Grid): void {
    const cols: string[] = [];
    for (let i = 0; i < values.length; i++) {
      const r = values[i] as readonly (CellValue | null | undefined)[];
      const rowText = String(row + i);
      for (let j = 0; j < r.length; j++) this.addAt(rowText, (cols[j] ??= String(col + j)), r[j]);
    }
  }

  /** The fingerprint text, e.g. "1234:0a1b2c3d4e5f6a7b". */
  value(): string {
    return `${this.count}:${this.a.toString(16).padStart(8, "0")}${this.b.toString(16).padStart(8, "0")}`;
  }
}

/** Scratch room for a figure's characters ({@link Fingerprint.addPence}): at most 17 (a sign, 13 digits, a point, 2). */
const DIGITS = new Uint8Array(24);

/** The fingerprint of what a spec writes. */
export function specFingerprint(spec: SheetSpec): string {
  // The Run log's sheet record and the sheet's own marker both ask for it: worked out once per set of blocks.
  let fp = SPEC_FINGERPRINTS.get(spec.blocks);
  if (fp === undefined) {
    const f = new Fingerprint();
    for (const b of spec.blocks) f.addGrid(b.row, b.col, b.values);
    fp = f.value();
    SPEC_FINGERPRINTS.set(spec.blocks, fp);
  }
  return fp;
}

/** Fingerprints already worked out, by the blocks they were worked out from (specs are never changed once laid out). */
const SPEC_FINGERPRINTS = new WeakMap<SheetSpec["blocks"], string>();

/** The fingerprint of values read back from a sheet's used range starting at (row, col). */
export function gridFingerprint(row: number, col: number, values: Grid): string {
  const f = new Fingerprint();
  f.addGrid(row, col, values);
  return f.value();
}
