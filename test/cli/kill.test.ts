import { spawn } from "node:child_process";
import { chmod, copyFile, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "./helpers";

const ROOT = resolve(__dirname, "..", "..");
let t: Awaited<ReturnType<typeof tempDir>>;
let bundle: string;
let original: Buffer;

beforeAll(async () => {
  t = await tempDir();
  // The real executable's code (src/cli/bin.ts, with its signal handling), bundled to this test's own folder.
  bundle = t.file("cli.js");
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(ROOT, "src/cli/bin.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: bundle,
    external: ["exceljs", "jszip"],
    logLevel: "error",
  });
  expect((await cli(["--sample", "brent-lewisham-southwark", t.file("model.xlsx")])).code).toBe(0);
  original = await readFile(t.file("model.xlsx"));
}, 60_000);
afterAll(async () => {
  await t.cleanup();
});

interface Child {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  kill(signal: NodeJS.Signals): void;
}

function start(args: readonly string[], env: Readonly<Record<string, string>> = {}): Child {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: t.dir,
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { exited, kill: (s) => child.kill(s) };
}

/** What is beside the workbook besides it: temporary files and locks of `name`. */
async function beside(name: string): Promise<string[]> {
  return (await readdir(t.dir)).filter((f) => f.startsWith(`.${name}.`));
}

/** Waits (polling every millisecond or so) until `seen` holds or the child exits; true if it held first. */
async function when(child: Child, seen: () => Promise<boolean>): Promise<boolean> {
  let over = false;
  void child.exited.then(() => (over = true));
  while (!over) {
    if (await seen()) return true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return false;
}

/** The file is either exactly the original or a complete workbook holding the results. */
async function originalOrComplete(file: string): Promise<"original" | "result"> {
  const bytes = await readFile(file);
  if (bytes.equals(original)) return "original";
  await JSZip.loadAsync(bytes, { checkCRC32: true });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Costs", "Summary", "Allocations", "Trace"]));
  return "result";
}

/** The moments to interrupt a run writing into `name`: by what can be seen in its folder. */
const MOMENTS: readonly [string, (name: string) => Promise<boolean>][] = [
  ["at once", async () => true],
  ["once it holds the lock", async (name) => (await beside(name)).some((f) => f.endsWith(".lock"))],
  ["as the temporary file appears", async (name) => (await beside(name)).some((f) => f.endsWith(".tmp"))],
  [
    "while the workbook's temporary copy is being filled",
    async (name) => {
      for (const f of (await beside(name)).filter((x) => x.endsWith(".tmp"))) {
        const head = await readFile(join(t.dir, f)).catch(() => Buffer.alloc(0));
        if (head.subarray(0, 2).toString() === "PK") return true;
      }
      return false;
    },
  ],
  ["as the workbook is replaced", async (name) => !(await readFile(t.file(name))).equals(original)],
];

describe("a writing run killed at any moment leaves the original or the complete result, and nothing else", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it.each(MOMENTS.map(([label], i) => [label, i] as const))(`${signal} %s`, async (_label, i) => {
      const name = `${signal}-${i}.xlsx`;
      await copyFile(t.file("model.xlsx"), t.file(name));
      const child = start([name, "--scenario", "Lewisham Homes joins"]);
      if (await when(child, () => MOMENTS[i]![1](name))) child.kill(signal);
      const r = await child.exited;
      // Done, stopped by its handler, or (before the handler is installed, or while Node exits) by the signal itself.
      if (r.signal === null) expect([0, 128 + (signal === "SIGTERM" ? 15 : 2)]).toContain(r.code);
      else expect(r.signal).toBe(signal);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      await originalOrComplete(t.file(name));
      expect(await beside(name)).toEqual([]);
    });
  }

  it.each(MOMENTS.map(([label], i) => [label, i] as const))("SIGKILL %s: the next run removes what it could not", async (_label, i) => {
    const name = `kill-${i}.xlsx`;
    await copyFile(t.file("model.xlsx"), t.file(name));
    await chmod(t.file(name), 0o600);
    const child = start([name]);
    if (await when(child, () => MOMENTS[i]![1](name))) child.kill("SIGKILL");
    await child.exited;
    await originalOrComplete(t.file(name));
    const left = await beside(name);
    // A temporary file never has wider permissions than the workbook.
    for (const f of left.filter((x) => x.endsWith(".tmp"))) expect((await stat(join(t.dir, f))).mode & 0o777, f).toBe(0o600);
    const next = await cli([t.file(name)]);
    expect(next.code, next.stderr).toBe(0);
    if (left.some((f) => f.endsWith(".tmp"))) expect(next.stderr).toMatch(/removed \d+ temporary files? .* by an interrupted run/);
    expect(await beside(name)).toEqual([]);
    expect(await originalOrComplete(t.file(name))).toBe("result");
  });
});

describe("a run stopped while LibreOffice converts", () => {
  it("SIGTERM stops LibreOffice with it (every process it started), and nothing is written", async () => {
    const pids = t.file("soffice.pids");
    const soffice = t.file("hang.sh");
    await writeFile(soffice, `#!/bin/sh\necho $$ > "${pids}"\nsleep 300 &\necho $! >> "${pids}"\nwait\n`);
    await chmod(soffice, 0o755);
    await copyFile(t.file("model.xlsx"), t.file("converting.xlsx"));
    const child = start(["converting.xlsx", "--pdf", "converting.pdf"], { SHARED_APPORTION_SOFFICE: soffice });
    const seen = await when(child, async () => (await readFile(pids, "utf8").catch(() => "")).trim().split("\n").length === 2);
    expect(seen, "the stand-in LibreOffice started").toBe(true);
    child.kill("SIGTERM");
    const r = await child.exited;
    expect(r.code).toBe(128 + 15);
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const started = (await readFile(pids, "utf8")).trim().split("\n").map(Number);
    for (let i = 0; i < 50 && started.some(alive); i++) await new Promise((done) => setTimeout(done, 100));
    expect(started.filter(alive)).toEqual([]);
    expect((await readFile(t.file("converting.xlsx"))).equals(original)).toBe(true);
    expect(await stat(t.file("converting.pdf")).catch(() => undefined)).toBeUndefined();
    expect(await beside("converting.xlsx")).toEqual([]);
  }, 60_000);
});

describe("a closed pipe", () => {
  it("`… --no-write | head -1`: no stack trace, the run's own exit code", async () => {
    await copyFile(t.file("model.xlsx"), t.file("pipe.xlsx"));
    const child = spawn(process.execPath, [bundle, "pipe.xlsx", "--no-write", "--json"], {
      cwd: t.dir,
      env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader goes away before the command writes its results.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
