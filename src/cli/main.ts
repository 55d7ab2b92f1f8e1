import { resolve } from "node:path";
import { isUsageError, parseArgs, type Command, type UsageError } from "./args";
import { explainCommand } from "./explain-command";
import { helpText } from "./help";
import { findSoffice } from "./pdf-command";
import { progressBar, type ProgressSink } from "./progress";
import { runCommand } from "./run-command";
import { listSamples, writeSample } from "./sample-command";
import { EXIT, type Outcome } from "./outcome";
import { VERSION } from "../app";
import { DEFAULT_LIMITS } from "./xlsx/limits";

/** Where the command line reads and writes: stdout for results, stderr for messages and progress. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressSink;
  /** Folder relative paths are resolved against (default: the process's). */
  readonly cwd?: string;
  /** The clock the Run log records (default: the system's); tests fix it. */
  readonly now?: () => Date;
  /** Finds LibreOffice for `--pdf` (default: soffice or libreoffice on PATH); tests replace it. */
  readonly findSoffice?: () => string | undefined;
}

const NAME = "shared-apportion";

/**
 * The command line: parses `argv` (the arguments after the script), runs the
 * command and returns the exit code. It never throws and never prints a stack
 * trace: every failure is one line (or one line per problem, each with its
 * cell address) and a non-zero code.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let outcome: Outcome;
  try {
    outcome = await dispatch(parseArgs(argv), io);
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    outcome = { code: EXIT.internal, err: [`${NAME}: unexpected error: ${detail}`] };
  }
  for (const line of outcome.out ?? []) io.stdout.write(`${line}\n`);
  for (const line of outcome.err ?? []) io.stderr.write(`${line}\n`);
  return outcome.code;
}

async function dispatch(command: Command | UsageError, io: CliIo): Promise<Outcome> {
  if (isUsageError(command)) return { code: EXIT.usage, err: [`${NAME}: ${command.usage}`, `Run ${NAME} --help for usage.`] };
  const cwd = io.cwd ?? process.cwd();
  switch (command.kind) {
    case "help":
      return { code: EXIT.ok, out: [helpText().trimEnd()] };
    case "version":
      return { code: EXIT.ok, out: [VERSION] };
    case "listSamples":
      return listSamples(command.json);
    case "sample":
      return writeSample({ ...command, file: resolve(cwd, command.file) }, command.file);
    case "explain":
      return explainCommand({ ...command, path: resolve(cwd, command.file) });
    case "run": {
      const bar = progressBar(io.stderr, command.progress ?? io.stderr.isTTY === true);
      try {
        const limits = {
          unzippedMiB: command.maxUnzippedMiB ?? DEFAULT_LIMITS.unzippedMiB,
          tableCells: command.maxTableCells ?? DEFAULT_LIMITS.tableCells,
        };
        const extras = {
          ...(command.pdf === undefined ? {} : { pdfPath: resolve(cwd, command.pdf), soffice: (io.findSoffice ?? findSoffice)() }),
          ...(command.statements === undefined ? {} : { statementsPath: resolve(cwd, command.statements) }),
          ...(command.against === undefined ? {} : { against: command.against, againstPath: resolve(cwd, command.against) }),
          ...(command.journals === undefined ? {} : { journalsPath: resolve(cwd, command.journals) }),
          ...(command.invoices === undefined ? {} : { invoicesPath: resolve(cwd, command.invoices) }),
          ...(command.importActuals === undefined ? {} : { importActualsPath: resolve(cwd, command.importActuals) }),
          ...(command.importDrivers === undefined ? {} : { importDriversPath: resolve(cwd, command.importDrivers) }),
        };
        return await runCommand(
          {
            ...command,
            ...extras,
            limits,
            path: resolve(cwd, command.file),
            outPath: command.out === undefined ? undefined : resolve(cwd, command.out),
            ...(io.now === undefined ? {} : { now: io.now() }),
          },
          bar,
        );
      } finally {
        bar.finish();
      }
    }
  }
}

/** The real process's streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}
