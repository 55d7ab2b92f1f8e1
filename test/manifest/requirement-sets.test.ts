import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { MANIFEST_REQUIREMENTS, OPTIONAL_APIS } from "../../src/excel/office/requirement-sets";

/**
 * Cross-checks the manifest's requirement sets against the Office APIs the
 * code really calls. Each call's requirement set comes from the
 * `[Api set: X n.n]` note Microsoft puts on every member in @types/office-js
 * and @types/custom-functions-runtime, found through the TypeScript checker
 * (so `.filter` on an array is never mistaken for `TableColumn.filter`).
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SOURCE_DIRS = ["src/excel/office", "src/functions"];

/** One Office API used in the code, with its requirement set. */
interface Use {
  readonly api: string;
  readonly set: string;
  readonly version: string;
  readonly at: string;
}

function sourceFiles(): string[] {
  return SOURCE_DIRS.flatMap((d) =>
    readdirSync(`${ROOT}${d}`)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => `${ROOT}${d}/${f}`),
  );
}

/** The `[Api set: …]` note in the doc comment of a declaration, if any. */
function apiSetOf(decl: ts.Declaration): { set: string; version: string } | undefined {
  const file = decl.getSourceFile();
  const text = file.getFullText();
  for (const range of ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? []) {
    const m = /\[\s*Api set:\s*(\w+)\s+([\d.]+)\s*\]/.exec(text.slice(range.pos, range.end));
    if (m) return { set: m[1] ?? "", version: m[2] ?? "" };
  }
  return undefined;
}

function officeUses(): Use[] {
  const files = sourceFiles();
  const config = ts.parseJsonConfigFileContent(JSON.parse(readFileSync(`${ROOT}tsconfig.json`, "utf8")) as unknown, ts.sys, ROOT);
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  for (const path of files) {
    const source = program.getSourceFile(path);
    if (source === undefined) throw new Error(path);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isObjectLiteralElementLike(node)) {
        const symbol = ts.isPropertyAccessExpression(node)
          ? checker.getSymbolAtLocation(node.name)
          : node.name === undefined
            ? undefined
            : checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          if (!/@types[\\/](office-js|custom-functions-runtime)/.test(decl.getSourceFile().fileName)) continue;
          const set = apiSetOf(decl);
          if (set === undefined) continue;
          const owner = (decl.parent as ts.Node & { name?: ts.Node }).name?.getText() ?? "?";
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          uses.push({ api: `${owner}.${symbol?.getName() ?? "?"}`, ...set, at: `${path.slice(ROOT.length)}:${line + 1}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

function manifestSets(): Map<string, string> {
  const xml = readFileSync(`${ROOT}manifest.xml`, "utf8");
  const block = /<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)?.[0] ?? "";
  return new Map([...block.matchAll(/<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

const newer = (a: string, b: string): boolean => {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
};

describe("requirement sets", () => {
  const uses = officeUses();

  it("finds the Office APIs the adapter and the functions call (the scan works)", () => {
    const apis = new Set(uses.map((u) => u.api));
    for (const api of [
      "Workbook.getActiveCell",
      "WorksheetCustomPropertyCollection.getItemOrNullObject",
      "Table.clearFilters",
      "ErrorCode.invalidValue",
    ])
      expect(apis, api).toContain(api);
  });

  it("manifest.xml declares exactly the sets in the table beside the adapter", () => {
    expect(Object.fromEntries(manifestSets())).toEqual(Object.fromEntries(MANIFEST_REQUIREMENTS.map((r) => [r.set, r.version])));
  });

  it("calls no API above the declared sets, except the optional ones listed with a fallback", () => {
    const declared = new Map<string, string>(MANIFEST_REQUIREMENTS.map((r) => [r.set, r.version]));
    const optional = new Set(OPTIONAL_APIS.map((o) => o.api));
    const above = uses.filter((u) => {
      const min = declared.get(u.set);
      return (min === undefined || newer(u.version, min)) && !optional.has(u.api);
    });
    expect(above.map((u) => `${u.api} needs ${u.set} ${u.version} (${u.at})`)).toEqual([]);
  });

  it("needs every declared version: each set's minimum is what some API used requires", () => {
    for (const r of MANIFEST_REQUIREMENTS.filter((x) => x.set !== "SharedRuntime")) {
      const top = uses.filter((u) => u.set === r.set).reduce((a, u) => (newer(u.version, a) ? u.version : a), "1.1");
      expect(top, r.set).toBe(r.version);
    }
  });

  it(
    "lists functions.json's allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4) as optional whenever the generator " + "writes it",
    async () => {
      const generated = await generateCustomFunctionsMetadata([`${ROOT}src/functions/functions.ts`], false);
      expect(generated.errors).toEqual([]);
      const metadata = JSON.parse(generated.metadataJson) as { allowCustomDataForDataTypeAny?: boolean };
      const listed = OPTIONAL_APIS.find((o) => o.api === "functions.json allowCustomDataForDataTypeAny");
      if (metadata.allowCustomDataForDataTypeAny === true) expect(listed).toMatchObject({ set: "CustomFunctionsRuntime", version: "1.4" });
      else expect(listed).toBeUndefined();
    },
  );
});
