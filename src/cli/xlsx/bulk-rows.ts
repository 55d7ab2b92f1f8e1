/**
 * Writing a large sheet's rows without exceljs's per-cell XML writer.
 *
 * exceljs renders every cell through a generic XML writer and a shared
 * strings table, which for a 10,000-line model's outputs (two million
 * cells) took most of the save and gigabytes of memory. A `BulkXlsxStore`
 * holds a long block of an output sheet as plain rows, with only its first
 * row as exceljs cells; exceljs writes the sheet down to that row, and the
 * rest of the block is written here, straight to XML, with each column's
 * style index copied from that first row as exceljs wrote it. Only sheets
 * the store created itself are written this way, so a user's own sheets
 * (with row heights, hidden rows, notes or merged cells) always go through
 * exceljs.
 */

import { ooxmlEscape } from "./ooxml-text";
import type { HeldRows } from "./held-rows";
import { XmlBytes } from "./xml-bytes";

/** A one-based column number as its letters (1 → "A", 27 → "AA"). */
export function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as XML character data; characters XML cannot hold are written as OOXML's `_xHHHH_` escapes, as Excel does. */
export function xmlText(s: string): string {
  // Most text needs nothing escaped (a statement's 200,000 cells of it): one test, then it is written as it is.
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  return ooxmlEscape(s).replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Style index of each column of a template row, from the `<row>` element exceljs wrote. */
function templateStyles(row: string): Map<number, string> {
  const styles = new Map<number, string>();
  for (const m of row.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>|<c r="([A-Z]+)\d+"([^>]*)\/>/g)) {
    const letters = m[1] ?? m[3] ?? "";
    const attrs = m[2] ?? m[4] ?? "";
    const s = /\bs="(\d+)"/.exec(attrs)?.[1];
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    if (s !== undefined) styles.set(col, s);
  }
  return styles;
}

/** Rows to write after a template row: values from column `col` (zero-based); "" is an empty cell. */
export interface RowsInsert {
  /** One-based number of the template row (written by exceljs); the rows follow it. */
  readonly template: number;
  readonly col: number;
  readonly rows: HeldRows;
}

/** Markup as bytes, to copy in with `XmlBytes.markup`. */
const ascii = (markup: string): Uint8Array => Buffer.from(markup, "latin1");
const ROW_OPEN = ascii('<row r="');
const ROW_HEAD_END = ascii('">');
const VALUE_END = ascii("</v></c>");
const TEXT_END = ascii("</t></is></c>");
const TRUE_END = ascii("1</v></c>");
const FALSE_END = ascii("0</v></c>");
const ROW_END = ascii("</row>");

/** A piece of XML is handed on once it passes this many bytes. */
const PIECE = 1 << 20;

/**
 * Rows as `<row>` elements, each cell with its column's style index, as
 * pieces of about a megabyte written straight into two buffers used in
 * turn: a piece stays as it is until the next-but-one is asked for (what
 * {@link packPart} needs to compress one while the next is made). Made as
 * strings (a few for each cell, joined a megabyte at a time and encoded),
 * a 100,000-line model's 1.5 GB of Allocations and Trace XML was a tenth of
 * its write's time and a large part of its garbage; fresh megabyte buffers
 * outside the heap at that pace made V8 mark the whole heap over and over.
 */
function* rowsXml(insert: RowsInsert, styles: Map<number, string>, names: string[]): Generator<Buffer> {
  const width = insert.rows.width;
  const columns = insert.rows.columns();
  // Each column's fixed parts, worked out once.
  // Each column's markup as bytes, copied in for each cell: a cell's opening up to its row number, and what follows
  // the row number in a cell of each kind (its style, type and opening tags).
  const open: Uint8Array[] = [];
  const styled: boolean[] = [];
  const figure: Uint8Array[] = [];
  const text: Uint8Array[] = [];
  const truth: Uint8Array[] = [];
  const empty: Uint8Array[] = [];
  for (let c = 0; c < width; c++) {
    const col = insert.col + c + 1;
    const s = styles.get(col);
    open[c] = ascii(`<c r="${(names[col] ??= columnName(col))}`);
    styled[c] = s !== undefined;
    const attr = s === undefined ? "" : ` s="${s}"`;
    figure[c] = ascii(`"${attr}><v>`);
    text[c] = ascii(`"${attr} t="inlineStr"><is><t xml:space="preserve">`);
    truth[c] = ascii(`"${attr} t="b"><v>`);
    empty[c] = ascii(`"${attr}/>`);
  }
  const buffers = [new XmlBytes(2 * PIECE), new XmlBytes(2 * PIECE)];
  let turn = 0;
  let x = buffers[0]!;
  for (let r = 0; r < insert.rows.length; r++) {
    const n = insert.template + 1 + r;
    x.markup(ROW_OPEN);
    x.int(n);
    x.markup(ROW_HEAD_END);
    for (let c = 0; c < width; c++) {
      const column = columns[c];
      let v: unknown;
      if (column instanceof Float64Array) {
        const f = column[r] as number;
        v = Number.isNaN(f) ? "" : f;
      } else v = column === undefined ? "" : column[r];
      if (typeof v === "number") {
        x.markup(open[c]!);
        x.int(n);
        x.markup(figure[c]!);
        x.number(v);
        x.markup(VALUE_END);
      } else if (typeof v === "string" && v !== "") {
        x.markup(open[c]!);
        x.int(n);
        x.markup(text[c]!);
        if (!x.plainText(v)) x.utf8(xmlText(v));
        x.markup(TEXT_END);
      } else if (typeof v === "boolean") {
        x.markup(open[c]!);
        x.int(n);
        x.markup(truth[c]!);
        x.markup(v ? TRUE_END : FALSE_END);
      } else if (styled[c] === true) {
        x.markup(open[c]!);
        x.int(n);
        x.markup(empty[c]!);
      }
    }
    x.markup(ROW_END);
    if (x.length > PIECE) {
      yield x.bytes();
      turn = 1 - turn;
      x = buffers[turn]!;
      x.length = 0;
    }
  }
  if (x.length > 0) yield x.bytes();
}

const toCol = (s: string): number => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The worksheet part exceljs wrote, with each insert's rows put in as XML
 * after its template row (copying each column's style index from it), and
 * the sheet's dimension widened to cover them: a megabyte or so at a time,
 * as the pieces are made. A 100,000-line model's Allocations sheet is 750 MB
 * of XML, which the save compresses as it comes instead of holding it whole.
 * A piece stays as it is only until the next-but-one is asked for.
 */
export function* rowsPieces(xml: string, inserts: readonly RowsInsert[]): Generator<Buffer> {
  const names: string[] = [];
  let bottom = 0;
  let right = 0;
  for (const ins of inserts) {
    bottom = Math.max(bottom, ins.template + ins.rows.length);
    if (ins.rows.length > 0) right = Math.max(right, ins.col + ins.rows.width);
  }
  const text = xml.replace(
    /<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/,
    (_m, c1: string, r1: string, c2?: string, r2?: string) => {
      return `<dimension ref="${c1}${r1}:${columnName(Math.max(toCol(c2 ?? c1), right))}${Math.max(Number(r2 ?? r1), bottom)}"/>`;
    },
  );
  let cursor = 0;
  for (const ins of [...inserts].sort((a, b) => a.template - b.template)) {
    const start = text.indexOf(`<row r="${ins.template}"`, cursor);
    const end = start < 0 ? -1 : text.indexOf("</row>", start);
    if (end < 0) throw new Error(`row ${ins.template} was not written`);
    const after = end + "</row>".length;
    yield Buffer.from(text.slice(cursor, after), "utf8");
    yield* rowsXml(ins, templateStyles(text.slice(start, after)), names);
    cursor = after;
  }
  yield Buffer.from(text.slice(cursor), "utf8");
}
