import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");
const SCRIPT = join(ROOT, "scripts", "system-deps.mjs");

/** Runs the script with --check (it never installs then) and the given PATH. */
function check(path: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, "--check"], { encoding: "utf8", env: { ...process.env, PATH: path } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("scripts/system-deps.mjs (run before npm test and by .ci/run)", () => {
  it("finds every system package the suite needs on this machine, and says nothing", () => {
    const r = check(process.env.PATH ?? "");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("with the tools out of reach, stops with one message naming exactly what to install", () => {
    const r = check("/nonexistent");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    // The packages found through PATH are reported missing, each with what it is for…
    for (const name of ["libreoffice-calc", "poppler-utils", "libxml2-utils"]) expect(r.stderr).toContain(`  ${name} (`);
    // …and the one command that installs them all.
    expect(r.stderr).toMatch(
      /Install them with:\n {2}sudo apt-get update && sudo apt-get install -y --no-install-recommends .*libreoffice-calc/,
    );
    expect(r.stderr).not.toMatch(/ chromium \(/); // found at its absolute path, /usr/bin/chromium
  });
});
