import { mkdir, stat } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { currentIdentity, type FileIdentity } from "./file-identity";
import { nameBytes, NAME_MAX_BYTES } from "./file-names";
import { checkWritable, writeFileSafely, writeTarget, type WriteProblem } from "./safe-write";

/**
 * The one way the command line writes a file beside the workbook (the
 * committee pack, partner statements and their PDFs; CSV files to come):
 * every file is checked before any is written ({@link checkOutputs}), then
 * each is written through a temporary file beside it ({@link writeOutput}).
 * The workbook itself goes through the same {@link writeFileSafely}, under
 * its lock (`write-session.ts`).
 */

/** A file a run means to write. */
export interface OutputFile {
  /** Absolute path. */
  readonly path: string;
  /** As the user reads it in messages (as typed, or folder as typed + name). */
  readonly shown: string;
  /** The folder is created when missing (the statements' folder); otherwise a missing folder is refused. */
  readonly createFolder?: boolean;
}

/** A file the run must not write over: the model it reads, the workbook it writes. */
export interface Reserved {
  readonly path: string;
  readonly shown: string;
  /** What it is, in words: "the model", "the results workbook (--out)". */
  readonly what: string;
}

/** Why a file will not be written. Worded by {@link outputRefusalMessage}. */
export type OutputRefusal =
  | { readonly kind: "reserved"; readonly file: OutputFile; readonly reserved: Reserved }
  | { readonly kind: "twice"; readonly file: OutputFile; readonly other: OutputFile }
  | { readonly kind: "exists"; readonly file: OutputFile }
  | { readonly kind: "nameTooLong"; readonly file: OutputFile; readonly bytes: number }
  | { readonly kind: "folderNotFolder"; readonly file: OutputFile; readonly folder: string }
  | { readonly kind: "noFolder"; readonly file: OutputFile; readonly folder: string }
  | { readonly kind: "write"; readonly file: OutputFile; readonly problem: WriteProblem };

/** A file checked and allowed: where it goes, and what must still be there when it is written. */
export interface CheckedOutput {
  readonly file: OutputFile;
  /** The path to replace, symbolic links followed. */
  readonly target: string;
  /** The file as it was when checked (undefined: absent); a change since is never overwritten. */
  readonly expected: FileIdentity | undefined;
}

/** The device and inode of a path, or undefined when it does not exist. */
async function inode(path: string): Promise<string | undefined> {
  const s = await stat(path, { bigint: true }).catch(() => undefined);
  return s === undefined ? undefined : `${s.dev}:${s.ino}`;
}

/** The nearest existing ancestor of `folder` that is not a folder, if any (`--statements model.xlsx/out`). */
async function notAFolder(folder: string): Promise<string | undefined> {
  for (let f = folder; ; f = dirname(f)) {
    const s = await stat(f).catch(() => undefined);
    if (s !== undefined) return s.isDirectory() ? undefined : f;
    if (dirname(f) === f) return undefined;
  }
}

/**
 * Checks every file a run will write, before any is written, and returns all
 * the refusals at once: a file that is (or is a link or hard link to) the
 * model or the results workbook; two files of the run with one name; a name
 * longer than the file system allows; a folder that is a file; a target that
 * is read-only (by its permission bits, even for root) or not a regular file;
 * and an existing file, unless `force`.
 */
export async function checkOutputs(
  files: readonly OutputFile[],
  options: { readonly reserved: readonly Reserved[]; readonly force: boolean },
): Promise<{ ok: true; checked: CheckedOutput[] } | { ok: false; refusals: OutputRefusal[] }> {
  const refusals: OutputRefusal[] = [];
  const checked: CheckedOutput[] = [];
  const reserved = await Promise.all(
    options.reserved.map(async (r) => ({ r, target: await writeTarget(r.path), node: await inode(r.path) })),
  );
  const seen = new Map<string, OutputFile>();
  for (const file of files) {
    const bytes = nameBytes(basename(file.path));
    if (bytes > NAME_MAX_BYTES) {
      refusals.push({ kind: "nameTooLong", file, bytes });
      continue;
    }
    const folder = await notAFolder(dirname(file.path));
    if (folder !== undefined) {
      refusals.push({ kind: "folderNotFolder", file, folder });
      continue;
    }
    if (file.createFolder !== true && !(await stat(dirname(file.path)).catch(() => undefined))?.isDirectory()) {
      refusals.push({ kind: "noFolder", file, folder: dirname(file.path) });
      continue;
    }
    const target = await writeTarget(file.path);
    const node = await inode(target);
    const clash = reserved.find((x) => x.target === target || (node !== undefined && x.node === node));
    if (clash !== undefined) {
      refusals.push({ kind: "reserved", file, reserved: clash.r });
      continue;
    }
    // Compared without case: on Windows and macOS file systems the two would be one file.
    const key = node ?? target.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      refusals.push({ kind: "twice", file, other });
      continue;
    }
    seen.set(key, file);
    const problem = await checkWritable(target);
    if (problem !== undefined) {
      refusals.push({ kind: "write", file, problem });
      continue;
    }
    if (node !== undefined && !options.force) {
      refusals.push({ kind: "exists", file });
      continue;
    }
    try {
      checked.push({ file, target, expected: await currentIdentity(target) });
    } catch (e) {
      refusals.push({ kind: "write", file, problem: { kind: "io", code: (e as { code?: string }).code ?? "error" } });
    }
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, checked };
}

/**
 * Writes one checked file: its folder created if it may be, then the bytes to a
 * temporary file beside it, flushed and renamed over it only if the file is
 * still what it was when checked. Returns the problem when nothing was written.
 */
export async function writeOutput(out: CheckedOutput, bytes: Uint8Array): Promise<WriteProblem | undefined> {
  try {
    if (out.file.createFolder === true) await mkdir(dirname(out.target), { recursive: true });
  } catch (e) {
    return { kind: "io", code: (e as { code?: string }).code ?? "error" };
  }
  const done = await writeFileSafely(out.target, bytes, { identity: out.expected });
  return done.ok ? undefined : done.problem;
}
