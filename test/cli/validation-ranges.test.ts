import { readFile } from "node:fs/promises";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { validationRanges } from "../../src/cli/xlsx/validation-ranges";
import { cli, tempDir } from "./helpers";

/** Every cell of an A1 range or cell ("B2:C4", "B2"), as "col,row". */
function cellsOf(ref: string): string[] {
  const at = (a: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (m === null) throw new Error(`not a cell: ${a}`);
    let col = 0;
    for (const ch of m[1] ?? "") col = col * 26 + ch.charCodeAt(0) - 64;
    return [col, Number(m[2])];
  };
  const [from = "", to = from] = ref.split(":");
  const [c0, r0] = at(from);
  const [c1, r1] = at(to);
  const out: string[] = [];
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) out.push(`${c},${r}`);
  return out;
}

const letters = (col: number): string =>
  (col > 26 ? String.fromCharCode(64 + Math.floor((col - 1) / 26)) : "") + String.fromCharCode(65 + ((col - 1) % 26));

describe("data validations written as ranges", () => {
  it("cover each validated cell exactly once, with the validation it had, whatever the cells and copies", () => {
    const pool = [
      { type: "list", allowBlank: true, formulae: ['"a,b"'] },
      { type: "list", allowBlank: true, formulae: ["Lists!$A$1:$A$3"], error: "Choose one" },
      { type: "whole", operator: "between", formulae: [1, 9] },
    ];
    // The same validation as another object, its fields in another order (as a copy made elsewhere would be).
    const copy = (v: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(v).reverse());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 }), fc.nat(2), fc.boolean()), { maxLength: 200 }),
        (cells) => {
          const model: Record<string, Record<string, unknown>> = {};
          for (const [col, row, which, asCopy] of cells) {
            const v = pool[which] as Record<string, unknown>;
            model[`${letters(col)}${row}`] = asCopy ? copy(v) : v;
          }
          const ranges = validationRanges(model);
          const seen = new Map<string, unknown>();
          for (const [ref, v] of Object.entries(ranges))
            for (const cell of cellsOf(ref)) {
              expect(seen.has(cell)).toBe(false);
              seen.set(cell, v);
            }
          expect(seen.size).toBe(Object.keys(model).length);
          for (const [address, v] of Object.entries(model)) {
            const [col, row] = cellsOf(address)[0]!.split(",");
            expect(seen.get(`${col},${row}`)).toEqual(v);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("makes one range of a validated column of twelve rows, where exceljs wrote A10:A13 and A2:A13", () => {
    const v = { type: "list", formulae: ['"x,y"'] };
    const model = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`A${i + 2}`, { ...v }]));
    expect(Object.keys(validationRanges(model))).toEqual(["A2:A13"]);
  });

  it("never overlap in a written workbook, a sample and the same run again over it", async () => {
    const t = await tempDir();
    try {
      const file = t.file("ekh.xlsx");
      expect((await cli(["--sample", "east-kent-housing", file])).code).toBe(0);
      expect((await cli([file])).code).toBe(0);
      expect((await cli([file, "--force"])).code).toBe(0);
      const zip = await JSZip.loadAsync(await readFile(file));
      let validated = 0;
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async("string");
        const seen = new Set<string>();
        for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g))
          for (const ref of (m[1] ?? "").split(" "))
            for (const cell of cellsOf(ref)) {
              expect(seen.has(cell), `${name}: ${cell} has two validations`).toBe(false);
              seen.add(cell);
            }
        validated += seen.size;
      }
      // The Budgets table's twelve rows and the other input tables' drop-downs are all still there.
      expect(validated).toBeGreaterThan(50);
    } finally {
      await t.cleanup();
    }
  });
});
