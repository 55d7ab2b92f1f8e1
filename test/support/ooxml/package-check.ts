import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, posix, resolve } from "node:path";
import {
  attrOf,
  childrenNamed,
  descendants,
  elements,
  localName,
  parseXml,
  textOf,
  unescapeXml,
  writeDocument,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from "./xml-tree";
import { unzipParts } from "./unzip";

/**
 * Checks written .xlsx packages against the ISO/IEC 29500 transitional
 * schemas (with xmllint, one process per schema for many parts) and against
 * the rules the schemas cannot express but Excel enforces (see
 * ../shared/ooxml/README.md): worksheet child order, relationship targets
 * present with the right content type, a content type for every part, r:id
 * references that resolve, unique table ids and names, header cells equal
 * to column names, and Excel's text limits. Generic: it knows the package
 * format, not the add-in's sheets.
 */

/** One thing wrong with a written workbook. */
export interface PackageProblem {
  readonly workbook: string;
  readonly part: string;
  /**
   * "schema" for xmllint's findings, else the rule broken: contentTypes,
   * relationships, wellFormed, worksheetOrder, tables, names, textLimits,
   * headerFooter.
   */
  readonly rule: string;
  readonly message: string;
}

/** What a check looked at and found. */
export interface PackageReport {
  readonly workbooks: number;
  readonly parts: number;
  /** Parts validated by xmllint against a schema. */
  readonly schemaParts: number;
  /** Parts of each schema file validated (relative schema path → count). */
  readonly bySchema: ReadonlyMap<string, number>;
  readonly problems: readonly PackageProblem[];
}

const NS = {
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

/** The schema for each root namespace (paths relative to the schemas folder). */
const SCHEMA_BY_NAMESPACE: Readonly<Record<string, string>> = {
  [NS.sml]: "ISO-IEC29500-4_2016/sml.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "ISO-IEC29500-4_2016/dml-main.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chart": "ISO-IEC29500-4_2016/dml-chart.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing": "ISO-IEC29500-4_2016/dml-chartDrawing.xsd",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "ISO-IEC29500-4_2016/dml-spreadsheetDrawing.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd",
  "http://schemas.openxmlformats.org/package/2006/relationships": "ecma/fouth-edition/opc-relationships.xsd",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ecma/fouth-edition/opc-contentTypes.xsd",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "ecma/fouth-edition/opc-coreProperties.local.xsd",
};

/** Content types of parts that are not XML or have no schema in the standard's set (legacy VML is checked for form only). */
const NOT_SCHEMA_VALIDATED = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
  "application/vnd.openxmlformats-officedocument.vmlDrawing",
]);

const OD = "application/vnd.openxmlformats-officedocument.";
/** The content type a relationship's target must have, by the relationship type's last segment. */
const TARGET_TYPE: Readonly<Record<string, string>> = {
  officeDocument: `${OD}spreadsheetml.sheet.main+xml`,
  worksheet: `${OD}spreadsheetml.worksheet+xml`,
  chartsheet: `${OD}spreadsheetml.chartsheet+xml`,
  styles: `${OD}spreadsheetml.styles+xml`,
  sharedStrings: `${OD}spreadsheetml.sharedStrings+xml`,
  theme: `${OD}theme+xml`,
  table: `${OD}spreadsheetml.table+xml`,
  drawing: `${OD}drawing+xml`,
  chart: `${OD}drawingml.chart+xml`,
  comments: `${OD}spreadsheetml.comments+xml`,
  vmlDrawing: `${OD}vmlDrawing`,
  "core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
  "extended-properties": `${OD}extended-properties+xml`,
  "custom-properties": `${OD}custom-properties+xml`,
  customProperty: `${OD}spreadsheetml.customProperty`,
};

/** CT_Worksheet's sequence (ISO/IEC 29500-1 §18.3.1.99): Excel refuses children out of this order. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
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

/** Excel's text limits (Excel specifications and limits; ../shared/ooxml/README.md). */
export const EXCEL_TEXT_LIMITS = { sheetName: 31, tableColumn: 255, nameConstant: 255, headerFooter: 255, cell: 32_767 } as const;

/** The install command and the path expected, when xmllint or the schemas are missing; undefined when both are there. */
export function missingTools(schemas: string): string | undefined {
  const xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].some((p) => existsSync(p));
  if (!xmllint) return "xmllint is not installed: apt-get install libxml2-utils (see .ci/run)";
  if (!existsSync(join(schemas, "ISO-IEC29500-4_2016", "sml.xsd")) || !existsSync(join(schemas, "catalog.xml")))
    return (
      `The OOXML schemas are not at ${schemas} (expected ../shared/ooxml/schemas beside the repository, with catalog.xml, ` +
      `or set OOXML_SCHEMAS)`
    );
  return undefined;
}

/**
 * Where the tests expect the schemas: ../shared/ooxml/schemas from the
 * repository root (CI clones the repository with shared/ beside it), or
 * OOXML_SCHEMAS for a checkout elsewhere (a git worktree).
 */
export function schemasFolder(repoRoot: string): string {
  const env = process.env.OOXML_SCHEMAS;
  return env !== undefined && env !== "" ? resolve(env) : resolve(repoRoot, "..", "shared", "ooxml", "schemas");
}

// ---------------------------------------------------------------------------------------------
// Markup compatibility: what a consumer that understands only the standard's namespaces sees.

interface Scope {
  readonly prefixes: ReadonlyMap<string, string>;
  readonly ignorable: ReadonlySet<string>;
}

function nsOf(qname: string, prefixes: ReadonlyMap<string, string>): string | undefined {
  const c = qname.indexOf(":");
  if (c < 0) return prefixes.get("");
  const prefix = qname.slice(0, c);
  return prefix === "xml" ? NS.xml : prefixes.get(prefix);
}

function scopeOf(el: XmlElement, parent: Scope): Scope {
  // Most elements declare nothing: share the parent's scope (copying it for every cell is what made this slow).
  if (!el.attrs.some(([k]) => k.startsWith("xmlns") || k.includes(":Ignorable"))) return parent;
  const prefixes = new Map(parent.prefixes);
  for (const [k, v] of el.attrs) {
    if (k === "xmlns") prefixes.set("", v);
    else if (k.startsWith("xmlns:")) prefixes.set(k.slice(6), v);
  }
  const ignorable = new Set(parent.ignorable);
  for (const [k, v] of el.attrs) {
    if (nsOf(k, prefixes) !== NS.mc || localName(k) !== "Ignorable") continue;
    for (const p of v.split(/\s+/).filter((x) => x !== "")) {
      const ns = prefixes.get(p);
      if (ns !== undefined && !(ns in SCHEMA_BY_NAMESPACE)) ignorable.add(ns);
    }
  }
  return { prefixes, ignorable };
}

/**
 * The element as a consumer of the standard sees it (ECMA-376 Part 3): elements
 * and attributes of ignorable namespaces removed, mc:AlternateContent replaced
 * by its Fallback, mc attributes dropped; and `xml:space` off SpreadsheetML
 * `<t>`, which Excel writes and the ISO schema does not allow (the README's known gap).
 */
function understood(el: XmlElement, parent: Scope): XmlNode[] {
  const scope = scopeOf(el, parent);
  const ns = nsOf(el.name, scope.prefixes);
  if (ns !== undefined && scope.ignorable.has(ns)) return [];
  const kids = (e: XmlElement): XmlNode[] => e.children.flatMap((c) => (typeof c === "string" ? [c] : understood(c, scope)));
  if (ns === NS.mc) {
    const fallback = elements(el).find((c) => localName(c.name) === "Fallback");
    return fallback === undefined ? [] : kids(fallback);
  }
  const attrs = el.attrs.filter(([k]) => {
    if (k === "xmlns" || k.startsWith("xmlns:")) return true;
    const ans = k.includes(":") ? nsOf(k, scope.prefixes) : undefined;
    if (ans === NS.mc || (ans !== undefined && scope.ignorable.has(ans))) return false;
    return !(ans === NS.xml && localName(k) === "space" && ns === NS.sml && localName(el.name) === "t");
  });
  return [{ name: el.name, attrs, children: kids(el) }];
}

/**
 * The same as {@link understood}, by text, for the usual part: markup
 * compatibility declared on the root only, ignorable namespaces used in
 * attributes only, no mc:AlternateContent. Undefined when the part is not
 * like that (the tree walk handles it). Rewriting a large sheet's tree is
 * most of the check's time; this keeps it to a few regular expressions.
 */
function quickUnderstood(text: string, root: XmlElement): string | undefined {
  const scope = scopeOf(root, { prefixes: new Map(), ignorable: new Set() });
  const mc = [...scope.prefixes].filter(([, ns]) => ns === NS.mc).map(([p]) => p);
  const ignorable = [...scope.prefixes].filter(([, ns]) => scope.ignorable.has(ns)).map(([p]) => p);
  const body = text.slice(text.indexOf(">", text.indexOf(`<${root.name}`)) + 1);
  // Any other namespace declaration, Ignorable, AlternateContent or element of an ignorable namespace below the root: walk the tree.
  if (/\sxmlns(:[^=\s]+)?\s*=|:Ignorable\s*=/.test(body)) return undefined;
  if ([...mc, ...ignorable].some((p) => body.includes(`<${p}:`))) return undefined;
  const prefixes = [...mc, ...ignorable].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  let out = prefixes === "" ? text : text.replace(new RegExp(`\\s(?:${prefixes}):[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*')`, "g"), "");
  if (scope.prefixes.get("") === NS.sml || [...scope.prefixes].some(([, ns]) => ns === NS.sml))
    out = out.replace(/(<(?:[\w.-]+:)?t\b[^>]*?)\s+xml:space\s*=\s*(?:"[^"]*"|'[^']*')/g, "$1");
  return out;
}

// ---------------------------------------------------------------------------------------------
// The package.

interface Part {
  readonly name: string;
  readonly contentType: string | undefined;
  readonly doc?: XmlDocument;
  readonly rootNs?: string;
  /** The part's text as written. */
  readonly text?: string;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The part a relationships part describes ("" for the package). */
function sourceOf(relsPart: string): string {
  const dir = posix.dirname(posix.dirname(relsPart));
  const base = posix.basename(relsPart).replace(/\.rels$/, "");
  return dir === "." ? base : `${dir}/${base}`;
}

function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return posix.normalize(target.slice(1));
  const dir = posix.dirname(source);
  return posix.normalize(dir === "." ? target : `${dir}/${target}`);
}

/** Excel escapes control characters in table column names as _xHHHH_. */
function decodeEscapedChars(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function a1(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

function parseRef(ref: string): { row: number; col: number; rows: number; cols: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (m === null) return undefined;
  const c1 = colIndex(m[1] ?? "A");
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] === undefined ? c1 : colIndex(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** A string constant formula's text ("a""b" → a"b), or undefined when the formula is something else. */
function constantText(formula: string): string | undefined {
  const m = /^=?"((?:[^"]|"")*)"$/.exec(formula.trim());
  return m === null ? undefined : (m[1] ?? "").replace(/""/g, '"');
}

class PackageChecker {
  readonly problems: PackageProblem[] = [];
  readonly parts = new Map<string, Part>();
  private readonly rels = new Map<string, Relationship[]>();

  constructor(readonly workbook: string) {}

  problem(part: string, rule: string, message: string): void {
    this.problems.push({ workbook: this.workbook, part, rule, message });
  }

  load(bytes: Buffer): void {
    const zip = unzipParts(bytes);
    const names = [...zip.keys()];
    const typesXml = zip.get("[Content_Types].xml")?.toString("utf8");
    if (typesXml === undefined) {
      this.problem("[Content_Types].xml", "contentTypes", "the package has no [Content_Types].xml");
      return;
    }
    const types = parseXml(typesXml).root;
    const defaults = new Map(
      childrenNamed(types, "Default").map((d) => [(attrOf(d, "Extension") ?? "").toLowerCase(), attrOf(d, "ContentType")]),
    );
    const overrides = new Map(
      childrenNamed(types, "Override").map((o) => [(attrOf(o, "PartName") ?? "").toLowerCase(), attrOf(o, "ContentType")]),
    );
    for (const o of overrides.keys())
      if (!names.some((n) => `/${n.toLowerCase()}` === o))
        this.problem(o, "contentTypes", "an Override names a part that is not in the package");
    for (const name of names) {
      const contentType =
        name === "[Content_Types].xml" ? "application/xml" : (overrides.get(`/${name.toLowerCase()}`) ?? defaults.get(extensionOf(name)));
      if (contentType === undefined)
        this.problem(name, "contentTypes", "the part has no content type (no Override, no Default for its extension)");
      const isXml = /\.(xml|rels|vml)$/i.test(name) || (contentType ?? "").endsWith("xml");
      if (!isXml) {
        this.parts.set(name, { name, contentType });
        continue;
      }
      const text = zip.get(name)?.toString("utf8") ?? "";
      try {
        const doc = parseXml(text);
        const scope = scopeOf(doc.root, { prefixes: new Map(), ignorable: new Set() });
        this.parts.set(name, { name, contentType, doc, text, ...spread("rootNs", nsOf(doc.root.name, scope.prefixes)) });
      } catch (e) {
        this.problem(name, "wellFormed", e instanceof Error ? e.message : String(e));
        this.parts.set(name, { name, contentType });
      }
    }
    for (const [name, part] of this.parts) {
      if (!name.endsWith(".rels") || part.doc === undefined) continue;
      this.rels.set(
        sourceOf(name),
        childrenNamed(part.doc.root, "Relationship").map((r) => ({
          id: attrOf(r, "Id") ?? "",
          type: attrOf(r, "Type") ?? "",
          target: unescapeXml(attrOf(r, "Target") ?? ""),
          external: attrOf(r, "TargetMode") === "External",
        })),
      );
    }
  }

  /** The parts to validate against each schema, as a consumer of the standard sees them. */
  schemaInputs(): { part: string; schema: string; text: string }[] {
    const out: { part: string; schema: string; text: string }[] = [];
    for (const part of this.parts.values()) {
      if (part.doc === undefined || NOT_SCHEMA_VALIDATED.has(part.contentType ?? "")) continue;
      const schema = part.rootNs === undefined ? undefined : SCHEMA_BY_NAMESPACE[part.rootNs];
      if (schema === undefined) {
        this.problem(part.name, "schema", `no schema for the root element <${part.doc.root.name}> (${part.rootNs ?? "no namespace"})`);
        continue;
      }
      const fast = part.text === undefined ? undefined : quickUnderstood(part.text, part.doc.root);
      if (fast !== undefined) {
        out.push({ part: part.name, schema, text: fast });
        continue;
      }
      const [root] = understood(part.doc.root, { prefixes: new Map(), ignorable: new Set() });
      if (root === undefined || typeof root === "string") continue;
      out.push({ part: part.name, schema, text: writeDocument({ prolog: part.doc.prolog, root: root }) });
    }
    return out;
  }

  relationshipsOf(part: string): readonly Relationship[] {
    return this.rels.get(part) ?? [];
  }

  /** Relationship targets present, with the content type their type requires; ids unique; r:id attributes resolve. */
  checkRelationships(): void {
    for (const [source, rels] of this.rels) {
      const relsName = source === "" ? "_rels/.rels" : relsPartOf(source);
      if (source !== "" && !this.parts.has(source))
        this.problem(relsName, "relationships", `describes a part that is not in the package (${source})`);
      const ids = new Set<string>();
      for (const r of rels) {
        if (ids.has(r.id)) this.problem(relsName, "relationships", `relationship id ${r.id} is used twice`);
        ids.add(r.id);
        if (r.external) continue;
        const target = resolveTarget(source, r.target);
        const part = this.parts.get(target);
        if (part === undefined) {
          this.problem(relsName, "relationships", `${r.id} targets ${r.target}, which is not in the package`);
          continue;
        }
        const want = TARGET_TYPE[r.type.slice(r.type.lastIndexOf("/") + 1)];
        if (want !== undefined && part.contentType !== want)
          this.problem(
            relsName,
            "relationships",
            `${r.id} (${r.type}) targets ${target}, of content type ${part.contentType ?? "none"}, not ${want}`,
          );
      }
    }
    for (const part of this.parts.values()) {
      if (part.doc === undefined || part.name.endsWith(".rels")) continue;
      const ids = new Set(this.relationshipsOf(part.name).map((r) => r.id));
      const walk = (el: XmlElement, parent: Scope): void => {
        const scope = scopeOf(el, parent);
        for (const [k, v] of el.attrs)
          if (k.includes(":") && !k.startsWith("xmlns:") && nsOf(k, scope.prefixes) === NS.rel && !ids.has(v))
            this.problem(part.name, "relationships", `<${el.name} ${k}="${v}"> names no relationship of this part`);
        elements(el).forEach((c) => walk(c, scope));
      };
      walk(part.doc.root, { prefixes: new Map(), ignorable: new Set() });
    }
  }

  /** The workbook's sheets (name → part), tables, names, and the rules over them. */
  checkSpreadsheet(): void {
    const main = this.relationshipsOf("").find((r) => r.type.endsWith("/officeDocument"));
    if (main === undefined) return this.problem("_rels/.rels", "relationships", "no officeDocument relationship");
    const wbName = resolveTarget("", main.target);
    const wb = this.parts.get(wbName)?.doc?.root;
    if (wb === undefined) return;
    const wbRels = this.relationshipsOf(wbName);
    const sst = wbRels.find((r) => r.type.endsWith("/sharedStrings"));
    const sstRoot = sst === undefined ? undefined : this.parts.get(resolveTarget(wbName, sst.target))?.doc?.root;
    const shared = sstRoot === undefined ? [] : childrenNamed(sstRoot, "si").map((si) => this.richText(si));
    shared.forEach((s, i) => {
      if (s.length > EXCEL_TEXT_LIMITS.cell)
        this.problem(
          sst?.target ?? "",
          "textLimits",
          `shared string ${i} has ${s.length} characters (a cell holds ${EXCEL_TEXT_LIMITS.cell})`,
        );
    });

    const sheetNames = new Set<string>();
    const tableIds = new Map<string, string>();
    const tableNames = new Map<string, string>();
    const sheets = descendants(wb, "sheet");
    for (const sheet of sheets) {
      const name = unescapeXml(attrOf(sheet, "name") ?? "");
      if (name.length > EXCEL_TEXT_LIMITS.sheetName || name.length === 0 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
        this.problem(
          wbName,
          "textLimits",
          `sheet name "${name}" (${name.length} characters): Excel allows 1–31, none of []:*?/\\, no ' at either end`,
        );
      if (sheetNames.has(name.toLowerCase())) this.problem(wbName, "names", `two sheets are named "${name}" (ignoring case)`);
      sheetNames.add(name.toLowerCase());
      const rid = sheet.attrs.find(([k]) => localName(k) === "id" && k.includes(":"))?.[1];
      const rel = wbRels.find((r) => r.id === rid);
      if (rel === undefined || !rel.type.endsWith("/worksheet")) continue;
      const sheetPart = resolveTarget(wbName, rel.target);
      const ws = this.parts.get(sheetPart)?.doc?.root;
      if (ws === undefined) continue;
      this.checkWorksheet(sheetPart, name, ws, shared, tableIds, tableNames);
    }

    for (const dn of descendants(wb, "definedName")) {
      const name = unescapeXml(attrOf(dn, "name") ?? "");
      if (attrOf(dn, "localSheetId") === undefined && tableNames.has(name.toLowerCase()))
        this.problem(wbName, "names", `the defined name "${name}" is also a table's name`);
      const constant = constantText(textOf(dn));
      if (constant !== undefined && constant.length > EXCEL_TEXT_LIMITS.nameConstant)
        this.problem(wbName, "textLimits", `the defined name "${name}" holds ${constant.length} characters of text (Excel allows 255)`);
    }
  }

  private richText(si: XmlElement): string {
    const t = childrenNamed(si, "t");
    if (t.length > 0) return t.map(textOf).join("");
    return childrenNamed(si, "r")
      .flatMap((r) => childrenNamed(r, "t"))
      .map(textOf)
      .join("");
  }

  private checkWorksheet(
    part: string,
    sheet: string,
    ws: XmlElement,
    shared: readonly string[],
    tableIds: Map<string, string>,
    tableNames: Map<string, string>,
  ): void {
    // Child order, among the children in SpreadsheetML's namespace (extension elements are ignorable or inside extLst).
    const scope = scopeOf(ws, { prefixes: new Map(), ignorable: new Set() });
    let last = -1;
    for (const child of elements(ws).filter((c) => nsOf(c.name, scope.prefixes) === NS.sml)) {
      const k = WORKSHEET_ORDER.indexOf(localName(child.name) as (typeof WORKSHEET_ORDER)[number]);
      if (k < 0) this.problem(part, "worksheetOrder", `<${child.name}> is not a child a worksheet may have`);
      else if (k < last || (k === last && localName(child.name) !== "conditionalFormatting"))
        this.problem(
          part,
          "worksheetOrder",
          `<${child.name}> comes after <${WORKSHEET_ORDER[last] ?? ""}>; Excel needs the schema's order`,
        );
      last = Math.max(last, k);
    }

    const cells = new Map<string, string>();
    for (const c of descendants(ws, "c")) {
      const r = attrOf(c, "r");
      if (r === undefined) continue;
      const t = attrOf(c, "t");
      const v = childrenNamed(c, "v")[0];
      const text =
        t === "s"
          ? (shared[Number(v === undefined ? "" : textOf(v))] ?? "")
          : t === "inlineStr"
            ? childrenNamed(c, "is")
                .map((is) => this.richText(is))
                .join("")
            : v === undefined
              ? ""
              : textOf(v);
      if (text.length > EXCEL_TEXT_LIMITS.cell)
        this.problem(part, "textLimits", `${sheet}!${r} holds ${text.length} characters (a cell holds ${EXCEL_TEXT_LIMITS.cell})`);
      cells.set(r, text);
    }

    for (const hf of descendants(ws, "headerFooter").flatMap(elements)) {
      const text = textOf(hf);
      if (text.length > EXCEL_TEXT_LIMITS.headerFooter)
        this.problem(part, "headerFooter", `${sheet}: <${hf.name}> has ${text.length} characters (Excel allows 255 in a header or footer)`);
    }

    for (const rel of this.relationshipsOf(part).filter((r) => r.type.endsWith("/table"))) {
      const tablePart = resolveTarget(part, rel.target);
      const table = this.parts.get(tablePart)?.doc?.root;
      if (table === undefined) continue;
      const id = attrOf(table, "id") ?? "";
      const name = unescapeXml(attrOf(table, "name") ?? "");
      const display = unescapeXml(attrOf(table, "displayName") ?? "");
      const other = tableIds.get(id);
      if (other !== undefined) this.problem(tablePart, "tables", `table id ${id} is also the id of ${other}`);
      tableIds.set(id, tablePart);
      for (const n of new Set([name.toLowerCase(), display.toLowerCase()])) {
        const was = tableNames.get(n);
        if (was !== undefined) this.problem(tablePart, "tables", `table name "${n}" is also the name of ${was} (ignoring case)`);
        tableNames.set(n, tablePart);
      }
      const ref = parseRef(attrOf(table, "ref") ?? "");
      const columns = descendants(table, "tableColumn").map((c) => decodeEscapedChars(unescapeXml(attrOf(c, "name") ?? "")));
      if (ref === undefined) {
        this.problem(tablePart, "tables", `ref "${attrOf(table, "ref") ?? ""}" is not a range`);
        continue;
      }
      if (columns.length !== ref.cols) this.problem(tablePart, "tables", `${columns.length} columns for a ref ${ref.cols} wide`);
      const lower = new Set<string>();
      columns.forEach((col, i) => {
        if (col.length > EXCEL_TEXT_LIMITS.tableColumn)
          this.problem(
            tablePart,
            "textLimits",
            `column ${i + 1} of "${display}" is named with ${col.length} characters (Excel allows 255)`,
          );
        if (lower.has(col.toLowerCase())) this.problem(tablePart, "tables", `"${display}" has the column "${col}" twice (ignoring case)`);
        lower.add(col.toLowerCase());
        if (attrOf(table, "headerRowCount") === "0") return;
        const at = a1(ref.row, ref.col + i);
        const cell = cells.get(at);
        if (cell !== col)
          this.problem(
            tablePart,
            "tables",
            `"${display}" column ${i + 1} is "${col}" but its header cell ${sheet}!${at} holds "${cell ?? ""}"`,
          );
      });
    }
  }
}

/** A part name's extension, lower case ("_rels/.rels" → "rels"). */
function extensionOf(name: string): string {
  const base = posix.basename(name);
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

function spread<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function runXmllint(schemas: string, schema: string, files: readonly string[]): Promise<string> {
  return new Promise((done) => {
    execFile(
      "xmllint",
      ["--nonet", "--noout", "--schema", join(schemas, schema), ...files],
      { env: { ...process.env, XML_CATALOG_FILES: join(schemas, "catalog.xml") }, maxBuffer: 256 * 1024 * 1024 },
      // xmllint exits non-zero when a file fails; its findings are on stderr either way.
      (_error, _stdout, stderr) => done(stderr),
    );
  });
}

/**
 * Checks each workbook: reads the package, applies the rules above, writes
 * each XML part as a consumer of the standard sees it to `work`, and runs
 * xmllint once per schema (in chunks of a few hundred files).
 */
export async function checkPackages(files: readonly string[], work: string, schemas: string): Promise<PackageReport> {
  const problems: PackageProblem[] = [];
  const bySchema = new Map<string, string[]>();
  const origin = new Map<string, { workbook: string; part: string }>();
  let parts = 0;
  for (const [i, file] of files.entries()) {
    const checker = new PackageChecker(file);
    checker.load(await readFile(file));
    checker.checkRelationships();
    checker.checkSpreadsheet();
    parts += checker.parts.size;
    for (const input of checker.schemaInputs()) {
      const out = join(work, String(i), input.part);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, input.text);
      origin.set(out, { workbook: file, part: input.part });
      bySchema.set(input.schema, [...(bySchema.get(input.schema) ?? []), out]);
    }
    problems.push(...checker.problems);
  }
  const CHUNK = 400;
  const jobs = [...bySchema].flatMap(([schema, list]) =>
    Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, k) => ({ schema, list: list.slice(k * CHUNK, (k + 1) * CHUNK) })),
  );
  // Two xmllint processes at a time (CI machines have two cores or more).
  const outputs: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < jobs.length; k = next++) {
      const job = jobs[k];
      if (job !== undefined) outputs[k] = await runXmllint(schemas, job.schema, job.list);
    }
  };
  await Promise.all([worker(), worker()]);
  for (const [k, job] of jobs.entries()) {
    const stderr = outputs[k] ?? "";
    for (const line of stderr.split("\n")) {
      if (line.trim() === "" || line.endsWith(" validates")) continue;
      const file = job.list.find((f) => line.startsWith(`${f}:`) || line.startsWith(`${f} `));
      if (file !== undefined && line === `${file} fails to validate`) continue;
      const o = file === undefined ? undefined : origin.get(file);
      problems.push({
        workbook: o?.workbook ?? "?",
        part: o?.part ?? "?",
        rule: "schema",
        message: file === undefined ? line : line.slice(file.length + 1),
      });
    }
  }
  return {
    workbooks: files.length,
    parts,
    schemaParts: origin.size,
    bySchema: new Map([...bySchema].map(([k, v]) => [k, v.length])),
    problems,
  };
}
