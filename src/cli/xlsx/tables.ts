import type { Worksheet } from "exceljs";
import { parseAddress } from "../../app";
import type { TableModel } from "./exceljs-internals";

/** Zero-based rectangle of a table (header row included), from its model. */
export function tableRange(model: TableModel): { row: number; col: number; rows: number; cols: number } | undefined {
  const ref = model.tableRef ?? model.ref;
  const r = ref === undefined ? undefined : parseAddress(ref, "_");
  return r === undefined ? undefined : { row: r.row, col: r.col, rows: r.rows, cols: r.cols };
}

/**
 * Grows (`delta` > 0) or shrinks a table's body at its end, moving the cells
 * below the table within its columns down or up, as Excel does when a table
 * is resized by inserting or deleting table rows. Values and styles move.
 */
export function moveTableCells(ws: Worksheet, r: { row: number; col: number; rows: number; cols: number }, delta: number): void {
  const end = r.row + r.rows; // zero-based first row below the table
  const last = Math.max(ws.rowCount, end); // one-based last row in use == zero-based row after it
  const move = (from: number, to: number): void => {
    for (let c = r.col; c < r.col + r.cols; c++) {
      const { value, style } = ws.getCell(from + 1, c + 1);
      const dst = ws.getCell(to + 1, c + 1);
      dst.value = value;
      dst.style = { ...style };
    }
  };
  const clear = (row: number): void => {
    for (let c = r.col; c < r.col + r.cols; c++) {
      const cell = ws.getCell(row + 1, c + 1);
      cell.value = null;
      cell.style = {};
    }
  };
  if (delta > 0) {
    for (let row = last - 1; row >= end; row--) move(row, row + delta);
    // New table rows take the formats of the last body row (Excel extends the table's column formats).
    for (let row = end; row < end + delta; row++) {
      for (let c = r.col; c < r.col + r.cols; c++) {
        const dst = ws.getCell(row + 1, c + 1);
        dst.value = null;
        dst.style = { ...ws.getCell(end, c + 1).style };
      }
    }
  } else {
    for (let row = end + delta; row < last; row++) {
      if (row - delta < last) move(row - delta, row);
      else clear(row);
    }
  }
}
