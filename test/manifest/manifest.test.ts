import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MANIFEST_PATH = `${ROOT}manifest.xml`;
const xml = readFileSync(MANIFEST_PATH, "utf8");

/** A parsed XML element, with its ancestry for error messages. */
interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
  readonly text: string;
  readonly path: string;
}

type Ordered = Record<string, unknown>;

function toNodes(items: readonly Ordered[], parentPath: string): Node[] {
  const nodes: Node[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "?xml" || name === "#comment") continue;
    const rawAttrs = (item[":@"] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k.replace(/^@_/, "")] = String(v);
    const rawChildren = (item[name] ?? []) as Ordered[];
    const text = rawChildren
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("")
      .trim();
    const path = `${parentPath}/${name}`;
    nodes.push({ name, attrs, children: toNodes(rawChildren, path), text, path });
  }
  return nodes;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

function all(root: Node): Node[] {
  const out: Node[] = [];
  walk(root, (n) => out.push(n));
  return out;
}

function child(node: Node, name: string): Node {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`${node.path} has no <${name}>`);
  return found;
}

function descendant(node: Node, predicate: (n: Node) => boolean, what: string): Node {
  const found = all(node).find(predicate);
  if (!found) throw new Error(`No ${what} under ${node.path}`);
  return found;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});
const validation = XMLValidator.validate(xml);
const documentNodes = validation === true ? toNodes(parser.parse(xml) as Ordered[], "") : [];
const root = documentNodes.find((n) => n.name === "OfficeApp");
if (!root) throw new Error("manifest.xml has no <OfficeApp> root element");
const nodes = all(root);

type ResourceKind = "bt:Image" | "bt:Url" | "ShortString" | "LongString";

/** Resources by id, with the kind of collection each is defined in. */
const resources = new Map<string, { kind: ResourceKind; value: string }>();
const duplicateIds: string[] = [];
{
  const res = descendant(root, (n) => n.name === "Resources", "<Resources>");
  const collections: [string, ResourceKind][] = [
    ["bt:Images", "bt:Image"],
    ["bt:Urls", "bt:Url"],
    ["bt:ShortStrings", "ShortString"],
    ["bt:LongStrings", "LongString"],
  ];
  for (const [collection, kind] of collections) {
    const holder = res.children.find((c) => c.name === collection);
    for (const entry of holder?.children ?? []) {
      const id = entry.attrs.id;
      const value = entry.attrs.DefaultValue;
      if (!id || value === undefined) throw new Error(`${entry.path} needs id and DefaultValue`);
      if (resources.has(id)) duplicateIds.push(id);
      resources.set(id, { kind, value });
    }
  }
}

/** Which kind of resource each element that carries a `resid` must point to. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  "bt:Image": "bt:Image",
  SourceLocation: "bt:Url",
  FunctionFile: "bt:Url",
  LearnMoreUrl: "bt:Url",
  Runtime: "bt:Url",
  Namespace: "ShortString",
  Label: "ShortString",
  Title: "ShortString",
  Description: "LongString",
};

const residNodes = nodes.filter((n) => n.attrs.resid !== undefined);

function resolve(resid: string): string {
  const entry = resources.get(resid);
  if (!entry) throw new Error(`resid "${resid}" is not defined in <Resources>`);
  return entry.value;
}

function extensionPoint(type: string): Node {
  return descendant(root!, (n) => n.name === "ExtensionPoint" && n.attrs["xsi:type"] === type, type);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(validation).toBe(true);
  });

  it("is a task pane add-in in the appforoffice 1.1 namespace", () => {
    expect(root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(root.attrs["xsi:type"]).toBe("TaskPaneApp");
    const hosts = child(child(root, "Hosts"), "Host");
    expect(hosts.attrs.Name).toBe("Workbook");
  });

  it("has a GUID Id and the expected display name", () => {
    expect(child(root, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "DisplayName").attrs.DefaultValue).toBe("Shared Cost Apportionment");
  });

  it("asks for exactly ReadWriteDocument permission", () => {
    const permissions = root.children.filter((c) => c.name === "Permissions");
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.text).toBe("ReadWriteDocument");
  });

  // CustomFunctionsRuntime 1.3 is the first with CustomFunctions.ErrorCode, which every formula's errors use
  // (test/manifest/requirement-sets.test.ts cross-checks every API the code calls).
  it("requires the SharedRuntime 1.1 and CustomFunctionsRuntime 1.3 sets", () => {
    const sets = child(child(root, "Requirements"), "Sets").children.filter((c) => c.name === "Set");
    const byName = new Map(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(byName.get("SharedRuntime")).toBe("1.1");
    expect(byName.get("CustomFunctionsRuntime")).toBe("1.3");
  });

  // HighResolutionIconUrl: "For content and task pane apps, the image resolution must be 64 x 64 pixels"
  // (https://learn.microsoft.com/javascript/api/manifest/highresolutioniconurl); IconUrl is 32 x 32
  // (https://learn.microsoft.com/javascript/api/manifest/iconurl); each bt:Image is the size its <bt:Image size> says.
  it("points each icon URL at a PNG of the size Office requires", () => {
    const sizeOf = (url: string): [number, number] => {
      const png = readFileSync(`${ROOT}${new URL(url).pathname.replace(/^\//, "")}`);
      expect(png.subarray(1, 4).toString("latin1"), url).toBe("PNG");
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(sizeOf(child(root, "IconUrl").attrs.DefaultValue!)).toEqual([32, 32]);
    expect(sizeOf(child(root, "HighResolutionIconUrl").attrs.DefaultValue!)).toEqual([64, 64]);
    for (const image of nodes.filter((n) => n.name === "bt:Image" && n.attrs.size !== undefined)) {
      const size = Number(image.attrs.size);
      expect(sizeOf(resolve(image.attrs.resid!)), image.attrs.resid).toEqual([size, size]);
    }
  });

  it("defines every resource id once", () => {
    expect(duplicateIds).toEqual([]);
  });

  it("resolves every resid to a resource of the right kind", () => {
    expect(residNodes.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const node of residNodes) {
      const resid = node.attrs.resid!;
      const expected = RESID_KIND[node.name];
      const entry = resources.get(resid);
      if (!expected) problems.push(`${node.path}: no expected resource kind known for <${node.name}>`);
      else if (!entry) problems.push(`${node.path}: resid "${resid}" is not defined`);
      else if (entry.kind !== expected) {
        problems.push(`${node.path}: resid "${resid}" is a ${entry.kind}, expected ${expected}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("uses every resource it defines", () => {
    const used = new Set(residNodes.map((n) => n.attrs.resid));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("serves every URL over https from one origin", () => {
    const urls: string[] = [];
    for (const node of nodes) {
      // xmlns / xmlns:* values are namespace names, not URLs that are fetched.
      const attrs = Object.entries(node.attrs).filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"));
      for (const value of [...attrs.map(([, v]) => v), node.text]) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).protocol, url).toBe("https:");
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  it("points icon URLs at files that exist in assets/", () => {
    const iconUrls = [
      child(root, "IconUrl").attrs.DefaultValue!,
      child(root, "HighResolutionIconUrl").attrs.DefaultValue!,
      ...[...resources.values()].filter((r) => r.kind === "bt:Image").map((r) => r.value),
    ];
    for (const url of iconUrls) {
      const path = new URL(url).pathname.replace(/^\//, "");
      expect(path, url).toMatch(/^assets\/.+\.png$/);
      expect(existsSync(`${ROOT}${path}`), `${path} missing`).toBe(true);
    }
  });

  it("uses the SHARED namespace for custom functions", () => {
    const namespace = child(extensionPoint("CustomFunctions"), "Namespace");
    const entry = resources.get(namespace.attrs.resid!);
    expect(entry?.kind).toBe("ShortString");
    expect(entry?.value).toBe("SHARED");
  });

  it("runs the task pane and custom functions in one long-lived shared runtime", () => {
    const runtime = descendant(root, (n) => n.name === "Runtime", "<Runtime>");
    expect(runtime.attrs.lifetime).toBe("long");
    const runtimeResid = runtime.attrs.resid!;

    const functions = extensionPoint("CustomFunctions");
    const page = child(child(functions, "Page"), "SourceLocation");
    expect(page.attrs.resid).toBe(runtimeResid);

    const showTaskpane = descendant(root, (n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane", "ShowTaskpane action");
    expect(child(showTaskpane, "SourceLocation").attrs.resid).toBe(runtimeResid);
    expect(child(showTaskpane, "TaskpaneId").text).toBe("ButtonId1");

    const functionFile = descendant(root, (n) => n.name === "FunctionFile", "<FunctionFile>");
    expect(functionFile.attrs.resid).toBe(runtimeResid);

    const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation").attrs.DefaultValue;
    expect(resolve(runtimeResid)).toBe(defaultSource);
    expect(new URL(resolve(runtimeResid)).pathname).toBe("/taskpane.html");
  });

  it("points the custom functions script and metadata at the built files", () => {
    const functions = extensionPoint("CustomFunctions");
    const script = child(child(functions, "Script"), "SourceLocation").attrs.resid!;
    const metadata = child(child(functions, "Metadata"), "SourceLocation").attrs.resid!;
    expect(new URL(resolve(script)).pathname).toBe("/functions.js");
    expect(new URL(resolve(metadata)).pathname).toBe("/functions.json");
  });

  it("names the ribbon button and its tooltip in the product's words, not the template's", () => {
    const button = descendant(
      extensionPoint("PrimaryCommandSurface"),
      (n) => n.name === "Control" && n.attrs["xsi:type"] === "Button",
      "ribbon button",
    );
    const supertip = child(button, "Supertip");
    const words = {
      label: resolve(child(button, "Label").attrs.resid!),
      title: resolve(child(supertip, "Title").attrs.resid!),
      tooltip: resolve(child(supertip, "Description").attrs.resid!),
      group: resolve(
        child(
          descendant(extensionPoint("PrimaryCommandSurface"), (n) => n.name === "Group", "group"),
          "Label",
        ).attrs.resid!,
      ),
    };
    expect(words).toEqual({
      label: "Apportion Costs",
      title: "Apportion shared costs",
      tooltip:
        "Split the shared-service costs across the partner councils to the penny, check the model, compare scenarios, explain " +
        "any charge and check recharges against budgets.",
      group: "Shared Costs",
    });
    // Nothing of the generator's template is left, anywhere a user reads.
    for (const r of resources.values()) if (r.kind === "ShortString" || r.kind === "LongString") expect(r.value).not.toMatch(/taskpane/i);
    // ShortString and LongString hold at most 125 and 250 characters
    // (https://learn.microsoft.com/javascript/api/manifest/shortstrings, …/longstrings).
    for (const r of resources.values()) {
      if (r.kind === "ShortString") expect(r.value.length, r.value).toBeLessThanOrEqual(125);
      if (r.kind === "LongString") expect(r.value.length, r.value).toBeLessThanOrEqual(250);
    }
  });

  // "Three image sizes are required (16, 32, and 80 pixels) while five other sizes are supported (20, 24, 40, 48, and 64
  // pixels)" (https://learn.microsoft.com/javascript/api/manifest/icon): with all eight, Office has a sharp icon at every
  // display scaling instead of stretching the nearest one.
  it("gives the ribbon group and button every icon size Microsoft lists for add-in commands", () => {
    const icons = all(extensionPoint("PrimaryCommandSurface")).filter((n) => n.name === "Icon");
    expect(icons).toHaveLength(2);
    for (const icon of icons)
      expect(icon.children.filter((c) => c.name === "bt:Image").map((c) => Number(c.attrs.size))).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
  });
});
