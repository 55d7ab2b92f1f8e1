/**
 * A statement's cost line rows in their usual shape, written from the markup between their values made once a
 * statement: a charge row of text and a figure, a note merged across the page (or not). A statement of a large model
 * has 100,000 such rows, and writing each piece of their markup a character at a time (about 400 bytes a line) was
 * the largest part of writing them. Anything else (a row height on a charge row, an empty cell, text that needs
 * escaping or its white space kept) is left to the general writer, which writes the same bytes.
 */

import { columnName } from "./bulk-rows";
import type { XmlBytes } from "./xml-bytes";

const encode = (text: string): Uint8Array => Buffer.from(text, "latin1");

/**
 * True for text of pieces (joined, the text) written as it is between `<t>` and `</t>`: not empty, its ends printable
 * ASCII (no white space to keep). Indexed, not for…of: an iterator a note was a tenth of the statements' garbage.
 */
export function plainEnds(pieces: readonly string[]): boolean {
  let first = -1;
  let last = -1;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (p === "") continue;
    if (first < 0) first = p.charCodeAt(0);
    last = p.charCodeAt(p.length - 1);
  }
  return plainCodes(first, last);
}

/** True when the first and last characters' codes are printable ASCII (-1: no text). */
function plainCodes(first: number, last: number): boolean {
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

/** Writes a cost line's rows in their usual shape; each method writes nothing and says false for any other row. */
export class UsualLineRows {
  /** The markup between a charge row's values, by which of its cells hold figures (a bit a cell). */
  private readonly charges: (Uint8Array[] | undefined)[] = [];
  /** The markup from a row's number to its first cell's, by the row's height. */
  private readonly heights = new Map<number, Uint8Array>();
  private readonly open = encode('<row r="');
  private readonly noteText: Uint8Array | undefined;
  private readonly mergedText: Uint8Array | undefined;
  /** After a merged note's text, the merged cells' markup between their row numbers, and after the last. */
  private readonly merged: Uint8Array[] = [];
  private readonly plainNote: Uint8Array[];

  /**
   * `chargeAttrs` are the charge row's cells' `s` attributes (` s="5"`, or "" for none), `noteAttr` and `mergedAttr`
   * a note's that fits its column and one merged across `cols` columns (undefined: a style without an index yet, whose
   * notes are left to the general writer).
   */
  constructor(
    private readonly out: XmlBytes,
    private readonly chargeAttrs: readonly string[],
    noteAttr: string | undefined,
    mergedAttr: string | undefined,
    cols: number,
  ) {
    this.noteText = noteAttr === undefined ? undefined : encode(`"${noteAttr} t="inlineStr"><is><t>`);
    this.mergedText = mergedAttr === undefined ? undefined : encode(`"${mergedAttr} t="inlineStr"><is><t>`);
    for (let c = 1; c < cols; c++)
      this.merged.push(encode(`${c === 1 ? "</t></is></c>" : `"${mergedAttr ?? ""}/>`}<c r="${columnName(c + 1)}`));
    this.merged.push(encode(cols > 1 ? `"${mergedAttr ?? ""}/></row>` : "</t></is></c></row>"));
    this.plainNote = [encode('"><c r="A'), encode("</t></is></c></row>")];
  }

  /** Copies markup made before. */
  private put(bytes: Uint8Array): void {
    this.out.markup(bytes);
  }

  /** The markup between a charge row's values, for cells holding figures where `figures` has their bits. */
  private chargeGlue(figures: number, count: number): Uint8Array[] {
    let glue = this.charges[figures];
    if (glue === undefined || glue.length !== 2 * count + 1) {
      // `"><c r="A` N `" s="5" t="inlineStr"><is><t>` text `</t></is></c><c r="B` N … `</v></c></row>`.
      const parts: string[] = [`"><c r="A`];
      for (let c = 0; c < count; c++) {
        const figure = (figures & (1 << c)) !== 0;
        parts.push(figure ? `"${this.chargeAttrs[c] ?? ""}><v>` : `"${this.chargeAttrs[c] ?? ""} t="inlineStr"><is><t>`);
        const close = figure ? "</v></c>" : "</t></is></c>";
        parts.push(c + 1 < count ? `${close}<c r="${columnName(c + 2)}` : `${close}</row>`);
      }
      this.charges[figures] = glue = parts.map(encode);
    }
    return glue;
  }

  /** The markup from a row's number to its first cell's: its height's when it has one. */
  private rowHead(height: number | undefined, plain: Uint8Array): void {
    if (height === undefined) this.put(plain);
    else {
      let head = this.heights.get(height);
      if (head === undefined) this.heights.set(height, (head = encode(`" ht="${height}" customHeight="1"><c r="A`)));
      this.put(head);
    }
  }

  /** A charge row numbered `n` of `cells` (its height when its text wraps): text and figures. */
  charge(n: number, cells: readonly unknown[], height: number | undefined): boolean {
    const count = cells.length;
    if (count === 0 || count > 30 || count > this.chargeAttrs.length) return false;
    let figures = 0;
    for (let c = 0; c < count; c++) {
      const v = cells[c];
      if (typeof v === "number") figures |= 1 << c;
      else if (typeof v !== "string" || v === "" || !plainCodes(v.charCodeAt(0), v.charCodeAt(v.length - 1))) return false;
    }
    const { out } = this;
    const mark = out.length;
    const glue = this.chargeGlue(figures, count);
    this.put(this.open);
    out.int(n);
    this.rowHead(height, glue[0]!);
    for (let c = 0; c < count; c++) {
      out.int(n);
      this.put(glue[1 + 2 * c]!);
      const v = cells[c];
      if (typeof v === "number") out.number(v);
      else if (!out.plainText(v as string)) {
        out.length = mark;
        return false;
      }
      this.put(glue[2 + 2 * c]!);
    }
    return true;
  }

  /** A note's row numbered `n`, of `pieces` (joined, its text), merged across the page when it has a height. */
  note(n: number, pieces: readonly string[], height: number | undefined): boolean {
    const text = height === undefined ? this.noteText : this.mergedText;
    if (text === undefined || !plainEnds(pieces)) return false;
    const { out } = this;
    const mark = out.length;
    this.put(this.open);
    out.int(n);
    this.rowHead(height, this.plainNote[0]!);
    out.int(n);
    this.put(text);
    for (let k = 0; k < pieces.length; k++)
      if (!out.plainText(pieces[k]!)) {
        out.length = mark;
        return false;
      }
    if (height === undefined) this.put(this.plainNote[1]!);
    else
      for (let c = 0; c < this.merged.length; c++) {
        this.put(this.merged[c]!);
        if (c + 1 < this.merged.length) out.int(n);
      }
    return true;
  }
}
