import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBatches, rowBytes, type StageOp } from "../../src/excel/layout/batches";
import type { CellValue, SheetSpec } from "../../src/excel/layout/cells";
import type { PlannedSheet } from "../../src/excel/layout/write-plan";

function planned(name: string, rows: CellValue[][]): PlannedSheet {
  const spec: SheetSpec = {
    name,
    kind: name,
    role: "output",
    blocks: [{ row: 0, col: 0, values: rows, formats: rows[0]?.map((_, i) => (i === 0 ? "£#,##0.00;-£#,##0.00" : null)) ?? [] }],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    freezeRows: 0,
    columnWidths: [],
  };
  return { spec, staging: `SA~${name}`, replaces: undefined, fingerprint: "", stagingTables: [] };
}

const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc.boolean(),
);

describe("splitting a write into requests", () => {
  it("keeps every request within the budget (unless one row alone is bigger) and writes every row once, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 80 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 300, max: 5000 }),
        (sheets, budget) => {
          const plans = sheets.map((rows, i) => planned(`S${i}`, rows));
          const batches = planBatches(plans, budget);
          for (const b of batches) {
            const cells = b.ops.filter((o): o is Extract<StageOp, { kind: "cells" }> => o.kind === "cells");
            const oneRow = cells.length === 1 && cells[0]?.values.length === 1;
            if (!oneRow) expect(b.bytes).toBeLessThanOrEqual(budget);
          }
          plans.forEach((p, i) => {
            const written = batches
              .flatMap((b) => b.ops)
              .filter((o): o is Extract<StageOp, { kind: "cells" }> => o.kind === "cells" && o.sheet === p.staging);
            expect(written.flatMap((o) => o.values)).toEqual(sheets[i]);
            let next = 0;
            for (const o of written) {
              expect(o.row).toBe(next);
              next += o.values.length;
            }
          });
        },
      ),
    );
  });

  it("writes a small sheet in one request and a large one in about bytes ÷ budget requests", () => {
    const row: CellValue[] = ["EKH-01", "Move the shared housing system to the cloud", 17000];
    expect(planBatches([planned("small", [row, row])])).toHaveLength(1);
    const rows = Array.from({ length: 100_000 }, () => row);
    const bytes = rows.length * rowBytes(row);
    const batches = planBatches([planned("large", rows)], 1_000_000);
    expect(batches.length).toBe(Math.ceil(bytes / 1_000_000));
  });
});
