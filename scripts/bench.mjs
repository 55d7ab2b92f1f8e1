#!/usr/bin/env node
// `npm run bench`: the benchmarks of docs/performance.md.
//
// 1. Builds dist/ when it is missing (bundle sizes are measured from the
//    production build). --build rebuilds anyway; --no-build never builds.
// 2. Bundles bench/main.ts (and bench/profile-run.ts) with esbuild into a
//    temporary directory: plain ES2022 for Node, as the add-in's own build
//    emits the engine (no test-runner or loader helpers in the timed code).
//    The command line (src/cli/bin.ts) is bundled beside it for the
//    end-to-end sections 6 and 8 (BENCH_CLI).
// 3. Runs it with --expose-gc, so each timed case starts from a collected
//    heap. It prints a table to stdout and writes bench/results.json.
//
// Takes about 3–4 minutes on a 2-core machine without section 8; --quick
// (fewer rounds) about a minute, for trying things (not for the figures in
// docs/performance.md). Section 8 (every command of the command line up to
// 100,000 lines) takes far longer: --only=… and --sizes=… pick what to run.
// --entry=bench/<file>.ts bundles and runs another bench file instead (a
// developer aid, e.g. for profiling one function).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const entryArg = args.find((a) => a.startsWith("--entry="));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (entryArg === undefined) {
  const dist = join(root, "dist");
  const built = existsSync(join(dist, "functions.js")) && existsSync(join(dist, "taskpane.html"));
  if (!args.includes("--no-build") && (!built || args.includes("--build"))) {
    console.error(built ? "[bench] rebuilding dist/ (--build)" : "[bench] dist/ is missing: running npm run build for the bundle sizes");
    const b = spawnSync(npm, ["run", "build:test"], { cwd: root, stdio: ["ignore", process.stderr, "inherit"] });
    if (b.status !== 0) console.error("[bench] npm run build failed: bundle sizes will be reported as missing");
  } else if (built && statSync(join(dist, "taskpane.html")).mtimeMs < newestSource(join(root, "src"))) {
    console.error("[bench] note: dist/ is older than src/; bundle sizes are from that build (npm run bench -- --build to rebuild)");
  }
}

const out = mkdtempSync(join(tmpdir(), "shared-apportion-bench-"));
const entries = entryArg === undefined ? ["bench/main.ts", "bench/profile-run.ts"] : [entryArg.slice("--entry=".length)];
await build({
  entryPoints: entries.map((e) => join(root, e)),
  outdir: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  sourcemap: false,
  logLevel: "warning",
  // Bundled CommonJS dependencies (decimal.js) may call require for Node built-ins.
  banner: { js: 'import { createRequire as __benchRequire } from "node:module"; const require = __benchRequire(import.meta.url);' },
});
// The command line, for the end-to-end section: CommonJS as its own build emits it, exceljs and
// jszip loaded from node_modules (NODE_PATH) as at run time.
const cli = join(out, "shared-apportion.cjs");
if (entryArg === undefined) {
  await build({
    entryPoints: [join(root, "src/cli/bin.ts")],
    outfile: cli,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["exceljs", "jszip"],
    logLevel: "warning",
  });
}
const main = join(out, entries[0].replace(/^.*\//, "").replace(/\.ts$/, ".mjs"));
const r = spawnSync(
  process.execPath,
  ["--expose-gc", main, ...args.filter((a) => !["--build", "--no-build"].includes(a) && !a.startsWith("--entry="))],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, BENCH_BUNDLE_DIR: out, BENCH_CLI: cli },
  },
);
rmSync(out, { recursive: true, force: true });
process.exit(r.status ?? 1);
