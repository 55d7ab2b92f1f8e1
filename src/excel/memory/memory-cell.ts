import type { CellStyle, CellValue } from "../layout/cells";

/** One cell of the in-memory workbook. */
export interface MemoryCell {
  readonly value: CellValue;
  /** Number format; undefined is General. */
  readonly format: string | undefined;
  readonly style: CellStyle | undefined;
}
