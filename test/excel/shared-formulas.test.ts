import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSharedFormula, valueToWrite } from "../../src/excel/layout/shared-formulas";
import { typeIn } from "../support/excel-fake/typing";
import { workbookProblemMessage } from "../../src/excel/problems";
import { cellKey, type FakeCell } from "../support/excel-fake";
import { memoryHarness, officeHarness } from "../support/port-harness";
import { at, everything, put, sharedFormulasWorkbook as workbook } from "../support/shared-formulas-fixture";

describe("turning =SHARED formulas into values (Office.js adapter on the Excel fake)", () => {
  it("knows a =SHARED call from other formulas and from text", () => {
    expect(isSharedFormula("=SHARED.SHARE(1,2,3)")).toBe(true);
    expect(isSharedFormula("=round(shared.yearpart(1),0)")).toBe(true);
    expect(isSharedFormula("=SUM(A1:A3)")).toBe(false);
    expect(isSharedFormula('="SHARED.X"')).toBe(false);
    expect(isSharedFormula("=MYSHARED.X(1)")).toBe(false);
    expect(isSharedFormula("SHARED.X(1)")).toBe(false);
    expect(isSharedFormula(42)).toBe(false);
  });

  it("counts the formulas, the cells they show (spilled results included) and the sheets, changing nothing", async () => {
    const h = await workbook();
    const before = everything(h);
    const r = await h.port.findSharedFormulas();
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toEqual({
      sheets: [
        { sheet: "Workings", formulas: 4, cells: 6, errors: 1, busy: 0 },
        { sheet: "Notes", formulas: 1, cells: 1, errors: 0, busy: 0 },
      ],
      formulas: 5,
      cells: 7,
      errors: 1,
      busy: 0,
    });
    expect(everything(h)).toBe(before);
  });

  it("replaces only the =SHARED formulas, each cell keeping what it showed and its format; other formulas stay", async () => {
    const h = await workbook();
    const shown = (r: number, c: number, sheet = "Workings") => at(h, sheet, r, c)?.value;
    const expected = new Map(
      [
        [0, 0],
        [4, 1],
        [4, 2],
        [4, 3],
        [6, 0],
        [8, 0],
      ].map(([r, c]) => [`${r},${c}`, { value: shown(r!, c!), format: at(h, "Workings", r!, c!)?.format }]),
    );
    const before = JSON.parse(everything(h)) as [string, [number, FakeCell][]][];
    const r = await h.port.sharedFormulasToValues({ formulas: 5, cells: 7 });
    expect(r.ok).toBe(true);
    for (const [k, want] of expected) {
      const [row = 0, col = 0] = k.split(",").map(Number);
      const c = at(h, "Workings", row, col);
      expect(c?.formula, k).toBeUndefined();
      expect(c?.value, k).toBe(want.value);
      expect(c?.format, k).toBe(want.format);
    }
    // Text stays text (not the date or number "2020/21" would be typed as), by Excel's text prefix.
    expect(at(h, "Workings", 0, 0)?.prefixed).toBe(true);
    expect(at(h, "Notes", 2, 2)).toMatchObject({ value: 10 });
    expect(at(h, "Notes", 2, 2)?.formula).toBeUndefined();
    expect(at(h, "Workings", 1, 0)).toMatchObject({ formula: "=SUM(B1:B3)", value: 6 });
    expect(at(h, "Workings", 1, 1)).toMatchObject({ formula: '="SHARED.X is not a call"' });
    // Nothing else in the workbook changed.
    const after = new Map((JSON.parse(everything(h)) as [string, [number, FakeCell][]][]).map(([n, cells]) => [n, new Map(cells)]));
    for (const [name, cells] of before)
      for (const [k, c] of cells) {
        const changed =
          (name === "Workings" && expected.has(`${Math.floor(k / 16_384)},${k % 16_384}`)) || (name === "Notes" && k === cellKey(2, 2));
        if (!changed) expect(after.get(name)?.get(k), `${name} ${k}`).toEqual(c);
      }
    // And now there is nothing left to turn.
    const again = await h.port.findSharedFormulas();
    expect(again.ok && again.value.formulas).toBe(0);
  });

  it("keeps a dynamic array's results: writing only its first cell would lose the rest", async () => {
    // What Excel does (the fake): a value written over the anchor removes the spilled results.
    const lone = officeHarness();
    lone.fake!.document.addSheet("S");
    put(lone, "S", 0, 0, { formula: "=SHARED.APPORTION(1,{1;1})", value: 0.5, spill: { rows: 1, cols: 2 } });
    put(lone, "S", 0, 1, { value: 0.5 });
    await lone.fake!.run(async (context) => {
      (context as unknown as Excel.RequestContext).workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).values = [[0.5]];
      await context.sync();
    });
    expect(at(lone, "S", 0, 1)?.value).toBe("");
    // The adapter writes the whole spill range, so every result stays.
    const h = await workbook();
    expect((await h.port.sharedFormulasToValues({ formulas: 5, cells: 7 })).ok).toBe(true);
    expect([1, 2, 3].map((c) => at(h, "Workings", 4, c)?.value)).toEqual([33.34, 33.33, 33.33]);
  });

  it("changes nothing when the formulas are not the ones confirmed, or are still calculating, and says why", async () => {
    const h = await workbook();
    const before = everything(h);
    const changed = await h.port.sharedFormulasToValues({ formulas: 4, cells: 6 });
    expect(!changed.ok && changed.problems.map(workbookProblemMessage)).toEqual([
      "The workbook now has 5 =SHARED formulas, not the 4 you confirmed (they changed since): nothing was changed. " +
        "Look again, then confirm.",
    ]);
    put(h, "Notes", 3, 3, { formula: "=SHARED.PROFILE(1)", value: "#BUSY!" });
    const busy = await h.port.sharedFormulasToValues({ formulas: 6, cells: 8 });
    expect(!busy.ok && busy.problems[0]?.kind).toBe("stillCalculating");
    h.fake!.document.sheet("Notes")!.cells.delete(cellKey(3, 3));
    expect(everything(h)).toBe(before);
  });

  it("is done only in Excel: the in-memory workbook (browser preview, command line) says so", async () => {
    const m = memoryHarness();
    const r = await m.port.findSharedFormulas();
    expect(!r.ok && r.problems.map(workbookProblemMessage)).toEqual([
      "Turning =SHARED formulas into values is done in Excel, where the formulas calculate: open the workbook there.",
    ]);
  });
});

describe("a shown value written back as it showed (fast-check)", () => {
  it("any text, number or true/false written through Range.values, as Excel types it, is the value it was", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), (v) => {
        const typed = typeIn(valueToWrite(v), undefined);
        // An empty cell stays empty; anything else comes back exactly (text as text, however it looks).
        expect(typed?.value).toBe(Object.is(v, -0) ? 0 : v);
      }),
    );
  });
});
