import { constants } from "node:fs";
import { open, realpath, rename, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { removeOnSignal } from "./cleanup";
import { currentIdentity, sameIdentity, type FileIdentity } from "./file-identity";
import { isReadOnly, notAFileKind } from "./permissions";
import { tempPath } from "./temp-files";

/** Why a file was not written. The target was left exactly as it was in every case. */
export type WriteProblem =
  | { readonly kind: "readOnly" }
  | { readonly kind: "notAFile"; readonly what: string }
  | { readonly kind: "changed" }
  | { readonly kind: "io"; readonly code: string };

/** Where a write goes: the path to replace, after following symbolic links. */
export async function writeTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    // A new file (or a dangling link, which the rename will replace).
    return path;
  }
}

/**
 * Checks that `target` may be replaced: it is absent, or a regular file whose
 * permission bits allow writing (see {@link isReadOnly}). Done before the
 * work, so a read-only workbook is refused before anything is computed, and
 * again just before the rename.
 */
export async function checkWritable(target: string): Promise<WriteProblem | undefined> {
  let s;
  try {
    s = await stat(target);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "error";
    return code === "ENOENT" ? undefined : { kind: "io", code };
  }
  const what = notAFileKind(s);
  if (what !== undefined) return { kind: "notAFile", what };
  return isReadOnly(s) ? { kind: "readOnly" } : undefined;
}

/** What the target must still be for the write to go ahead: `undefined` identity means "must still not exist". */
export interface Expected {
  readonly identity: FileIdentity | undefined;
}

/**
 * Replaces `target` (already resolved by {@link writeTarget}) with `bytes`
 * without ever leaving it half-written: the bytes go to a hidden temporary
 * file beside it, created with the target's permissions (and owner, when
 * running as root) before any byte is written, flushed to disk, then renamed
 * over the target. Just before the rename the target is checked against
 * `expected` (size, time and hash), so a save someone made meanwhile is never
 * lost. The temporary file is deleted on failure and if the process is
 * interrupted. Never throws: problems come back as values.
 */
export async function writeFileSafely(
  target: string,
  bytes: Uint8Array,
  expected?: Expected,
): Promise<{ ok: true } | { ok: false; problem: WriteProblem }> {
  const refused = await checkWritable(target);
  if (refused !== undefined) return { ok: false, problem: refused };
  let original;
  try {
    original = await stat(target);
  } catch {
    original = undefined;
  }
  const tmp = tempPath(target);
  const forget = removeOnSignal(tmp);
  try {
    // 0o666 for a new file, as any program creates one (the umask applies); an existing
    // workbook's own mode otherwise, set before a byte is written so nobody can read it meanwhile.
    const handle = await open(
      tmp,
      constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
      original === undefined ? 0o666 : original.mode & 0o600,
    );
    try {
      if (original !== undefined) {
        if (process.getuid?.() === 0 && (original.uid !== 0 || original.gid !== 0))
          await handle.chown(original.uid, original.gid).catch(() => undefined);
        await handle.chmod(original.mode & 0o7777);
      }
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (expected !== undefined && !sameIdentity(await currentIdentity(target), expected.identity)) {
      await unlink(tmp).catch(() => undefined);
      return { ok: false, problem: { kind: "changed" } };
    }
    const late = await checkWritable(target);
    if (late !== undefined) {
      await unlink(tmp).catch(() => undefined);
      return { ok: false, problem: late };
    }
    await rename(tmp, target);
    await syncFolder(dirname(target));
    return { ok: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { ok: false, problem: { kind: "io", code: (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e)) } };
  } finally {
    forget();
  }
}

/** Flushes a folder's entry list, so the rename itself survives a power cut (not possible on every system). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const h = await open(folder, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Windows cannot open folders; the rename is still atomic.
  }
}

/** A write problem as one line for the user; `shown` is the path as typed. */
export function writeProblemMessage(p: WriteProblem, shown: string, inPlace: boolean): string {
  const left = inPlace ? "the workbook was left as it was" : "nothing was written";
  switch (p.kind) {
    case "readOnly":
      return (
        `${shown} is read-only (its permissions do not allow writing), so it was not changed. Make it writable, or write ` +
        `the results to a copy with --out <copy.xlsx>.`
      );
    case "notAFile":
      return `${shown} is not a file (it is ${p.what}), so nothing was written; give the name of a workbook file.`;
    case "changed":
      return (
        `${shown} was changed by someone else while this run was working (saved or replaced), so it was not overwritten and ` +
        `their changes are kept. Run again to use the new version.`
      );
    case "io":
      return `cannot write ${shown}: ${ioCause(p.code)}; ${left}.`;
  }
}

/** What the system's error code means, in words, with the code kept for whoever looks it up. */
export function ioCause(code: string): string {
  const words: Readonly<Record<string, string>> = {
    ENAMETOOLONG: "its name (or its folder's path) is longer than the file system allows",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the file system is read-only",
    EACCES: "permission denied",
    EPERM: "the system does not allow it",
    ENOENT: "its folder does not exist",
    ENOTDIR: "part of its path is a file, not a folder",
    EISDIR: "it is a folder",
    EBUSY: "it is in use",
    EXDEV: "its temporary file ended up on another file system",
  };
  const said = words[code];
  return said === undefined ? code : `${said} (${code})`;
}
