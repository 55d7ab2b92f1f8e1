import { xmlPieces } from "./xml-pieces";
import type JSZip from "jszip";
import { parseRels } from "./ooxml";

/**
 * The package's own structure, which exceljs does not need and so never
 * checks: without it Excel cannot open the file, and a run that rewrote it
 * would hand back a "repaired" workbook without a word. Refused instead,
 * each naming what is wrong.
 */
export type StructureFault =
  | { readonly kind: "noContentTypes" }
  | { readonly kind: "badContentTypes" }
  | { readonly kind: "noPackageRels" }
  | { readonly kind: "notUtf8"; readonly part: string; readonly byte: number }
  | { readonly kind: "pastLastCell"; readonly sheet: string; readonly cell: string; readonly row: number; readonly col: number };

/** Excel's last row and column (XFD), ECMA-376 Part 1, 18.3.1.73 and 18.3.1.4. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLS = 16_384;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The byte at which `bytes` stops being UTF-8, or undefined when all of it is (UTF-16 parts, with their mark, are left alone). */
function invalidUtf8At(bytes: Uint8Array): number | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  try {
    UTF8.decode(bytes);
    return undefined;
  } catch {
    // Find the first bad byte by decoding ever longer prefixes in halves.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 4) {
      const mid = (good + bad) >> 1;
      try {
        UTF8.decode(bytes.subarray(0, mid), { stream: true });
        good = mid;
      } catch {
        bad = mid;
      }
    }
    return good;
  }
}

/** The column number of letters (A = 1); large for long runs of letters, which is what matters. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Whether a part is valid UTF-8, given the text JSZip decoded from it (which
 * turns a bad byte into U+FFFD). Only a part whose text holds U+FFFD (rare:
 * it is also a character one may type) is inflated again and checked byte by
 * byte, so the check costs no second pass over a large sheet.
 */
async function utf8Fault(zip: JSZip, part: string, text: string): Promise<StructureFault | undefined> {
  if (!text.includes("\uFFFD")) return undefined;
  const at = invalidUtf8At((await zip.file(part)?.async("uint8array")) ?? new Uint8Array());
  return at === undefined ? undefined : { kind: "notUtf8", part, byte: at };
}

/**
 * Checks the package's structure: `[Content_Types].xml` is there and is a
 * list of content types, `_rels/.rels` points to the workbook, and every XML
 * part but the sheets (checked by {@link sheetFault} as they are read) is
 * UTF-8: a byte that is not would be read as U+FFFD, changing the text it is in.
 */
export async function structureFault(zip: JSZip, sheetParts: ReadonlySet<string>): Promise<StructureFault | undefined> {
  const types = zip.file("[Content_Types].xml");
  if (types === null) return { kind: "noContentTypes" };
  const rootRels = zip.file("_rels/.rels");
  if (rootRels === null) return { kind: "noPackageRels" };
  for (const name of Object.keys(zip.files).filter((f) => /\.(xml|rels|vml)$/i.test(f) && !zip.files[f]?.dir && !sheetParts.has(f))) {
    const fault = await utf8Fault(zip, name, (await zip.file(name)?.async("string")) ?? "");
    if (fault !== undefined) return fault;
  }
  const ct = (await types.async("string")).replace(/^\uFEFF/, "");
  const wellFormed = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:\w+:)?Types\b[^>]*>[\s\S]*<\/(?:\w+:)?Types>\s*$/.test(ct);
  if (!wellFormed || !/<(?:\w+:)?(?:Override|Default)\b[^>]*\bContentType\s*=/.test(ct)) return { kind: "badContentTypes" };
  const rels = parseRels("", await rootRels.async("string"));
  if (!rels.some((r) => OFFICE_DOCUMENT.test(r.type) && !r.external && r.target.replace(/^\//, "") === "xl/workbook.xml"))
    return { kind: "noPackageRels" };
  return undefined;
}

/**
 * Checks a sheet's XML as it is read: UTF-8, and no row or cell past Excel's
 * last row or column (it would be carried into the output, where Excel
 * cannot hold it). Cells are looked at only when their column has three
 * letters or more (AAA on), which is where XFD is.
 */
export function sheetFault(sheet: { name: string; path: string }, data: Uint8Array): StructureFault | undefined {
  // Read a few megabytes at a time (xml-pieces.ts): a large model's sheet is more text than one string can hold. One
  // pass looks for all three faults (each read of a large sheet decodes it again); they are reported in this order.
  let notUtf8 = false;
  let pastRow: StructureFault | undefined;
  let pastCell: StructureFault | undefined;
  for (const xml of xmlPieces(data)) {
    if (!notUtf8 && xml.includes("\uFFFD")) notUtf8 = true;
    if (pastRow === undefined)
      for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br\s*=\s*["'](\d+)["']/g)) {
        const row = Number(m[1]);
        if (row > EXCEL_ROWS) {
          pastRow = { kind: "pastLastCell", sheet: sheet.name, cell: `A${row}`, row, col: 1 };
          break;
        }
      }
    if (pastRow === undefined && pastCell === undefined)
      for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br\s*=\s*["']([A-Za-z]{3,})(\d+)["']/g)) {
        const col = columnNumber(m[1] ?? "");
        const row = Number(m[2]);
        if (row > EXCEL_ROWS || col > EXCEL_COLS) {
          pastCell = { kind: "pastLastCell", sheet: sheet.name, cell: `${(m[1] ?? "").toUpperCase()}${row}`, row, col };
          break;
        }
      }
  }
  if (notUtf8) {
    const at = invalidUtf8At(data);
    if (at !== undefined) return { kind: "notUtf8", part: sheet.path, byte: at };
  }
  return pastRow ?? pastCell;
}
