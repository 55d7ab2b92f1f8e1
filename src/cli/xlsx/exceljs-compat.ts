import { posix } from "node:path";
import type JSZip from "jszip";
import { parseRels } from "./ooxml";

/**
 * Makes a package written by another tool readable by exceljs, which only
 * understands the part names and relative targets Excel itself writes. The
 * result is the same workbook (valid OOXML either way): exceljs is handed the
 * adjusted copy, and what it does not read it does not lose.
 * Returns true when anything changed.
 */
export async function adaptForExcelJs(zip: JSZip): Promise<boolean> {
  const relative = await relativiseTargets(zip);
  const renamed = await renameCommentParts(zip);
  const prefixed = await prefixDrawings(zip);
  return relative || renamed || prefixed;
}

/**
 * Rewrites absolute relationship targets (`/xl/tables/table1.xml`, as
 * openpyxl writes them; valid OOXML) as relative ones, which is all exceljs
 * understands. Returns true when anything changed.
 */
async function relativiseTargets(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((f) => f.endsWith(".rels"))) {
    const xml = await zip.file(name)?.async("string");
    if (xml === undefined) continue;
    // `xl/worksheets/_rels/sheet1.xml.rels` describes `xl/worksheets/sheet1.xml`: targets are relative to `xl/worksheets`.
    const folder = posix.dirname(posix.dirname(name));
    const base = folder === "." ? "" : folder;
    const next = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => {
      if (/TargetMode\s*=\s*["']External["']/.test(tag)) return tag;
      return tag.replace(
        /\bTarget\s*=\s*(["'])\/([^"']*)\1/,
        (_m, q: string, path: string) => `Target=${q}${posix.relative(base, path) || path}${q}`,
      );
    });
    if (next !== xml) {
      zip.file(name, next);
      changed = true;
    }
  }
  return changed;
}

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/**
 * exceljs reads a drawing part only when its elements carry the `xdr:`
 * prefix, as Excel writes them, and fails on the whole workbook otherwise;
 * openpyxl writes drawings (charts among them, such as the Charts sheet's
 * own) in the default namespace: `<wsDr xmlns="…spreadsheetDrawing">`. Gives
 * such a drawing's unprefixed elements the `xdr:` prefix: the same XML
 * (the same namespace), in the form exceljs reads.
 */
async function prefixDrawings(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    const root = /<wsDr\b[^>]*>/.exec(xml);
    if (root === null || !root[0].includes(`xmlns="${DRAWING_NS}"`)) continue;
    // Every unprefixed element is in the drawing namespace: nothing in a drawing redeclares the default one.
    const next = xml
      .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, "<$1xdr:$2")
      .replace(`xmlns="${DRAWING_NS}"`, `xmlns:xdr="${DRAWING_NS}"`);
    zip.file(name, next);
    changed = true;
  }
  return changed;
}

const COMMENTS = /\/comments$/;
const VML = /\/vmlDrawing$/;

/**
 * exceljs finds a sheet's notes only at `xl/commentsN.xml` and
 * `xl/drawings/vmlDrawingN.vml`; openpyxl writes `xl/comments/comment1.xml`
 * and `xl/drawings/commentsDrawing1.vml`. Moves such parts to the names
 * exceljs expects and points the sheets' relationships at them.
 */
async function renameCommentParts(zip: JSZip): Promise<boolean> {
  const taken = new Set(Object.keys(zip.files));
  let n = 1;
  const fresh = (make: (k: number) => string): string => {
    while (taken.has(make(n))) n++;
    const name = make(n);
    taken.add(name);
    return name;
  };
  let changed = false;
  for (const relName of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(f))) {
    let xml = (await zip.file(relName)?.async("string")) ?? "";
    const sheetPart = relName.replace("_rels/", "").replace(/\.rels$/, "");
    for (const r of parseRels(sheetPart, xml)) {
      if (r.external) continue;
      const isComments = COMMENTS.test(r.type) && !/^xl\/comments\d+\.xml$/.test(r.target);
      const isVml = VML.test(r.type) && !/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(r.target);
      if (!isComments && !isVml) continue;
      const data = await zip.file(r.target)?.async("uint8array");
      if (data === undefined) continue;
      const next = isComments ? fresh((k) => `xl/comments${k}.xml`) : fresh((k) => `xl/drawings/vmlDrawing${k}.vml`);
      zip.file(next, data);
      zip.remove(r.target);
      const target = posix.relative("xl/worksheets", next);
      xml = xml.replace(new RegExp(`(<(?:\\w+:)?Relationship\\b[^>]*\\bId\\s*=\\s*["']${r.id}["'][^>]*>)`), (tag) =>
        tag.replace(/\bTarget\s*=\s*(["'])[^"']*\1/, `Target="${target}"`),
      );
      await renameInContentTypes(zip, r.target, next);
      changed = true;
    }
    zip.file(relName, xml);
  }
  return changed;
}

async function renameInContentTypes(zip: JSZip, from: string, to: string): Promise<void> {
  const ct = await zip.file("[Content_Types].xml")?.async("string");
  if (ct !== undefined) zip.file("[Content_Types].xml", ct.split(`PartName="/${from}"`).join(`PartName="/${to}"`));
}
