import { inflateRawSync } from "node:zlib";

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** The size the entry says it inflates to. */
  readonly declaredSize: number;
  /** The CRC-32 the central directory gives for its unpacked bytes. */
  readonly crc: number;
  readonly localHeader: number;
}

/** Why a zip's sizes were refused. */
export type ZipSizeProblem =
  | { readonly kind: "unreadable" }
  | { readonly kind: "tooManyParts"; readonly parts: number }
  | { readonly kind: "tooLarge"; readonly part: string | undefined; readonly bytes: number }
  | { readonly kind: "lies"; readonly part: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The central directory of a zip, read from its end (without inflating anything); undefined if it cannot be found. */
export function zipEntries(b: Buffer): ZipEntry[] | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && b.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    if (z + 56 > b.length) return undefined;
    count = Number(b.readBigUInt64LE(z + 32));
    offset = Number(b.readBigUInt64LE(z + 48));
  }
  const out: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) return undefined;
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    let compressedSize = b.readUInt32LE(p + 20);
    let declaredSize = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let localHeader = b.readUInt32LE(p + 42);
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    // ZIP64: the real sizes are in the extra field (id 1), in this order, for each field that says 0xFFFFFFFF.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = b.readUInt16LE(e);
      const size = b.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        const next = (): number => {
          const v = Number(b.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (declaredSize === MAX32) declaredSize = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (localHeader === MAX32) localHeader = next();
      }
      e += 4 + size;
    }
    out.push({ name, method, compressedSize, declaredSize, crc, localHeader });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Checks a zip's sizes against `maxBytes` before anything parses it: the
 * number of parts, each part's declared size and their total, and then each
 * part's real inflated size (inflating with a cap, so a part that lies about
 * its size costs at most the cap). Memory stays within about `maxBytes`, the
 * parts it is asked to keep included.
 */
export function checkZipSizes(
  b: Buffer,
  maxBytes: number,
  maxParts: number,
  /** Where to keep the parts of at least `minBytes` as inflated here, by name, so they need not be inflated again. */
  keep?: { readonly minBytes: number; readonly parts: Map<string, Buffer> },
): ZipSizeProblem | undefined {
  let entries: ZipEntry[] | undefined;
  try {
    entries = zipEntries(b);
  } catch {
    entries = undefined;
  }
  if (entries === undefined) return { kind: "unreadable" };
  if (entries.length > maxParts) return { kind: "tooManyParts", parts: entries.length };
  let total = 0;
  for (const e of entries) {
    if (e.declaredSize > maxBytes) return { kind: "tooLarge", part: e.name, bytes: e.declaredSize };
    total += e.declaredSize;
    if (total > maxBytes) return { kind: "tooLarge", part: undefined, bytes: total };
  }
  for (const e of entries) {
    if (e.method !== 8 || e.declaredSize === 0) continue;
    try {
      if (e.localHeader + 30 > b.length || b.readUInt32LE(e.localHeader) !== LOCAL) return { kind: "unreadable" };
      const start = e.localHeader + 30 + b.readUInt16LE(e.localHeader + 26) + b.readUInt16LE(e.localHeader + 28);
      const data = b.subarray(start, start + e.compressedSize);
      const inflated = inflateRawSync(data, { maxOutputLength: e.declaredSize + 1 });
      if (inflated.length > e.declaredSize) return { kind: "lies", part: e.name };
      if (keep !== undefined && e.declaredSize >= keep.minBytes) keep.parts.set(e.name, inflated);
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return { kind: "lies", part: e.name };
      return { kind: "unreadable" };
    }
  }
  return undefined;
}
