import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { HeldRows } from "../../src/cli/xlsx/held-rows";

const cell = fc.oneof(
  fc.constant(""),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

describe("HeldRows", () => {
  it("reads back every cell as it was pushed, null and undefined as empty, at any number of rows", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 60 }))),
        fc.integer({ min: 0, max: 70 }),
        ([width, rows], expected) => {
          const held = new HeldRows(width, expected);
          for (const r of rows) held.push(r);
          const want = rows.map((r) => r.map((v) => v ?? ""));
          expect(held.length).toBe(rows.length);
          expect(held.rows()).toEqual(want);
          want.forEach((r, i) => r.forEach((v, c) => expect(Object.is(held.value(i, c), v)).toBe(true)));
          expect(held.hasValues()).toBe(want.some((r) => r.some((v) => v !== "")));
        },
      ),
    );
  });

  it("keeps a column of figures and empty cells as a Float64Array, and turns it into values at its first text", () => {
    const held = new HeldRows(2, 2);
    held.push([1.5, "a"]);
    held.push(["", "b"]);
    held.push([-0, "c"]);
    expect(held.columns()[0]).toBeInstanceOf(Float64Array);
    expect(Array.isArray(held.columns()[1])).toBe(true);
    expect(Object.is(held.value(2, 0), -0)).toBe(true);
    held.push(["total", "d"]);
    expect(held.columns()[0]).toEqual([1.5, "", -0, "total"]);
    expect(held.rows(1, 3)).toEqual([
      ["", "b"],
      [-0, "c"],
    ]);
  });
});
