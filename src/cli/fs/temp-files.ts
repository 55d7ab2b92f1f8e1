import { randomBytes } from "node:crypto";
import { readdir, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fitName, NAME_MAX_BYTES } from "./file-names";
import { processAlive } from "./process-alive";

/** Room for `.`, `.<pid>.<8 hex>.tmp` around the target's name (a pid has at most 7 digits on Linux, 10 anywhere). */
const TEMP_EXTRA_BYTES = 1 + 1 + 10 + 1 + 8 + 4;

/** The target's name as it appears in its temporary files' names: shortened when the whole would not fit the file system. */
function tempStem(target: string): string {
  return fitName(basename(target), NAME_MAX_BYTES - TEMP_EXTRA_BYTES);
}

/** A new temporary file name for `target`, hidden, in the same folder (so the final rename is atomic). */
export function tempPath(target: string): string {
  return join(dirname(target), `.${tempStem(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
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
  const name = escape(tempStem(target));
  return removeStaleTempsIn(dirname(target), new RegExp(`^\\.${name}\\.(\\d+)(?:\\.[0-9a-f]+)?\\.tmp$`));
}

/**
 * Deletes, in `folder`, the temporary files of runs that no longer exist whose
 * names match `pattern` (its first group the process id). Earlier versions
 * named a statement's temporary file `.<name>.<pid>.tmp`, without the random
 * part; the patterns accept both.
 */
export async function removeStaleTempsIn(folder: string, pattern: RegExp): Promise<StaleTemps> {
  const re = pattern;
  const removed: string[] = [];
  const inUse: string[] = [];
  let names: string[];
  try {
    names = await readdir(folder);
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
      await unlink(join(folder, name));
      removed.push(name);
    } catch {
      inUse.push(name);
    }
  }
  return { removed, inUse };
}
