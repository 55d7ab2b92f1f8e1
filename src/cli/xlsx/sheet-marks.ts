import type JSZip from "jszip";
import { MARK_NAME, markNameFormula } from "../../app";
import { attr, tags, xmlEscape, xmlUnescape } from "./ooxml";

/**
 * The second ownership mark (`MARK_NAME`, see src/excel/layout/names.ts),
 * read and written in the package itself: exceljs does not keep names whose
 * value is not a range. LibreOffice un-hides such names when it saves; they
 * are still read.
 */
export { MARK_NAME };

const DEFINED_NAME = /<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g;

/** The sheets of workbook.xml, in order (a name's `localSheetId` is an index into it). */
function sheetNames(workbookXml: string): string[] {
  return tags(workbookXml, "sheet").flatMap((a) => (a.name === undefined ? [] : [a.name]));
}

/** A formula that is one string constant (`"a""b"`) as its text; undefined for anything else. */
function constantText(formula: string): string | undefined {
  const f = formula.trim().replace(/^=/, "");
  if (f.length < 2 || !f.startsWith('"') || !f.endsWith('"')) return undefined;
  const inner = f.slice(1, -1);
  return /(^|[^"])"([^"]|$)/.test(inner) ? undefined : inner.replace(/""/g, '"');
}

/** Reads the second marks: sheet name → marker text. */
export async function readSheetMarks(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  if (xml === undefined) return out;
  const sheets = sheetNames(xml);
  for (const m of xml.matchAll(DEFINED_NAME)) {
    const a = tags(`<definedName${m[1] ?? ""}>`, "definedName")[0] ?? {};
    if (attr(a, "name") !== MARK_NAME) continue;
    const sheet = sheets[Number(attr(a, "localSheetId"))];
    const text = constantText(xmlUnescape(m[2] ?? ""));
    if (sheet !== undefined && text !== undefined) out.set(sheet, text);
  }
  return out;
}

/**
 * Writes the second marks into a package (exceljs does not keep names whose
 * value is not a range): any `_SharedApportion` names already there are
 * replaced by one per marked sheet, hidden, scoped to its sheet.
 */
export async function writeSheetMarks(zip: JSZip, marks: ReadonlyMap<string, string>): Promise<void> {
  const xml = await zip.file("xl/workbook.xml")?.async("string");
  if (xml === undefined) return;
  const sheets = sheetNames(xml);
  let next = xml.replace(DEFINED_NAME, (whole, attrs: string) =>
    attr(tags(`<definedName${attrs}>`, "definedName")[0] ?? {}, "name") === MARK_NAME ? "" : whole,
  );
  const names = sheets.flatMap((sheet, i) => {
    const text = marks.get(sheet);
    // In the file a name's formula has no leading "=".
    const constant = text === undefined ? undefined : markNameFormula(text)?.slice(1);
    return constant === undefined
      ? []
      : [`<definedName name="${MARK_NAME}" localSheetId="${i}" hidden="1">${xmlEscape(constant)}</definedName>`];
  });
  if (names.length > 0) {
    if (/<(?:\w+:)?definedNames\s*\/>/.test(next))
      next = next.replace(/<((?:\w+:)?)definedNames\s*\/>/, (_m, p: string) => `<${p}definedNames>${names.join("")}</${p}definedNames>`);
    else if (/<\/(?:\w+:)?definedNames>/.test(next)) next = next.replace(/<\/((?:\w+:)?)definedNames>/, (m) => `${names.join("")}${m}`);
    else next = next.replace(/<\/((?:\w+:)?)sheets>/, (m) => `${m}<definedNames>${names.join("")}</definedNames>`);
  }
  // An emptied <definedNames> is not valid (it needs at least one name).
  next = next.replace(/<((?:\w+:)?)definedNames>\s*<\/\1definedNames>/, "");
  if (next !== xml) zip.file("xl/workbook.xml", next);
}
