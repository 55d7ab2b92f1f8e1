/**
 * 3. SHARED.APPORTION per call, 20 drivers: the exported custom function
 * called as Excel calls it (a column of 20 cells), with a minimal
 * CustomFunctions stand-in. Compared with the engine's splitByDrivers alone
 * and with the naive float loop doing the same split.
 */
import { isExcelError } from "../../test/functions/custom-functions-stub";
import { splitByDrivers } from "../../src/functions/split";
import { floatSplit } from "../lib/baselines";
import { compare, ratio, type Case, type Comparison } from "../lib/timing";
import { generator } from "../lib/workloads";

export const FN_CASES = {
  apportion: "SHARED.APPORTION (20 drivers)",
  split: "engine splitByDrivers (same arguments)",
  float: "naive float loop (same split)",
} as const;

export interface FunctionsResult {
  readonly calls: number;
  readonly timing: Comparison;
  readonly perCallUs: Readonly<Record<string, number>>;
  readonly vsFloat: number;
  readonly errors: number;
}

export async function benchFunctions(options: { rounds: number; warmup: number }): Promise<FunctionsResult> {
  const { apportion } = await import("../../src/functions/functions");
  const rand = generator(21);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  // Cell values as Excel passes them: amounts in pounds with pennies, drivers as a 20×1 column.
  const calls = Array.from({ length: 2_000 }, () => ({
    amount: int(10_000, 100_000_000) / 100,
    drivers: Array.from({ length: 20 }, () => [int(0, 5000)]),
  }));
  const flat = calls.map((c) => ({ amount: c.amount, drivers: c.drivers.map((r) => r[0] as number) }));
  let errors = 0;
  for (const c of calls) {
    const out = apportion(c.amount, c.drivers);
    if (out.some((row) => row.some(isExcelError))) errors++;
  }
  const cases: Case[] = [
    {
      name: FN_CASES.apportion,
      ops: calls.length,
      run: () => {
        let s = 0;
        for (const c of calls) s += apportion(c.amount, c.drivers).length;
        return s;
      },
    },
    {
      name: FN_CASES.split,
      ops: calls.length,
      run: () => {
        let s = 0;
        for (const c of flat) {
          const r = splitByDrivers(c.amount, c.drivers);
          if (r.ok) s += r.value.length;
        }
        return s;
      },
    },
    {
      name: FN_CASES.float,
      ops: calls.length,
      run: () => {
        let s = 0;
        for (const c of flat) s += floatSplit(c.amount, c.drivers).length;
        return s;
      },
    },
  ];
  const timing = compare(cases, { reference: FN_CASES.float, ...options });
  const perCallUs: Record<string, number> = {};
  for (const c of timing.cases) perCallUs[c.name] = (c.medianMs * 1000) / c.ops;
  return { calls: calls.length, timing, perCallUs, vsFloat: ratio(timing, FN_CASES.apportion, FN_CASES.float), errors };
}
