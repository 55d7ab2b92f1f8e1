/**
 * Issue #30's targets for section 8, judged from its measurements: at
 * 10,000 × 20 × 5 the re-run, `--verify` and `--statements` against the
 * write (CPU seconds); at 100,000 × 20 × 5 the write's CPU and memory and
 * whether re-run and verify complete within 2.5 GB; the write's growth
 * exponent from 10,000 to 100,000 lines. A target whose size was not
 * measured is listed as not measured (neither met nor not).
 */
import type { CommandName, CommandRun, CommandsResult } from "./commands";

/** One target: what, the measured value, the target, and met (undefined when it could not be judged). */
export interface CommandTarget {
  readonly what: string;
  readonly value: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

const GB = 1024;

function cpu(r: CommandRun): string {
  return r.ok && r.cpuSeconds !== null ? `${r.cpuSeconds.toFixed(1)} s` : failed(r);
}

function failed(r: CommandRun): string {
  if (r.skipped) return r.message;
  return r.outOfMemory ? "out of memory" : `failed (exit ${String(r.status ?? r.signal)})`;
}

/** The targets of issue #30 against `result` (see the file's comment). */
export function commandTargets(result: CommandsResult): CommandTarget[] {
  const out: CommandTarget[] = [];
  const at = (lines: number): Readonly<Record<CommandName, CommandRun>> | undefined => result.sizes.find((s) => s.lines === lines)?.runs;

  const small = at(10_000);
  const ratioTargets: [CommandName, number, string][] = [
    ["re-run", 1.5, "≤ 1.5× the write"],
    ["verify", 1, "≤ the write"],
    ["statements", 1, "≤ the write"],
  ];
  for (const [name, limit, target] of ratioTargets) {
    const what = `10,000 lines: ${name} CPU ÷ write CPU`;
    if (small === undefined) {
      out.push({ what, value: "not measured", target, met: undefined });
      continue;
    }
    const r = small[name];
    const w = small.write;
    if (!r.ok || !w.ok || r.cpuSeconds === null || w.cpuSeconds === null) {
      out.push({ what, value: `${name} ${cpu(r)}, write ${cpu(w)}`, target, met: false });
      continue;
    }
    const ratio = r.cpuSeconds / w.cpuSeconds;
    out.push({ what, value: `${ratio.toFixed(2)}× (${cpu(r)} ÷ ${cpu(w)})`, target, met: ratio <= limit });
  }

  const big = at(100_000);
  if (big === undefined) {
    out.push({ what: "100,000 lines: write, re-run, verify", value: "not measured", target: "write ≤ 60 s CPU, ≤ 2 GB", met: undefined });
  } else {
    const w = big.write;
    out.push({ what: "100,000 lines: write CPU", value: cpu(w), target: "≤ 60 s", met: w.ok && (w.cpuSeconds ?? Infinity) <= 60 });
    out.push({
      what: "100,000 lines: write peak memory",
      value: w.peakRssMB === null ? failed(w) : `${w.peakRssMB.toFixed(0)} MB`,
      target: "≤ 2,048 MB",
      met: w.ok && (w.peakRssMB ?? Infinity) <= 2 * GB,
    });
    for (const name of ["re-run", "verify"] as const) {
      const r = big[name];
      out.push({
        what: `100,000 lines: ${name} completes, peak memory`,
        value: r.ok && r.peakRssMB !== null ? `${r.peakRssMB.toFixed(0)} MB` : failed(r),
        target: "completes, ≤ 2,560 MB",
        met: r.ok && (r.peakRssMB ?? Infinity) <= 2.5 * GB,
      });
    }
  }

  const g = result.growth.find((x) => x.command === "write" && x.fromLines === 10_000 && x.toLines === 100_000);
  out.push({
    what: "write's growth exponent (CPU), 10,000 → 100,000 lines",
    value: g === undefined ? "not measured" : Number.isFinite(g.cpuExponent) ? g.cpuExponent.toFixed(2) : "a write failed",
    target: "≤ 1.05",
    met: g === undefined ? undefined : g.cpuExponent <= 1.05,
  });
  return out;
}
