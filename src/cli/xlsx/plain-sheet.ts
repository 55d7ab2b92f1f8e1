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
import type { CellValue, SheetSpec } from "../../excel";
import type { XlsxStore } from "../xlsx-store";
import { columnName, xmlText } from "./bulk-rows";
import { toExcel } from "./cell-convert";
import { StyleCache } from "./styles";

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
  readonly merges: readonly string[];
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
  const merges: string[] = [];
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
      merges.push(`${columnName(m.col + 1)}${m.row + 1}:${columnName(m.col + m.cols)}${m.row + m.rows}`);
    }
    for (const h of text.rowHeights) rowAt(rows, h.row).height = h.height;
  }
  return { rows, merges };
}

/**
 * Gives exceljs the first cell of each style (its value too, so the sheet it writes is a true part of the whole)
 * and returns where each was put, to find the style index exceljs gives it in the XML it writes.
 */
function placeTemplates(ws: Worksheet, cells: PlainCells): Map<Partial<Style>, string> {
  const at = new Map<Partial<Style>, string>();
  cells.rows.forEach((row, r) => {
    if (row === undefined) return;
    row.styles.forEach((s, c) => {
      if (s === undefined || at.has(s)) return;
      const cell = ws.getCell(r + 1, c + 1);
      const v = row.values[c];
      if (v !== undefined && v !== MERGED) cell.value = toExcel(v);
      cell.style = s;
      at.set(s, cell.address);
    });
  });
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

/** Text that a reader would trim or fold unless told to keep its white space as it is. */
const LOOSE_SPACE = /^\s|\s$|[\t\n\r]/;

/** A cell's text element: `xml:space="preserve"` only where white space at an end or a tab or line break needs it. */
function textElement(v: string): string {
  return LOOSE_SPACE.test(v) ? `<t xml:space="preserve">${xmlText(v)}</t>` : `<t>${xmlText(v)}</t>`;
}

/**
 * The sheet's `<sheetData>` as XML, in buffers of about a megabyte (each row built as one short string, a megabyte of
 * them joined and encoded at once), with its used range: cells as exceljs writes them (a number as its shortest
 * text, text inline (kept as it is), an empty cell only when it has a style, a merged cell always), rows with their height.
 */
function sheetDataXml(cells: PlainCells, index: ReadonlyMap<Partial<Style>, string>): { parts: Buffer[]; ref: string | undefined } {
  const parts: Buffer[] = [Buffer.from("<sheetData>", "utf8")];
  const names: string[] = [];
  let pending: string[] = [];
  let size = 0;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  // Pieces go straight into the list joined once a megabyte: building each cell's and row's string first made several
  // short-lived strings a cell, a statement's largest cost in garbage collection.
  const attrs = new Map<Partial<Style> | undefined, string>();
  const sAttrOf = (style: Partial<Style> | undefined): string => {
    let a = attrs.get(style);
    if (a === undefined) {
      const s = style === undefined ? "0" : (index.get(style) ?? "0");
      attrs.set(style, (a = s === "0" ? "" : ` s="${s}"`));
    }
    return a;
  };
  cells.rows.forEach((row, r) => {
    if (row === undefined) return;
    const n = r + 1;
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    const mark = pending.length;
    pending.push(row.height === undefined ? `<row r="${n}">` : `<row r="${n}" ht="${row.height}" customHeight="1">`);
    let written = 0;
    for (let c = 0; c < row.values.length; c++) {
      if (!(c in row.values)) continue;
      left = Math.min(left, c);
      right = Math.max(right, c);
      const v = row.values[c];
      const sAttr = sAttrOf(row.styles[c]);
      const open = `<c r="${(names[c] ??= columnName(c + 1))}${n}"${sAttr}`;
      if (typeof v === "number") pending.push(open, `><v>${v}</v></c>`);
      else if (typeof v === "string" && v !== "") pending.push(open, ' t="inlineStr"><is>', textElement(v), "</is></c>");
      else if (typeof v === "boolean") pending.push(open, ` t="b"><v>${v ? 1 : 0}</v></c>`);
      else if (v === MERGED || sAttr !== "") pending.push(open, "/>");
      else continue;
      written++;
      size += open.length + 24 + (typeof v === "string" ? v.length : 0);
    }
    if (written === 0 && row.height === undefined) {
      pending.length = mark;
      return;
    }
    pending.push("</row>");
    size += 24;
    if (size > 1 << 20) {
      parts.push(Buffer.from(pending.join(""), "utf8"));
      pending = [];
      size = 0;
    }
  });
  pending.push("</sheetData>");
  if (cells.merges.length > 0) {
    pending.push(`<mergeCells count="${cells.merges.length}">`);
    for (const m of cells.merges) pending.push(`<mergeCell ref="${m}"/>`);
    pending.push("</mergeCells>");
  }
  parts.push(Buffer.from(pending.join(""), "utf8"));
  const ref = bottom < 0 ? undefined : `${columnName(left + 1)}${top + 1}:${columnName(right + 1)}${bottom + 1}`;
  return { parts, ref };
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
  const at = placeTemplates(ws, cells);
  store.setColumnWidths(spec.name, spec.columnWidths);
  if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
  const rewrite = (xml: string): Buffer => {
    const index = styleIndexes(xml, at);
    const start = xml.indexOf("<sheetData");
    const selfClosed = /^<sheetData\s*\/>/.exec(xml.slice(start));
    const end = selfClosed !== null ? start + selfClosed[0].length : xml.indexOf("</sheetData>", start) + "</sheetData>".length;
    if (start < 0 || end < start) throw new Error(`the sheet "${spec.name}" has no sheetData`);
    // exceljs wrote no merges (none were given to it): the sheet's own go right after its rows, where the schema puts them.
    const { parts, ref } = sheetDataXml(cells, index);
    let head = xml.slice(0, start);
    if (ref !== undefined) head = head.replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${ref}"/>`);
    return Buffer.concat([Buffer.from(head, "utf8"), ...parts, Buffer.from(xml.slice(end), "utf8")]);
  };
  return { sheet: ws, rewrite };
}
