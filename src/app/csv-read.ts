import { parse } from "csv-parse/browser/esm";
import { Sha256 } from "./sha256";

/**
 * Reading a CSV export from a ledger or an operational system, as finance
 * officers get them: with or without a byte-order mark, in UTF-8 or in
 * Windows-1252 (what Excel's "CSV" saves on a UK Windows PC), quoted or not.
 * The parser is csv-parse, used through its streaming interface: the file is
 * fed to it a chunk at a time and each record is handed on as it is parsed,
 * so a 200,000-row export never sits in memory as one string.
 */

/** The bytes of a file, a chunk at a time; called again if the file must be read a second time. */
export type ByteSource = () => AsyncIterable<Uint8Array>;

/** How far reading has got: for a progress bar on a large file. */
export interface CsvProgress {
  readonly bytes: number;
  /** The file's size, when known. */
  readonly totalBytes: number | undefined;
  readonly records: number;
}

/** A record of the file: its fields and the file line it starts on (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** What the file turned out to be. */
export interface CsvReadInfo {
  readonly encoding: "utf-8" | "windows-1252";
  readonly bom: boolean;
  readonly bytes: number;
  readonly records: number;
}

/** A file the parser could not read (a quote never closed, say), at a line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A source reading a whole byte array, in chunks of 64 KiB (what a file stream gives). */
export function bytesSource(bytes: Uint8Array, chunk = 65_536): ByteSource {
  return async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, Math.min(bytes.length, i + chunk));
  };
}

/**
 * A source that hashes what it hands on: `hex()` is the SHA-256 of the last complete reading. Each reading (a second
 * one when the file turns out not to be UTF-8) hashes the file afresh, so the digest is of the file once.
 */
export function hashedSource(source: ByteSource): { readonly source: ByteSource; readonly hex: () => string } {
  let hash = new Sha256();
  return {
    source: async function* () {
      hash = new Sha256();
      for await (const chunk of source()) {
        hash.update(chunk);
        yield chunk;
      }
    },
    hex: () => hash.hex(),
  };
}

class NotUtf8 extends Error {}

/**
 * Reads every record of a CSV file, handing each to `onRecord` in order.
 * UTF-8 is tried first; bytes that are not UTF-8 mean the file is
 * Windows-1252, and it is read again from the start as that. Records before
 * the first such byte were handed on already, so `onRestart` tells the
 * caller to forget them before they come again.
 */
export async function readCsv(
  source: ByteSource,
  onRecord: (r: CsvRecord) => void,
  options: {
    readonly totalBytes?: number;
    readonly onProgress?: (p: CsvProgress) => void;
    readonly onRestart?: () => void;
  } = {},
): Promise<CsvReadInfo> {
  try {
    return await readAs("utf-8", source, onRecord, options);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    options.onRestart?.();
    return readAs("windows-1252", source, onRecord, options);
  }
}

async function readAs(
  encoding: "utf-8" | "windows-1252",
  source: ByteSource,
  onRecord: (r: CsvRecord) => void,
  options: { readonly totalBytes?: number; readonly onProgress?: (p: CsvProgress) => void },
): Promise<CsvReadInfo> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: false });
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, bom: false });
  let records = 0;
  let bytes = 0;
  let bom = false;
  let failure: unknown;
  parser.on("readable", () => {
    let r: { record: string[]; info: { lines: number; raw?: string } } | null;
    while ((r = parser.read() as typeof r) !== null) {
      records++;
      try {
        // info.lines is the line the record ends on; a quoted field with line breaks starts it earlier.
        onRecord({ line: r.info.lines - lineBreaks(r.record), fields: r.record });
      } catch (e) {
        failure ??= e;
      }
    }
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", (e: Error & { lines?: number }) => reject(new CsvSyntaxError(e.lines ?? 0, e.message)));
  });
  let nextReport = 0;
  let first = true;
  try {
    for await (const chunk of source()) {
      if (first) {
        bom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
        first = false;
      }
      bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new NotUtf8();
      }
      if (!parser.write(text)) await new Promise((r) => parser.once("drain", r));
      if (failure !== undefined) throw failure;
      if (options.onProgress !== undefined && bytes >= nextReport) {
        options.onProgress({ bytes, totalBytes: options.totalBytes, records });
        nextReport = bytes + 1_048_576;
      }
    }
    try {
      const rest = decoder.decode();
      if (rest !== "") parser.write(rest);
    } catch {
      throw new NotUtf8();
    }
  } catch (e) {
    // The parser is left unfinished: nothing more is written to it, and its records are not handed on.
    failure ??= e;
    throw e;
  }
  parser.end();
  await done;
  if (failure !== undefined) throw failure;
  options.onProgress?.({ bytes, totalBytes: options.totalBytes, records });
  return { encoding, bom, bytes, records };
}

function lineBreaks(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf("\n"); i !== -1; i = f.indexOf("\n", i + 1)) n++;
  return n;
}
