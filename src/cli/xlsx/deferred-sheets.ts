/**
 * Output sheets read from the package's XML instead of being loaded into exceljs.
 *
 * A re-run replaces every output sheet and `--verify` only compares their
 * values, yet loading a written 10,000-line workbook into exceljs built an
 * object for each of its millions of output cells (most of a re-run's time
 * and memory). An output sheet the run owns is therefore handed to exceljs
 * as an empty stub, and what the store needs of it is read from the sheet's
 * own XML here: its values (for `--verify`), its used range and the
 * fingerprint of its values (the hand-edit check), computed as the XML is
 * scanned row by row, holding no cell objects.
 *
 * A sheet is deferred only when this scan reads its values exactly as
 * exceljs would: no merged cells, no date formats (exceljs turns those into
 * dates), no cell without its address, rows and cells in order. Anything
 * else is loaded by exceljs as before. A deferred sheet must be replaced or
 * deleted before the workbook is saved; `workbookBytes` refuses otherwise
 * ({@link DeferredSheetKept}) and the command reads the file again in full.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { StringDecoder } from "node:string_decoder";
import type { CellValue, RangeRef } from "../../excel";
import { Fingerprint } from "../../app";
import { xmlUnescape } from "./ooxml";
import { partRecordMatches } from "./part-record";
import { zipEntries, type ZipEntry } from "./zip-sizes";

/** What the store knows of a deferred output sheet without loading it. */
export interface DeferredSheet {
  /** The used range (zero-based), or undefined for a sheet without values. */
  readonly used: Omit<RangeRef, "sheet"> | undefined;
  /** The fingerprint of its values, as `gridFingerprint` over the used range gives it. */
  readonly fingerprint: string;
  /** Its values over the used range, read from the XML again at each call. */
  readonly values: () => CellValue[][];
  /** Visits its non-empty values in row order as the XML unpacks again, holding none of them (what `--verify` compares). */
  readonly eachValue: (visit: (row: number, col: number, value: CellValue) => void) => Promise<void>;
}

/** Thrown when a workbook would be saved with a deferred sheet still in it (its content exists only in the old file). */
export class DeferredSheetKept extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(`Deferred output sheets kept: ${sheets.join(", ")}`);
  }
}

/** The worksheet stub exceljs loads in a deferred sheet's place. */
export const STUB_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';

/** A part's bytes from the package, inflated natively (JSZip's JavaScript inflate is several times slower). */
export function partBytes(zip: Buffer, entry: ZipEntry): Buffer | undefined {
  const p = entry.localHeader;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== 0x04034b50) return undefined;
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  return inflateRawSync(data);
}

/** The shared strings table (`xl/sharedStrings.xml`) as texts, or undefined when it holds what this reader does not read. */
export function sharedStrings(xml: string | undefined): string[] | undefined {
  if (xml === undefined) return [];
  // Phonetic runs hold <t> elements that are not part of the text.
  if (xml.includes("<rPh")) return undefined;
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? "" : texts(m[1]));
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 Part 1, 18.8.30). */
const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Style indices (`s`) whose number format exceljs would read as a date, from `xl/styles.xml`. */
export function dateStyles(xml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (xml === undefined) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g))
    custom.set(Number(m[1]), xmlUnescape(m[2] ?? ""));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*)/g)) {
    const id = Number(/\bnumFmtId="(\d+)"/.exec(m[1] ?? "")?.[1] ?? 0);
    const code = custom.get(id);
    // A custom format is a date when a date or time letter is left once quoted text, [colours] and escapes are removed.
    if (DATE_IDS.has(id) || (code !== undefined && /[dmyhsb]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")))) out.add(i);
    i++;
  }
  return out;
}

/** The text of every `<t>` in an element (a rich-text run's pieces joined), unescaped. */
function texts(inner: string): string {
  // The common case, one plain run (what this tool and Excel write): sliced, not searched.
  const open = inner.indexOf("<t");
  const start = open < 0 ? -1 : inner.indexOf(">", open) + 1;
  const end = inner.indexOf("</t>", start);
  if (start > 0 && end >= 0 && inner.indexOf("<t", end) < 0 && inner.charCodeAt(start - 2) !== 47) return decode(inner.slice(start, end));
  let s = "";
  for (const m of inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) s += m[1] ?? "";
  return decode(s);
}

/** XML entities and OOXML's `_xHHHH_` escapes, which exceljs decodes when it reads text. */
function decode(s: string): string {
  const x = s.includes("&") ? xmlUnescape(s) : s;
  return x.includes("_x") ? x.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : x;
}

class Unreadable extends Error {}

/** What a cell's start tag says: its zero-based row and column, its style index (-1 for none) and its type. */
interface CellTag {
  row: number;
  col: number;
  style: number;
  type: string;
}

/** One object for every tag read ({@link readCellTag} fills it in): 20,000,000 cells at 100,000 lines. */
const TAG: CellTag = { row: 0, col: 0, style: -1, type: "n" };

/**
 * Reads a cell's start tag, its attributes from `from` to `to` (after `<c`, before `>` or `/>`), in one pass with no
 * string made but the type's: the address (`r`, required: letters then digits), the style (`s`, a style that is not
 * a whole number is none) and the type (`t`, "n" when absent). Values must be in double quotes; anything else this
 * reader does not read ({@link Unreadable}). The object returned is reused by the next call.
 */
function readCellTag(text: string, from: number, to: number): CellTag {
  let ref = false;
  TAG.style = -1;
  TAG.type = "n";
  let p = from;
  while (p < to) {
    const ch = text.charCodeAt(p);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
      p++;
      continue;
    }
    const eq = text.indexOf("=", p);
    if (eq < 0 || eq >= to || text.charCodeAt(eq + 1) !== 34 /* " */) throw new Unreadable();
    const start = eq + 2;
    const end = text.indexOf('"', start);
    if (end < 0 || end >= to) throw new Unreadable();
    const name = eq - p === 1 ? text.charCodeAt(p) : 0;
    if (name === 114 /* r */) {
      let col = 0;
      let k = start;
      for (; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c < 65 || c > 90) break;
        col = col * 26 + (c - 64);
      }
      let row = 0;
      if (k === end || col === 0) throw new Unreadable();
      for (; k < end; k++) {
        const d = text.charCodeAt(k);
        if (d < 48 || d > 57) throw new Unreadable();
        row = row * 10 + (d - 48);
      }
      if (row === 0) throw new Unreadable();
      TAG.row = row - 1;
      TAG.col = col - 1;
      ref = true;
    } else if (name === 115 /* s */) {
      let style = 0;
      for (let k = start; k < end && style >= 0; k++) {
        const d = text.charCodeAt(k);
        style = d < 48 || d > 57 ? -1 : style * 10 + (d - 48);
      }
      TAG.style = end > start ? style : -1;
    } else if (name === 116 /* t */) TAG.type = text.slice(start, end);
    p = end + 1;
  }
  if (!ref) throw new Unreadable();
  return TAG;
}

/** Reads the cells of whole rows of XML text (what lies between `<c` and `</c>`, by hand: regular expressions were slower). */
function cells(
  text: string,
  shared: readonly string[],
  dates: ReadonlySet<number>,
  last: { r: number; c: number },
  cell: (r: number, c: number, v: CellValue) => void,
): void {
  // Cells are found as "<c ": a cell tag without attributes, or split otherwise (a tab, a line break), is not this reader's.
  if (/<c[\t\r\n>/]/.test(text)) throw new Unreadable();
  let i = 0;
  for (;;) {
    const open = text.indexOf("<c ", i);
    if (open < 0) return;
    const close = text.indexOf(">", open);
    if (close < 0) throw new Unreadable();
    const empty = text.charCodeAt(close - 1) === 47; /* "/" */
    const tag = readCellTag(text, open + 2, empty ? close - 1 : close);
    const r = tag.row;
    const c = tag.col;
    if (!(r > last.r || (r === last.r && c > last.c))) throw new Unreadable();
    last.r = r;
    last.c = c;
    if (tag.style >= 0 && dates.has(tag.style)) throw new Unreadable();
    if (empty) {
      i = close + 1;
      continue;
    }
    const end = text.indexOf("</c>", close);
    if (end < 0) throw new Unreadable();
    i = end + 4;
    const inner = text.slice(close + 1, end);
    const t = tag.type;
    let v: string | undefined;
    if (inner.startsWith("<v>")) v = inner.slice(3, inner.indexOf("</v>"));
    else {
      const vo = inner.indexOf("<v");
      if (vo >= 0) v = inner.slice(inner.indexOf(">", vo) + 1, inner.indexOf("</v>", vo));
    }
    let value: CellValue;
    switch (t) {
      case "n":
        if (v === undefined || v === "") continue;
        value = Number(v);
        if (Number.isNaN(value)) throw new Unreadable();
        break;
      case "s": {
        const text = v === undefined ? undefined : shared[Number(v)];
        if (text === undefined) throw new Unreadable();
        value = text;
        break;
      }
      case "inlineStr":
        value = texts(inner);
        break;
      case "str":
      case "e":
        value = v === undefined ? "" : decode(v);
        break;
      case "b":
        if (v === undefined) continue;
        value = v === "1" || v === "true";
        break;
      default:
        throw new Unreadable();
    }
    if (value !== "") cell(r, c, value);
  }
}

/** A merged range, zero-based and inclusive. */
interface Merge {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** Zero-based row and column of an A1 address; undefined when it is not one. */
function position(ref: string): { r: number; c: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (m === null) return undefined;
  let c = 0;
  for (const ch of m[1] ?? "") c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** The merged ranges listed after a sheet's cells. */
function merges(tail: string): Merge[] {
  const out: Merge[] = [];
  for (const m of tail.matchAll(/<mergeCell\b[^>]*?\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const a = position(m[1] ?? "");
    const b = position(m[2] ?? "");
    if (a === undefined || b === undefined) throw new Unreadable();
    out.push({ r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) });
  }
  // Anything else that names merged cells is not this reader's.
  if (out.length === 0 && /<mergeCell\b/.test(tail)) throw new Unreadable();
  return out;
}

/** Reads cells from pieces of a worksheet's XML as they come, cut at row ends, up to the end of its `<sheetData>`. */
class PieceScanner {
  private carry = "";
  private done = false;
  private readonly decoder = new StringDecoder("utf8");
  private readonly last = { r: -1, c: -1 };

  constructor(
    private readonly shared: readonly string[],
    private readonly dates: ReadonlySet<number>,
    private readonly cell: (r: number, c: number, v: CellValue) => void,
  ) {}

  /** Takes the next bytes of the part (`final` for the last). */
  push(bytes: Buffer, final: boolean): void {
    if (this.done) return;
    this.carry += this.decoder.write(bytes);
    if (final) this.carry += this.decoder.end();
    // What follows the cells (merged ranges, print setup) is never read as cells.
    const end = this.carry.indexOf("</sheetData>");
    let cut: number;
    if (end >= 0) cut = end;
    else if (final) cut = this.carry.length;
    else {
      const row = this.carry.lastIndexOf("</row>");
      if (row < 0) return;
      cut = row + "</row>".length;
    }
    // Before the first row: sheet properties, columns; nothing there is a cell.
    cells(this.carry.slice(0, cut), this.shared, this.dates, this.last, this.cell);
    this.done = end >= 0 || final;
    this.carry = this.done ? "" : this.carry.slice(cut);
  }
}

/** `cell` without the cells merged into another (a merged range's value is its top-left cell's, as exceljs reads it). */
function unmerged(
  merged: readonly Merge[],
  cell: (r: number, c: number, v: CellValue) => void,
): (r: number, c: number, v: CellValue) => void {
  if (merged.length === 0) return cell;
  const rows = new Set<number>();
  for (const m of merged) for (let r = m.r0; r <= m.r1; r++) rows.add(r);
  return (r, c, v) => {
    if (rows.has(r) && merged.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0))) return;
    cell(r, c, v);
  };
}

/** Pieces of this size are read at a time. */
const CHUNK = 4 << 20;

/**
 * Scans a worksheet's XML a few megabytes at a time, cut at row ends,
 * calling `cell` for every non-empty value with its zero-based position.
 * A merged range's value is its top-left cell's, as exceljs reads it (the
 * other cells of the range read as empty). Throws {@link Unreadable} for
 * anything it would not read as exceljs does. Returns the merged ranges.
 */
function scan(
  xml: Buffer,
  shared: readonly string[],
  dates: ReadonlySet<number>,
  cell: (r: number, c: number, v: CellValue) => void,
): Merge[] {
  let end = xml.lastIndexOf("</sheetData>");
  if (end < 0) end = xml.lastIndexOf("<sheetData/>");
  if (end < 0) throw new Unreadable();
  const merged = merges(xml.toString("utf8", end));
  const scanner = new PieceScanner(shared, dates, unmerged(merged, cell));
  for (let at = 0; at < end; at += CHUNK) scanner.push(xml.subarray(at, Math.min(end, at + CHUNK)), at + CHUNK >= end);
  return merged;
}

/** A part's bytes as they unpack, a megabyte or so at a time (the whole of a 100,000-line model's Allocations is 750 MB). */
export async function* partPieces(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const p = entry.localHeader;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== 0x04034b50) throw new Error(`${entry.name} cannot be found in the package`);
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  if (entry.method !== 8) throw new Error(`${entry.name} is compressed in a way this reader does not read`);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(data);
  for await (const piece of inflate) yield piece as Buffer;
}

/**
 * Reads a worksheet part as a deferred sheet: its used range and fingerprint
 * now, its values when asked. Undefined when the sheet holds anything this
 * reader does not read exactly as exceljs would (it is then loaded by exceljs).
 * `pieces` gives the part again as it unpacks, for {@link DeferredSheet.eachValue}.
 */
export function deferSheet(
  xml: () => Buffer | undefined,
  shared: readonly string[],
  dates: ReadonlySet<number>,
  pieces?: () => AsyncIterable<Buffer>,
  keepValues = false,
): DeferredSheet | undefined {
  const bytes = xml();
  if (bytes === undefined) return undefined;
  const f = new Fingerprint();
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  let merged: Merge[];
  // Kept from this first reading when asked (a verification of sheets small enough to hold), as sparse rows.
  let kept: CellValue[][] | undefined = keepValues ? [] : undefined;
  // Cells come row by row: each row's and column's text is made once (20,000,000 cells at 100,000 lines).
  let lastRow = -1;
  let rowText = "";
  const colTexts: string[] = [];
  try {
    merged = scan(bytes, shared, dates, (r, c, v) => {
      if (kept !== undefined) (kept[r] ??= [])[c] = v;
      if (r !== lastRow) {
        lastRow = r;
        rowText = String(r);
      }
      f.addText(rowText, (colTexts[c] ??= String(c)), v);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
  const used = r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  return {
    used,
    fingerprint: f.value(),
    values: () => {
      if (used === undefined) return [];
      const out: CellValue[][] = Array.from({ length: used.rows }, () => new Array<CellValue>(used.cols).fill(""));
      const again = xml();
      if (again !== undefined)
        scan(again, shared, dates, (r, c, v) => {
          const line = out[r - used.row];
          if (line !== undefined) line[c - used.col] = v;
        });
      return out;
    },
    eachValue: async (visit) => {
      if (kept !== undefined) {
        const rows = kept;
        kept = undefined;
        rows.forEach((line, r) => line.forEach((v, c) => visit(r, c, v)));
        return;
      }
      if (pieces === undefined) {
        const again = xml();
        if (again !== undefined) scan(again, shared, dates, visit);
        return;
      }
      const scanner = new PieceScanner(shared, dates, unmerged(merged, visit));
      for await (const piece of pieces()) scanner.push(piece, false);
      scanner.push(Buffer.alloc(0), true);
    },
  };
}

/**
 * A deferred sheet known to be byte for byte what the command line wrote: its fingerprint is its marker's, and its
 * XML is scanned only when its used range or values are asked for. A sheet that scan cannot read as exceljs would
 * stops the command with {@link DeferredSheetKept}, which reads the file again without deferring.
 */
function unscannedSheet(
  name: string,
  fingerprint: string,
  xml: () => Buffer | undefined,
  shared: readonly string[],
  dates: ReadonlySet<number>,
  pieces: () => AsyncIterable<Buffer>,
): DeferredSheet {
  let scanned: DeferredSheet | undefined;
  const scan = (): DeferredSheet => {
    scanned ??= deferSheet(xml, shared, dates, pieces);
    if (scanned === undefined) throw new DeferredSheetKept([name]);
    return scanned;
  };
  return {
    fingerprint,
    get used() {
      return scan().used;
    },
    values: () => scan().values(),
    eachValue: (visit) => scan().eachValue(visit),
  };
}

/**
 * Output sheets are deferred whatever their size (0): every re-run and verification, small or large, then reads them
 * the same way, so the tests of hand edits and verification cover this reader.
 */
export const DEFER_MIN_BYTES = 0;
/**
 * A verification keeps the output sheets' values from the opening scan while their XML adds up to no more than this
 * (a 10,000-line model's, 130 MB, about 250 MB of values): a second scan costs more time than holding them. Larger
 * sheets are scanned again as they are compared, holding nothing (100,000 lines: 1.3 GB of XML).
 */
export const KEEP_VALUES_MAX_BYTES = 192 << 20;
/** Parts at least this large (unpacked) are kept as inflated natively when the package's sizes are checked (open.ts). */
export const NATIVE_INFLATE_MIN_BYTES = 1 << 20;

/** A worksheet part that is one of the run's output sheets, by its marker. */
export interface OutputPart {
  readonly name: string;
  readonly path: string;
  /** Its marker's fingerprint and the record of its part as written (part-record.ts), when it has both. */
  readonly fp?: string;
  readonly record?: string;
}

/**
 * Reads the output sheets in `parts` that can be deferred (large enough, and
 * readable here exactly as exceljs reads them), by sheet name. `file` is the
 * package's bytes, whose parts are inflated natively.
 */
export function deferOutputSheets(
  file: Buffer,
  inflated: ReadonlyMap<string, Buffer>,
  parts: readonly OutputPart[],
  shared: string | undefined,
  styles: string | undefined,
  minBytes: number = DEFER_MIN_BYTES,
  keepValues = false,
): Map<string, DeferredSheet> {
  const out = new Map<string, DeferredSheet>();
  const entries = zipEntries(file);
  const texts = sharedStrings(shared);
  if (entries === undefined || texts === undefined) return out;
  const dates = dateStyles(styles);
  // Values are kept from the first reading (one scan instead of two) only while the sheets are small enough to hold.
  const total = parts.reduce((n, p) => n + (entries.find((e) => e.name === p.path)?.declaredSize ?? 0), 0);
  const keep = keepValues && total <= KEEP_VALUES_MAX_BYTES;
  for (const p of parts) {
    const entry = entries.find((e) => e.name === p.path);
    if (entry === undefined || entry.declaredSize < minBytes) continue;
    // A part byte for byte as the command line wrote it is not scanned now (a run replaces it without reading it).
    if (!keepValues && p.fp !== undefined && partRecordMatches(p.record, entry.declaredSize, entry.crc, p.fp)) {
      out.set(
        p.name,
        unscannedSheet(
          p.name,
          p.fp,
          () => partBytes(file, entry),
          texts,
          dates,
          () => partPieces(file, entry),
        ),
      );
      continue;
    }
    const d = deferSheet(
      () => inflated.get(p.path) ?? partBytes(file, entry),
      texts,
      dates,
      () => partPieces(file, entry),
      keep,
    );
    if (d !== undefined) out.set(p.name, d);
  }
  return out;
}
