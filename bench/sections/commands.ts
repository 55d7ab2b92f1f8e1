/**
 * 8. Every command at every size (issue #30): the bundled command line
 * (BENCH_CLI, built fresh from src/ by scripts/bench.mjs) on
 * `--sample synthetic` models of N lines × 20 partners × 5 years, each
 * command in its own child process with a stated V8 heap limit:
 *
 * - no-write: `model.xlsx --no-write` (read and run);
 * - write: the first run into a fresh copy of the model (read, run, write in place);
 * - re-run: the same command again on that written file (its outputs are read back);
 * - verify: `--verify` on the written file (recompute and compare every output);
 * - statements: `model.xlsx --no-write --statements DIR` (read, run, one
 *   statement workbook per partner), so it compares with the write: both read
 *   and run the same model, then write either the outputs or the statements.
 *
 * Measured: CPU seconds (user + system) and peak memory (maxRSS) of each
 * child, which a loaded machine disturbs far less than wall time. A command
 * that fails (non-zero exit, out of memory) is reported with its message.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChild, type ChildUsage } from "../lib/child-usage";
import { growthExponent } from "../lib/growth";

/** The commands measured, in the order they run. */
export const COMMANDS = ["no-write", "write", "re-run", "verify", "statements"] as const;

/** One of COMMANDS. */
export type CommandName = (typeof COMMANDS)[number];

/** One command's child process: what it was given and what it cost. */
export interface CommandRun extends ChildUsage {
  /** The command line's arguments (file names relative to the working folder). */
  readonly args: readonly string[];
  /** True when it was not run because what it needs failed first (e.g. no written file to re-run). */
  readonly skipped: boolean;
  /** True when a re-run asked for consent and was repeated with --force (that second run is the one measured). */
  readonly forced: boolean;
}

/** Every command at one model size. */
export interface CommandsAtSize {
  readonly lines: number;
  readonly partners: number;
  readonly years: number;
  /** Writing the model with --sample synthetic (not one of the commands compared). */
  readonly generate: ChildUsage;
  readonly modelMB: number | null;
  /** The file after the write (model and outputs). */
  readonly writtenMB: number | null;
  readonly runs: Readonly<Record<CommandName, CommandRun>>;
}

/** One command's growth between two sizes. */
export interface CommandGrowth {
  readonly command: CommandName;
  readonly fromLines: number;
  readonly toLines: number;
  readonly cpuExponent: number;
  readonly rssExponent: number;
}

/** Section 8's results. */
export interface CommandsResult {
  /** The children's --max-old-space-size, MiB. */
  readonly heapMB: number;
  /** The documented read limits passed to every run (see LIMIT_ARGS). */
  readonly limitArgs: readonly string[];
  readonly sizes: readonly CommandsAtSize[];
  /** Between each pair of consecutive sizes, and from 10,000 to 100,000 lines when both were measured. */
  readonly growth: readonly CommandGrowth[];
}

/** The sizes `npm run bench` measures unless told otherwise (--sizes=…). */
export const DEFAULT_COMMAND_SIZES: readonly number[] = [1_000, 10_000, 50_000, 100_000];

/** The heap limit given to every child unless told otherwise (--heap-mb=…), MiB. */
export const DEFAULT_HEAP_MB = 4096;

// The default read limits (256 MiB unpacked, 2,000,000 table cells) guard against hostile files and would refuse the
// written 50,000- and 100,000-line workbooks before any work: raised through the documented options, so the figures
// are the commands' own.
const LIMIT_ARGS: readonly string[] = ["--max-unzipped", "65536", "--max-table-cells", "1000000000"];

/** Options of benchCommands. */
export interface CommandsOptions {
  readonly sizes?: readonly number[];
  readonly partners?: number;
  readonly years?: number;
  readonly heapMB?: number;
  /** Commands not to run (--skip=statements): listed as not run, so a long size can measure the others. */
  readonly skip?: readonly string[];
  /** Per child, seconds (a child past it is killed and reported as failed). */
  readonly timeoutSeconds?: number;
  /** Progress lines (to stderr). */
  readonly log?: (line: string) => void;
}

function skipped(args: readonly string[], why: string): CommandRun {
  const none = { status: null, signal: null, outOfMemory: false, cpuSeconds: null, peakRssMB: null, wallSeconds: 0 };
  return { ...none, ok: false, message: `not run: ${why}`, args, skipped: true, forced: false };
}

function sizeMB(path: string): number | null {
  return existsSync(path) ? statSync(path).size / 1e6 : null;
}

/** Runs every command at every size (see the file's comment). */
export function benchCommands(options: CommandsOptions = {}): CommandsResult {
  const cliPath = process.env.BENCH_CLI;
  if (cliPath === undefined || cliPath === "") throw new Error("BENCH_CLI is not set: run through scripts/bench.mjs");
  const sizes = options.sizes ?? DEFAULT_COMMAND_SIZES;
  const partners = options.partners ?? 20;
  const years = options.years ?? 5;
  const heapMB = options.heapMB ?? DEFAULT_HEAP_MB;
  const log = options.log ?? ((): void => undefined);
  const dir = mkdtempSync(join(tmpdir(), "shared-apportion-commands-"));
  const child = {
    cwd: dir,
    nodeOptions: [`--max-old-space-size=${heapMB}`],
    // The bundle leaves exceljs and jszip to node_modules, as the built command line does.
    env: { NODE_PATH: join(process.cwd(), "node_modules") },
    timeoutSeconds: options.timeoutSeconds ?? 3600,
  };
  const cli = (args: readonly string[]): CommandRun => ({ ...runChild(cliPath, args, child), args, skipped: false, forced: false });
  const results: CommandsAtSize[] = [];
  try {
    for (const lines of sizes) {
      const model = `model-${lines}.xlsx`;
      const work = `written-${lines}.xlsx`;
      const statements = `statements-${lines}`;
      log(`8. ${lines.toLocaleString("en-GB")} lines: writing the model`);
      const sample = ["--sample", "synthetic", "--lines", String(lines), "--partners", String(partners), "--years", String(years), model];
      const generate = runChild(cliPath, sample, child);
      const runs = {} as Record<CommandName, CommandRun>;
      const step = (name: CommandName, args: readonly string[], needs?: string): CommandRun => {
        if (needs !== undefined) return (runs[name] = skipped(args, needs));
        if (options.skip?.includes(name) === true) return (runs[name] = skipped(args, "left out (--skip)"));
        log(`8. ${lines.toLocaleString("en-GB")} lines: ${name}`);
        const r = cli(args);
        log(
          `   ${r.ok ? "done" : "FAILED"}: ${r.cpuSeconds?.toFixed(1) ?? "?"} s CPU, ${r.peakRssMB?.toFixed(0) ?? "?"} MB` +
            (r.ok ? "" : `; ${r.message}`),
        );
        return (runs[name] = r);
      };
      const noModel = generate.ok ? undefined : `the model could not be written (${generate.message})`;
      step("no-write", [model, "--no-write", ...LIMIT_ARGS], noModel);
      if (noModel === undefined) copyFileSync(join(dir, model), join(dir, work));
      const write = step("write", [work, ...LIMIT_ARGS], noModel);
      const unwritten = noModel ?? (write.ok ? undefined : "the write failed");
      const rerun = step("re-run", [work, ...LIMIT_ARGS], unwritten);
      // Re-running over unedited outputs should not ask; if it does, the run with --force is the one that does the work.
      if (!rerun.ok && !rerun.skipped && rerun.message.includes("--force")) {
        log("   the re-run asked for consent: running it again with --force");
        runs["re-run"] = { ...cli([work, "--force", ...LIMIT_ARGS]), forced: true };
      }
      step("verify", [work, "--verify", ...LIMIT_ARGS], unwritten);
      if (noModel === undefined) mkdirSync(join(dir, statements), { recursive: true });
      step("statements", [model, "--no-write", "--statements", statements, ...LIMIT_ARGS], noModel);
      results.push({
        lines,
        partners,
        years,
        generate,
        modelMB: sizeMB(join(dir, model)),
        writtenMB: write.ok ? sizeMB(join(dir, work)) : null,
        runs,
      });
      // Each size's files go as soon as it is done: 100,000 lines make files of hundreds of MB.
      for (const f of [model, work, statements]) rmSync(join(dir, f), { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { heapMB, limitArgs: LIMIT_ARGS, sizes: results, growth: growthOf(results) };
}

function growthOf(sizes: readonly CommandsAtSize[]): CommandGrowth[] {
  const pairs: [CommandsAtSize, CommandsAtSize][] = [];
  for (let k = 1; k < sizes.length; k++) pairs.push([sizes[k - 1] as CommandsAtSize, sizes[k] as CommandsAtSize]);
  const at10k = sizes.find((s) => s.lines === 10_000);
  const at100k = sizes.find((s) => s.lines === 100_000);
  // The exponent is from 10,000 to 100,000 lines, whatever was measured between.
  if (at10k !== undefined && at100k !== undefined && !pairs.some(([a, b]) => a === at10k && b === at100k)) pairs.push([at10k, at100k]);
  const growth: CommandGrowth[] = [];
  for (const [a, b] of pairs)
    for (const command of COMMANDS) {
      const ra = a.runs[command];
      const rb = b.runs[command];
      const cost = (r: CommandRun, v: number | null): number | null => (r.ok ? v : null);
      growth.push({
        command,
        fromLines: a.lines,
        toLines: b.lines,
        cpuExponent: growthExponent(a.lines, cost(ra, ra.cpuSeconds), b.lines, cost(rb, rb.cpuSeconds)),
        rssExponent: growthExponent(a.lines, cost(ra, ra.peakRssMB), b.lines, cost(rb, rb.peakRssMB)),
      });
    }
  return growth;
}
