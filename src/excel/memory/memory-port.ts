import type { WorkbookPort } from "../port";
import { createStorePort, type StorePortOptions } from "../store/store-port";
import { MemoryWorkbook } from "./memory-workbook";

/**
 * A {@link WorkbookPort} over an in-memory workbook: for tests and for the
 * task pane's browser preview (which shows the same workbook's sheets as grids
 * through `workbook.view(name)` and `workbook.subscribe`).
 */
export function createMemoryPort(
  workbook: MemoryWorkbook = new MemoryWorkbook(["Sheet1"]),
  options: StorePortOptions = {},
): { port: WorkbookPort; workbook: MemoryWorkbook } {
  return { port: createStorePort(workbook, options), workbook };
}
