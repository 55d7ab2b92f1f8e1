import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, relativeImports } from "./import-graph";

// The files of src import each other without loops: a loop ties files together so that none can
// change, be tested or be moved alone, and makes module start-up order matter. Type-only imports
// count too (docs/architecture.md, "No import loops").

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

describe("the import graph of src", () => {
  it("has no cycle", () => {
    expect(importCycles(importGraph(SRC))).toEqual([]);
  });

  it("resolves files, indexes and re-exports (a sanity check that the graph is not empty)", () => {
    const graph = importGraph(SRC);
    expect(graph.get("engine/apportion.ts")).toContain("engine/money.ts");
    expect(graph.get("app/index.ts")?.length).toBeGreaterThan(5);
    expect(graph.get("excel/memory/display.ts")).toContain("engine/index.ts");
  });
});

describe("the cycle finder", () => {
  it("names each cycle by the path that closes it", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(importCycles(graph)).toEqual(["a.ts → b.ts → c.ts → a.ts", "e.ts → e.ts"]);
  });

  it("finds nothing in a graph without loops", () => {
    expect(
      importCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads type-only imports and re-exports as well as value imports", () => {
    const code = 'import type { A } from "./a";\nimport { b } from "../b";\nexport { c } from "./c";\nimport x from "react";\n';
    expect(relativeImports(code)).toEqual(["./a", "../b", "./c"]);
  });
});
