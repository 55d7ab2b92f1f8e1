/**
 * `npm run bench`: measures the engine against its targets, prints a table
 * and writes everything measured to bench/results.json.
 *
 * Timings are ratios within this one run (the machines are noisy): the cases
 * of a comparison are interleaved round by round after a warm-up, and each
 * ratio is the median of the per-round ratios. Each section runs in a fresh
 * node process (this file with --section=…), so one section's heap does not
 * slow the next one's garbage collection. Run through scripts/bench.mjs,
 * which builds dist/ if it is missing, bundles this file with esbuild and
 * starts node with --expose-gc.
 *
 * Flags: --quick (fewer rounds; for trying things, not for docs/performance.md);
 * --only=alloc,run,functions,mix,syncs,bundles,e2e,support,commands,monitoring,profile (some sections only);
 * --sizes=1000,10000 (section 8's model sizes in lines; default 1,000, 10,000, 50,000 and 100,000);
 * --heap-mb=4096 (section 8's --max-old-space-size for each command);
 * --skip=statements (section 8's commands to leave out, comma-separated).
 */
import "../test/functions/custom-functions-stub";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { summariseProfile, type ProfileSummary } from "./lib/cpu-profile";
import { checksum } from "./lib/timing";
import { standardWorkloads } from "./lib/workloads";
import { benchAllocation, CASES, type AllocationResult } from "./sections/allocation";
import { bundleSizes, type BundleResult } from "./sections/bundles";
import { benchFunctions, FN_CASES, type FunctionsResult } from "./sections/functions";
import { benchCommands, COMMANDS, DEFAULT_HEAP_MB, type CommandRun, type CommandsResult } from "./sections/commands";
import { commandTargets } from "./sections/commands-targets";
import { benchEndToEnd, type EndToEndResult } from "./sections/end-to-end";
import { benchMix, type MixSize } from "./sections/mix";
import { benchModelRun, type ModelRunResult } from "./sections/model-run";
import { benchSupport, type SupportResult } from "./sections/support";
import { benchMonitoring, type MonitoringResult } from "./sections/monitoring";
import { benchSyncs, type SyncCounts } from "./sections/syncs";

/** The repository root: scripts/bench.mjs starts this file there. */
const ROOT = process.cwd();
const quick = process.argv.includes("--quick");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (name: string): boolean => only === undefined || only.includes(name);
const flagValue = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const commandSizes = flagValue("sizes")
  ?.split(",")
  .map((x) => Number(x.replace(/_/g, "")));
if (commandSizes?.some((n) => !Number.isInteger(n) || n < 1) === true)
  throw new Error("--sizes needs whole numbers of lines, e.g. --sizes=1000,10000");
const heapMB = Number(flagValue("heap-mb") ?? DEFAULT_HEAP_MB);
if (!Number.isInteger(heapMB) || heapMB < 16) throw new Error("--heap-mb needs a whole number of MiB, e.g. --heap-mb=4096");
const R = quick
  ? { fast: 5, slow: 1, run: 3, fn: 5, trace: 1, profileRuns: 3 }
  : { fast: 15, slow: 5, run: 11, fn: 15, trace: 1, profileRuns: 8 };

// ---- A section, in its own process: prints its result as one line of JSON.

const SECTIONS: Record<string, () => unknown> = {
  "alloc-0": () =>
    benchAllocation(standardWorkloads()[0] as ReturnType<typeof standardWorkloads>[number], { fastRounds: R.fast, slowRounds: R.slow }),
  "alloc-1": () =>
    benchAllocation(standardWorkloads()[1] as ReturnType<typeof standardWorkloads>[number], { fastRounds: R.fast, slowRounds: R.slow }),
  run: () => benchModelRun({ rounds: R.run, warmup: 2, traceRounds: R.trace }),
  functions: () => benchFunctions({ rounds: R.fn, warmup: 3 }),
  mix: () => benchMix({ rounds: quick ? 3 : 5, warmup: 1 }),
  syncs: () => benchSyncs(),
  support: () => benchSupport({ rounds: quick ? 3 : 7, warmup: 1, lines: 10_000 }),
  monitoring: () => benchMonitoring({ rows: 200_000 }),
};

function runSection<T>(name: string): T {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", process.argv[1] as string, `--section=${name}`, ...(quick ? ["--quick"] : [])],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return (JSON.parse(out.trim().split("\n").pop() ?? "null") as { value: T }).value;
}

// ---- The table.

function fmt(x: number, dp = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString("en-GB", { minimumFractionDigits: dp, maximumFractionDigits: dp });
}

function kb(bytes: number): string {
  return `${fmt(bytes / 1024, 1)} KB`;
}

type Row = readonly [string, string, string, string];
const rows: Row[] = [];
const section = (title: string): void => {
  rows.push([`## ${title}`, "", "", ""]);
};
const row = (what: string, value: string, target = "", ok?: boolean): void => {
  rows.push([what, value, target, ok === undefined ? "" : ok ? "met" : "NOT MET"]);
};

function printTable(): void {
  const body = rows.filter((r) => !r[0].startsWith("## "));
  const widths = [0, 1, 2, 3].map((k) => Math.max(...body.map((r) => r[k]?.length ?? 0)));
  const line = (r: Row): string =>
    r
      .map((c, k) => (k === 1 ? c.padStart(widths[k] ?? 0) : c.padEnd(widths[k] ?? 0)))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(["measure", "value", "target", "status"])}\n`);
  for (const r of rows) process.stdout.write(r[0].startsWith("## ") ? `\n${r[0].slice(3)}\n` : `${line(r)}\n`);
}

function usage(r: CommandRun): string {
  if (r.skipped) return r.message;
  const memory = r.peakRssMB === null ? "peak memory not reported (it died)" : `${fmt(r.peakRssMB, 0)} MB`;
  const cost = `${fmt(r.cpuSeconds ?? Number.NaN, 1)} s CPU, ${memory}`;
  if (r.ok) return `${cost} (${fmt(r.wallSeconds, 1)} s wall)${r.forced ? ", with --force" : ""}`;
  const what = r.outOfMemory ? "OUT OF MEMORY" : `FAILED (exit ${String(r.status ?? r.signal)})`;
  return `${what} after ${cost}: ${r.message.split("\n")[0] ?? ""}`;
}

function commandsTable(c: CommandsResult): void {
  section(
    `8. Every command, one fresh process each (20 partners × 5 years; CPU = user + system, memory = peak RSS; ` +
      `--max-old-space-size=${c.heapMB})`,
  );
  for (const s of c.sizes) {
    if (!s.generate.ok) row(`${fmt(s.lines, 0)} lines: writing the model`, `FAILED: ${s.generate.message.split("\n")[0] ?? ""}`);
    for (const name of COMMANDS) row(`${fmt(s.lines, 0)} lines: ${name}`, usage(s.runs[name]));
    if (s.writtenMB !== null)
      row(`${fmt(s.lines, 0)} lines: written file, MB (model alone)`, `${fmt(s.writtenMB, 1)} (${fmt(s.modelMB ?? 0, 1)})`);
  }
  for (const g of c.growth)
    row(
      `growth exponent ${fmt(g.fromLines, 0)} → ${fmt(g.toLines, 0)} lines: ${g.command}, CPU / memory`,
      // NaN where a run failed at either size: there is no cost to compare.
      [g.cpuExponent, g.rssExponent].map((k) => (Number.isFinite(k) ? fmt(k, 2) : "— (a run failed)")).join(" / "),
    );
  for (const t of commandTargets(c)) row(t.what, t.value, t.target, t.met);
}

function main(): void {
  const started = performance.now();
  const log = (s: string): void => {
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);
  };

  // 1. Allocation throughput.
  const allocation: AllocationResult[] = [];
  for (const [k, w] of standardWorkloads().entries()) {
    if (!wanted("alloc")) break;
    log(`1. allocation: ${w.name}`);
    allocation.push(runSection<AllocationResult>(`alloc-${k}`));
  }
  for (const a of allocation) {
    section(
      `1. Allocation throughput: ${a.workload} (${fmt(a.allocations, 0)} allocations of ${a.partners}; ${a.fast.rounds} rounds ` +
        `engine vs float, ${a.all.rounds} with every competitor)`,
    );
    for (const name of Object.values(CASES)) row(`${name}: allocations/s`, fmt(a.throughput[name] ?? Number.NaN, 0));
    row(
      "engine largestRemainder ÷ float loop, throughput",
      `${fmt(a.vsFloat[CASES.engine] ?? Number.NaN)}×`,
      "≥ 0.35×",
      (a.vsFloat[CASES.engine] ?? 0) >= 0.35,
    );
    row(
      "engine largestRemainder ÷ dinero.js, throughput",
      `${fmt(a.engineSpeedup[CASES.dinero] ?? Number.NaN, 1)}×`,
      "≥ 10×",
      (a.engineSpeedup[CASES.dinero] ?? 0) >= 10,
    );
    row("engine largestRemainder ÷ decimal.js, throughput", `${fmt(a.engineSpeedup[CASES.decimal] ?? Number.NaN, 0)}×`);
    row("engine splitByDrivers (from £) ÷ float loop", `${fmt(a.vsFloat[CASES.split] ?? Number.NaN, 3)}×`);
    row(
      "engine splitByDrivers (from £) ÷ dinero.js",
      `${fmt((a.engineSpeedup[CASES.dinero] ?? Number.NaN) / (a.engineSpeedup[CASES.split] ?? Number.NaN), 1)}×`,
    );
    const e = a.exactness;
    row("float loop: pennies lost (allocations not adding up)", `${fmt(e.floatPenniesLost, 0)} (${fmt(e.floatAllocationsOff, 0)})`);
    row("engine: allocations not adding up", fmt(e.engineUnbalanced, 0), "0", e.engineUnbalanced === 0);
    row("engine splitByDrivers ≠ largestRemainder", fmt(e.splitDisagrees, 0), "0", e.splitDisagrees === 0);
    row("decimal.js LR ≠ engine (exact ties misread at 40 digits)", fmt(e.decimalDisagrees, 0));
    row("dinero.js: not adding up / ≠ largest remainder", `${fmt(e.dineroUnbalanced, 0)} / ${fmt(e.dineroDiffersFromHamilton, 0)}`);
  }

  // 2. Full model run.
  let m: ModelRunResult | undefined;
  if (wanted("run")) {
    log("2. full model run: 10,000 lines × 20 partners × 5 years");
    m = runSection<ModelRunResult>("run");
    section(
      `2. Full model run: ${fmt(m.lines, 0)} lines × ${m.partners} partners × ${m.years} years (${fmt(m.allocations, 0)} ` +
        `allocations, ${fmt(m.charges, 0)} charges; ${m.timing.rounds} rounds)`,
    );
    for (const c of m.timing.cases) row(`${c.name} (median ms)`, fmt(c.medianMs, 1));
    row("full run ÷ float loop over the same allocations", `${fmt(m.fullVsFloat, 1)}×`, "≤ 5×", m.fullVsFloat <= 5);
    row("engine largestRemainder alone ÷ float loop", `${fmt(m.engineVsFloat, 1)}×`);
    for (const [k, v] of Object.entries(m.phasesMs)) row(`  ${k} (median ms)`, fmt(v, 1));
    row("explain one charge on demand (trace text, µs)", fmt(m.trace.explainOneUs, 1));
    row(`traceAll: trace text for all ${fmt(m.charges, 0)} charges (ms)`, fmt(m.trace.traceAllMs, 0));
    row("full run + traceAll ÷ float loop", `${fmt(m.fullVsFloat + m.trace.traceAllVsFloat, 0)}×`);
    row("balanced to the penny / float loop pennies lost", `${m.exactness.balanced} / ${fmt(m.exactness.floatPenniesLost, 0)}`);
  }

  // 3. SHARED.APPORTION.
  let fns: FunctionsResult | undefined;
  if (wanted("functions")) {
    log("3. SHARED.APPORTION per call");
    fns = runSection<FunctionsResult>("functions");
    section(`3. SHARED.APPORTION, 20 drivers, per call (${fmt(fns.calls, 0)} different calls per round; ${fns.timing.rounds} rounds)`);
    for (const name of Object.values(FN_CASES)) row(`${name} (µs/call)`, fmt(fns.perCallUs[name] ?? Number.NaN, 2));
    row("SHARED.APPORTION ÷ float loop", `${fmt(fns.vsFloat, 0)}×`);
    row("calls returning an error (must be 0)", fmt(fns.errors, 0), "0", fns.errors === 0);
  }

  // 3b. SHARED.APPORTION.MIX by table size.
  let mix: readonly MixSize[] | undefined;
  if (wanted("mix")) {
    log("3b. SHARED.APPORTION.MIX by table size");
    mix = runSection<readonly MixSize[]>("mix");
    section("3b. SHARED.APPORTION.MIX, one call on a partners × drivers table (distinct column totals)");
    for (const m of mix) row(`${m.partners} × ${m.drivers} (ms; µs per cell)`, `${fmt(m.medianMs, 0)}; ${fmt(m.perCellUs, 2)}`);
    const first = mix[0];
    const last = mix[mix.length - 1];
    if (first !== undefined && last !== undefined) {
      const growth = last.perCellUs / first.perCellUs;
      row(`time per cell, largest ÷ smallest table`, `${fmt(growth, 1)}×`, "≤ 10× (about linear)", growth <= 10);
    }
    row(
      "calls returning an error (must be 0)",
      fmt(mix.filter((m) => m.error).length, 0),
      "0",
      mix.every((m) => !m.error),
    );
  }

  // 4. Sync counts.
  let syncs: SyncCounts[] | undefined;
  if (wanted("syncs")) {
    log("4. context.sync() counts through the counting fake");
    syncs = runSection<SyncCounts[]>("syncs");
    section("4. context.sync() calls (Office adapter on the counting fake; synthetic model, 3 partners × 2 years)");
    for (const s of syncs) {
      row(
        `${s.host}: ${fmt(s.lines, 0)} lines (${fmt(s.charges, 0)} charges): create / read / write / rewrite`,
        `${s.create} / ${s.read} / ${s.write} / ${s.rewrite}`,
      );
      if (s.writeBatches > 1) row(`  first write: ${fmt(s.writeMB, 1)} MB staged in ${s.writeBatches} requests of ≤ 4 MB`, "");
    }
    for (const host of new Set(syncs.map((s) => s.host))) {
      const list = syncs.filter((s) => s.host === host);
      const flat = list.every((s) => s.read === list[0]?.read && s.write === list[0]?.write && s.rewrite === list[0]?.rewrite);
      const limited = !host.startsWith("no payload");
      row(
        `${host}: read/write syncs independent of size`,
        flat ? "yes" : "no: grows with MB ÷ 4",
        limited ? "" : "constant",
        limited ? undefined : flat,
      );
    }
  }

  // 5. Bundle sizes.
  let bundles: BundleResult | { error: string } | undefined;
  if (wanted("bundles")) {
    try {
      log("5. bundle sizes");
      const dist = join(ROOT, "dist");
      bundles = bundleSizes(
        dist,
        readdirSync(dist).filter((f) => f.endsWith(".js")),
      );
      section(`5. Bundle sizes, gzipped (dist/ built ${bundles.builtAt})`);
      row(
        `custom functions start-up: ${bundles.functions.files.map((f) => f.file).join(" + ")}`,
        kb(bundles.functions.gzipBytes),
        "≤ 60 KB",
        bundles.functions.gzipBytes <= bundles.functions.targetBytes,
      );
      row(
        "  functions.js alone (the engine is in the chunk shared with the pane)",
        kb(bundles.functions.ownGzipBytes),
        "≤ 20 KB",
        bundles.functions.ownGzipBytes <= bundles.functions.ownTargetBytes,
      );
      row(
        "task pane initial load (taskpane.html's scripts, office.js excluded)",
        kb(bundles.taskpane.gzipBytes),
        "≤ 200 KB",
        bundles.taskpane.gzipBytes <= bundles.taskpane.targetBytes,
      );
      for (const f of bundles.taskpane.files) row(`  ${f.file}`, kb(f.gzipBytes));
      row("  without functions.js (the task pane's own scripts)", kb(bundles.taskpane.gzipBytesWithoutFunctions));
      if (bundles.lazyChunks.length > 0)
        row(
          `  loaded on demand later: ${bundles.lazyChunks.map((f) => f.file).join(", ")}`,
          kb(bundles.lazyChunks.reduce((s, f) => s + f.gzipBytes, 0)),
        );
    } catch (e) {
      bundles = { error: e instanceof Error ? e.message : String(e) };
      section("5. Bundle sizes");
      row("no build found", bundles.error, "npm run build", false);
    }
  }

  // 6. End to end: the command line on generated workbooks.
  let e2e: EndToEndResult[] | { error: string } | undefined;
  if (wanted("e2e")) {
    try {
      log("6. end to end: the command line on generated workbooks, 1,000 and 10,000 lines × 20 partners × 5 years");
      e2e = benchEndToEnd();
      section("6. End to end: shared-apportion on --sample synthetic workbooks (20 partners × 5 years; one run each, fresh process)");
      for (const e of e2e) {
        const big = e.lines >= 10_000;
        row(`${fmt(e.lines, 0)} lines: --no-write (read + run), s`, fmt(e.noWrite.seconds, 1));
        row(
          `${fmt(e.lines, 0)} lines: read + run + write, s`,
          fmt(e.write.seconds, 1),
          big ? "≤ 20 s" : "",
          big ? e.write.seconds <= 20 : undefined,
        );
        row(
          `${fmt(e.lines, 0)} lines: peak memory (RSS) --no-write / write, MB`,
          `${fmt(e.noWrite.peakRssMB, 0)} / ${fmt(e.write.peakRssMB, 0)}`,
          big ? "≤ 1,536 MB" : "",
          big ? e.write.peakRssMB <= 1536 : undefined,
        );
        row(`${fmt(e.lines, 0)} lines: output file, MB`, fmt(e.outputMB, 1), big ? "≤ 30 MB" : "", big ? e.outputMB <= 30 : undefined);
        row(`${fmt(e.lines, 0)} lines: writing overhead (write ÷ --no-write)`, `${fmt(e.writeOverhead, 1)}×`, "≤ 3×", e.writeOverhead <= 3);
      }
    } catch (err) {
      e2e = { error: err instanceof Error ? err.message : String(err) };
      section("6. End to end");
      row("failed", e2e.error, "", false);
    }
  }

  // 7. Support services.
  let support: SupportResult | undefined;
  if (wanted("support")) {
    log("7. support services: 10,000 lines of 5 services serving each other and 20 partners");
    support = runSection<SupportResult>("support");
    section(`7. Support services: ${fmt(support.lines, 0)} lines, 5 services serving each other, 20 partners, 5 years`);
    for (const c of support.timing.cases) row(`run by ${c.name}, ms (median of ${support.timing.rounds})`, fmt(c.medianMs, 0));
    row("reciprocal ÷ the same lines by a driver", `${fmt(support.vsDriver)}×`, "≤ 4×", support.vsDriver <= 4);
    row("the three methods side by side (two more runs), ms", fmt(support.methodsMs, 0));
    row("balanced to the penny", support.balanced ? "yes" : "NO", "yes", support.balanced);
  }

  // 7b. In-year monitoring: a ledger export imported.
  let monitoring: MonitoringResult | undefined;
  if (wanted("monitoring")) {
    log("7b. in-year monitoring: a 200,000-row ledger export imported");
    monitoring = runSection<MonitoringResult>("monitoring");
    section(`7b. In-year monitoring: a ${fmt(monitoring.rows, 0)}-row ledger export (${fmt(monitoring.fileMB, 1)} MB) imported`);
    row("read, parse and hash the file (streaming), s", fmt(monitoring.readSeconds, 2));
    row("map onto cost lines and replace the periods, s", fmt(monitoring.mapSeconds, 2));
    row("heap held after the import, MB", fmt(monitoring.heapMB, 0));
    row("rows refused (must be 0)", fmt(monitoring.problems, 0), "0", monitoring.problems === 0);
    row("transactions listed as unmapped (the HR cost centre: a sixth)", fmt(monitoring.unmapped, 0));
  }

  // 8. Every command at every size.
  let commands: CommandsResult | { error: string } | undefined;
  if (wanted("commands")) {
    try {
      const sizes = commandSizes?.map((n) => fmt(n, 0)).join(", ") ?? "1,000, 10,000, 50,000 and 100,000";
      log(`8. every command, ${sizes} lines × 20 partners × 5 years`);
      const skip = flagValue("skip")?.split(",");
      commands = benchCommands({
        ...(commandSizes === undefined ? {} : { sizes: commandSizes }),
        ...(skip === undefined ? {} : { skip }),
        heapMB,
        log,
      });
      commandsTable(commands);
    } catch (err) {
      commands = { error: err instanceof Error ? err.message : String(err) };
      section("8. Every command");
      row("failed", commands.error, "", false);
    }
  }

  // Where the time goes: a CPU profile of the full run in a fresh process.
  let profile: (ProfileSummary & { windowed: boolean; runs: number; file: string }) | { error: string } | undefined;
  if (wanted("profile")) {
    try {
      log("CPU profile of the full run (node --cpu-prof)");
      const dir = mkdtempSync(join(tmpdir(), "shared-apportion-prof-"));
      const bundled = join(process.env.BENCH_BUNDLE_DIR ?? "", "profile-run.mjs");
      const out = execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, bundled, String(R.profileRuns)], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
        encoding: "utf8",
      });
      const { runs, windowUs } = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { runs: number; windowUs: [number, number] };
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (file === undefined) throw new Error("no .cpuprofile written");
      profile = { ...summariseProfile(join(dir, file), ROOT, 15, windowUs), runs, file: join(dir, file) };
      section(
        `Where the time goes: self time over ${runs} full runs (${fmt(profile.totalMs / runs, 0)} ms each under the profiler; ` +
          `${profile.windowed ? "start-up and warm-up excluded" : "whole process"})`,
      );
      for (const f of profile.functions) row(`${f.name}  ${f.where}`, `${fmt(f.percent, 1)}%`);
      section("Self time by source file");
      for (const f of profile.files.slice(0, 10)) row(f.where, `${fmt(f.percent, 1)}%`);
    } catch (e) {
      profile = { error: e instanceof Error ? e.message : String(e) };
    }
  }

  printTable();
  const results = {
    generatedAt: new Date().toISOString(),
    command: quick ? "npm run bench -- --quick" : "npm run bench",
    machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? "" },
    allocation,
    modelRun: m,
    functions: fns,
    mix,
    support,
    monitoring,
    syncs,
    bundles,
    endToEnd: e2e,
    commands,
    profile,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(ROOT, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${fmt(results.seconds, 0)} s; wrote bench/results.json`);
}

// ---- Entry: one section (a child process), or everything.
const sectionArg = process.argv.find((a) => a.startsWith("--section="))?.slice("--section=".length);
if (sectionArg !== undefined) {
  const body = SECTIONS[sectionArg];
  if (body === undefined) throw new Error(`no section ${sectionArg}`);
  Promise.resolve(body()).then(
    (value) => process.stdout.write(`${JSON.stringify({ value, checksum: checksum() })}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  main();
}
