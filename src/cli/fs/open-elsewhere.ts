import { access } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Programs that leave an owner file beside a workbook they have open, and the names they use. */
const OWNER_FILES: readonly [string, (name: string) => readonly string[]][] = [
  // Excel: "~$" + the name, or with its first two characters replaced for longer names.
  ["Excel", (name) => [`~$${name}`, `~$${name.slice(2)}`]],
  ["LibreOffice", (name) => [`.~lock.${name}#`]],
];

/**
 * The program that seems to have `target` open, from the owner file it keeps
 * beside it, or undefined. Such a program may save its own copy over the
 * results later. Owner files can also be left behind by a crash, so this is a
 * warning, never a refusal.
 */
export async function openElsewhere(target: string): Promise<string | undefined> {
  const name = basename(target);
  for (const [program, names] of OWNER_FILES) {
    for (const n of names(name)) {
      try {
        await access(join(dirname(target), n));
        return program;
      } catch {
        // not there
      }
    }
  }
  return undefined;
}
