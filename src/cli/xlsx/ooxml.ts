/**
 * Just enough Open XML package reading for what exceljs does not expose:
 * attributes of simple elements, relationship files and part paths. The
 * elements read here are flat, attribute-only tags, so a tag scanner is
 * enough (no entity-heavy text content).
 */

import { replaceUnstorable } from "./ooxml-text";

/** Decodes the five XML entities and numeric character references. */
export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * Escapes text for an XML attribute or element. A character XML cannot hold at
 * all (U+FFFF, a lone surrogate, most controls; see ooxml-text.ts) becomes
 * U+FFFD, the replacement character: where this is used (a chart's title, its
 * description) OOXML has no escape for it, and written raw it would make the
 * whole workbook unreadable. Cell text keeps such characters, escaped.
 */
export function xmlEscape(s: string): string {
  return replaceUnstorable(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Every start tag named `local` (any namespace prefix), as its attributes (names as written, values unescaped). */
export function tags(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}\\b([^>]*?)/?>`, "g");
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? "").matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1] ?? ""] = xmlUnescape(a[2] ?? a[3] ?? "");
    out.push(attrs);
  }
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `id`). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  for (const [k, v] of Object.entries(attrs)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** One relationship of a part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as a package path without a leading slash (e.g. `xl/worksheets/sheet1.xml`), or the raw target for external ones. */
  readonly target: string;
  readonly external: boolean;
}

/** The `_rels` path for a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relative target against the folder of the part that refers to it. */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = part.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Parses a relationships part for `part`. */
export function parseRels(part: string, xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  return tags(xml, "Relationship").map((a) => {
    const external = a.TargetMode === "External";
    const target = a.Target ?? "";
    return { id: a.Id ?? "", type: a.Type ?? "", target: external ? target : resolveTarget(part, target), external };
  });
}

/** Relationship type of worksheet custom properties. */
export const CUSTOM_PROPERTY_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty";
/** Content type of a custom property part. */
export const CUSTOM_PROPERTY_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

/** CT_Worksheet's child elements from `customProperties` on, in the order the schema requires (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_TAIL = [
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/**
 * Inserts `element` (a `customProperties` or `drawing` element, as text) into a
 * worksheet's XML where CT_Worksheet's sequence wants it: before the first
 * element that must follow it, else before `</worksheet>`. Excel refuses a
 * sheet whose children are out of order.
 */
export function insertWorksheetChild(xml: string, name: (typeof WORKSHEET_TAIL)[number], element: string): string {
  let at = xml.lastIndexOf("</worksheet>");
  for (const after of WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(name) + 1)) {
    const m = new RegExp(`<${after}[\\s/>]`).exec(xml);
    if (m !== null && m.index < at) at = m.index;
  }
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}
