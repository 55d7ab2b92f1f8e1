import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/** File → the files it imports, as paths relative to the folder scanned ("engine/apportion.ts"). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** The relative module specifiers of a file's import and re-export statements, type-only ones included. */
export function relativeImports(code: string, fileName = "x.ts"): string[] {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  const specs: string[] = [];
  for (const s of sf.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      if (s.moduleSpecifier.text.startsWith(".")) specs.push(s.moduleSpecifier.text);
    }
  }
  return specs;
}

/**
 * The import graph of every TypeScript file under `root`, resolving relative
 * imports the way the bundlers do (`x.ts`, `x.tsx`, `x/index.ts`, `x/index.tsx`).
 * Type-only imports count: a type cycle still ties the files' changes together.
 */
export function importGraph(root: string): ImportGraph {
  const files = sourceFiles(root).map((f) => relative(root, f).split("\\").join("/"));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = new Set<string>();
    for (const spec of relativeImports(readFileSync(join(root, file), "utf8"), file)) {
      const base = join(dirname(file), spec).split("\\").join("/");
      const hit = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((c) => known.has(c));
      if (hit !== undefined) deps.add(hit);
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/**
 * Every import cycle of the graph, one per strongly connected group of files,
 * each written as the path that closes it ("a.ts → b.ts → a.ts").
 */
export function importCycles(graph: ImportGraph): string[] {
  // Tarjan's strongly connected components, iteratively-free recursion is fine for a few hundred files.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) groups.push(group);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((g) => cyclePath(graph, new Set(g)));
}

/** One cycle through a strongly connected group, found by a breadth-first search back to its first file. */
function cyclePath(graph: ImportGraph, group: ReadonlySet<string>): string {
  const start = [...group].sort()[0] ?? "";
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() ?? "";
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = from.get(u)) path.unshift(u);
        path.unshift(start);
        return path.join(" → ");
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...group].join(", ");
}
