import type { Block, CellBox, CellStyle, CellValue, TableSpec, TextLayout } from "../cells";

/**
 * Laying text out for paper. A spreadsheet prints a long note in one cell
 * only as far as the printed columns reach, and fits a row's height to
 * wrapped text only in cells that are not merged; so the sheets say, for
 * each long line of text, which cells it is merged across and how tall its
 * row must be, and which header and table rows wrap. Widths are estimated
 * from the default font's (Calibri, LibreOffice's Carlito) average advance,
 * on the generous side, so a line is never cut short.
 */

/**
 * Points per character of text in each style: Calibri 11 pt averages about 5.2 pt over words with capitals and
 * spaces; bold and the 14 pt title more. (LibreOffice without Calibri draws wider type in columns it widens more,
 * by the ratio of the fonts' digit widths, so what fits in Excel fits there too.)
 */
const CHAR_WIDTH: Readonly<Record<CellStyle | "plain", number>> = { plain: 5.4, note: 5.4, total: 5.8, header: 5.8, title: 7.6 };
/** The height of one line of text, in points, by style (Excel's default row is 15 pt for 11 pt text). */
const LINE_HEIGHT: Readonly<Record<CellStyle | "plain", number>> = { plain: 15, note: 15, total: 15, header: 15, title: 19 };
/** Room a cell's padding and gridlines take from its width. */
const CELL_PADDING = 8;
/** Blocks taller than this are data (Allocations, Trace), not text to lay out: their rows keep their heights. */
const MAX_WRAPPED_ROWS = 400;

/** The characters JavaScript's `\s` matches, by code: what separates words. */
const WHITE_SPACE = new Set(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff].concat(
    Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ),
);

/**
 * How many lines `text` takes wrapped at word boundaries in `width` points. One pass over the characters (a
 * statement lays out a note under every cost line, for every partner): words are runs between white space (`\s`),
 * paragraphs are separated by line feeds. With `most`, the count stops there (`most` or more: at least that many).
 */
export function wrappedLines(text: string, width: number, style: CellStyle | undefined, most = Infinity): number {
  const perLine = Math.max(1, Math.floor((width - CELL_PADDING) / CHAR_WIDTH[style ?? "plain"]));
  // Text no longer than a line fits on one unless it breaks a line itself: its words and single spaces are never
  // longer than the text. Most of a statement's cells are short (a year, "Revenue"), so most need no pass.
  if (text.length <= perLine && !text.includes("\n")) return 1;
  let lines = 1;
  let used = 0;
  let word = 0;
  // Each word, once ended, goes on the paragraph's current line or the lines after it (no closure: one is made a call).
  for (let i = 0; i <= text.length && lines < most; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    const ends = code === 0x0a || code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x80 && WHITE_SPACE.has(code));
    if (!ends) {
      word++;
      continue;
    }
    if (word > 0) {
      const need = used === 0 ? word : used + 1 + word;
      if (need <= perLine) used = need;
      else {
        // A word longer than a line is broken across lines.
        lines += used === 0 ? Math.ceil(word / perLine) - 1 : Math.ceil(word / perLine);
        used = word % perLine;
      }
      word = 0;
    }
    if (code === 0x0a && i < text.length) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

/** True for a one-row block of two texts, outside any table, whose second is longer than its column. */
function pair(b: Block, tables: readonly TableSpec[]): boolean {
  const [label, sentence] = b.values[0] ?? [];
  if (typeof label !== "string" || typeof sentence !== "string") return false;
  return !tables.some((t) => b.row >= t.row && b.row < t.row + t.rows) && sentence.length > 40;
}

/** The height of a row holding `lines` lines of text in `style`. */
export function rowHeight(lines: number, style: CellStyle | undefined): number {
  return Math.ceil(lines * LINE_HEIGHT[style ?? "plain"] + 3);
}

/** The width of columns `col` to `col + cols - 1`, a missing width being Excel's default (64 px = 48 pt). */
export function widthOf(widths: readonly number[], col: number, cols: number): number {
  let w = 0;
  for (let c = col; c < col + cols; c++) w += widths[c] ?? 48;
  return w;
}

/**
 * The height of a row holding one text in its first column, nothing else on the row, when the text is longer than that
 * column: it is merged across `cols` columns and wrapped, and the row is as tall as its lines there. Undefined when the
 * text fits its first column (it is then neither merged nor given a height). {@link layoutText} lays out each row of a
 * one-column text block so; a statement's notes under its cost lines are laid out so one at a time.
 */
export function spanHeight(text: string, widths: readonly number[], cols: number, style: CellStyle | undefined): number | undefined {
  // Whether it takes a second line in its first column is known once it does: most notes do in their first words.
  if (wrappedLines(text, widthOf(widths, 0, 1), style, 2) <= 1) return undefined;
  return rowHeight(wrappedLines(text, widthOf(widths, 0, cols), style), style);
}

/**
 * A note's lines counted as {@link spanHeight} counts them, at its first column's width and at the printed columns' in
 * one pass over its characters, read a piece at a time: a statement's note under a cost line is the line-year's basis,
 * the same for every partner, then the partner's share, so the count after the shared piece is made once ({@link copy})
 * and carried on from for each partner. Reading "ab" then "c" counts as reading "abc".
 */
export class SpanLines {
  /** Lines begun and the last line's characters at the first column's width (counted until a second line begins). */
  private firstLines = 1;
  private firstUsed = 0;
  /** The same at the printed columns' width. */
  private lines = 1;
  private used = 0;
  /** The characters of the word being read. */
  private word = 0;

  private constructor(
    private firstPer: number,
    private per: number,
    private style: CellStyle | undefined,
  ) {}

  /** Nothing read yet, for a text in its first column of `widths` that would be merged across `cols` columns. */
  static of(widths: readonly number[], cols: number, style: CellStyle | undefined): SpanLines {
    const perLine = (width: number): number => Math.max(1, Math.floor((width - CELL_PADDING) / CHAR_WIDTH[style ?? "plain"]));
    return new SpanLines(perLine(widthOf(widths, 0, 1)), perLine(widthOf(widths, 0, cols)), style);
  }

  /** A count that carries on from this one without changing it. */
  copy(): SpanLines {
    return new SpanLines(this.firstPer, this.per, this.style).from(this);
  }

  /** Sets this count to where `other` has got, to carry on from there (as {@link copy}, without a new count). */
  from(other: SpanLines): this {
    this.firstPer = other.firstPer;
    this.per = other.per;
    this.style = other.style;
    this.firstLines = other.firstLines;
    this.firstUsed = other.firstUsed;
    this.lines = other.lines;
    this.used = other.used;
    this.word = other.word;
    return this;
  }

  /** A word of `word` characters ended: on the current line of each width, or the lines after it (as wrappedLines). */
  private endWord(word: number): void {
    if (this.firstLines < 2) {
      const need = this.firstUsed === 0 ? word : this.firstUsed + 1 + word;
      if (need <= this.firstPer) this.firstUsed = need;
      else {
        this.firstLines += this.firstUsed === 0 ? Math.ceil(word / this.firstPer) - 1 : Math.ceil(word / this.firstPer);
        this.firstUsed = word % this.firstPer;
      }
    }
    const need = this.used === 0 ? word : this.used + 1 + word;
    if (need <= this.per) this.used = need;
    else {
      this.lines += this.used === 0 ? Math.ceil(word / this.per) - 1 : Math.ceil(word / this.per);
      this.used = word % this.per;
    }
  }

  /** Reads `text` on from what was read before. */
  read(text: string): this {
    let word = this.word;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const ends = code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x80 && WHITE_SPACE.has(code));
      if (!ends) {
        word++;
        continue;
      }
      if (word > 0) {
        this.endWord(word);
        word = 0;
      }
      if (code === 0x0a) {
        this.firstLines++;
        this.firstUsed = 0;
        this.lines++;
        this.used = 0;
      }
    }
    this.word = word;
    return this;
  }

  /**
   * The row's height once the text has been read, as {@link spanHeight} gives it for the whole text: undefined when it
   * fits its first column, else the height of its lines across the printed columns. Ends the count.
   */
  height(): number | undefined {
    if (this.word > 0) this.endWord(this.word);
    this.word = 0;
    return this.firstLines <= 1 ? undefined : rowHeight(this.lines, this.style);
  }
}

/**
 * The height a row of cells wrapped within their own columns (from `col`) needs: that of its text of most lines, or
 * undefined when every text fits on one line (the row keeps its height).
 */
export function wrappedHeight(
  line: readonly CellValue[],
  col: number,
  widths: readonly number[],
  style: CellStyle | undefined,
): number | undefined {
  let lines = 1;
  for (let c = 0; c < line.length; c++) {
    const v = line[c];
    if (typeof v === "string") lines = Math.max(lines, wrappedLines(v, widthOf(widths, col + c, 1), style));
  }
  return lines > 1 ? rowHeight(lines, style) : undefined;
}

/**
 * The text layout of a sheet: each row of a one-column text block that would
 * spill past its cell is merged across `cols` columns (the printed width),
 * wrapped, and given the height its lines need, when nothing else shares
 * the row; every header block and table, and every block of text of up to
 * {@link MAX_WRAPPED_ROWS} rows, wraps within its cells.
 */
export function layoutText(
  blocks: readonly Block[],
  tables: readonly TableSpec[],
  widths: readonly number[],
  cols: number,
): TextLayout | undefined {
  const busy = new Set<number>();
  for (const b of blocks)
    b.values.forEach((line, r) => {
      if (line.some((v, c) => b.col + c > 0 && v !== "")) busy.add(b.row + r);
    });
  for (const t of tables) for (let r = t.row; r < t.row + t.rows; r++) busy.add(r);
  const merges: CellBox[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const wraps: CellBox[] = [];
  const first = widthOf(widths, 0, 1);
  for (const b of blocks) {
    const width = b.values.reduce((m, l) => Math.max(m, l.length), 0);
    if (width === 1 && b.col === 0 && cols > 1) {
      b.values.forEach((line, r) => {
        const text = line[0];
        const row = b.row + r;
        if (typeof text !== "string" || busy.has(row)) return;
        const height = spanHeight(text, widths, cols, b.style);
        if (height === undefined) return;
        merges.push({ row, col: 0, rows: 1, cols });
        rowHeights.push({ row, height });
      });
    } else if (width === 2 && b.col === 0 && b.values.length === 1 && cols > 2 && pair(b, tables)) {
      // A label and its sentence ("Do no harm: passed", "Scenario … No existing partner pays more…"): the sentence is merged
      // across the rest of the page, so it is not wrapped into its own narrow column.
      const [label, sentence] = b.values[0] as [string, string];
      merges.push({ row: b.row, col: 1, rows: 1, cols: cols - 1 });
      wraps.push({ row: b.row, col: 0, rows: 1, cols: 1 });
      const lines = Math.max(wrappedLines(label, first, b.style), wrappedLines(sentence, widthOf(widths, 1, cols - 1), b.style));
      rowHeights.push({ row: b.row, height: rowHeight(lines, b.style) });
    } else if (width > 1 && b.values.length <= MAX_WRAPPED_ROWS && b.values.some((l) => l.some((v) => typeof v === "string"))) {
      wraps.push({ row: b.row, col: b.col, rows: b.values.length, cols: width });
      // LibreOffice keeps a row's height as the file gives it, so a row whose text wraps is given the height of its most lines.
      b.values.forEach((line, r) => {
        const height = wrappedHeight(line, b.col, widths, b.style);
        if (height !== undefined) rowHeights.push({ row: b.row + r, height });
      });
    }
  }
  return merges.length === 0 && wraps.length === 0 ? undefined : { merges, wraps, rowHeights };
}

/**
 * The width a figure takes shown as money, "-£1,234,567.89", in points of
 * 11 pt Calibri (digits and "£" 5.6 pt, separators 2.9 pt, a minus sign 3.4
 * pt), a twentieth more in bold.
 */
function moneyWidth(v: number, bold: boolean): number {
  const whole = Math.floor(Math.abs(v)).toString().length;
  const width = (whole + 2 + 1) * 5.6 + (Math.floor((whole - 1) / 3) + 1) * 2.9 + (v < 0 ? 3.4 : 0);
  return width * (bold ? 1.05 : 1);
}

/**
 * Column widths for paper: each column at least its `base` width (text
 * columns wrap within it), and a column of figures as wide as its widest
 * figure shown as money, so no figure is ever shown as "###".
 */
export function fitFigures(blocks: readonly Block[], base: readonly number[]): number[] {
  const widths = [...base];
  for (const b of blocks)
    for (const line of b.values)
      line.forEach((v, i) => {
        if (typeof v !== "number") return;
        const c = b.col + i;
        // In whole pairs of points: exceljs drops a width of exactly 9 characters (51 pt) when it reads a file back.
        const need = 2 * Math.ceil((moneyWidth(v, b.style === "total" || b.style === "header") + 2 * CELL_PADDING) / 2);
        widths[c] = Math.max(widths[c] ?? 48, need);
      });
  return widths;
}
