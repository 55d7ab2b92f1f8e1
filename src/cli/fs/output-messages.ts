import { NAME_MAX_BYTES } from "./file-names";
import type { OutputRefusal } from "./output-files";
import { ioCause } from "./safe-write";

/**
 * A refusal of `checkOutputs` as one line for the user: what, why, and what to
 * do. `written` lists the files already written when a file fails while the
 * run writes (undefined at the check, when nothing was written).
 */
export function outputRefusalMessage(r: OutputRefusal, written?: readonly string[]): string {
  const shown = r.file.shown;
  const left =
    written === undefined
      ? "nothing was written"
      : `it was not written${written.length === 0 ? "" : ` (written before it: ${written.join(", ")})`}`;
  switch (r.kind) {
    case "reserved":
      return `${shown} would replace ${r.reserved.what} (${r.reserved.shown}); ${left}. Choose another name or folder.`;
    case "twice":
      return `${shown} and ${r.other.shown} would be the same file; ${left}. Choose different names.`;
    case "exists":
      return `${shown} already exists; ${left}. Add --force to replace it, or choose another name or folder.`;
    case "nameTooLong":
      return (
        `${shown}: the name is ${r.bytes} bytes long, more than the ${NAME_MAX_BYTES} a file system allows; ${left}. ` +
        `Choose a shorter name.`
      );
    case "noFolder":
      return `${shown} cannot be written: its folder ${r.folder} does not exist; ${left}.`;
    case "folderNotFolder":
      return `${shown} cannot be written: ${r.folder} is a file, not a folder; ${left}.`;
    case "write":
      switch (r.problem.kind) {
        case "readOnly":
          return `${shown} is read-only (its permissions do not allow writing); ${left}. Make it writable, or choose another name.`;
        case "notAFile":
          return `${shown} is not a file (it is ${r.problem.what}); ${left}. Choose the name of a file.`;
        case "changed":
          return `${shown} was changed by someone else while this run was working; ${left}. Run again.`;
        case "io":
          return `cannot write ${shown}: ${ioCause(r.problem.code)}; ${left}.`;
      }
  }
}
