/**
 * Runs one command in a child node process and measures what it cost: CPU
 * seconds (user + system) and peak memory (maximum resident set size), the
 * figures a loaded, shared machine disturbs least, plus wall time for
 * reference. A child that fails (non-zero exit, out of memory, killed) is a
 * measured outcome, never an exception: the caller reports it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What one child process did and cost. */
export interface ChildUsage {
  /** True when it exited with status 0. */
  readonly ok: boolean;
  /** The exit status (null when a signal ended it). */
  readonly status: number | null;
  readonly signal: string | null;
  /** True when it ran out of memory (V8's heap limit, or killed by the kernel's OOM killer). */
  readonly outOfMemory: boolean;
  /** User + system CPU seconds; null when neither the child nor /proc could say. */
  readonly cpuSeconds: number | null;
  /** Peak resident set size in MiB; null when the child died before it could report it. */
  readonly peakRssMB: number | null;
  readonly wallSeconds: number;
  /** The start of its stderr (its message) when it failed. */
  readonly message: string;
}

// Loaded into the child with --require: as it exits (normally or with an error, not when V8 aborts), it writes its
// own resource usage where told. resourceUsage() is exact and works on every platform.
const REPORTER =
  `process.on("exit", () => { const u = process.resourceUsage(); require("node:fs").writeFileSync(process.env.BENCH_USAGE_FILE, ` +
  `JSON.stringify({ user: u.userCPUTime, system: u.systemCPUTime, maxRSS: u.maxRSS })); });\n`;

let ticksPerSecond: number | undefined;

/**
 * CPU seconds of this process's waited-for children so far (cutime + cstime of
 * /proc/self/stat), or undefined off Linux. The fallback for a child that died
 * without reporting (an out-of-memory abort): its time is counted once it is reaped.
 */
function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name (which may hold spaces) start with field 3, the state.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** How to run a child: node options (e.g. --max-old-space-size) and where to work. */
export interface ChildOptions {
  readonly cwd: string;
  readonly nodeOptions: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Give up after this many seconds (the child is killed and reported as failed). */
  readonly timeoutSeconds?: number;
}

/** Runs `node <nodeOptions> <script> <args>` to the end and measures it (see ChildUsage). */
export function runChild(script: string, args: readonly string[], options: ChildOptions): ChildUsage {
  const reporter = join(options.cwd, "usage-reporter.cjs");
  if (!existsSync(reporter)) writeFileSync(reporter, REPORTER);
  const usageFile = join(options.cwd, "usage.json");
  rmSync(usageFile, { force: true });
  const cpuBefore = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...options.nodeOptions, "--require", reporter, script, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, ...options.env, BENCH_USAGE_FILE: usageFile },
    maxBuffer: 256 * 1024 * 1024,
    ...(options.timeoutSeconds === undefined ? {} : { timeout: options.timeoutSeconds * 1000 }),
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const stderr = r.stderr ?? "";
  const reported = existsSync(usageFile)
    ? (JSON.parse(readFileSync(usageFile, "utf8")) as { user: number; system: number; maxRSS: number })
    : undefined;
  const outOfMemory =
    /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr) || (r.signal === "SIGKILL" && r.error === undefined);
  const cpuSeconds =
    reported !== undefined
      ? (reported.user + reported.system) / 1e6
      : cpuBefore !== undefined && cpuAfter !== undefined
        ? cpuAfter - cpuBefore
        : null;
  const ok = r.status === 0;
  const timedOut = r.error !== undefined && /ETIMEDOUT/.test(r.error.message);
  return {
    ok,
    status: r.status,
    signal: r.signal,
    outOfMemory,
    cpuSeconds,
    // maxRSS is in kilobytes (KiB on Linux).
    peakRssMB: reported === undefined ? null : reported.maxRSS / 1024,
    wallSeconds,
    message: ok
      ? ""
      : timedOut
        ? `timed out after ${String(options.timeoutSeconds)} s`
        : failureMessage(stderr || (r.error?.message ?? "")),
  };
}

// The message of a failure: V8's one FATAL line rather than the garbage collector's log printed before it.
function failureMessage(text: string): string {
  const fatal = text.split("\n").find((l) => l.includes("FATAL ERROR"));
  return (fatal ?? text.trim().split("\n").slice(0, 6).join("\n")).trim().slice(0, 600);
}
