import { createHash } from "node:crypto";
import type { BigIntStats } from "node:fs";
import { open } from "node:fs/promises";

/**
 * What a file was when it was read: enough to tell, just before replacing it,
 * whether someone has saved over it since (size, modification time, inode and
 * a SHA-256 of its bytes; the hash catches a save that keeps size and time).
 */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly sha256: string;
}

const same = (a: BigIntStats, b: BigIntStats): boolean =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;

/**
 * Reads a whole file and its identity through one open file, so the bytes and
 * the identity belong together. A file that changes while it is being read is
 * read again (once); `maxBytes` guards memory before anything is read.
 */
export async function readWithIdentity(
  path: string,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Promise<{ bytes: Buffer; identity: FileIdentity } | { tooLarge: bigint }> {
  for (let attempt = 0; ; attempt++) {
    const handle = await open(path, "r");
    try {
      const before = await handle.stat({ bigint: true });
      if (before.size > BigInt(maxBytes)) return { tooLarge: before.size };
      const bytes = await handle.readFile();
      const after = await handle.stat({ bigint: true });
      if (same(before, after) && BigInt(bytes.length) === after.size) return { bytes, identity: identityOf(after, bytes) };
      if (attempt > 0) return { bytes, identity: identityOf(after, bytes) };
    } finally {
      await handle.close();
    }
  }
}

function identityOf(s: BigIntStats, bytes: Buffer): FileIdentity {
  return { dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The file's identity now, or undefined when it does not exist. */
export async function currentIdentity(path: string): Promise<FileIdentity | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (e) {
    if ((e as { code?: string }).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const s = await handle.stat({ bigint: true });
    return identityOf(s, await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** True when two identities are the same file with the same contents and time. */
export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.sha256 === b.sha256;
}
