/**
 * Timing on a noisy machine: every case of a comparison runs in the same
 * round, rounds rotate the order, and each ratio is the median of the
 * per-round ratios (so a slow spell hits both sides of a ratio alike).
 */

declare const gc: (() => void) | undefined;

/** Collects garbage outside the timed region when node runs with --expose-gc. */
export function collect(): void {
  if (typeof gc === "function") gc();
}

/** Something to time: `run` does `ops` operations (allocations, calls…) once. */
export interface Case {
  readonly name: string;
  /** Operations done by one call of `run` (for per-op figures and throughput). */
  readonly ops: number;
  /** Returns a number folded into a checksum so the work cannot be optimised away. */
  readonly run: () => number;
}

/** The median of a list (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Per case: the median milliseconds of one `run`, and each round's figure. */
export interface Timed {
  readonly name: string;
  readonly ops: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly samplesMs: readonly number[];
}

export interface Comparison {
  readonly cases: readonly Timed[];
  /** Median over rounds of time(case) ÷ time(reference): ≥ 1 means slower than the reference. */
  readonly slowdown: Readonly<Record<string, number>>;
  readonly rounds: number;
  readonly warmup: number;
}

let sink = 0;
/** Keeps results alive (read once at the end so nothing is dead code). */
export function checksum(): number {
  return sink;
}

function once(c: Case): number {
  collect();
  const t0 = performance.now();
  sink += c.run();
  return performance.now() - t0;
}

/**
 * Runs every case `warmup` times (discarded), then `rounds` rounds of each
 * case once, rotating the order each round. Slowdowns are relative to
 * `reference` (a case name) and are medians of per-round ratios.
 */
export function compare(cases: readonly Case[], options: { reference: string; rounds: number; warmup: number }): Comparison {
  for (let w = 0; w < options.warmup; w++) for (const c of cases) once(c);
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + r) % cases.length] as Case;
      samples.get(c.name)?.push(once(c));
    }
  }
  const ref = samples.get(options.reference);
  if (ref === undefined) throw new Error(`no reference case ${options.reference}`);
  const slowdown: Record<string, number> = {};
  for (const c of cases) {
    const own = samples.get(c.name) ?? [];
    slowdown[c.name] = median(own.map((t, i) => t / (ref[i] as number)));
  }
  return {
    cases: cases.map((c) => {
      const s = samples.get(c.name) ?? [];
      return { name: c.name, ops: c.ops, medianMs: median(s), minMs: Math.min(...s), samplesMs: s };
    }),
    slowdown,
    rounds: options.rounds,
    warmup: options.warmup,
  };
}

/** Times one function: warm-up runs, then the median of `rounds` runs (ms). */
export function timeMedian(
  run: () => number,
  options: { rounds: number; warmup: number },
): { medianMs: number; minMs: number; samplesMs: number[] } {
  const c: Case = { name: "x", ops: 1, run };
  for (let w = 0; w < options.warmup; w++) once(c);
  const s: number[] = [];
  for (let r = 0; r < options.rounds; r++) s.push(once(c));
  return { medianMs: median(s), minMs: Math.min(...s), samplesMs: s };
}

/** Median over rounds of time(a) ÷ time(b) in one comparison: how many times slower a is than b. */
export function ratio(c: Comparison, a: string, b: string): number {
  const sa = c.cases.find((x) => x.name === a)?.samplesMs;
  const sb = c.cases.find((x) => x.name === b)?.samplesMs;
  if (sa === undefined || sb === undefined) throw new Error(`no case ${sa === undefined ? a : b}`);
  return median(sa.map((t, i) => t / (sb[i] as number)));
}
