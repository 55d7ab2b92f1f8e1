import { xmlPieces } from "./xml-pieces";
import type JSZip from "jszip";
import { attr, CUSTOM_PROPERTY_REL, CUSTOM_PROPERTY_TYPE, insertWorksheetChild, parseRels, relsPath, tags, xmlEscape } from "./ooxml";

/**
 * A worksheet's custom properties (Office.js `worksheet.customProperties`,
 * VBA `Worksheet.CustomProperties`): name → the bytes of its binary part.
 * The add-in's ownership marker is the one named `SharedApportion`.
 */
export type SheetProperties = Map<string, Uint8Array>;

/** A property value as Excel stores it: UTF-16LE text. */
export function encodeProperty(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf16le"));
}

/** A stored property value as text: UTF-16LE (with or without a byte-order mark, as Excel writes it), else UTF-8. */
export function decodeProperty(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  const b = Buffer.from(bytes);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString("utf16le").replace(/\0+$/, "");
  const looksUtf16 = b.length >= 2 && b.length % 2 === 0 && b.every((x, i) => i % 2 === 0 || x === 0);
  return (looksUtf16 ? b.toString("utf16le") : b.toString("utf8")).replace(/\0+$/, "");
}

/** A worksheet of the package: its name, part path and relationships. */
export interface PackageSheet {
  readonly name: string;
  readonly path: string;
}

/** The worksheets of a package, in workbook order. */
export async function packageSheets(zip: JSZip): Promise<PackageSheet[]> {
  const wb = await zip.file("xl/workbook.xml")?.async("string");
  if (wb === undefined) return [];
  const rels = parseRels("xl/workbook.xml", await zip.file(relsPath("xl/workbook.xml"))?.async("string"));
  return tags(wb, "sheet").flatMap((a) => {
    const rel = rels.find((r) => r.id === attr(a, "id"));
    return rel === undefined || a.name === undefined ? [] : [{ name: a.name, path: rel.target }];
  });
}

/** Reads every worksheet's custom properties, by sheet name. */
export async function readSheetProperties(
  zip: JSZip,
  /** A part's bytes already unpacked (open.ts inflates large parts natively), so JSZip does not copy them again. */
  unpacked?: (path: string) => Uint8Array | undefined,
): Promise<Map<string, SheetProperties>> {
  const out = new Map<string, SheetProperties>();
  for (const s of await packageSheets(zip)) {
    // A piece at a time (xml-pieces.ts): a large model's sheet is more text than one string can hold.
    const data = unpacked?.(s.path) ?? (await zip.file(s.path)?.async("uint8array"));
    if (data === undefined) continue;
    const prs: ReturnType<typeof tags> = [];
    for (const xml of xmlPieces(fromCustomProperties(data))) prs.push(...tags(xml, "customPr"));
    if (prs.length === 0) continue;
    const rels = parseRels(s.path, await zip.file(relsPath(s.path))?.async("string"));
    const props: SheetProperties = new Map();
    for (const p of prs) {
      const rel = rels.find((r) => r.id === attr(p, "id"));
      const data = rel === undefined ? undefined : await zip.file(rel.target)?.async("uint8array");
      if (p.name !== undefined && data !== undefined) props.set(p.name, data);
    }
    out.set(s.name, props);
  }
  return out;
}

/**
 * The part of a worksheet's XML from its first mention of `customProperties` on (empty without one): its `<customPr>`
 * elements are inside that element, which comes after the cells, so a large sheet's cells are not decoded to find
 * them. The bytes are searched as they are: an ASCII word cannot appear inside another character's UTF-8 bytes, and
 * text that happens to say it only starts the reading earlier.
 */
function fromCustomProperties(data: Uint8Array): Uint8Array {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const at = bytes.indexOf("customProperties");
  return at < 0 ? bytes.subarray(0, 0) : bytes.subarray(at);
}

/**
 * Writes worksheet custom properties into a package written by exceljs
 * (which has no API for them), the way Excel stores them: a
 * `<customProperties>` element in the sheet pointing through the sheet's
 * relationships at one binary part per property.
 * `bySheetPath` maps a worksheet part (`xl/worksheets/sheet3.xml`) to its properties.
 * Returns the part each property was written to, by worksheet part and property name.
 */
export async function writeSheetProperties(
  zip: JSZip,
  bySheetPath: ReadonlyMap<string, SheetProperties>,
): Promise<Map<string, Map<string, string>>> {
  const written = new Map<string, Map<string, string>>();
  let n = 0;
  const overrides: string[] = [];
  for (const [path, props] of bySheetPath) {
    if (props.size === 0) continue;
    const sheetXml = await zip.file(path)?.async("string");
    if (sheetXml === undefined) continue;
    const relPath = relsPath(path);
    let rels =
      (await zip.file(relPath)?.async("string")) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ' +
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const entries: string[] = [];
    const parts = new Map<string, string>();
    written.set(path, parts);
    let i = 0;
    for (const [name, data] of props) {
      n++;
      i++;
      const part = `xl/customProperty${n}.bin`;
      zip.file(part, data);
      parts.set(name, part);
      overrides.push(`<Override PartName="/${part}" ContentType="${CUSTOM_PROPERTY_TYPE}"/>`);
      const id = `rIdSaProp${i}`;
      rels = rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${CUSTOM_PROPERTY_REL}" Target="../customProperty${n}.bin"/></Relationships>`,
      );
      entries.push(`<customPr name="${xmlEscape(name)}" r:id="${id}"/>`);
    }
    zip.file(relPath, rels);
    zip.file(path, insertWorksheetChild(sheetXml, "customProperties", `<customProperties>${entries.join("")}</customProperties>`));
  }
  if (overrides.length === 0) return written;
  const ct = await zip.file("[Content_Types].xml")?.async("string");
  if (ct !== undefined) zip.file("[Content_Types].xml", ct.replace("</Types>", `${overrides.join("")}</Types>`));
  return written;
}
