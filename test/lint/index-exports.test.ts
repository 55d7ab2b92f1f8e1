import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportedNames, namesTaken, repositoryFiles, unusedExports, type ReadFile, type SourceFile } from "./index-exports";

const ROOT = join(__dirname, "../..");
/** Where a name exported by an index may be used: anywhere in the repository's code outside that index's folder. */
const USERS = ["src", "test", "bench", "scripts"];

const cache = new Map<string, string | undefined>();
const readRepo: ReadFile = (path) => {
  if (!cache.has(path)) {
    try {
      cache.set(path, readFileSync(join(ROOT, path), "utf8"));
    } catch {
      cache.set(path, undefined);
    }
  }
  return cache.get(path);
};

describe("the index files export only what other folders use", () => {
  const files = repositoryFiles(ROOT, USERS);
  it.each(["src/engine/index.ts", "src/excel/index.ts", "src/app/index.ts"])("%s", (index) => {
    expect(exportedNames(index, readRepo).size).toBeGreaterThan(20);
    const unused = unusedExports(index, files, readRepo);
    expect(unused, `${index} exports names no file outside its folder imports: ${unused.join(", ")}`).toEqual([]);
  });
});

describe("the check itself", () => {
  const fixture: Record<string, string> = {
    "src/lib/index.ts": 'export { used, unused, type UsedType } from "./a";\nexport * from "./b";\nexport const local = 1;',
    "src/lib/a.ts": "export const used = 1; export const unused = 2; export interface UsedType { x: number }",
    "src/lib/b.ts": "export function fromStar(): number { return 1; } export function starUnused(): void {}",
    "src/lib/inner.ts": 'import { unused, local } from "./index"; export const x = [unused, local];',
  };
  const read: ReadFile = (p) => fixture[p];
  const user = (code: string): SourceFile => ({ path: "src/client/user.ts", code });

  it("names what an index exports and nobody outside takes (a use inside its folder does not count)", () => {
    const files = [
      user(
        [
          'import { used, type UsedType } from "../lib";',
          'import { fromStar } from "../lib/index";',
          "export const t: UsedType | number = used + fromStar();",
        ].join("\n"),
      ),
      { path: "src/lib/inner.ts", code: fixture["src/lib/inner.ts"] ?? "" },
    ];
    expect(unusedExports("src/lib/index.ts", files, read)).toEqual(["local", "starUnused", "unused"]);
  });

  it("counts re-exports, import() types, dynamic imports and namespace properties as uses", () => {
    const code = [
      'export { used as again } from "../lib";',
      'type T = import("../lib").UsedType;',
      'const { fromStar } = await import("../lib");',
      'void import("../lib").then((m) => m.local);',
      'import * as lib from "../lib";',
      "void lib.starUnused;",
    ].join("\n");
    expect([...namesTaken(user(code), "src/lib/index.ts", read)].sort()).toEqual(["UsedType", "fromStar", "local", "starUnused", "used"]);
  });

  it("does not pass when a file takes every name at once", () => {
    const files = [user('export * from "../lib";')];
    expect(unusedExports("src/lib/index.ts", files, read)).toEqual(["(every name, as taken by src/client/user.ts)"]);
  });
});
