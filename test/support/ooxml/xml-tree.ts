/**
 * A small XML reader and writer for checking package parts: elements keep
 * their attributes' raw (escaped) text and their children in order, so a
 * part can be read, trimmed of markup-compatibility extensions and written
 * back unchanged otherwise. Parts of a package have no DTD, so comments,
 * processing instructions and CDATA are the only other constructs.
 */

/** One element: its qualified name, raw attribute values in order, children. */
export interface XmlElement {
  readonly name: string;
  attrs: [string, string][];
  children: XmlNode[];
}

/** Text (raw, still escaped) or an element. */
export type XmlNode = XmlElement | string;

/** A parsed part: the text before the root (declaration, comments) and the root. */
export interface XmlDocument {
  readonly prolog: string;
  readonly root: XmlElement;
}

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Parses a part; throws with the offset when it is not well-formed in the ways this reader sees. */
export function parseXml(text: string): XmlDocument {
  let i = 0;
  let prolog = "";
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at offset ${i}: ${why}`);
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt < 0 || lt > i) {
      const chunk = text.slice(i, lt < 0 ? text.length : lt);
      if (top !== undefined) top.children.push(chunk);
      else if (chunk.trim() !== "") fail("text outside the root element");
      else if (root === undefined) prolog += chunk;
      if (lt < 0) break;
      i = lt;
    }
    if (text.startsWith("<?", i) || text.startsWith("<!--", i) || text.startsWith("<![CDATA[", i) || text.startsWith("<!", i)) {
      const end = text.startsWith("<?", i)
        ? text.indexOf("?>", i) + 2
        : text.startsWith("<!--", i)
          ? text.indexOf("-->", i) + 3
          : text.startsWith("<![CDATA[", i)
            ? text.indexOf("]]>", i) + 3
            : text.indexOf(">", i) + 1;
      if (end <= i) fail("unterminated markup");
      const raw = text.slice(i, end);
      if (top !== undefined) top.children.push(raw);
      else if (root === undefined) prolog += raw;
      i = end;
      continue;
    }
    if (text.startsWith("</", i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      if (m === null || top === undefined || m[0] !== top.name) fail(`unexpected end tag ${m?.[0] ?? ""}`);
      i = text.indexOf(">", i) + 1;
      stack.pop();
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (m === null) return fail("bad start tag");
    const el: XmlElement = { name: m[0], attrs: [], children: [] };
    i = NAME.lastIndex;
    for (;;) {
      ATTR.lastIndex = i;
      const a = ATTR.exec(text);
      if (a === null) break;
      el.attrs.push([a[1] ?? "", a[2] ?? a[3] ?? ""]);
      i = ATTR.lastIndex;
    }
    while (/\s/.test(text[i] ?? "")) i++;
    const selfClosing = text.startsWith("/>", i);
    if (!selfClosing && text[i] !== ">") fail(`bad attributes in <${el.name}>`);
    i += selfClosing ? 2 : 1;
    if (top !== undefined) top.children.push(el);
    else if (root === undefined) root = el;
    else fail("second root element");
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]?.name ?? ""}> not closed`);
  if (root === undefined) return fail("no root element");
  return { prolog, root };
}

/** Writes an element back as text (attributes double-quoted, raw values kept). */
export function writeXml(el: XmlElement): string {
  const attrs = el.attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, "&quot;")}"`).join("");
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  return `<${el.name}${attrs}>${el.children.map((c) => (typeof c === "string" ? c : writeXml(c))).join("")}</${el.name}>`;
}

/** A document written back. */
export function writeDocument(doc: XmlDocument): string {
  return `${doc.prolog}${writeXml(doc.root)}`;
}

/** An attribute's raw value. */
export function attrOf(el: XmlElement, name: string): string | undefined {
  return el.attrs.find(([k]) => k === name)?.[1];
}

/** The local part of a qualified name. */
export function localName(qname: string): string {
  const c = qname.indexOf(":");
  return c < 0 ? qname : qname.slice(c + 1);
}

/** Child elements (text dropped). */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

/** Child elements with a local name. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return elements(el).filter((c) => localName(c.name) === local);
}

/** Every descendant element with a local name, in document order. */
export function descendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (localName(c.name) === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Decodes XML escapes (named and numeric) in raw text. */
export function unescapeXml(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** An element's text content, decoded (CDATA included). */
export function textOf(el: XmlElement): string {
  return el.children
    .map((c) =>
      typeof c !== "string"
        ? textOf(c)
        : c.startsWith("<![CDATA[")
          ? c.slice(9, -3)
          : c.startsWith("<!--") || c.startsWith("<?")
            ? ""
            : unescapeXml(c),
    )
    .join("");
}
