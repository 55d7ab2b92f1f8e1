import type { SheetSpec } from "../../excel";
import type { XlsxStore } from "../xlsx-store";

/**
 * Writes a laid-out sheet into a store as it is: values, formats, styles, widths, text layout
 * and print setup, with no tables, markers or add-in names — for the pages that are not part of
 * the model (a partner's statement, the pack's cover and closing note).
 */
export function writeSheetSpec(store: XlsxStore, spec: SheetSpec): void {
  store.addSheet(spec.name, true);
  for (const b of spec.blocks)
    store.writeBlock(
      spec.name,
      b.row,
      b.col,
      b.values,
      b.formats?.map((f) => f ?? "General"),
      b.style,
    );
  store.setColumnWidths(spec.name, spec.columnWidths);
  if (spec.text !== undefined) store.setTextLayout(spec.name, spec.text);
  if (spec.print !== undefined) store.setPrint(spec.name, spec.print);
}
