import type { Stats } from "node:fs";

/**
 * True when the file's own permission bits say it is read-only for this
 * process, as Excel treats a read-only file: it refuses to save over it.
 * For an ordinary user that is the write bit of the class the user falls in
 * (owner, group, others), which is what the system checks. The superuser may
 * write anything, so for root (a scheduled job often runs as root) the file
 * counts as read-only when nobody has a write bit: a file someone set to 0444
 * or 0400 is meant to stay as it is. On Windows, Node maps the read-only
 * attribute to the write bits.
 */
export function isReadOnly(stats: Pick<Stats, "mode" | "uid" | "gid">): boolean {
  const mode = stats.mode;
  const uid = process.getuid?.();
  if (uid === undefined) return (mode & 0o200) === 0;
  if (uid === 0) return (mode & 0o222) === 0;
  if (stats.uid === uid) return (mode & 0o200) === 0;
  const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
  if (groups.has(stats.gid)) return (mode & 0o020) === 0;
  return (mode & 0o002) === 0;
}

/** What kind of thing a path is when it is not a regular file, in words. */
export function notAFileKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}
