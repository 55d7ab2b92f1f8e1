import { readFileSync } from "node:fs";
import { chmod, link, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { removeOnSignal } from "./cleanup";
import { fitName, NAME_MAX_BYTES } from "./file-names";
import { processAlive } from "./process-alive";
import { tempPath } from "./temp-files";

/** Who holds a write lock, as its lock file says. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the run started writing. */
  readonly since: string;
}

/** A held lock, and the function that releases it. */
export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

/** A lock file nobody updates is taken as abandoned after this long, even from another host. */
const ABANDONED_MS = 6 * 60 * 60 * 1000;

/** The lock file for a target: `.<name>.shared-apportion.lock` beside it (the name shortened if it would not fit). */
export function lockPath(target: string): string {
  return join(dirname(target), `.${fitName(basename(target), NAME_MAX_BYTES - 24)}.shared-apportion.lock`);
}

async function holderOf(path: string): Promise<LockHolder | undefined> {
  try {
    const o = JSON.parse(await readFile(path, "utf8")) as Partial<LockHolder>;
    return typeof o.pid === "number" && typeof o.host === "string" && typeof o.since === "string"
      ? { pid: o.pid, host: o.host, since: o.since }
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when the lock at `path` was left by a run that no longer exists. */
async function abandoned(path: string): Promise<boolean> {
  const holder = await holderOf(path);
  if (holder !== undefined && holder.host === hostname()) return !processAlive(holder.pid);
  try {
    return Date.now() - (await stat(path)).mtimeMs > ABANDONED_MS;
  } catch {
    return true;
  }
}

/**
 * Takes the write lock for `target` (a file created exclusively beside it),
 * so a second run writing the same workbook refuses at once instead of one
 * silently overwriting the other. A lock left by a run that was killed (its
 * process is gone) is taken over. The lock is removed on release and if the
 * process is interrupted. Filesystem errors (e.g. a read-only folder) are thrown.
 */
export async function acquireLock(
  target: string,
): Promise<{ ok: true; lock: HeldLock; tookOver?: LockHolder | null } | { ok: false; holder: LockHolder | undefined }> {
  const path = lockPath(target);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // The abandoned lock taken over, if any (null: one whose holder could not be read), so the run can say so.
  let tookOver: LockHolder | null | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const forget = await createWithContent(path, target, JSON.stringify(me));
      return {
        ok: true,
        ...(tookOver === undefined ? {} : { tookOver }),
        lock: {
          path,
          release: async () => {
            // Removed before it is forgotten, so a signal in between cannot leave it behind.
            await unlink(path).catch(() => undefined);
            forget();
          },
        },
      };
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw e;
      if (attempt > 0 || !(await abandoned(path))) return { ok: false, holder: await holderOf(path) };
      tookOver = (await holderOf(path)) ?? null;
      await unlink(path).catch(() => undefined);
    }
  }
  return { ok: false, holder: await holderOf(path) };
}

/**
 * Creates `path` holding `text`, failing with EEXIST if it exists, so that
 * the lock file is never seen empty: the text goes to a temporary file first,
 * which is then hard-linked to `path` (atomic, and exclusive). Where the
 * file system has no hard links (some network shares), it is created
 * exclusively and then written.
 */
async function createWithContent(path: string, target: string, text: string): Promise<() => void> {
  // Named like the target's temporary files, so a run killed here leaves nothing the next run cannot clean.
  const tmp = tempPath(target);
  const forget = removeOnSignal(tmp);
  // Registered before it exists, so a signal right after the link still removes it; the guard
  // spares a lock that turned out to be another run's.
  const forgetLock = removeOnSignal(path, () => holdsText(path, text));
  try {
    // Private until it is the lock (a leftover never has wider permissions than the workbook), then readable, so
    // another user's refused run can say who holds it.
    await writeFile(tmp, text, { flag: "wx", mode: 0o600 });
    try {
      await link(tmp, path);
      // The temporary name goes before the mode is widened: both names are one file, and a run killed
      // between the two steps must not leave a readable temporary file behind.
      await unlink(tmp).catch(() => undefined);
      await chmod(path, 0o644).catch(() => undefined);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw e;
      await writeFile(path, text, { flag: "wx", mode: 0o644 });
    }
    return forgetLock;
  } catch (e) {
    forgetLock();
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
    forget();
  }
}

/** True when the file holds exactly `text` (read synchronously, for a signal handler). */
function holdsText(path: string, text: string): boolean {
  try {
    return readFileSync(path, "utf8") === text;
  } catch {
    return false;
  }
}
