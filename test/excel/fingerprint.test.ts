import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/excel/layout/cells";
import { Fingerprint, gridFingerprint, specFingerprint } from "../../src/excel/layout/fingerprint";

/**
 * The fingerprint as first written (every workbook written so far recorded it): each cell's text
 * `${row},${col},${type}${value}` hashed whole. The fast path must give the very same figures, or every
 * workbook written before it would fail `--verify` and the hand-edit check.
 */
function referenceFingerprint(row: number, col: number, values: readonly (readonly (CellValue | null | undefined)[])[]): string {
  let count = 0;
  let a = 0;
  let b = 0;
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === "" || v === null || v === undefined) return;
      const text = `${row + i},${col + j},${typeof v === "string" ? "s" : typeof v === "number" ? "n" : "b"}${String(v)}`;
      let h1 = 0x811c9dc5;
      let h2 = 0x01000193 ^ text.length;
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      a = (a + (h1 >>> 0)) >>> 0;
      b = (b + (h2 >>> 0)) >>> 0;
      count++;
    }),
  );
  return `${count}:${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

const cell = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ maxLength: 4 }),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(""),
);

describe("sheet fingerprints", () => {
  it("are the figures the whole-text hash gave, for any grid at any position", () => {
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (row, col, grid) => {
        expect(gridFingerprint(row, col, grid as CellValue[][])).toBe(referenceFingerprint(row, col, grid));
      }),
      { numRuns: 300 },
    );
  });

  it("are the whole-text hash's figures for money: whole pence of any size, either sign, and the numbers near them", () => {
    const pence = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -(1e15 + 10), max: 1e15 + 10 }));
    const money = fc.oneof(
      pence.map((p) => p / 100),
      pence.map((p) => p / 100 + Number.EPSILON * p),
      pence.map((p) => p / 10),
      pence,
      fc.constantFrom(-0, 0.1 + 0.2, 1 / 3, 0.07, 0.7, 1e13, 1e-7, -1e21),
    );
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), fc.array(fc.array(money, { maxLength: 6 }), { maxLength: 6 }), (row, col, grid) => {
        expect(gridFingerprint(row, col, grid)).toBe(referenceFingerprint(row, col, grid));
      }),
      { numRuns: 500 },
    );
  });

  it("adds single cells as a grid of one does", () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(200), cell, (row, col, v) => {
        const f = new Fingerprint();
        f.add(row, col, v);
        expect(f.value()).toBe(referenceFingerprint(row, col, [[v]]));
        const g = new Fingerprint();
        g.addText(String(row), String(col), v);
        expect(g.value()).toBe(f.value());
      }),
    );
  });

  it("change when one value changes, and a spec's is its blocks' together", () => {
    const values = [
      ["Partner", "Amount"],
      ["Havering", 1234.5],
    ];
    const spec = { name: "S", kind: "k", tables: [], blocks: [{ row: 2, col: 1, values }] };
    const fp = specFingerprint(spec as never);
    expect(fp).toBe(referenceFingerprint(2, 1, values));
    expect(specFingerprint(spec as never)).toBe(fp);
    const edited = { ...spec, blocks: [{ row: 2, col: 1, values: [values[0], ["Havering", 1234.51]] }] };
    expect(specFingerprint(edited as never)).not.toBe(fp);
  });
});
