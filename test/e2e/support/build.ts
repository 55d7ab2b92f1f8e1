import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);

/** The repository root (where package.json is). */
export const ROOT = resolve(dirname(require.resolve("../../../package.json")));

/**
 * Builds the add-in for production into `outDir` with webpack (the same
 * config as `npm run build:test`: the manifest keeps the dev origin — and a
 * different output directory so `dist/` is never touched by the tests).
 */
export function buildInto(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const webpackCli = join(dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  execFileSync(process.execPath, [webpackCli, "--mode", "production", "--env", "devUrl", "--output-path", outDir, "--no-stats"], {
    cwd: ROOT,
    stdio: "pipe",
    timeout: 240_000,
  });
}
