/** Where progress goes: a writable stream and whether it is a terminal. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** A progress bar on one terminal line, redrawn in place; silent when disabled. */
export interface ProgressBar {
  /** Shows `done` of `total` for a step. */
  update(label: string, done: number, total: number): void;
  /** Clears the line. */
  finish(): void;
}

const WIDTH = 30;

/**
 * A progress bar on `sink` (stderr), drawn only when `enabled` (by default
 * when the sink is a terminal), so pipes and logs never receive control
 * characters and stdout stays clean for `--json`.
 */
export function progressBar(sink: ProgressSink, enabled: boolean = sink.isTTY === true): ProgressBar {
  let drawn = false;
  let last = "";
  return {
    update(label, done, total) {
      if (!enabled) return;
      const frac = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
      const filled = Math.round(frac * WIDTH);
      const line = `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.round(frac * 100)}%`;
      if (line === last) return;
      last = line;
      const max = Math.max(20, (sink.columns ?? 80) - 1);
      sink.write(`\r${line.slice(0, max).padEnd(Math.min(max, Math.max(line.length, last.length)))}`);
      drawn = true;
    },
    finish() {
      if (drawn) sink.write("\r\x1b[2K");
      drawn = false;
      last = "";
    },
  };
}
