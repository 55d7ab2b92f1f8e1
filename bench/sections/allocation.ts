/**
 * 1. Allocation throughput: the engine's largest remainder (and its whole
 * split path from pounds, as SHARED.APPORTION uses it) against a naive float
 * loop, dinero.js v2 and decimal.js, on the same allocations.
 */
import { largestRemainder } from "../../src/engine";
import { splitByDrivers } from "../../src/functions/split";
import { decimalPence, decimalSplit, dineroSplit, floatPenniesLost, floatSplit } from "../lib/baselines";
import { compare, ratio, type Case, type Comparison } from "../lib/timing";
import type { Allocation, Workload } from "../lib/workloads";

export interface AllocationResult {
  readonly workload: string;
  readonly allocations: number;
  readonly partners: number;
  /** The engine against the float loop, many rounds (the 0.35× target). */
  readonly fast: Comparison;
  /** Every competitor, fewer rounds (dinero.js and decimal.js take seconds per pass). */
  readonly all: Comparison;
  /** Allocations per second, by case (float loop and engine from `fast`, the others from `all`). */
  readonly throughput: Readonly<Record<string, number>>;
  /** Throughput of each case ÷ the float loop's (median of per-round ratios). */
  readonly vsFloat: Readonly<Record<string, number>>;
  /** The engine's throughput ÷ each competitor's (median of per-round ratios in `all`). */
  readonly engineSpeedup: Readonly<Record<string, number>>;
  readonly exactness: {
    /** Float loop: pennies missing or extra, summed over every allocation. */
    readonly floatPenniesLost: number;
    readonly floatAllocationsOff: number;
    /** Allocations whose engine shares do not add up (must be 0). */
    readonly engineUnbalanced: number;
    /** Allocations where decimal.js largest remainder disagrees with the engine (it misreads exact ties at 40 digits). */
    readonly decimalDisagrees: number;
    /** Allocations where the engine's full split from pounds disagrees with largestRemainder (must be 0). */
    readonly splitDisagrees: number;
    /**
     * dinero.js: allocations that do not add up, and that differ from largest remainder (it gives leftover units to the largest ratios).
     */
    readonly dineroUnbalanced: number;
    readonly dineroDiffersFromHamilton: number;
  };
}

export const CASES = {
  float: "naive float loop (Math.round)",
  engine: "engine largestRemainder (pence)",
  split: "engine splitByDrivers (from £, parse + weights + split)",
  dinero: "dinero.js v2 allocate",
  decimal: "decimal.js largest remainder",
} as const;

function same(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function exactness(w: Workload): AllocationResult["exactness"] {
  let floatPennies = 0;
  let floatOff = 0;
  let unbalanced = 0;
  let decimalDisagrees = 0;
  let splitDisagrees = 0;
  let dineroUnbalanced = 0;
  let dineroDiffers = 0;
  for (const a of w.allocations) {
    const lost = floatPenniesLost(a.pence, floatSplit(a.pounds, a.weights));
    floatPennies += lost;
    if (lost !== 0) floatOff++;
    const engine = largestRemainder(a.pence, a.weights);
    if (engine.reduce((s, x) => s + x, 0) !== a.pence) unbalanced++;
    if (!same(engine, decimalSplit(a.poundsText, a.weights).map(decimalPence))) decimalDisagrees++;
    const split = splitByDrivers(a.pounds, a.weights);
    if (!split.ok || !same(engine, split.value)) splitDisagrees++;
    const d = dineroSplit(a.pence, a.weights);
    if (d.reduce((s, x) => s + x, 0) !== a.pence) dineroUnbalanced++;
    if (!same(engine, d)) dineroDiffers++;
  }
  return {
    floatPenniesLost: floatPennies,
    floatAllocationsOff: floatOff,
    engineUnbalanced: unbalanced,
    decimalDisagrees,
    splitDisagrees,
    dineroUnbalanced,
    dineroDiffersFromHamilton: dineroDiffers,
  };
}

export function benchAllocation(w: Workload, options: { fastRounds: number; slowRounds: number }): AllocationResult {
  const all = w.allocations;
  const n = all.length;
  const cases: Case[] = [
    {
      name: CASES.float,
      ops: n,
      run: () => {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const a = all[k] as Allocation;
          s += floatSplit(a.pounds, a.weights)[0] as number;
        }
        return s;
      },
    },
    {
      name: CASES.engine,
      ops: n,
      run: () => {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const a = all[k] as Allocation;
          s += largestRemainder(a.pence, a.weights)[0] as number;
        }
        return s;
      },
    },
    {
      name: CASES.split,
      ops: n,
      run: () => {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const a = all[k] as Allocation;
          const r = splitByDrivers(a.pounds, a.weights);
          if (r.ok) s += r.value[0] as number;
        }
        return s;
      },
    },
    {
      name: CASES.dinero,
      ops: n,
      run: () => {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const a = all[k] as Allocation;
          s += dineroSplit(a.pence, a.weights)[0] as number;
        }
        return s;
      },
    },
    {
      name: CASES.decimal,
      ops: n,
      run: () => {
        let s = 0;
        for (let k = 0; k < n; k++) {
          const a = all[k] as Allocation;
          s += decimalSplit(a.poundsText, a.weights).length;
        }
        return s;
      },
    },
  ];
  // The exactness pass runs every competitor once over the workload: it is also the slow cases' warm-up.
  const exact = exactness(w);
  const fast = compare(cases.slice(0, 2), { reference: CASES.float, rounds: options.fastRounds, warmup: 3 });
  const slow = compare(cases, { reference: CASES.float, rounds: options.slowRounds, warmup: 0 });
  const throughput: Record<string, number> = {};
  const vsFloat: Record<string, number> = {};
  const engineSpeedup: Record<string, number> = {};
  for (const c of slow.cases) {
    const from = fast.cases.find((f) => f.name === c.name) ?? c;
    throughput[c.name] = (from.ops / from.medianMs) * 1000;
    vsFloat[c.name] = 1 / ratio(fast.cases.includes(from) ? fast : slow, c.name, CASES.float);
    engineSpeedup[c.name] = ratio(slow, c.name, CASES.engine);
  }
  return { workload: w.name, allocations: n, partners: w.partners, fast, all: slow, throughput, vsFloat, engineSpeedup, exactness: exact };
}
