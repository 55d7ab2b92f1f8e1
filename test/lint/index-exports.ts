import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/** A source file: its path from the repository root ("src/cli/main.ts") and its text. */
export interface SourceFile {
  readonly path: string;
  readonly code: string;
}

/** Reads a file of the repository (root-relative path), or undefined when there is none. */
export type ReadFile = (path: string) => string | undefined;

/** The module a relative specifier names from a file, as a root-relative path ("src/engine/index.ts"), if it exists. */
export function resolveModule(from: string, spec: string, read: ReadFile): string | undefined {
  const base = join(dirname(from), spec).split("\\").join("/");
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => read(c) !== undefined);
}

function parse(path: string, code: string): ts.SourceFile {
  return ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true);
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names a module exports: named re-exports, exported declarations, and (followed) `export * from`. */
export function exportedNames(path: string, read: ReadFile, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  const code = read(path);
  if (code === undefined || seen.has(path)) return names;
  seen.add(path);
  for (const s of parse(path, code).statements) {
    if (ts.isExportDeclaration(s)) {
      if (s.exportClause === undefined && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
        const target = resolveModule(path, s.moduleSpecifier.text, read);
        if (target !== undefined) for (const n of exportedNames(target, read, seen)) names.add(n);
      } else if (s.exportClause && ts.isNamedExports(s.exportClause)) {
        for (const e of s.exportClause.elements) names.add(e.name.text);
      } else if (s.exportClause && ts.isNamespaceExport(s.exportClause)) names.add(s.exportClause.name.text);
    } else if (hasExportModifier(s)) {
      if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if (
        (ts.isFunctionDeclaration(s) ||
          ts.isClassDeclaration(s) ||
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s) ||
          ts.isEnumDeclaration(s)) &&
        s.name !== undefined
      )
        names.add(s.name.text);
    }
  }
  return names;
}

/** "All": the file takes every name (a namespace import used as a whole, `export *`), so none can be called unused. */
export const ALL = "*";

/**
 * The names one file takes from a module (`target`, root-relative): named imports and re-exports (by the name the
 * module exports them under), `import("…").Name` types, destructured or `.then((m) => m.name)` dynamic imports, and
 * the properties read from a namespace import. {@link ALL} when it cannot tell.
 */
export function namesTaken(file: SourceFile, target: string, read: ReadFile): Set<string> {
  const taken = new Set<string>();
  const sf = parse(file.path, file.code);
  const isTarget = (spec: ts.Expression | undefined): boolean =>
    spec !== undefined && ts.isStringLiteral(spec) && spec.text.startsWith(".") && resolveModule(file.path, spec.text, read) === target;
  const propertiesOf = (name: string, scope: ts.Node): void => {
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) taken.add(n.name.text);
      else if (ts.isQualifiedName(n) && ts.isIdentifier(n.left) && n.left.text === name) taken.add(n.right.text);
      ts.forEachChild(n, visit);
    };
    visit(scope);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && isTarget(n.moduleSpecifier)) {
      const bindings = n.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) taken.add((e.propertyName ?? e.name).text);
      else if (bindings && ts.isNamespaceImport(bindings)) propertiesOf(bindings.name.text, sf);
      else if (n.importClause?.name !== undefined) taken.add(ALL);
    } else if (ts.isExportDeclaration(n) && isTarget(n.moduleSpecifier)) {
      const clause = n.exportClause;
      if (clause && ts.isNamedExports(clause)) for (const e of clause.elements) taken.add((e.propertyName ?? e.name).text);
      else taken.add(ALL);
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && isTarget(n.argument.literal)) {
      if (n.qualifier === undefined) taken.add(ALL);
      else taken.add(ts.isIdentifier(n.qualifier) ? n.qualifier.text : (n.qualifier.left.getText(sf).split(".")[0] ?? ALL));
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && isTarget(n.arguments[0])) {
      dynamicImport(n);
    }
    ts.forEachChild(n, visit);
  };
  // `const { a } = await import("…")`, `import("…").then((m) => m.a)`, `(await import("…")).a`; anything else takes all.
  const dynamicImport = (call: ts.CallExpression): void => {
    let up: ts.Node = call.parent;
    while (ts.isAwaitExpression(up) || ts.isParenthesizedExpression(up)) up = up.parent;
    if (ts.isVariableDeclaration(up) && ts.isObjectBindingPattern(up.name)) {
      for (const e of up.name.elements) {
        const key = e.propertyName ?? e.name;
        taken.add(ts.isIdentifier(key) ? key.text : ALL);
      }
      return;
    }
    if (ts.isPropertyAccessExpression(up) && up.name.text === "then" && ts.isCallExpression(up.parent)) {
      const callback = up.parent.arguments[0];
      const param = callback !== undefined && ts.isArrowFunction(callback) ? callback.parameters[0]?.name : undefined;
      if (callback !== undefined && param !== undefined && ts.isIdentifier(param)) {
        propertiesOf(param.text, callback);
        return;
      }
    }
    if (ts.isPropertyAccessExpression(up)) {
      taken.add(up.name.text);
      return;
    }
    taken.add(ALL);
  };
  visit(sf);
  return taken;
}

/**
 * The names an index exports that no file outside its folder takes, sorted: what the index need not export.
 * `index` is root-relative ("src/engine/index.ts"); `files` are every file that might use it.
 */
export function unusedExports(index: string, files: readonly SourceFile[], read: ReadFile): string[] {
  const folder = `${dirname(index)}/`;
  const taken = new Set<string>();
  const takesAll: string[] = [];
  for (const f of files) {
    if (f.path.startsWith(folder)) continue;
    const names = namesTaken(f, index, read);
    if (names.has(ALL)) takesAll.push(f.path);
    for (const n of names) taken.add(n);
  }
  // A file that takes every name hides which are used: name it rather than pass.
  if (takesAll.length > 0) return [`(every name, as taken by ${takesAll.join(", ")})`];
  return [...exportedNames(index, read)].filter((n) => !taken.has(n)).sort();
}

/** Every TypeScript file under these folders of the repository at `root`, root-relative. */
export function repositoryFiles(root: string, folders: readonly string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
        out.push({ path: relative(root, p).split("\\").join("/"), code: readFileSync(p, "utf8") });
    }
  };
  for (const f of folders) if (existsSync(join(root, f))) walk(join(root, f));
  return out;
}
