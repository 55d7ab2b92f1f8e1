import { FakeDocument } from "./document";
import { FakeExcelError } from "./errors";

/** One queued command: what it does when the request runs, and its size on the wire. */
export interface Command {
  readonly bytes: number;
  run(): void;
}

/** A load: captures values when the request runs; they become readable only if the whole request succeeds. */
export interface LoadCommand {
  capture(): unknown;
  commit(captured: unknown): void;
}

/** A planned failure: at the given sync (1-based, counted over the fake's life), optionally after some commands of it have run. */
export interface InjectedFailure {
  readonly atSync: number;
  readonly afterCommands?: number;
  readonly code?: string;
}

/** What the fake counted. */
export interface FakeStats {
  /** `context.sync()` calls. */
  syncs: number;
  /** Request payload of each sync Excel accepted, in bytes. */
  readonly requestBytes: number[];
  /** Response payload of each sync Excel answered, in bytes. */
  readonly responseBytes: number[];
  /** Syncs refused because the request or the response was over the limit. */
  refused: number;
  /** How many syncs were preceded by `suspendApiCalculationUntilNextSync()` in the same request. */
  calcSuspendedSyncs: number;
}

/** UTF-8 length of a string. */
export function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes a value takes as JSON. */
export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8(JSON.stringify(v) ?? "");
}

/**
 * The request context: queues commands and loads, and runs them all on
 * `sync()`, in order, like Office.js. Enforces Excel on the web's payload
 * limits (a request or response over the limit fails whole), supports
 * injected failures (before a request, or part-way through it, leaving the
 * commands before the failure applied, as Excel does), and counts syncs.
 */
export class FakeContext {
  private commands: Command[] = [];
  private loads: LoadCommand[] = [];
  private calcSuspended = false;
  /** Proxies whose `isNullObject` the next sync settles. */
  private readonly nullChecks: (() => void)[] = [];

  constructor(
    readonly document: FakeDocument,
    readonly stats: FakeStats,
    readonly limits: { readonly request: number; readonly response: number },
    readonly failures: InjectedFailure[],
    /** Syncs (1-based, counted over the fake's life) that never answer (see {@link FakeExcel.hang}). */
    readonly hangs: ReadonlySet<number> = new Set(),
  ) {}

  /** Queues a command. */
  queue(command: Command): void {
    this.commands.push(command);
  }

  /** Queues a load. */
  queueLoad(load: LoadCommand): void {
    this.loads.push(load);
  }

  /** Queues the settling of a null-object check. */
  queueNullCheck(settle: () => void): void {
    this.nullChecks.push(settle);
  }

  /** Records `suspendApiCalculationUntilNextSync()`. */
  suspendCalculation(): void {
    this.calcSuspended = true;
  }

  /** Runs everything queued. */
  async sync(): Promise<void> {
    await Promise.resolve();
    const commands = this.commands;
    const loads = this.loads;
    const nulls = this.nullChecks.splice(0);
    this.commands = [];
    this.loads = [];
    const suspended = this.calcSuspended;
    this.calcSuspended = false;
    this.stats.syncs++;
    const n = this.stats.syncs;
    // Excel on the web sometimes never answers a sync: the promise neither resolves nor rejects and
    // nothing queued runs (office-js #6678, #6150, #4805: https://github.com/OfficeDev/office-js/issues/6678).
    if (this.hangs.has(n)) await new Promise<never>(() => undefined);
    const requestBytes = commands.reduce((a, c) => a + c.bytes, 0) + loads.length * 40;
    if (suspended) this.stats.calcSuspendedSyncs++;
    // Without delayForCellEdit, a batch sent while the user is typing in a cell fails
    // (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
    if (this.document.cellEdit)
      throw new FakeExcelError("InvalidOperationInCellEditMode", "The operation is not available while Excel is in cell edit mode.");
    const failure = this.failures.find((f) => f.atSync === n);
    if (failure !== undefined && failure.afterCommands === undefined)
      throw new FakeExcelError(failure.code ?? "GeneralException", `Injected failure at sync ${n}`);
    if (requestBytes > this.limits.request) {
      this.stats.refused++;
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    this.stats.requestBytes.push(requestBytes);
    commands.forEach((c, i) => {
      if (failure?.afterCommands === i)
        throw new FakeExcelError(failure.code ?? "GeneralException", `Injected failure at sync ${n} after ${i} commands`);
      c.run();
    });
    const captured = loads.map((l) => l.capture());
    for (const settle of nulls) settle();
    const responseBytes = captured.reduce<number>((a, c) => a + jsonBytes(c), 0);
    if (responseBytes > this.limits.response) {
      this.stats.refused++;
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
    this.stats.responseBytes.push(responseBytes);
    loads.forEach((l, i) => l.commit(captured[i]));
  }
}
