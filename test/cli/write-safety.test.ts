import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { chmod, copyFile, lstat, readdir, readFile, readlink, rm, stat, symlink, unlink, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readWithIdentity } from "../../src/cli/fs/file-identity";
import { isReadOnly } from "../../src/cli/fs/permissions";
import { checkWritable } from "../../src/cli/fs/safe-write";
import { lockPath } from "../../src/cli/fs/write-lock";
import { main } from "../../src/cli/main";
import { beginWrite } from "../../src/cli/write-session";
import { cli, readBack, tempDir } from "./helpers";

let t: Awaited<ReturnType<typeof tempDir>>;
let base: Buffer;
beforeAll(async () => {
  t = await tempDir();
  expect((await cli(["--sample", "onesource", t.file("base.xlsx")])).code).toBe(0);
  base = await readFile(t.file("base.xlsx"));
});
afterAll(async () => {
  await t.cleanup();
});

async function fresh(name: string, mode = 0o644): Promise<string> {
  const file = t.file(name);
  await copyFile(t.file("base.xlsx"), file);
  await chmod(file, mode);
  return file;
}

/** Files left beside the workbooks: temporary files and locks. */
async function leftovers(): Promise<string[]> {
  return (await readdir(t.dir)).filter((f) => f.endsWith(".tmp") || f.endsWith(".lock"));
}

/** A process id that is certainly not running (a child that has exited). */
function deadPid(): number {
  return Number(execFileSync("sh", ["-c", "sh -c 'echo $$'"], { encoding: "utf8" }).trim());
}

describe("read-only files are refused, judged by their permission bits (even as root)", () => {
  it.each([0o444, 0o400, 0o555])("mode %o: exit 3, nothing written", async (mode) => {
    const file = await fresh(`ro-${mode.toString(8)}.xlsx`, mode);
    const r = await cli([file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/is read-only .*--out <copy\.xlsx>/);
    expect((await readFile(file)).equals(base)).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(mode);
    expect(await leftovers()).toEqual([]);
  });

  it("--out onto a read-only file is refused; onto a writable copy it works", async () => {
    const file = await fresh("ro-src.xlsx", 0o444);
    const out = await fresh("ro-out.xlsx", 0o444);
    const r = await cli([file, "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/ro-out\.xlsx is read-only/);
    expect((await readFile(out)).equals(base)).toBe(true);
    expect((await cli([file, "--out", t.file("ro-copy.xlsx")])).code).toBe(0);
  });

  it("--sample --force will not replace a read-only file", async () => {
    const file = await fresh("ro-sample.xlsx", 0o444);
    expect((await cli(["--sample", "east-kent-housing", file, "--force"])).code).toBe(3);
    expect((await readFile(file)).equals(base)).toBe(true);
  });

  it("for an ordinary user, the write bit of the user's class decides", () => {
    const uid = vi.spyOn(process, "getuid").mockReturnValue(1000);
    const gid = vi.spyOn(process, "getgid").mockReturnValue(1000);
    const groups = vi.spyOn(process, "getgroups").mockReturnValue([1000]);
    try {
      expect(isReadOnly({ mode: 0o644, uid: 1000, gid: 1000 })).toBe(false);
      expect(isReadOnly({ mode: 0o444, uid: 1000, gid: 1000 })).toBe(true);
      expect(isReadOnly({ mode: 0o664, uid: 5, gid: 1000 })).toBe(false);
      expect(isReadOnly({ mode: 0o644, uid: 5, gid: 1000 })).toBe(true);
      expect(isReadOnly({ mode: 0o646, uid: 5, gid: 7 })).toBe(false);
    } finally {
      uid.mockRestore();
      gid.mockRestore();
      groups.mockRestore();
    }
  });
});

describe("lost updates", () => {
  /** Runs the CLI with a progress bar whose "Saving" step calls `meanwhile` (the moment before the file is replaced). */
  async function runSaving(args: string[], meanwhile: () => void): Promise<{ code: number; err: string }> {
    let err = "";
    let fired = false;
    const code = await main([...args, "--progress"], {
      stdout: { write: () => true },
      stderr: {
        isTTY: false,
        columns: 80,
        write: (s: string) => {
          err += s;
          if (!fired && s.includes("Saving")) {
            fired = true;
            meanwhile();
          }
        },
      },
    });
    return { code, err };
  }

  it("a save made while the run works is kept: the run refuses to overwrite it", async () => {
    const file = await fresh("saved-meanwhile.xlsx");
    const theirs = Buffer.concat([base, Buffer.from("their save")]);
    const r = await runSaving([file], () => writeFileSync(file, theirs));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/was changed by someone else while this run was working .* their changes are kept/);
    expect((await readFile(file)).equals(theirs)).toBe(true);
    expect(await leftovers()).toEqual([]);
  });

  it("a save with the same size and time is still caught (by its hash)", async () => {
    const file = await fresh("same-size.xlsx");
    const s = await stat(file);
    const theirs = Buffer.from(base);
    theirs.writeUInt8(theirs.readUInt8(theirs.length - 30) ^ 0xff, theirs.length - 30);
    const session = await beginWrite(file, "same-size.xlsx", true);
    if (!session.ok) throw new Error(session.message);
    try {
      const read = await readWithIdentity(file);
      if ("tooLarge" in read) throw new Error("too large");
      await writeFile(file, theirs);
      await utimes(file, s.atime, s.mtime);
      expect(await session.session.commit(Buffer.from("results"), read.identity)).toMatch(/was changed by someone else/);
    } finally {
      await session.session.release();
    }
    expect((await readFile(file)).equals(theirs)).toBe(true);
  });

  it("--out: a file that appears at the output path meanwhile is not overwritten", async () => {
    const file = await fresh("out-src.xlsx");
    const out = t.file("appeared.xlsx");
    const r = await runSaving([file, "--out", out], () => writeFileSync(out, "someone else's file"));
    expect(r.code).toBe(3);
    expect(await readFile(out, "utf8")).toBe("someone else's file");
  });

  it("a second run on the same workbook refuses at once while the first holds the lock", async () => {
    const file = await fresh("busy.xlsx");
    const [a, b] = await Promise.all([cli([file]), cli([file])]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 3]);
    expect([a, b].find((r) => r.code === 3)?.stderr).toMatch(/busy\.xlsx is being written by another shared-apportion run \(process \d+/);
    expect(await leftovers()).toEqual([]);
  });

  it("a lock held by a running process refuses; one left by a process that is gone is taken over", async () => {
    const file = await fresh("locked.xlsx");
    await writeFile(lockPath(file), JSON.stringify({ pid: process.pid, host: hostname(), since: "2026-01-01T00:00:00Z" }));
    const r = await cli([file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`process ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00Z`);
    expect((await readFile(file)).equals(base)).toBe(true);
    const dead = deadPid();
    await writeFile(lockPath(file), JSON.stringify({ pid: dead, host: hostname(), since: "2026-01-01T00:00:00Z" }));
    const again = await cli([file]);
    expect(again.code, again.stderr).toBe(0);
    // The run that left it (killed, or out of memory) is named, so the next run explains the lock it took over.
    expect(again.stderr).toContain(
      `was locked by an earlier run that ended without finishing (process ${dead} on ${hostname()}, started ` +
        `2026-01-01T00:00:00Z, no longer running); its lock was taken over.`,
    );
    expect(await leftovers()).toEqual([]);
  });

  it("--check and --no-write take no lock (reading is never blocked)", async () => {
    const file = await fresh("readers.xlsx");
    await writeFile(lockPath(file), JSON.stringify({ pid: process.pid, host: hostname(), since: "x" }));
    expect((await cli([file, "--check"])).code).toBe(0);
    expect((await cli([file, "--no-write"])).code).toBe(0);
    await unlink(lockPath(file));
  });
});

describe("a workbook open in another program", () => {
  it.each([
    ["~$open-xl.xlsx", "Excel"],
    [".~lock.open-lo.xlsx#", "LibreOffice"],
  ])("an owner file %s gives a warning that %s may save over the results", async (owner, program) => {
    const file = await fresh(owner.includes("-xl") ? "open-xl.xlsx" : "open-lo.xlsx");
    await writeFile(t.file(owner), "owner");
    try {
      const r = await cli([file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`seems to be open in ${program} (its owner file is beside it)`);
    } finally {
      await rm(t.file(owner));
    }
  });
});

describe("temporary files", () => {
  it("stale ones from a killed run are removed and reported; one owned by a live process is left and reported", async () => {
    const file = await fresh("stale.xlsx");
    const dead = `.stale.xlsx.${deadPid()}.0badf00d.tmp`;
    const child = spawn("sleep", ["30"]);
    const live = `.stale.xlsx.${child.pid}.0000beef.tmp`;
    try {
      await writeFile(t.file(dead), base.subarray(0, 100));
      await writeFile(t.file(live), base.subarray(0, 100));
      const r = await cli([file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`removed 1 temporary file left beside ${file} by an interrupted run (${dead})`);
      expect(r.stderr).toContain(`left ${live}`);
      expect((await readdir(t.dir)).filter((f) => f.endsWith(".tmp"))).toEqual([live]);
    } finally {
      child.kill();
      await rm(t.file(live), { force: true });
    }
  });

  it("the written workbook keeps its mode", async () => {
    const file = await fresh("private.xlsx", 0o600);
    expect((await cli([file])).code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe("targets that are not files", () => {
  it("--out onto a named pipe is refused (nothing blocks, nothing written)", async () => {
    const file = await fresh("fifo-src.xlsx");
    const fifo = t.file("pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await cli([file, "--out", fifo]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/pipe\.xlsx is not a file \(it is a named pipe \(FIFO\)\)/);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  it("a device is refused before anything is written (checked directly: never aim a real run at /dev/null as root)", async () => {
    expect(await checkWritable("/dev/null")).toEqual({ kind: "notAFile", what: "a device" });
    expect(await checkWritable(t.dir)).toEqual({ kind: "notAFile", what: "a folder" });
    expect(await checkWritable(t.file("not-yet.xlsx"))).toBeUndefined();
  });

  it("writing through a symbolic link updates the file it points to and keeps the link", async () => {
    const file = await fresh("real.xlsx");
    const link = t.file("link.xlsx");
    await symlink(file, link);
    const r = await cli([link]);
    expect(r.code, r.stderr).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(file);
    expect((await readBack(file)).worksheets.map((w) => w.name)).toContain("Allocations");
  });
});
