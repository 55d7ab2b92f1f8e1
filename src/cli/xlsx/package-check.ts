import type JSZip from "jszip";
import { parseAddress } from "../../app";
import { packageSheets } from "./custom-properties";
import { parseRels, relsPath, tags } from "./ooxml";
import { sheetFault, structureFault, type StructureFault } from "./package-structure";
import { xmlPieces } from "./xml-pieces";

/** A part the workbook refers to that is not in the file, or a structural fault: what to name in the "damaged" message. */
export type PackageFault =
  | { readonly kind: "missingPart"; readonly part: string }
  | { readonly kind: "sheetWithoutPart"; readonly sheet: string }
  | { readonly kind: "noSharedStrings"; readonly sheet: string }
  | { readonly kind: "tableTooLarge"; readonly table: string; readonly ref: string; readonly cells: number }
  | StructureFault;

const SHARED_STRINGS = /\/sharedStrings$/;

/**
 * Checks what exceljs would otherwise misread silently or crash on: every
 * part the workbook and its sheets refer to exists (a missing shared-strings
 * part would make every text cell empty, so the model would look broken rather than
 * the file), and no table claims more than `maxTableCells` cells (a table
 * `A1:XFD1048576` would make the reader walk 17 billion cells).
 */
export async function packageFault(
  zip: JSZip,
  maxTableCells: number,
  /** A part's bytes already unpacked (open.ts inflates large parts natively), so JSZip does not copy them again. */
  unpacked?: (path: string) => Uint8Array | undefined,
  /**
   * Sheets whose cells are not checked (asked once the package's structure has been): output sheets a run replaces or
   * a verification only compares, read by their own reader; nothing of their cells is carried into a written file.
   */
  cellsReplaced?: (sheet: string) => Promise<boolean>,
): Promise<PackageFault | undefined> {
  const wbRels = parseRels("xl/workbook.xml", await zip.file(relsPath("xl/workbook.xml"))?.async("string"));
  for (const r of wbRels) if (!r.external && zip.file(r.target) === null) return { kind: "missingPart", part: r.target };
  const hasStrings = wbRels.some((r) => SHARED_STRINGS.test(r.type) && !r.external);
  const listed = await packageSheets(zip);
  const structure = await structureFault(zip, new Set(listed.map((s) => s.path)));
  if (structure !== undefined) return structure;
  for (const a of tags((await zip.file("xl/workbook.xml")?.async("string")) ?? "", "sheet")) {
    if (a.name !== undefined && !listed.some((s) => s.name === a.name)) return { kind: "sheetWithoutPart", sheet: a.name };
  }
  for (const s of listed) {
    // As bytes, read a piece at a time (xml-pieces.ts): a large model's sheet is more text than one string can hold.
    const data = unpacked?.(s.path) ?? (await zip.file(s.path)?.async("uint8array"));
    if (data === undefined) return { kind: "missingPart", part: s.path };
    const inSheet = (await cellsReplaced?.(s.name)) === true ? undefined : sheetFault(s, data);
    if (inSheet !== undefined) return inSheet;
    if (!hasStrings)
      for (const xml of xmlPieces(data))
        if (/<(?:\w+:)?c\b[^>]*\bt\s*=\s*["']s["']/.test(xml)) return { kind: "noSharedStrings", sheet: s.name };
    for (const r of parseRels(s.path, await zip.file(relsPath(s.path))?.async("string"))) {
      if (r.external) continue;
      if (zip.file(r.target) === null) return { kind: "missingPart", part: r.target };
      if (!r.type.endsWith("/table")) continue;
      const table = (await zip.file(r.target)?.async("string")) ?? "";
      const t = tags(table, "table")[0];
      const range = t?.ref === undefined ? undefined : parseAddress(t.ref, s.name);
      if (t?.ref !== undefined && range !== undefined && range.rows * range.cols > maxTableCells)
        return { kind: "tableTooLarge", table: t.displayName ?? t.name ?? r.target, ref: t.ref, cells: range.rows * range.cols };
    }
  }
  return undefined;
}
