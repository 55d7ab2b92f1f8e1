import { readFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordRun, runWorkbook, writeResults } from "../../src/app";

const NOW = new Date("2026-12-01T14:03:00Z");
import { openWorkbook } from "../../src/cli/xlsx/open";
import { xmlUnescape } from "../../src/cli/xlsx/ooxml";
import { pointsToChars } from "../../src/cli/xlsx/styles";
import { absoluteFormula } from "../../src/excel/layout/address";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { createMemoryPort } from "../../src/excel/memory/memory-port";
import { SAMPLES } from "../../src/samples";
import { cli, readBack, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
});
afterAll(async () => {
  await t.cleanup();
});

/** The same sample and run through the in-memory workbook, the reference the add-in's adapters share. */
async function memoryReference(id: string): Promise<MemoryWorkbook> {
  const sample = SAMPLES.find((s) => s.id === id)!;
  const { port, workbook } = createMemoryPort(new MemoryWorkbook([]));
  const created = await port.createModel(sample.model, { notes: sample.notes, title: sample.title });
  expect(created.ok).toBe(true);
  const run = await runWorkbook(port);
  if (!run.ok) throw new Error("memory run failed");
  // Recorded and written as the command line records and writes it (writeResults), at the same (fixed) time.
  const written = await writeResults(
    port,
    recordRun(run.session, run.outputs, run.warnings.length, { by: run.session.read.preparedBy, now: NOW }),
  );
  expect(written.kind).toBe("written");
  return workbook;
}

/** A number format as exceljs reads it: General is undefined. */
const fmt = (f: string | undefined): string | undefined => (f === undefined || f === "General" ? undefined : f);

describe.each(SAMPLES.map((s) => s.id))("the file the CLI writes for %s has the add-in's sheets", (id) => {
  it(
    "same sheets, values, number formats, tables, validations, frozen rows, widths and tab colours as the in-memory " + "workbook",
    async () => {
      const file = t.file(`${id}.xlsx`);
      expect((await cli(["--sample", id, file])).code).toBe(0);
      expect((await cli([file], undefined, NOW)).code).toBe(0);
      const reference = await memoryReference(id);
      const opened = await openWorkbook(file);
      if (!opened.ok) throw new Error(opened.problem.message);
      const store = opened.value.store;
      const wb: ExcelJS.Workbook = await readBack(file);

      expect(store.listSheets().map((s) => s.name)).toEqual(reference.sheetNames());
      expect(store.listSheets().map((s) => s.visible)).toEqual(reference.sheetNames().map((n) => reference.view(n)!.visible));
      const refTables = reference
        .sheetNames()
        .flatMap((n) =>
          reference.view(n)!.tables.map((x) => ({ name: x.name, sheet: x.sheet, row: x.row, col: x.col, rows: x.rows, cols: x.cols })),
        );
      expect(store.listTables()).toEqual(expect.arrayContaining(refTables));
      expect(store.listTables()).toHaveLength(refTables.length);

      for (const name of reference.sheetNames()) {
        const view = reference.view(name)!;
        const ws = wb.getWorksheet(name)!;
        expect(store.readValues(name, 0, 0, view.rows, view.cols), name).toEqual(view.values());
        for (let r = 0; r < view.rows; r++) {
          for (let c = 0; c < view.cols; c++) {
            const want = view.cell(r, c);
            if (want.value === "" && want.format === undefined) continue;
            expect(fmt(ws.getCell(r + 1, c + 1).numFmt), `${name}!R${r + 1}C${c + 1}`).toBe(fmt(want.format));
          }
        }
        const frozen = ws.views?.[0];
        expect(view.freezeRows > 0 ? frozen?.state === "frozen" && (frozen as { ySplit?: number }).ySplit : 0, name).toBe(view.freezeRows);
        view.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width, `${name} column ${i + 1}`).toBe(pointsToChars(w)));
        if (view.tabColor !== undefined) expect(ws.properties.tabColor?.argb).toBe(`FF${view.tabColor.slice(1).toUpperCase()}`);
        for (const v of view.validations) {
          const dv = ws.getCell(v.row + 1, v.col + 1).dataValidation;
          expect(dv?.type, `${name} validation`).toBe("list");
          expect(dv?.formulae?.[0]).toBe(
            v.source.kind === "values" ? `"${v.source.values.join(",")}"` : absoluteFormula(v.source.range).slice(1),
          );
          expect(dv?.errorStyle).toBe(v.strict ? "stop" : "warning");
        }
        const cfs = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? [];
        expect(cfs.length, `${name} conditional formats`).toBe(view.conditionalFormats.length);
      }

      // Charts: drawn, the same ones in the same order, and no note left saying otherwise (test/cli/charts.test.ts reads them whole).
      const charts = reference.view("Charts")!.charts;
      expect(charts.length).toBeGreaterThan(0);
      expect(wb.getWorksheet("Charts")!.getCell("A1").note).toBeUndefined();
      const zip = await JSZip.loadAsync(await readFile(file));
      const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
      expect(drawings).toHaveLength(1);
      const drawn = [
        ...((await zip.file(drawings[0]!)?.async("string")) ?? "").matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)" descr="([^"]+)"/g),
      ];
      expect(drawn.map((m) => [m[1], xmlUnescape(m[2]!)])).toEqual(charts.map((c) => [c.name, c.title]));
    },
  );
});
