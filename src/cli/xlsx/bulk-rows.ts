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

/** Rows to write after a template row: values from column `col` (zero-based); null, undefined or "" is an empty cell. */
export interface RowsInsert {
  /** One-based number of the template row (written by exceljs); the rows follow it. */
  readonly template: number;
  readonly col: number;
  readonly rows: readonly (readonly unknown[] | undefined)[];
}

/**
 * Rows as `<row>` elements, each cell with its column's style index, as
 * buffers of about a megabyte: each row is built as one short string and
 * a megabyte of them joined and encoded at once, so no long chain of
 * concatenated strings outlives a row (they cost more in garbage collection
 * than the XML itself).
 */
function* rowsXml(insert: RowsInsert, styles: Map<number, string>, names: string[]): Generator<Buffer> {
  const width = insert.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  // Each column's fixed parts, worked out once.
  const open: string[] = [];
  const attr: string[] = [];
  const styled: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const col = insert.col + c + 1;
    const s = styles.get(col);
    open[c] = `<c r="${(names[col] ??= columnName(col))}`;
    styled[c] = s !== undefined;
    attr[c] = s === undefined ? "" : ` s="${s}"`;
  }
  let n = insert.template;
  let pending: string[] = [];
  let size = 0;
  for (const list of insert.rows) {
    n++;
    if (list === undefined) continue;
    let row = `<row r="${n}">`;
    for (let c = 0; c < list.length; c++) {
      const v = list[c];
      const sAttr = attr[c] ?? "";
      if (typeof v === "number") row += `${open[c]}${n}"${sAttr}><v>${v}</v></c>`;
      else if (typeof v === "string" && v !== "")
        row += `${open[c]}${n}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
      else if (typeof v === "boolean") row += `${open[c]}${n}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (styled[c] === true) row += `${open[c]}${n}"${sAttr}/>`;
    }
    row += "</row>";
    pending.push(row);
    size += row.length;
    if (size > 1 << 20) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(""), "utf8");
}

const toCol = (s: string): number => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The worksheet part exceljs wrote, with each insert's rows put in as XML
 * after its template row (copying each column's style index from it), and
 * the sheet's dimension widened to cover them: a megabyte or so at a time,
 * as the pieces are made. A 100,000-line model's Allocations sheet is 750 MB
 * of XML, which the save compresses as it comes instead of holding it whole.
 */
export function* rowsPieces(xml: string, inserts: readonly RowsInsert[]): Generator<Buffer> {
  const names: string[] = [];
  let bottom = 0;
  let right = 0;
  for (const ins of inserts) {
    bottom = Math.max(bottom, ins.template + ins.rows.length);
    for (const r of ins.rows) right = Math.max(right, ins.col + (r?.length ?? 0));
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
