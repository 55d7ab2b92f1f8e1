import { encodeMarker } from "../layout/marker";
import type { Batch, StageOp } from "../layout/batches";
import type { CellStyle, PrintSpec, TextLayout, ValidationSpec } from "../layout/cells";
import { MARK_NAME, MARKER_KEY, markNameFormula } from "../layout/names";
import type { WritePlan } from "../layout/write-plan";
import { formatRuns } from "../layout/batches";
import { encodeValues } from "./encode";

/** Dresses a block by its style. */
function applyStyle(range: Excel.Range, style: CellStyle): void {
  switch (style) {
    case "title":
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case "header":
      range.format.font.bold = true;
      range.format.fill.color = "#DDEBF7";
      break;
    case "note":
      range.format.font.italic = true;
      range.format.font.color = "#595959";
      break;
    case "total":
      range.format.font.bold = true;
      break;
  }
}

/** The size of a chart's labels and legend, and of its title, in points: at least 9 pt on paper. */
const CHART_FONT_SIZE = 10;
const CHART_TITLE_SIZE = 12;

/** Office.js's names for the layout's orientations. */
const ORIENTATION = { landscape: "Landscape", portrait: "Portrait" } as const satisfies Record<
  PrintSpec["orientation"],
  Excel.PageOrientation | "Landscape" | "Portrait"
>;

/**
 * Queues a sheet's print setup through `Worksheet.pageLayout` (ExcelApi 1.9,
 * within the manifest's 1.12): paper, orientation, one page wide (a
 * `verticalFitToPages` of 0 is "automatic", as `fitToHeight="0"` in the
 * file), the print area, the repeated rows and the footer, whose text uses
 * Excel's header and footer codes (`&P`, `&N`). The side margins are
 * `PageLayout.leftMargin` and `rightMargin`, in points (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-leftmargin-member).
 */
function queuePrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = ORIENTATION[print.orientation];
  layout.leftMargin = print.sideMargin;
  layout.rightMargin = print.sideMargin;
  layout.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: 0 };
  const a = print.area;
  layout.setPrintArea(ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols));
  // Excel widens a partial row range to whole rows for the print titles.
  if (print.titleRows !== undefined)
    layout.setPrintTitleRows(ws.getRangeByIndexes(print.titleRows.row, a.col, print.titleRows.rows, a.cols));
  // Manual page breaks (ExcelApi 1.9): each before the top-left cell of the range given.
  for (const r of print.pageBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(r, a.col, 1, 1));
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = print.footer.left;
  footer.centerFooter = print.footer.center;
  footer.rightFooter = print.footer.right;
  // HeaderFooter.centerHeader (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.headerfooter).
  if (print.header !== undefined) footer.centerHeader = print.header;
}

/**
 * Queues a sheet's text layout: each merged rectangle through
 * `Range.merge(false)` (ExcelApi 1.2,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)),
 * wrapped (`RangeFormat.wrapText`, ExcelApi 1.1) and at the top
 * (`verticalAlignment`); each wrapped rectangle's rows fitted to their text
 * (`RangeFormat.autofitRows()`, ExcelApi 1.2); then the rows of merged text
 * given their height (`RangeFormat.rowHeight`, ExcelApi 1.2), which Excel
 * does not fit to a merged cell by itself
 * (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat).
 */
function queueText(ws: Excel.Worksheet, text: TextLayout): void {
  for (const w of text.wraps) {
    const range = ws.getRangeByIndexes(w.row, w.col, w.rows, w.cols);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
    range.format.autofitRows();
  }
  for (const m of text.merges) {
    const range = ws.getRangeByIndexes(m.row, m.col, m.rows, m.cols);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  for (const h of text.rowHeights) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
}

/** Queues one staged operation (nothing is sent until the caller syncs). */
export function queueStageOp(context: Excel.RequestContext, op: StageOp): void {
  const sheets = context.workbook.worksheets;
  switch (op.kind) {
    case "addSheet": {
      const ws = sheets.add(op.sheet);
      ws.visibility = "Hidden";
      ws.customProperties.add(MARKER_KEY, encodeMarker({ v: 1, role: "staging", kind: "staging" }));
      return;
    }
    case "cells": {
      const rows = op.values.length;
      const cols = op.values[0]?.length ?? 0;
      if (rows === 0 || cols === 0) return;
      const range = sheets.getItem(op.sheet).getRangeByIndexes(op.row, op.col, rows, cols);
      // Formats first, so a text ("@") column keeps what is written into it. One command per run
      // of columns sharing a format: a 1×1 array applies to every cell of the range, so the
      // request carries each format once, not once per cell.
      const ws = sheets.getItem(op.sheet);
      for (const r of formatRuns(op.formats)) ws.getRangeByIndexes(op.row, op.col + r.col, rows, r.cols).numberFormat = [[r.format]];
      range.values = encodeValues(op.values, op.formats);
      if (op.style !== undefined) applyStyle(range, op.style);
      return;
    }
    case "finish": {
      const p = op.planned;
      const spec = p.spec;
      const ws = sheets.getItem(p.staging);
      spec.tables.forEach((t, i) => {
        const table = ws.tables.add(ws.getRangeByIndexes(t.row, t.col, t.rows, t.cols), true);
        table.name = p.stagingTables[i] ?? t.name;
        table.style = t.style;
      });
      for (const c of spec.conditionalFormats) {
        const range = ws.getRangeByIndexes(c.row, c.col, c.rows, c.cols);
        for (const rule of c.rules) {
          const cf = range.conditionalFormats.add("ContainsText");
          cf.textComparison.format.fill.color = rule.fill;
          cf.textComparison.format.font.color = rule.font;
          cf.textComparison.rule = { operator: "BeginsWith", text: rule.text };
        }
      }
      for (const c of spec.charts) {
        const source = ws.getRangeByIndexes(c.data.row, c.data.col, c.data.rows, c.data.cols);
        // Excel.ChartType: "ColumnStacked" stacks the series into one column per category.
        const chart = ws.charts.add(c.kind === "stacked" ? "ColumnStacked" : "ColumnClustered", source, "Columns");
        chart.name = c.name;
        chart.title.text = c.title;
        // Labels and legend legible in print: the chart area's font (ChartAreaFormat.font, ExcelApi 1.1,
        // https://learn.microsoft.com/javascript/api/excel/excel.chartareaformat) applies to all of its text, the title's
        // own (ChartTitleFormat.font) to the title.
        chart.format.font.size = CHART_FONT_SIZE;
        chart.title.format.font.size = CHART_TITLE_SIZE;
        chart.setPosition(ws.getRangeByIndexes(c.from.row, c.from.col, 1, 1), ws.getRangeByIndexes(c.to.row, c.to.col, 1, 1));
      }
      if (spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
      spec.columnWidths.forEach((w, i) => {
        ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w;
      });
      if (spec.tabColor !== undefined) ws.tabColor = spec.tabColor;
      if (spec.text !== undefined) queueText(ws, spec.text);
      if (spec.print !== undefined) queuePrint(ws, spec.print);
      return;
    }
  }
}

/** Queues a whole batch of staged operations, with calculation suspended until its sync. */
export function queueBatch(context: Excel.RequestContext, batch: Batch): void {
  context.application.suspendApiCalculationUntilNextSync();
  for (const op of batch.ops) queueStageOp(context, op);
}

/** Queues a list validation on a range of a sheet. */
export function queueValidation(context: Excel.RequestContext, sheet: string, v: ValidationSpec): void {
  const sheets = context.workbook.worksheets;
  const range = sheets.getItem(sheet).getRangeByIndexes(v.row, v.col, v.rows, v.cols);
  range.dataValidation.clear();
  const source =
    v.source.kind === "values"
      ? v.source.values.join(",")
      : sheets
          .getItem(v.source.range.sheet)
          .getRangeByIndexes(v.source.range.row, v.source.range.col, v.source.range.rows, v.source.range.cols);
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: v.strict ? "Stop" : "Warning",
    title: "Shared cost apportionment",
    message: v.message,
  };
}

/**
 * Queues the swap that puts staged sheets in place, one sheet after another:
 * delete the previous version, rename the staged sheet and its tables, mark
 * it as ours (with the fingerprint of what it holds), show it; then add the
 * validations (their lists may be on another sheet of the same write) and
 * move each new sheet to its place.
 */
export function queueSwap(context: Excel.RequestContext, plan: WritePlan): void {
  const sheets = context.workbook.worksheets;
  for (const p of plan.sheets) {
    if (p.replaces !== undefined) sheets.getItem(p.replaces).delete();
    const ws = sheets.getItem(p.staging);
    ws.name = p.spec.name;
    p.spec.tables.forEach((t, i) => {
      ws.tables.getItem(p.stagingTables[i] ?? t.name).name = t.name;
    });
    const marker = encodeMarker({ v: 1, role: p.spec.role, kind: p.spec.kind, ...(p.spec.role === "output" ? { fp: p.fingerprint } : {}) });
    ws.customProperties.add(MARKER_KEY, marker);
    // The second mark, which survives a save by LibreOffice or openpyxl (the staged sheet is new, so it has none yet).
    const formula = markNameFormula(marker);
    if (formula !== undefined) ws.names.add(MARK_NAME, formula).visible = false;
    ws.visibility = "Visible";
  }
  for (const p of plan.sheets) for (const v of p.spec.validations) queueValidation(context, p.spec.name, v);
  const names = new Set(plan.sheets.map((p) => p.spec.name));
  plan.order.forEach((name, position) => {
    if (names.has(name)) sheets.getItem(name).position = position;
  });
}
