/**
 * 6. End to end: the command line on workbooks it generates itself
 * (`--sample synthetic`, the model of section 2 at 1,000 and 10,000 lines ×
 * 20 partners × 5 years). Each size is run as a user would: once with
 * `--no-write` (read and run) and once writing the results to a new file
 * (read, run and write), each in a fresh node process. Reported: wall time,
 * peak memory (the process's maximum resident set size, reported by the
 * process itself as it exits), the output file's size, and the writing
 * overhead (write ÷ --no-write).
 *
 * The command line is bundled fresh from src/ by scripts/bench.mjs
 * (BENCH_CLI), so the figures are for the code as it is, not for a stale build.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface EndToEndRun {
  readonly seconds: number;
  readonly peakRssMB: number;
}

export interface EndToEndResult {
  readonly lines: number;
  readonly partners: number;
  readonly years: number;
  readonly noWrite: EndToEndRun;
  readonly write: EndToEndRun;
  readonly outputMB: number;
  /** End-to-end time ÷ --no-write time. */
  readonly writeOverhead: number;
}

// Loaded into each measured process with --require: writes its peak RSS (kB on Linux) where told, as it exits.
const REPORTER =
  `process.on("exit", () => { require("node:fs").writeFileSync(process.env.BENCH_RSS_FILE, ` +
  `String(process.resourceUsage().maxRSS)); });\n`;

function cli(dir: string, args: readonly string[]): EndToEndRun {
  const cliPath = process.env.BENCH_CLI;
  if (cliPath === undefined || cliPath === "") throw new Error("BENCH_CLI is not set: run through scripts/bench.mjs");
  const rssFile = join(dir, "rss.txt");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--require", join(dir, "rss-reporter.cjs"), cliPath, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NODE_PATH: join(process.cwd(), "node_modules") },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`shared-apportion ${args.join(" ")} exited ${String(r.status)}: ${r.stderr.slice(0, 500)}`);
  return { seconds, peakRssMB: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

/** Runs the end-to-end cases at each size (lines), 20 partners × 5 years. */
export function benchEndToEnd(sizes: readonly number[] = [1_000, 10_000], partners = 20, years = 5): EndToEndResult[] {
  const dir = mkdtempSync(join(tmpdir(), "shared-apportion-e2e-"));
  writeFileSync(join(dir, "rss-reporter.cjs"), REPORTER);
  try {
    return sizes.map((lines) => {
      const model = `model-${lines}.xlsx`;
      const out = `out-${lines}.xlsx`;
      cli(dir, ["--sample", "synthetic", "--lines", String(lines), "--partners", String(partners), "--years", String(years), model]);
      const noWrite = cli(dir, [model, "--no-write"]);
      const write = cli(dir, [model, "--out", out]);
      return {
        lines,
        partners,
        years,
        noWrite,
        write,
        outputMB: statSync(join(dir, out)).size / 1e6,
        writeOverhead: write.seconds / noWrite.seconds,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
