/**
 * 3b. SHARED.APPORTION.MIX by table size: the exported custom function on
 * square driver tables (partners × drivers) with distinct column totals, the
 * hard case for exact arithmetic (every column adds a factor to the common
 * denominator). The time per cell should stay roughly flat as the table
 * grows: a formula that grew faster would freeze the shared runtime.
 */
import { isExcelError } from "../../test/functions/custom-functions-stub";
import { timeMedian } from "../lib/timing";
import { generator } from "../lib/workloads";

/** One table size and how long a call took. */
export interface MixSize {
  readonly partners: number;
  readonly drivers: number;
  readonly medianMs: number;
  /** Microseconds per cell of the drivers table. */
  readonly perCellUs: number;
  readonly error: boolean;
}

/** The sizes measured, smallest first. */
export const MIX_SIZES: readonly number[] = [100, 250, 1_000];

export async function benchMix(options: { rounds: number; warmup: number }): Promise<readonly MixSize[]> {
  const { apportionMix } = await import("../../src/functions/functions");
  const out: MixSize[] = [];
  for (const n of MIX_SIZES) {
    const rand = generator(n);
    const drivers = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.floor(rand() * 5000)));
    // Equal weights as a row of percentages (1, 0.4, 0.1: exact decimals, so they total exactly 100).
    const w = [Array.from({ length: n }, () => 100 / n)];
    let error = false;
    const big = n >= 1_000;
    const t = timeMedian(
      () => {
        const r = apportionMix(1_234_567.89, drivers, w);
        if (r.some((row) => row.some(isExcelError))) error = true;
        return r.length;
      },
      big ? { rounds: Math.min(3, options.rounds), warmup: 1 } : options,
    );
    out.push({ partners: n, drivers: n, medianMs: t.medianMs, perCellUs: (t.medianMs * 1000) / (n * n), error });
  }
  return out;
}
