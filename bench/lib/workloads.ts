/**
 * Deterministic allocation workloads: an amount in pence and whole-number
 * driver values per allocation, generated from a seed so every run (and every
 * competitor in a run) splits exactly the same numbers.
 */

/** mulberry32: small, fast, deterministic. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One allocation: split `pence` by `weights`. */
export interface Allocation {
  readonly pence: number;
  /** The same amount in pounds, as a cell would hold it (a double). */
  readonly pounds: number;
  /** The same amount in pounds as exact decimal text. */
  readonly poundsText: string;
  readonly weights: readonly number[];
}

export interface Workload {
  readonly name: string;
  readonly partners: number;
  readonly allocations: readonly Allocation[];
}

function poundsText(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * `count` allocations among `partners`: amounts from £100 to £1,000,000 (one
 * in twenty a credit), driver values 1–5,000 (tickets, users…) with one in
 * twenty zero (a partner with no usage) but never all zero.
 */
export function allocationWorkload(name: string, count: number, partners: number, seed: number): Workload {
  const rand = generator(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const allocations: Allocation[] = [];
  for (let k = 0; k < count; k++) {
    const magnitude = int(10_000, 100_000_000);
    const pence = rand() < 0.05 ? -magnitude : magnitude;
    const weights: number[] = Array.from({ length: partners }, () => (rand() < 0.05 ? 0 : int(1, 5000)));
    if (!weights.some((w) => w > 0)) weights[0] = 1;
    allocations.push({ pence, pounds: pence / 100, poundsText: poundsText(pence), weights });
  }
  return { name, partners, allocations };
}

/** The two workloads of the brief. */
export function standardWorkloads(): Workload[] {
  return [
    allocationWorkload("20,000 lines × 10 partners", 20_000, 10, 11),
    allocationWorkload("10,000 lines × 20 partners × 5 years", 50_000, 20, 12),
  ];
}
