/**
 * A laid-out sheet that is all there is in its workbook (a partner's statement) written without exceljs's per-cell
 * writer.
 *
 * A statement of a 10,000-line model holds 100,000 rows; exceljs builds a cell object, a style merge and a shared
 * string for each of its cells, then renders them one XML node at a time, and 20 statements took ten times as long
 * as writing the model's outputs. Here the sheet's cells are worked out as plain rows, with the same styles the
 * {@link XlsxStore} derives (so each is the same style object as a store would make), exceljs is given one cell of
 * each style (so its styles part has them all and it writes the workbook, widths, print setup and defined names as
 * it always does), and the sheet's `<sheetData>` and `<mergeCells>` are then written here, each cell with the style
 * index exceljs gave its style.
 */

import type { Style, Worksheet } from "exceljs";
import type { CellValue, SheetSpec, StatementLine, StatementLines, StatementParts } from "../../excel";
import type { XlsxStore } from "../xlsx-store";
import { columnName, xmlText } from "./bulk-rows";
import { toExcel } from "./cell-convert";
import { StyleCache } from "./styles";
import { giveBuffer, numberText, takeBuffer, XmlBytes } from "./xml-bytes";
import { plainEnds, UsualLineRows } from "./line-rows";

/** A cell merged into the cell at the top left of its range (it has no value of its own). */
const MERGED: unique symbol = Symbol("merged");

type Value = CellValue | typeof MERGED;

/** One row's cells by zero-based column (holes for cells never touched), and its height when the layout set one. */
interface PlainRow {
  readonly values: Value[];
  readonly styles: (Partial<Style> | undefined)[];
  height?: number;
}

/** The cells of a sheet as the store would leave them after `writeSheetSpec`: values, style objects, merges, heights. */
export interface PlainCells {
  readonly rows: (PlainRow | undefined)[];
  /**
   * The rows that are there, in order: a statement's cells without its cost lines are a few dozen rows around a gap of
   * 100,000, which going through `rows` by index would look up one by one.
   */
  readonly present: readonly number[];
  /** The merged ranges in the text layout's order, each with its top row. */
  readonly merges: readonly { readonly row: number; readonly ref: string }[];
}

function rowAt(rows: (PlainRow | undefined)[], r: number): PlainRow {
  let row = rows[r];
  if (row === undefined) rows[r] = row = { values: [], styles: [] };
  return row;
}

/**
 * The sheet's cells, worked out as {@link XlsxStore.writeBlock}, `setTextLayout` and `writeSheetSpec` leave them:
 * each block's values and styles derived in order, then the wrapped rectangles, then the merges (the merged cells
 * taking the top-left cell's style, as exceljs gives them), then the row heights.
 */
export function plainCells(spec: SheetSpec, styles: StyleCache): PlainCells {
  const rows: (PlainRow | undefined)[] = [];
  // Each column's style for a cell not styled before, by the block's formats (a statement's 100,000 rows share a few
  // arrays of them) and style: derived once, not once a cell.
  const fresh = new Map<readonly (string | null)[] | undefined, Map<string, (Partial<Style> | undefined)[]>>();
  for (const b of spec.blocks) {
    const formats = b.formats?.map((f) => f ?? "General");
    const styled = formats !== undefined || b.style !== undefined;
    let byStyle = fresh.get(b.formats);
    if (byStyle === undefined) fresh.set(b.formats, (byStyle = new Map()));
    let first = byStyle.get(b.style ?? "");
    if (first === undefined) byStyle.set(b.style ?? "", (first = []));
    for (let r = 0; r < b.values.length; r++) {
      const line = b.values[r] ?? [];
      const row = rowAt(rows, b.row + r);
      for (let c = 0; c < line.length; c++) {
        const col = b.col + c;
        row.values[col] = line[c] ?? "";
        if (!styled) {
          if (!(col in row.styles)) row.styles[col] = undefined;
          continue;
        }
        const numFmt = formats === undefined ? undefined : (formats[c] ?? "General");
        const before = row.styles[col];
        row.styles[col] =
          before === undefined ? (first[c] ??= styles.derive(undefined, numFmt, b.style)) : styles.derive(before, numFmt, b.style);
      }
    }
  }
  const text = spec.text;
  const merges: { row: number; ref: string }[] = [];
  if (text !== undefined) {
    const wrap = (r: number, c: number): void => {
      const row = rowAt(rows, r);
      if (!(c in row.values)) row.values[c] = "";
      row.styles[c] = styles.wrapped(row.styles[c]);
    };
    for (const w of text.wraps) for (let r = w.row; r < w.row + w.rows; r++) for (let c = w.col; c < w.col + w.cols; c++) wrap(r, c);
    for (const m of text.merges) {
      wrap(m.row, m.col);
      const master = rowAt(rows, m.row).styles[m.col];
      for (let r = m.row; r < m.row + m.rows; r++)
        for (let c = m.col; c < m.col + m.cols; c++) {
          const row = rowAt(rows, r);
          if (row.values[c] === MERGED) throw new Error("Cannot merge already merged cells");
          if (r === m.row && c === m.col) continue;
          row.values[c] = MERGED;
          row.styles[c] = master;
        }
      merges.push({ row: m.row, ref: `${columnName(m.col + 1)}${m.row + 1}:${columnName(m.col + m.cols)}${m.row + m.rows}` });
    }
    for (const h of text.rowHeights) rowAt(rows, h.row).height = h.height;
  }
  // An array's own index keys come in ascending order.
  return { rows, present: Object.keys(rows).map(Number), merges };
}

/** Where a style's one cell for exceljs goes: its zero-based row and column, and the value there. */
interface Template {
  readonly style: Partial<Style>;
  readonly row: number;
  readonly col: number;
  readonly value: Value | undefined;
}

/** The first cell of each style in `rows` from row `from` to before row `to`, in row order, not already in `seen`. */
function firstCells(cells: PlainCells, from: number, to: number, seen: Set<Partial<Style>>): Template[] {
  const out: Template[] = [];
  for (const r of cells.present) {
    const row = cells.rows[r];
    if (r < from || r >= to || row === undefined) continue;
    row.styles.forEach((s, c) => {
      if (s === undefined || seen.has(s)) return;
      seen.add(s);
      out.push({ style: s, row: r, col: c, value: row.values[c] });
    });
  }
  return out;
}

/**
 * Gives exceljs the first cell of each style (its value too, so the sheet it writes is a true part of the whole)
 * and returns where each was put, to find the style index exceljs gives it in the XML it writes.
 */
function placeTemplates(ws: Worksheet, templates: readonly Template[]): Map<Partial<Style>, string> {
  const at = new Map<Partial<Style>, string>();
  for (const t of templates) {
    if (at.has(t.style)) continue;
    const cell = ws.getCell(t.row + 1, t.col + 1);
    if (t.value !== undefined && t.value !== MERGED) cell.value = toExcel(t.value);
    cell.style = t.style;
    at.set(t.style, cell.address);
  }
  return at;
}

/** The style index (`s`) exceljs wrote on each template cell; a cell it wrote without one has index 0. */
function styleIndexes(xml: string, at: ReadonlyMap<Partial<Style>, string>): Map<Partial<Style>, string> {
  const byAddress = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) byAddress.set(m[1] ?? "", /\bs="(\d+)"/.exec(m[2] ?? "")?.[1] ?? "0");
  const out = new Map<Partial<Style>, string>();
  for (const [s, address] of at) out.set(s, byAddress.get(address) ?? "0");
  return out;
}

/** Each style's `s` attribute as the cells' XML carries it ("" for index 0), from the indexes exceljs gave. */
function styleAttrs(index: ReadonlyMap<Partial<Style>, string>): (style: Partial<Style> | undefined) => string {
  const attrs = new Map<Partial<Style> | undefined, string>();
  return (style) => {
    let a = attrs.get(style);
    if (a === undefined) {
      const s = style === undefined ? "0" : (index.get(style) ?? "0");
      attrs.set(style, (a = s === "0" ? "" : ` s="${s}"`));
    }
    return a;
  };
}

/** Text that a reader would trim or fold unless told to keep its white space as it is. */
const LOOSE_SPACE = /^\s|\s$|[\t\n\r]/;

/** A cell's text element: `xml:space="preserve"` only where white space at an end or a tab or line break needs it. */
function textElement(v: string): string {
  return LOOSE_SPACE.test(v) ? `<t xml:space="preserve">${xmlText(v)}</t>` : `<t>${xmlText(v)}</t>`;
}

/**
 * A cell as exceljs writes it, its pieces pushed onto `out` (`open` is `<c r="A1"` and its style attribute): a number
 * as its shortest text, text inline (kept as it is), an empty cell only when it has a style, a merged cell always.
 * False when the cell is not written.
 */
function pushCell(out: string[], open: string, v: Value | undefined, sAttr: string): boolean {
  if (typeof v === "number") out.push(open, "><v>", numberText(v), "</v></c>");
  else if (typeof v === "string" && v !== "") out.push(open, ' t="inlineStr"><is>', textElement(v), "</is></c>");
  else if (typeof v === "boolean") out.push(open, ` t="b"><v>${v ? 1 : 0}</v></c>`);
  else if (v === MERGED || sAttr !== "") out.push(open, "/>");
  else return false;
  return true;
}

/** A row's opening tag, with its height when it has one. */
function rowOpen(n: number, height: number | undefined): string {
  return height === undefined ? `<row r="${n}">` : `<row r="${n}" ht="${height}" customHeight="1">`;
}

/** A sheet's used range, zero-based (bottom < 0: nothing). */
interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The range the rows cover: every row that has a cell and every column that has one, written or not. */
function cellBounds(cells: PlainCells): Bounds {
  const b: Bounds = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
  for (const r of cells.present) {
    const row = cells.rows[r];
    if (row === undefined) continue;
    b.top = Math.min(b.top, r);
    b.bottom = Math.max(b.bottom, r);
    for (let c = 0; c < row.values.length; c++) {
      if (!(c in row.values)) continue;
      b.left = Math.min(b.left, c);
      b.right = Math.max(b.right, c);
    }
  }
  return b;
}

/** The `<dimension>` reference of a range. */
function rangeRef(b: Bounds): string | undefined {
  return b.bottom < 0 ? undefined : `${columnName(b.left + 1)}${b.top + 1}:${columnName(b.right + 1)}${b.bottom + 1}`;
}

/**
 * XML made as many short strings, joined and encoded every 64 kB into one buffer that grows as it fills. Building each
 * cell's and row's string first made several short-lived strings a cell, and holding a megabyte of pieces before joining
 * them kept them alive through the young generation's collections, which copied them each time: a statement's largest
 * cost was those collections.
 */
class XmlBuffers {
  pending: string[] = [];
  size = 0;
  private buf: Buffer;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = takeBuffer(capacity);
  }

  /** Gives its buffer back for the next statement (nothing it returned may be read after this). */
  release(): void {
    giveBuffer(this.buf);
    this.buf = Buffer.alloc(0);
    this.length = 0;
  }

  /** Encodes what is pending once it passes 64 kB (`size` counts its characters, roughly). */
  full(): void {
    if (this.size > 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join("");
    this.pending = [];
    this.size = 0;
    // At most three bytes a UTF-16 unit in UTF-8.
    const need = this.length + 3 * text.length;
    if (need > this.buf.length) {
      const grown = takeBuffer(Math.max(need, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, this.length);
      giveBuffer(this.buf);
      this.buf = grown;
    }
    this.length += this.buf.write(text, this.length, "utf8");
  }

  /** Everything written, encoded (call {@link flush} first). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** The `<row>` elements of rows `from` to before `to`, appended to `out`. */
function rowsXml(
  out: XmlBuffers,
  cells: PlainCells,
  from: number,
  to: number,
  sAttrOf: (style: Partial<Style> | undefined) => string,
  names: string[],
): void {
  for (const r of cells.present) {
    const row = cells.rows[r];
    if (r < from || r >= to || row === undefined) continue;
    const n = r + 1;
    const pending = out.pending;
    const mark = pending.length;
    pending.push(rowOpen(n, row.height));
    let written = 0;
    for (let c = 0; c < row.values.length; c++) {
      if (!(c in row.values)) continue;
      const v = row.values[c];
      const sAttr = sAttrOf(row.styles[c]);
      const open = `<c r="${(names[c] ??= columnName(c + 1))}${n}"${sAttr}`;
      if (!pushCell(pending, open, v, sAttr)) continue;
      written++;
      out.size += open.length + 24 + (typeof v === "string" ? v.length : 0);
    }
    if (written === 0 && row.height === undefined) {
      pending.length = mark;
      continue;
    }
    pending.push("</row>");
    out.size += 24;
    out.full();
  }
}

/** The `<mergeCells>` element of the merged ranges (none when there are none). */
function mergesXml(refs: readonly string[]): string {
  if (refs.length === 0) return "";
  return `<mergeCells count="${refs.length}">${refs.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
}

/** exceljs's sheet XML before and after its `<sheetData>`, its dimension set to `ref`. */
function aroundSheetData(xml: string, name: string, ref: string | undefined): { head: string; tail: string } {
  const start = xml.indexOf("<sheetData");
  const selfClosed = /^<sheetData\s*\/>/.exec(xml.slice(start));
  const end = selfClosed !== null ? start + selfClosed[0].length : xml.indexOf("</sheetData>", start) + "</sheetData>".length;
  if (start < 0 || end < start) throw new Error(`the sheet "${name}" has no sheetData`);
  let head = xml.slice(0, start);
  if (ref !== undefined) head = head.replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${ref}"/>`);
  return { head, tail: xml.slice(end) };
}

/**
 * Puts a laid-out sheet into a store whose workbook holds only it, as `writeSheetSpec` would but with one cell of each
 * style: its widths, text layout's styles and print setup go through the store, and the returned function turns the
 * sheet's XML as exceljs wrote it into the whole sheet (for `workbookBytes`' `rewrite`).
 */
export function writePlainSheet(store: XlsxStore, spec: SheetSpec): { sheet: Worksheet; rewrite: (xml: string) => Buffer } {
  store.addSheet(spec.name, true);
  const ws = store.workbook.worksheets.find((w) => w.name === spec.name);
  if (ws === undefined) throw new Error(`No sheet named "${spec.name}"`);
  const cells = plainCells(spec, new StyleCache());
  const at = placeTemplates(ws, firstCells(cells, 0, Infinity, new Set()));
  store.setColumnWidths(spec.name, spec.columnWidths);
  if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
  const rewrite = (xml: string): Buffer => {
    const sAttrOf = styleAttrs(styleIndexes(xml, at));
    const { head, tail } = aroundSheetData(xml, spec.name, rangeRef(cellBounds(cells)));
    const out = new XmlBuffers();
    out.pending.push(head, "<sheetData>");
    rowsXml(out, cells, 0, Infinity, sAttrOf, []);
    // exceljs wrote no merges (none were given to it): the sheet's own go right after its rows, where the schema puts them.
    out.pending.push("</sheetData>", mergesXml(cells.merges.map((m) => m.ref)), tail);
    out.flush();
    return out.bytes();
  };
  return { sheet: ws, rewrite };
}

/** Room kept before a statement's cost lines for the sheet's XML above them (its head and a few dozen rows). */
const LINES_AT = 1 << 18;

/** A style of a statement's cost lines that has no index yet: its first cell there, for exceljs to be given. */
class NewStyle extends Error {
  constructor(readonly template: Template) {
    super("a statement's cost lines use a style exceljs was not given");
  }
}

/**
 * A statement's cost lines as `<row>` XML, made one line at a time (no block, row or cell objects held for them) and
 * kept as encoded buffers, with their merged rows and range. It is made once: when a line needs a style whose index
 * exceljs has not given (a style first seen among the lines), it stops before that line and says where the style is
 * first used, and carries on from there once exceljs has been given that cell (the styles first used earlier keep
 * their indexes, so what is made stays right).
 */
class LinesXml {
  private readonly out: XmlBytes;
  private next = 0;
  private row: number;
  /** The rows of the notes merged across the page, in order. */
  readonly merged: number[] = [];
  readonly bounds: Bounds = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
  private readonly charge: Partial<Style>[] = [];
  private readonly note: Partial<Style>;
  private readonly mergedNote: Partial<Style>;
  private readonly names: string[] = [];

  constructor(
    private readonly lines: StatementLines,
    private readonly styles: StyleCache,
    private readonly linesAt: number,
  ) {
    this.row = lines.row;
    // About 330 bytes a row (a 10,000-line model's statement is 27 MB of them): grown from there when it is more.
    this.out = new XmlBytes(Math.max(1 << 16, 400 * lines.rows), linesAt);
    this.note = styles.derive(undefined, undefined, lines.noteStyle);
    this.mergedNote = styles.wrapped(this.note);
  }

  /** A charge row's style in column `c`: as plainCells derives a block's (its number format on a fresh cell), wrapped. */
  private chargeStyle(c: number): Partial<Style> {
    return (this.charge[c] ??= this.styles.wrapped(this.styles.derive(undefined, this.lines.formats[c] ?? "General", undefined)));
  }

  /** A `<row>` opening tag, as {@link rowOpen} makes it. */
  private rowOpen(n: number, height: number | undefined): void {
    const { out } = this;
    out.ascii('<row r="');
    out.int(n);
    if (height === undefined) out.ascii('">');
    else {
      out.ascii('" ht="');
      if (Number.isSafeInteger(height) && height >= 0) out.int(height);
      else out.ascii(`${height}`);
      out.ascii('" customHeight="1">');
    }
  }

  /**
   * A text cell of pieces (joined, its text) as {@link cell} writes the text: each piece encoded as it is, the text
   * joined only when some of it needs escaping or its white space keeping.
   */
  private textCell(col: number, n: number, pieces: readonly string[], sAttr: string): boolean {
    if (pieces.length === 1) return this.cell(col, n, pieces[0]!, sAttr);
    if (!plainEnds(pieces)) return this.cell(col, n, pieces.join(""), sAttr);
    const { out } = this;
    this.cellOpen(col, n, sAttr);
    out.ascii(' t="inlineStr"><is><t>');
    const mark = out.length;
    for (let k = 0; k < pieces.length; k++)
      if (!out.plainText(pieces[k]!)) {
        // Something to escape (or a tab or line break, which asks for its white space kept): the joined text's element.
        out.length = mark - 3;
        out.utf8(textElement(pieces.join("")));
        out.ascii("</is></c>");
        return true;
      }
    out.ascii("</t></is></c>");
    return true;
  }

  /** A cell's opening `<c r="B7"` and its style attribute. */
  private cellOpen(col: number, n: number, sAttr: string): void {
    const { out } = this;
    out.ascii('<c r="');
    out.ascii((this.names[col] ??= columnName(col + 1)));
    out.int(n);
    out.ascii('"');
    out.ascii(sAttr);
  }

  /** A cell as {@link pushCell} writes it (false, with nothing written, when it is not written). */
  private cell(col: number, n: number, v: Value, sAttr: string): boolean {
    const { out } = this;
    const isText = typeof v === "string" && v !== "";
    if (typeof v !== "number" && typeof v !== "boolean" && !isText && v !== MERGED && sAttr === "") return false;
    out.ascii('<c r="');
    out.ascii((this.names[col] ??= columnName(col + 1)));
    out.int(n);
    out.ascii('"');
    out.ascii(sAttr);
    if (typeof v === "number") {
      out.ascii("><v>");
      out.number(v);
      out.ascii("</v></c>");
    } else if (isText) {
      out.ascii(' t="inlineStr"><is>');
      const mark = out.length;
      const text = v as string;
      const first = text.charCodeAt(0);
      const last = text.charCodeAt(text.length - 1);
      // White space at an end asks for xml:space="preserve" (a tab or line break sends the text to textElement below).
      const loose = !(first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) && LOOSE_SPACE.test(text);
      out.ascii(loose ? '<t xml:space="preserve">' : "<t>");
      if (out.plainText(text)) out.ascii("</t>");
      else {
        out.length = mark;
        out.utf8(textElement(text));
      }
      out.ascii("</is></c>");
    } else if (typeof v === "boolean") out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
    else out.ascii("/>");
    return true;
  }

  /** Writes a line's rows in their usual shape (see {@link UsualLineRows}); false, with nothing written, when they are not. */
  private usual(usual: UsualLineRows, line: StatementLine): boolean {
    const mark = this.out.length;
    let n = this.row + 1;
    if (!usual.charge(n, line.cells, line.height)) return false;
    for (let k = 0; k < line.notes.length; k++) {
      const note = line.notes[k]!;
      if (!usual.note(++n, note.pieces, note.height)) {
        this.out.length = mark;
        return false;
      }
    }
    return true;
  }

  /** Makes the rest of the lines; throws {@link NewStyle} for a style without an index (`sAttrOf` undefined). */
  make(sAttrOf: (style: Partial<Style>) => string | undefined): void {
    const { lines, out } = this;
    const cols = lines.cols;
    const attr = (style: Partial<Style>, row: number, col: number, value: Value | readonly string[]): string => {
      const a = sAttrOf(style);
      if (a === undefined) throw new NewStyle({ style, row, col, value: Array.isArray(value) ? value.join("") : (value as Value) });
      return a;
    };
    // The rows in their usual shape from markup made once (line-rows.ts), once the styles they use have indexes (a
    // note whose style has none is written the general way, which stops at it).
    const chargeAttrs = lines.formats.map((_, c) => sAttrOf(this.chargeStyle(c)));
    const noteAttr = sAttrOf(this.note);
    const mergedAttr = sAttrOf(this.mergedNote);
    const usual = chargeAttrs.some((a) => a === undefined)
      ? undefined
      : new UsualLineRows(out, chargeAttrs as string[], noteAttr, mergedAttr, cols);
    for (; this.next < lines.count; this.next++) {
      const line = lines.line(this.next);
      const mark = out.length;
      const mergedMark = this.merged.length;
      let r = this.row;
      let right = 0;
      if (usual !== undefined && this.usual(usual, line)) {
        right = Math.max(0, line.cells.length - 1);
        r++;
        for (let k = 0; k < line.notes.length; k++) {
          if (line.notes[k]!.height !== undefined) {
            this.merged.push(r);
            right = Math.max(right, cols - 1);
          }
          r++;
        }
      } else
        try {
          const n = r + 1;
          this.rowOpen(n, line.height);
          let written = 0;
          for (let c = 0; c < line.cells.length; c++) {
            const v = line.cells[c] ?? "";
            if (this.cell(c, n, v, attr(this.chargeStyle(c), r, c, v))) written++;
          }
          right = Math.max(right, line.cells.length - 1);
          // A row with no cell and no height is not written (as rowsXml leaves it out).
          if (written === 0 && line.height === undefined) out.length = mark;
          else out.ascii("</row>");
          r++;
          for (let k = 0; k < line.notes.length; k++) {
            const note = line.notes[k]!;
            const m = r + 1;
            const merged = note.height !== undefined;
            const sAttr = attr(merged ? this.mergedNote : this.note, r, 0, note.pieces);
            const noteMark = out.length;
            this.rowOpen(m, note.height);
            const wrote = this.textCell(0, m, note.pieces, sAttr);
            if (merged) {
              this.merged.push(r);
              // The rest of the page's width, merged into the note: each cell with the note's style.
              for (let c = 1; c < cols; c++) this.cell(c, m, MERGED, sAttr);
              right = Math.max(right, cols - 1);
            }
            if (!wrote && !merged) out.length = noteMark;
            else out.ascii("</row>");
            r++;
          }
        } catch (e) {
          // Nothing of the line is kept: it is made again once its style has an index.
          out.length = mark;
          this.merged.length = mergedMark;
          throw e;
        }
      this.bounds.top = Math.min(this.bounds.top, this.row);
      this.bounds.bottom = Math.max(this.bounds.bottom, r - 1);
      this.bounds.left = 0;
      this.bounds.right = Math.max(this.bounds.right, right);
      this.row = r;
    }
  }

  /**
   * The whole sheet, once {@link make} has made every line: `top` (the sheet's XML down to the lines) put in the room
   * kept before them, then `bottom` (the rows below them, down to the merges above them), the `<mergeCell>` elements of
   * the lines' merged notes and `last` (the merges below them and the rest) after them, all in the lines' buffer, so a
   * statement's XML is not copied again. Called once.
   */
  finish(top: Buffer, bottom: Buffer, last: Buffer): Buffer {
    const { out } = this;
    out.append(bottom);
    const right = columnName(this.lines.cols);
    // Indexed: run once a statement, a for…of over its 50,000 merged notes made an iterator result for each.
    for (let i = 0; i < this.merged.length; i++) {
      const r = this.merged[i]!;
      out.ascii('<mergeCell ref="A');
      out.int(r + 1);
      out.ascii(":");
      out.ascii(right);
      out.int(r + 1);
      out.ascii('"/>');
    }
    out.append(last);
    // Taken only now: writing may have moved everything to a larger buffer.
    const all = out.bytes();
    const at = this.linesAt;
    if (top.length > at) return Buffer.concat([top, all.subarray(at)]);
    out.put(at - top.length, top);
    return all.subarray(at - top.length);
  }

  /** Lets go of the lines' XML (see {@link XmlBytes.release}). */
  release(): void {
    this.out.release();
  }
}

/**
 * A partner's statement as .xlsx bytes, its cost lines written straight to the sheet's XML as they are laid out: the
 * rest of the sheet as {@link writePlainSheet} writes a sheet, the lines one at a time between them, each cell with the
 * style index exceljs gave its style. The result is the file {@link writePlainSheet} makes of the whole sheet
 * ({@link StatementParts} lays the lines out as the whole sheet's text layout does), without its 100,000 rows of
 * blocks, cells and strings held at once for a large model. `save` writes the workbook (`workbookBytes`).
 */
export async function plainStatementBytes(
  parts: StatementParts,
  newStore: () => XlsxStore,
  save: (store: XlsxStore, sheet: Worksheet, rewrite: (xml: string) => Buffer) => Promise<Buffer>,
  /** The room kept before the lines for the sheet's XML above them (a sheet that needs more is put together by copying). */
  linesAt = LINES_AT,
): Promise<Buffer> {
  const { sheet: spec, lines } = parts;
  const styles = new StyleCache();
  const cells = plainCells(spec, styles);
  const made = new LinesXml(lines, styles, linesAt);
  const end = lines.row + lines.rows;
  // The lines' first cells of styles not used above them, in the order they were found.
  const found: Template[] = [];
  try {
    for (;;) {
      const store = newStore();
      store.addSheet(spec.name, true);
      const ws = store.workbook.worksheets.find((w) => w.name === spec.name);
      if (ws === undefined) throw new Error(`No sheet named "${spec.name}"`);
      // In the order of the whole sheet: the rows above the lines, the lines, then the rows below.
      const seen = new Set<Partial<Style>>();
      const above = firstCells(cells, 0, lines.row, seen);
      const before = new Set(seen);
      for (const t of found) seen.add(t.style);
      const at = placeTemplates(ws, [...above, ...found, ...firstCells(cells, end, Infinity, seen)]);
      const known = new Set([...before, ...found.map((t) => t.style)]);
      store.setColumnWidths(spec.name, spec.columnWidths);
      if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
      const rewrite = (xml: string): Buffer => {
        const sAttrOf = styleAttrs(styleIndexes(xml, at));
        made.make((style) => (known.has(style) ? sAttrOf(style) : undefined));
        const bounds = cellBounds(cells);
        const b = made.bounds;
        if (b.bottom >= 0) {
          bounds.top = Math.min(bounds.top, b.top);
          bounds.bottom = Math.max(bounds.bottom, b.bottom);
          bounds.left = Math.min(bounds.left, b.left);
          bounds.right = Math.max(bounds.right, b.right);
        }
        const { head, tail } = aroundSheetData(xml, spec.name, rangeRef(bounds));
        const names: string[] = [];
        const top = new XmlBuffers();
        top.pending.push(head, "<sheetData>");
        rowsXml(top, cells, 0, lines.row, sAttrOf, names);
        top.flush();
        const bottom = new XmlBuffers();
        rowsXml(bottom, cells, end, Infinity, sAttrOf, names);
        bottom.pending.push("</sheetData>");
        // The merges in the order of the whole sheet's text layout: those above the lines, the lines', those below
        // (the lines' straight into bytes: tens of thousands of strings held at once outlived the young generation).
        const mergesAbove = cells.merges.filter((m) => m.row < lines.row).map((m) => m.ref);
        const mergesBelow = cells.merges.filter((m) => m.row >= lines.row).map((m) => m.ref);
        const count = mergesAbove.length + made.merged.length + mergesBelow.length;
        if (count > 0) bottom.pending.push(`<mergeCells count="${count}">`, ...mergesAbove.map((m) => `<mergeCell ref="${m}"/>`));
        bottom.flush();
        const last = new XmlBuffers();
        if (count > 0) last.pending.push(...mergesBelow.map((m) => `<mergeCell ref="${m}"/>`), "</mergeCells>");
        last.pending.push(tail);
        last.flush();
        return made.finish(top.bytes(), bottom.bytes(), last.bytes());
      };
      try {
        return await save(store, ws, rewrite);
      } catch (e) {
        if (!(e instanceof NewStyle)) throw e;
        found.push(e.template);
      }
    }
  } finally {
    made.release();
  }
}
