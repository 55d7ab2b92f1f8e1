import { a1Range } from "../../src/excel/layout/address";
import type { PrintSpec } from "../../src/excel/layout/cells";
import type { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { keyCell, type FakeDocument } from "./excel-fake";

/** A comparable picture of one sheet: every non-empty cell (value, format, style), tables and decorations. */
export interface SheetSnapshot {
  readonly name: string;
  readonly visible: boolean;
  readonly marker: string | undefined;
  readonly cells: Record<string, { v: string | number | boolean; f?: string }>;
  readonly tables: readonly string[];
  readonly validations: number;
  readonly conditionalFormats: number;
  readonly charts: readonly string[];
  readonly freezeRows: number;
  /** How the sheet prints, in Office.js's words (undefined: never set). */
  readonly print: string | undefined;
}

/** A print setup in Office.js's words, so the memory and fake-Excel snapshots compare. */
function printText(p: {
  paperSize: string;
  orientation: string;
  wide: number | undefined;
  tall: number | undefined;
  area: string | undefined;
  titles: string | undefined;
  footer: readonly string[];
  breaks: readonly number[];
}): string {
  return (
    `${p.paperSize} ${p.orientation}, ${p.wide ?? "?"} wide × ${p.tall ?? "?"} tall; area ${p.area ?? "-"}; titles ` +
    `${p.titles ?? "-"}; footer ${p.footer.join(" | ")}; page breaks before rows ${p.breaks.map((r) => r + 1).join(",") || "-"}`
  );
}

function memoryPrint(p: PrintSpec | undefined): string | undefined {
  if (p === undefined) return undefined;
  return printText({
    paperSize: p.paper,
    orientation: p.orientation === "landscape" ? "Landscape" : "Portrait",
    wide: p.pagesWide,
    tall: 0,
    area: a1Range(p.area.row, p.area.col, p.area.rows, p.area.cols),
    titles: p.titleRows === undefined ? undefined : `$${p.titleRows.row + 1}:$${p.titleRows.row + p.titleRows.rows}`,
    footer: [p.footer.left, p.footer.center, p.footer.right],
    breaks: p.pageBreaks ?? [],
  });
}

/** Snapshot of an in-memory workbook, sheet by sheet in order. */
export function snapshotMemory(wb: MemoryWorkbook): SheetSnapshot[] {
  return wb.sheetNames().map((name) => {
    const v = wb.view(name);
    if (v === undefined) throw new Error(name);
    const cells: Record<string, { v: string | number | boolean; f?: string }> = {};
    for (let r = 0; r < v.rows; r++) {
      for (let c = 0; c < v.cols; c++) {
        const cell = v.cell(r, c);
        if (cell.value === "") continue;
        cells[`${r},${c}`] = cell.format === undefined ? { v: cell.value } : { v: cell.value, f: cell.format };
      }
    }
    return {
      name,
      visible: v.visible,
      marker: v.marker,
      cells,
      tables: v.tables.map((t) => `${t.name}@${t.row},${t.col}:${t.rows}x${t.cols}`),
      validations: v.validations.length,
      conditionalFormats: v.conditionalFormats.reduce((n, c) => n + c.rules.length, 0),
      // In Office.js's words (Excel.ChartType), so a stacked chart drawn clustered would differ.
      charts: v.charts.map(
        (c) =>
          `${c.kind === "stacked" ? "ColumnStacked" : "ColumnClustered"} "${c.title}" ` +
          `${a1Range(c.data.row, c.data.col, c.data.rows, c.data.cols)}`,
      ),
      freezeRows: v.freezeRows,
      print: memoryPrint(v.print),
    };
  });
}

/** Snapshot of the fake Excel's document, in the same shape as {@link snapshotMemory}. */
export function snapshotFake(doc: FakeDocument): SheetSnapshot[] {
  return doc.sheets.map((s) => {
    const cells: Record<string, { v: string | number | boolean; f?: string }> = {};
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const cell = s.cells.get(k);
      if (cell === undefined || cell.value === "") continue;
      const [r, c] = keyCell(k);
      cells[`${r},${c}`] = cell.format === undefined ? { v: cell.value } : { v: cell.value, f: cell.format };
    }
    return {
      name: s.name,
      visible: s.visibility === "Visible",
      marker: s.props.get("sharedapportion")?.value,
      cells,
      tables: doc.tables.filter((t) => t.sheet === s).map((t) => `${t.name}@${t.row},${t.col}:${t.rows}x${t.cols}`),
      validations: s.validations.length,
      conditionalFormats: s.conditionalFormats.length,
      charts: s.charts.map((c) => `${c.type} "${c.title}" ${a1Range(c.source.row, c.source.col, c.source.rows, c.source.cols)}`),
      freezeRows: s.freezeRows,
      print:
        s.pageLayout.printArea === undefined
          ? undefined
          : printText({
              paperSize: s.pageLayout.paperSize,
              orientation: s.pageLayout.orientation,
              wide: s.pageLayout.zoom.horizontalFitToPages,
              tall: s.pageLayout.zoom.verticalFitToPages,
              area: s.pageLayout.printArea,
              titles: s.pageLayout.printTitleRows,
              footer: [s.pageLayout.leftFooter, s.pageLayout.centerFooter, s.pageLayout.rightFooter],
              breaks: s.pageBreaks,
            }),
    };
  });
}
