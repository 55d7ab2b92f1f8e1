import { installSignalCleanup } from "./fs/cleanup";
import { main } from "./main";

// A reader that goes away (`shared-apportion model.xlsx --no-write | head -1`) closes the pipe:
// the rest of the output has nowhere to go, which is not an error of this command. Without a
// listener Node throws EPIPE as an uncaught exception with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") process.exitCode = 74; // EX_IOERR: output could not be written
  });
}

// Ctrl+C or a scheduler's SIGTERM removes this run's temporary file and lock before exiting.
installSignalCleanup();

// The `shared-apportion` executable: run, then exit with the command's code.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode ??= code;
});
