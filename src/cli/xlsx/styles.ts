import type { Style } from "exceljs";
import type { CellStyle } from "../../excel/layout/cells";

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
