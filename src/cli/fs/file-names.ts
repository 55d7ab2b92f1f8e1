import { createHash } from "node:crypto";
import { extname } from "node:path";

/**
 * The longest file name (one path component) the file systems a council
 * keeps its files on allow, in bytes of UTF-8: 255 on ext4, XFS, Btrfs, APFS
 * and (in UTF-16 units, which is never fewer) NTFS and SMB shares.
 */
export const NAME_MAX_BYTES = 255;

/**
 * The longest name this tool gives a file it names itself (a partner's
 * statement): short enough that its temporary file (`.<name>.<pid>.<hex>.tmp`,
 * 22 bytes more) still fits {@link NAME_MAX_BYTES}.
 */
export const GENERATED_NAME_BYTES = NAME_MAX_BYTES - 32;

/** The length of `name` in bytes, as the file system counts it. */
export function nameBytes(name: string): number {
  return Buffer.byteLength(name, "utf8");
}

/** Eight hex digits identifying `text`: two long names that differ only after the cut stay different. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 8);
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const n = nameBytes(ch);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * `name` if it fits `maxBytes`, else the same name shortened deterministically:
 * the part before the extension cut, followed by `~` and a hash of the whole
 * name, the extension kept. The same name always gives the same result, so a
 * rerun finds (and cleans up after) the files an earlier run made.
 */
export function fitName(name: string, maxBytes: number): string {
  if (nameBytes(name) <= maxBytes) return name;
  const ext = extname(name).length <= 8 ? extname(name) : "";
  const stem = name.slice(0, name.length - ext.length);
  return `${cutToBytes(stem, maxBytes - nameBytes(ext) - 9)}~${shortHash(name)}${ext}`;
}
