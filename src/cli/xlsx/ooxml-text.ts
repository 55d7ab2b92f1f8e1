/**
 * Text as a workbook can hold it. XML 1.0 has no way to write U+FFFE, U+FFFF,
 * a lone surrogate or a C0 control other than tab, line feed and carriage
 * return; written raw they make the file unreadable ("is damaged"), and
 * exceljs silently drops the controls. OOXML's answer is the `_xHHHH_`
 * escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which Excel, LibreOffice
 * and exceljs's reader all decode; a literal `_x0041_` in the text has its
 * underscore escaped (`_x005F_`) so it is not decoded.
 */

import type * as ExcelJS from "exceljs";
import { tableModel, worksheetTables } from "./exceljs-internals";

/** C0 controls but tab, LF and CR; U+FFFE, U+FFFF; a high surrogate without its low one, or a low one without its high one. */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ESCAPE = new RegExp(`${UNSTORABLE.source}|_(?=x[0-9a-fA-F]{4}_)`, "g");

const hex = (ch: string): string => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** `text` with every character XML cannot hold (and every underscore that would start an escape) written as `_xHHHH_`. */
export function ooxmlEscape(text: string): string {
  return text.replace(ESCAPE, (ch) => (ch === "_" ? "_x005F_" : hex(ch)));
}

/** `text` with every character XML cannot hold replaced by U+FFFD, for the few places OOXML has no escape (attributes, chart titles). */
export function replaceUnstorable(text: string): string {
  return text.replace(new RegExp(UNSTORABLE.source, "g"), "\uFFFD");
}

/** The first character of `text` that XML cannot hold, with its position (1-based, in characters as typed). */
export function unstorableCharacter(text: string): { readonly position: number; readonly code: string } | undefined {
  const m = UNSTORABLE.exec(text);
  if (m === null) return undefined;
  return {
    position: [...text.slice(0, m.index)].length + 1,
    code: `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  };
}

/**
 * Runs `write` (exceljs saving `workbook`) with every text cell's value
 * escaped by {@link ooxmlEscape}, then puts the values back, so the cells in
 * memory stay exactly what the run read and wrote. exceljs decodes the escapes
 * when it reads a file but does not write them, so without this a text
 * holding U+FFFF (or a literal `_x0041_`) would be saved raw and the file
 * damaged (or the text changed).
 */
export async function withEscapedText<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const restore: (() => void)[] = [];
  for (const ws of workbook.worksheets) {
    // A table's column names are ST_Xstring too, and repeat its header cells (a partner's id in "LBH (£)").
    for (const table of worksheetTables(ws))
      for (const column of tableModel(table).columns) {
        const name = column.name;
        const escaped = ooxmlEscape(name);
        if (escaped === name) continue;
        column.name = escaped;
        restore.push(() => (column.name = name));
      }
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        // A merged range's other cells read and write its first cell's value: escape that cell once, through itself.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        if (typeof v === "string") {
          const escaped = ooxmlEscape(v);
          if (escaped === v) return;
          cell.value = escaped;
          restore.push(() => (cell.value = v));
        } else if (typeof v === "object" && v !== null && "richText" in v && Array.isArray(v.richText)) {
          const parts = v.richText.map((r) => ({ ...r, text: ooxmlEscape(r.text) }));
          if (parts.every((r, i) => r.text === v.richText[i]?.text)) return;
          cell.value = { ...v, richText: parts };
          restore.push(() => (cell.value = v));
        }
      });
    });
  }
  try {
    return await write();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
