import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/excel/layout/cells";
import { a1, quoteSheet } from "../../src/excel/layout/address";
import { sampleById } from "../../src/samples";
import { report, sampleWorkbook, shown } from "./catalogue-support";

/**
 * Random edits to the sample workbooks, as a careless user or an attacker
 * would make them: any input-table cell (or the row just below a table, which
 * extends it) set to random text, numbers, dates, blanks, Excel errors or
 * huge values. Every run must either list problems, each naming its cell, or
 * produce a result that balances exactly — checked here with BigInt, not with
 * the engine's own sums. It must never throw or hang.
 */

const SAMPLES = ["brent-lewisham-southwark", "east-kent-housing", "onesource"] as const;

/** The input tables of each sample: sheet, body rectangle (plus one row below). */
async function editableCells(sample: string): Promise<{ sheet: string; row: number; col: number; rows: number; cols: number }[]> {
  const { workbook } = await sampleWorkbook(sample);
  return workbook.listTables().map((t) => ({ sheet: t.sheet, row: t.row + 1, col: t.col, rows: t.rows, cols: t.cols }));
}

const TABLES = new Map<string, Awaited<ReturnType<typeof editableCells>>>();

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "#N/A",
    "#VALUE!",
    "BRE",
    "LEW",
    "sou",
    "LH,X",
    "equal",
    "driver:users",
    "direct:SOU",
    "IAA",
    "2020/21",
    "2024/25",
    "3019/20",
    "1899/00",
    "0001-06-01",
    "2021-02-29",
    "revenue",
    "capital",
    "one-off",
    "ongoing",
    "Yes",
    "months",
    "thousand",
    "1e400",
    "1e-400",
    "1e9999999",
    "1e-9999999",
    "-1e9999999",
    "-0",
    "£1,000,000",
    "x".repeat(33_000),
  ),
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1e15,
    1e15,
    999_999_999_999.99,
    1_000_000_000_000.01,
    2 ** 53,
    60,
    0,
    2_958_466,
    100,
    -100,
  ),
  fc.integer({ min: 1, max: 2_958_465 }),
);

const edit = fc.record({ table: fc.nat(), row: fc.nat(), col: fc.nat(), value });

describe("random edits to the sample workbooks", () => {
  it("always either list located problems or give a result that balances exactly", async () => {
    for (const s of SAMPLES) TABLES.set(s, await editableCells(s));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SAMPLES),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (sample, edits, pick) => {
          const tables = TABLES.get(sample) ?? [];
          const cells: Record<string, CellValue> = {};
          for (const e of edits) {
            const t = tables[e.table % tables.length];
            if (t === undefined) continue;
            cells[`${quoteSheet(t.sheet)}!${a1(t.row + (e.row % t.rows), t.col + (e.col % t.cols))}`] = e.value;
          }
          // Sometimes run one of the sample's scenarios (as --scenario does), so scenario paths are edited too.
          const names = (sampleById(sample)?.model.scenarios ?? []).map((x) => x.name);
          const scenario = pick === undefined || names.length === 0 ? undefined : names[pick % names.length];
          const { reported, done } = await report(sample, cells, scenario);
          if (done === undefined) {
            const errors = reported.filter((r) => r.severity === "error");
            expect(errors.length, "a refused run lists its problems").toBeGreaterThan(0);
            // Each problem names its cell, except a setting whose row is missing altogether (no cell to
            // name: the list says the row is missing, and the engine's note on its value may follow).
            const rowMissing = errors.some((r) => r.message.includes("has no row for the setting"));
            for (const r of errors) {
              if (r.address === undefined) {
                // A scenario asked for by name (as --scenario does) that an edit removed is located at that argument.
                expect(r.message, shown(reported)).toMatch(
                  rowMissing
                    ? /has no row for the setting|^Setting, |^argument --scenario:/
                    : /has no row for the setting|^argument --scenario:/,
                );
              }
              expect(r.message).not.toContain('"NaN"');
            }
            return;
          }
          const result = done.outputs.run.result;
          let inTotal = 0n;
          let outTotal = 0n;
          for (const ly of result.lineYears) {
            const shares = ly.shares.reduce((a, s) => a + BigInt(s), 0n);
            expect(shares, `${ly.lineRef} ${ly.yearLabel}`).toBe(BigInt(ly.profile.amount));
            inTotal += BigInt(ly.profile.amount);
            outTotal += shares;
          }
          expect(result.balance.balanced).toBe(true);
          expect(BigInt(result.balance.totalIn)).toBe(inTotal);
          expect(BigInt(result.balance.totalOut)).toBe(outTotal);
          // The totals by partner add up, exactly, to everything charged.
          expect(done.outputs.run.totals.reduce((a, t) => a + BigInt(t.amount), 0n)).toBe(outTotal);
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);
});
