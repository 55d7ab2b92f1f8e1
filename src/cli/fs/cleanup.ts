import { unlinkSync } from "node:fs";

/** Files to delete if the process is interrupted (temporary files being written, write locks), each with an optional guard. */
const pending = new Map<string, (() => boolean) | undefined>();
let installed = false;

/**
 * Registers a file to delete if the process is stopped by SIGINT, SIGTERM or
 * SIGHUP before it is done with it. Returns the function that unregisters it
 * (call it once the file is renamed into place or deleted). `onlyIf`, checked
 * synchronously at the signal, keeps a file that may not be this process's
 * (a lock it was about to take) from being deleted.
 */
export function removeOnSignal(path: string, onlyIf?: () => boolean): () => void {
  pending.set(path, onlyIf);
  return () => {
    pending.delete(path);
  };
}

/** Other things to undo at a signal: child processes to end (LibreOffice converting). */
const actions = new Set<() => void>();

/**
 * Registers `action` to run (synchronously) if the process is stopped by a
 * signal {@link installSignalCleanup} handles; returns the function that
 * unregisters it.
 */
export function onSignal(action: () => void): () => void {
  actions.add(action);
  return () => {
    actions.delete(action);
  };
}

/** Deletes every registered file now (synchronously: a signal handler has no later), after running the registered actions. */
export function removePending(): void {
  for (const action of actions) {
    try {
      action();
    } catch {
      // Best effort: the files still get deleted.
    }
  }
  actions.clear();
  for (const [path, onlyIf] of pending) {
    try {
      if (onlyIf === undefined || onlyIf()) unlinkSync(path);
    } catch {
      // Already renamed into place or removed.
    }
  }
  pending.clear();
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Makes SIGINT (Ctrl+C), SIGTERM (a scheduler stopping the job) and SIGHUP
 * (a closed terminal) delete the temporary files and locks registered with
 * {@link removeOnSignal}, then exit with the shell's code for the signal
 * (128 + its number). Without this Node exits at once and leaves them behind.
 * The workbook itself needs nothing: it is only ever replaced by a rename,
 * which either happened or did not.
 */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  for (const [signal, n] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      removePending();
      process.exit(128 + n);
    });
  }
}
