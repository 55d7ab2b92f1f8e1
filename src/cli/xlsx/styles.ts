import type { Style } from "exceljs";
import type { CellStyle } from "../../excel";

/** `#RRGGBB` as exceljs's ARGB colour. */
export function argb(hex: string): { argb: string } {
  return { argb: `FF${hex.replace(/^#/, "").toUpperCase()}` };
}

/**
 * How each {@link CellStyle} is dressed in the file: the same intent as the
 * Office.js adapter (`src/excel/office/render.ts`): a 14pt bold title, bold
 * headers on a light blue fill, grey italic notes, bold totals. Only font and
 * fill are set, so a cell's number format is kept.
 */
export function dress(style: CellStyle): Partial<Style> {
  switch (style) {
    case "title":
      return { font: { bold: true, size: 14 } };
    case "header":
      return { font: { bold: true }, fill: { type: "pattern", pattern: "solid", fgColor: argb("#DDEBF7") } };
    case "note":
      return { font: { italic: true, color: argb("#595959") } };
    case "total":
      return { font: { bold: true } };
  }
}

/** The cache key of a wrapped style (no number format or style key contains a NUL followed by "wrap"). */
const WRAPPED = "\u0000wrap";

/** Points per pixel at 96 dpi. */
const PT_PER_PX = 0.75;
/** Width of one character of the default font (Calibri 11) in pixels, and the cell padding. */
const CHAR_PX = 7;
const PADDING_PX = 5;

/**
 * A column width in points (what Office.js `format.columnWidth` takes and
 * the layout specifies) as the width in characters that xlsx files store.
 */
export function pointsToChars(points: number): number {
  const px = points / PT_PER_PX;
  return Math.max(0, Math.round(((px - PADDING_PX) / CHAR_PX) * 100) / 100);
}

/**
 * Cell styles derived from a cell's current style with a number format
 * and/or a {@link CellStyle}, shared between cells: a derived style is a new
 * object (a style another cell shares is never changed in place), and
 * identical derivations return the same object, which exceljs writes once
 * (it caches style ids by object), keeping large sheets fast to save.
 */
export class StyleCache {
  private readonly cache = new WeakMap<Partial<Style>, Map<string, Partial<Style>>>();
  private readonly empty: Partial<Style> = {};

  /** The style `base` with its text wrapped at the top of the cell, shared as {@link derive}'s are. */
  wrapped(base: Partial<Style> | undefined): Partial<Style> {
    const from = base === undefined || Object.keys(base).length === 0 ? this.empty : base;
    let byKey = this.cache.get(from);
    if (byKey === undefined) {
      byKey = new Map();
      this.cache.set(from, byKey);
    }
    const hit = byKey.get(WRAPPED);
    if (hit !== undefined) return hit;
    const next: Partial<Style> = { ...from, alignment: { ...from.alignment, wrapText: true, vertical: "top" } };
    byKey.set(WRAPPED, next);
    this.cache.set(next, new Map([[WRAPPED, next]]));
    return next;
  }

  /** The style `base` with `numFmt` (undefined: keep) and `style` (undefined: keep) applied. */
  derive(base: Partial<Style> | undefined, numFmt: string | undefined, style: CellStyle | undefined): Partial<Style> {
    // A new cell gets a fresh empty style object from exceljs: all of those are one base.
    const from = base === undefined || Object.keys(base).length === 0 ? this.empty : base;
    const key = `${numFmt ?? "\u0000"}|${style ?? ""}`;
    let byKey = this.cache.get(from);
    if (byKey === undefined) {
      byKey = new Map();
      this.cache.set(from, byKey);
    }
    const hit = byKey.get(key);
    if (hit !== undefined) return hit;
    const next: Partial<Style> = { ...from, ...(numFmt === undefined ? {} : { numFmt }), ...(style === undefined ? {} : dress(style)) };
    byKey.set(key, next);
    // A cell already holding a derived style derives from it again to the same result.
    this.cache.set(next, new Map([[key, next]]));
    return next;
  }
}
