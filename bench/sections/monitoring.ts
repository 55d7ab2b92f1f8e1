/**
 * 9. In-year monitoring: reading a 200,000-row ledger transaction export
 * (CSV, UTF-8, DD/MM/YYYY dates, thousands separators, some negatives in
 * brackets) through csv-parse's streaming interface, hashing it, and mapping
 * it onto cost lines. Reported in seconds and MB, not asserted: the figure
 * depends on the machine, and the import has no target yet.
 */
import { bytesSource, importActuals, readLedgerExport } from "../../src/app";
import type { ModelInput } from "../../src/engine";

export interface MonitoringResult {
  readonly rows: number;
  readonly fileMB: number;
  /** Reading, parsing and hashing the file. */
  readonly readSeconds: number;
  /** Mapping the transactions and replacing the periods. */
  readonly mapSeconds: number;
  /** Heap in use after the import, above the heap before it. */
  readonly heapMB: number;
  readonly problems: number;
  readonly unmapped: number;
}

const COST_CENTRES = ["IC100", "IC200", "IC300", "IC400", "IC500", "HR100"];
const ACCOUNTS = ["0100", "0200", "0310", "4410", "4500", "C100"];

/** A ledger export of `rows` transactions across periods 1 to 12 of 2020/21 (deterministic). */
export function ledgerExport(rows: number): Uint8Array {
  const parts: string[] = ["\uFEFFDate,Cost Centre,Account,Amount,Description,Reference\r\n"];
  for (let i = 0; i < rows; i++) {
    const month = (i % 12) + 4 > 12 ? (i % 12) - 8 : (i % 12) + 4;
    const year = month >= 4 ? 2020 : 2021;
    const day = (i % 28) + 1;
    const pence = ((i * 7919) % 2_500_000) + 1;
    const pounds = Math.floor(pence / 100).toLocaleString("en-GB");
    const amount = `${pounds}.${String(pence % 100).padStart(2, "0")}`;
    const shown = i % 17 === 0 ? `(${amount})` : amount;
    const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
    parts.push(`${date},${COST_CENTRES[i % 6] ?? ""},${ACCOUNTS[(i >> 1) % 6] ?? ""},"${shown}","Transaction ${i}",AP${i}\r\n`);
  }
  return new TextEncoder().encode(parts.join(""));
}

export async function benchMonitoring(options: { rows: number }): Promise<MonitoringResult> {
  const bytes = ledgerExport(options.rows);
  const model = {
    partners: [{ id: "A" }],
    costLines: [],
    settings: { firstYear: "2020/21", lastYear: "2020/21" },
    monitoring: {
      mapping: [
        { costCentre: "IC100", account: "*", line: "L1" },
        { costCentre: "IC100", account: "44*", line: "L2" },
        { costCentre: "IC2*", line: "L3" },
        { costCentre: "IC300", line: "L4" },
        { costCentre: "IC400", line: "L5" },
        { costCentre: "IC500", line: "L6" },
      ],
    },
  } satisfies ModelInput;
  if (typeof gc === "function") gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const file = await readLedgerExport({ fileName: "ledger.csv", source: bytesSource(bytes), totalBytes: bytes.length });
  const t1 = performance.now();
  const imported = importActuals(model, file, 2020);
  const t2 = performance.now();
  if (!imported.ok) throw new Error(`the generated ledger export has ${imported.problems.length} bad rows`);
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
  return {
    rows: file.transactions.length,
    fileMB: bytes.length / 1_048_576,
    readSeconds: (t1 - t0) / 1000,
    mapSeconds: (t2 - t1) / 1000,
    heapMB,
    problems: file.problems.length,
    unmapped: imported.value.mapped.unmapped.length,
  };
}
