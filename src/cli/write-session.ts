import { currentIdentity, type FileIdentity } from "./fs/file-identity";
import { openElsewhere } from "./fs/open-elsewhere";
import { checkWritable, writeFileSafely, writeProblemMessage, writeTarget } from "./fs/safe-write";
import { removeStaleTemps } from "./fs/temp-files";
import { acquireLock, type HeldLock, type LockHolder } from "./fs/write-lock";

/** A write that has been allowed to start: the target is writable and locked for this run. */
export interface WriteSession {
  /** Notes for the user (temporary files of interrupted runs that were removed or left). */
  readonly notes: readonly string[];
  /**
   * Replaces the target with `bytes`, provided it is still what it was:
   * `read` is the identity of the workbook as it was read (in-place writes);
   * otherwise the target must be as it was when the session began.
   * Returns the one-line reason when nothing was written.
   */
  commit(bytes: Uint8Array, read?: FileIdentity): Promise<string | undefined>;
  /** Releases the lock (always call it, in a finally). */
  release(): Promise<void>;
}

/**
 * Starts a write to `path` (`shown` as the user typed it): refuses at once a
 * target that is read-only or not a regular file, or that another run is
 * writing (the lock), and cleans up the temporary files interrupted runs left
 * beside it. Called before the workbook is read, so a refusal costs nothing
 * and a later save by someone else is caught by the identity check.
 */
export async function beginWrite(
  path: string,
  shown: string,
  inPlace: boolean,
): Promise<{ ok: true; session: WriteSession } | { ok: false; message: string }> {
  const target = await writeTarget(path);
  const early = await checkWritable(target);
  if (early !== undefined) return { ok: false, message: writeProblemMessage(early, shown, inPlace) };
  let lock: HeldLock;
  let tookOver: LockHolder | null | undefined;
  try {
    const got = await acquireLock(target);
    if (!got.ok) {
      const who =
        got.holder === undefined
          ? "another shared-apportion run"
          : `another shared-apportion run (process ${got.holder.pid} on ${got.holder.host}, since ${got.holder.since})`;
      return { ok: false, message: `${shown} is being written by ${who}, so nothing was written. Try again when it has finished.` };
    }
    lock = got.lock;
    if (got.tookOver !== undefined) tookOver = got.tookOver;
  } catch (e) {
    return { ok: false, message: writeProblemMessage({ kind: "io", code: (e as { code?: string }).code ?? "error" }, shown, inPlace) };
  }
  const notes: string[] = [];
  // A run that died without releasing its lock (killed, or out of memory) left it behind: say whose it was.
  if (tookOver !== undefined)
    notes.push(
      `note: ${shown} was locked by an earlier run that ended without finishing` +
        (tookOver === null ? "" : ` (process ${tookOver.pid} on ${tookOver.host}, started ${tookOver.since}, no longer running)`) +
        `; its lock was taken over.`,
    );
  let before: FileIdentity | undefined;
  try {
    const stale = await removeStaleTemps(target);
    if (stale.removed.length > 0)
      notes.push(
        `note: removed ${stale.removed.length} temporary file${stale.removed.length === 1 ? "" : "s"} left beside ${shown} by an ` +
          `interrupted run (${stale.removed.join(", ")}).`,
      );
    if (stale.inUse.length > 0)
      notes.push(
        `note: left ${stale.inUse.join(", ")} beside ${shown}: a running process owns ${stale.inUse.length === 1 ? "it" : "them"}.`,
      );
    before = inPlace ? undefined : await currentIdentity(target);
    const program = await openElsewhere(target);
    if (program !== undefined)
      notes.push(
        `note: ${shown} seems to be open in ${program} (its owner file is beside it); if it is, close it without saving, or ` +
          `${program}'s next save will replace these results.`,
      );
  } catch (e) {
    await lock.release();
    return { ok: false, message: writeProblemMessage({ kind: "io", code: (e as { code?: string }).code ?? "error" }, shown, inPlace) };
  }
  return {
    ok: true,
    session: {
      notes,
      commit: async (bytes, read) => {
        const done = await writeFileSafely(target, bytes, { identity: inPlace ? read : before });
        return done.ok ? undefined : writeProblemMessage(done.problem, shown, inPlace);
      },
      release: () => lock.release(),
    },
  };
}
