import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runModel } from "../../src/engine";
import { sampleById } from "../../src/samples";
import { tempDir } from "./helpers";

const ROOT = resolve(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "shared-apportion.js");

/** Runs a command as a real child process; never rejects (the exit code is part of the result). */
function spawn(cmd: string, args: readonly string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, [...args], { cwd, timeout: 180_000, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

let t: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  t = await tempDir();
  // The bin runs the bundle: build it from the current sources.
  const built = await spawn("npm", ["run", "build:cli"]);
  expect(built.code, built.stderr).toBe(0);
}, 200_000);
afterAll(async () => {
  await t.cleanup();
});

describe("the shared-apportion executable, as a child process", () => {
  it("writes a sample, runs it with --json, and the totals match the engine to the penny", async () => {
    const file = t.file("onesource.xlsx");
    const made = await spawn("node", [BIN, "--sample", "onesource", file]);
    expect(made.code, made.stderr).toBe(0);
    const before = await readFile(file);
    const out = t.file("onesource-out.xlsx");
    const r = await spawn("node", [BIN, file, "--json", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(""); // not a terminal: no progress bar
    const json = JSON.parse(r.stdout) as { balance: { balanced: boolean; charged: string }; written: { file: string } };
    const engine = runModel(sampleById("onesource")!.model);
    if (!engine.ok) throw new Error("engine failed");
    expect(json.balance.balanced).toBe(true);
    expect(json.balance.charged).toBe((engine.value.rows.reduce((a, x) => a + x.amount, 0) / 100).toFixed(2));
    expect(json.written.file).toBe(out);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it("fails on a file that is not a workbook with one line and exit code 3", async () => {
    const file = t.file("not.xlsx");
    await writeFile(file, "hello");
    const r = await spawn("node", [BIN, file]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^shared-apportion: .*not an Excel workbook/);
  });

  it("`npx shared-apportion --help` from the project root runs this command with --help", async () => {
    // npm exec runs the project's own bin from package.json; the link that the "prepare" script
    // puts in node_modules/.bin is what stops npm from taking --help for itself.
    const r = await spawn("npx", ["shared-apportion", "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout,
      "npx printed npm's own help: run `npm install` (its prepare script links the command into node_modules/.bin)",
    ).toContain("shared-apportion: recalculate a Shared Cost Apportionment workbook without Excel.");
    expect(r.stdout).toContain("--sample <name> <file.xlsx>");
  });
});
