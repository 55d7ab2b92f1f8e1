import { randomBytes } from "node:crypto";
import { readdir, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { processAlive } from "./process-alive";

/** A new temporary file name for `target`, hidden, in the same folder (so the final rename is atomic). */
export function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Temporary files of earlier runs found beside a target. */
export interface StaleTemps {
  /** Left by runs that no longer exist: deleted. */
  readonly removed: readonly string[];
  /** Belonging to a process that still runs (an older version without the lock?): left alone. */
  readonly inUse: readonly string[];
}

/**
 * Deletes the temporary files that earlier runs writing `target` left behind
 * (a run killed with SIGKILL, or a power cut, cannot delete its own). Call it
 * while holding the write lock: then no other run of this tool is writing
 * `target`, and a file whose process is gone is certainly abandoned.
 */
export async function removeStaleTemps(target: string): Promise<StaleTemps> {
  const re = new RegExp(`^\\.${escape(basename(target))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  const removed: string[] = [];
  const inUse: string[] = [];
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return { removed, inUse };
  }
  for (const name of names) {
    const m = re.exec(name);
    if (m === null) continue;
    const pid = Number(m[1]);
    // This process's own files belong to a write under way (two runs inside one process, as in tests).
    if (pid === process.pid || processAlive(pid)) {
      inUse.push(name);
      continue;
    }
    try {
      await unlink(join(dirname(target), name));
      removed.push(name);
    } catch {
      inUse.push(name);
    }
  }
  return { removed, inUse };
}
