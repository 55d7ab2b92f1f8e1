import { calendarDate, fromExcelSerial } from "../../engine";
import { DATE_FORMAT, MONEY_FORMAT, NUMBER_FORMAT, PERCENT_FIGURE_FORMAT } from "../layout/names";
import type { MemoryCell } from "./memory-cell";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function grouped(n: number, dp: number): string {
  const [int = "0", frac] = Math.abs(n).toFixed(dp).split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? g : `${g}.${frac}`;
}

/**
 * The text a cell shows, for the number formats the add-in uses (money,
 * dates, percent figures, plain numbers); anything else as Excel's General.
 * For the preview grid only: the workbook itself always holds the raw value.
 */
export function displayText(cell: MemoryCell): string {
  const v = cell.value;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  switch (cell.format) {
    case MONEY_FORMAT:
      return `${v < 0 ? "-" : ""}£${grouped(v, 2)}`;
    case DATE_FORMAT: {
      const d = fromExcelSerial(v, { entity: "argument", field: "cell" });
      if (!d.ok) return String(v);
      const c = calendarDate(d.value);
      return `${c.day} ${MONTHS[c.month - 1] ?? "?"} ${c.year}`;
    }
    case PERCENT_FIGURE_FORMAT:
      return `${v.toFixed(2)}%`;
    case NUMBER_FORMAT:
      return `${v < 0 ? "-" : ""}${grouped(v, 0)}${Number.isInteger(v) ? "" : String(Math.abs(v) % 1).slice(1, 6)}`;
    default:
      return String(v);
  }
}
