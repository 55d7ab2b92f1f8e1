import { once } from "node:events";
import { crc32 as nodeCrc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** One part of a package: its path in the zip and its bytes, or ({@link packPart}) its bytes compressed already. */
export type PackagePart = { readonly name: string; readonly data: Uint8Array } | PackedPart;

/** A part compressed as it was made ({@link packPart}), so its unpacked bytes were never held whole. */
export interface PackedPart {
  readonly name: string;
  readonly packed: Buffer;
  /** Its unpacked size and CRC-32. */
  readonly size: number;
  readonly crc: number;
}

let table: Uint32Array | undefined;

/**
 * CRC-32 (the zip one), continued from `prev` (the CRC of what came before): Node's own where it has it (20.15 and
 * later), else a table-driven loop.
 */
export function crc32(data: Uint8Array, prev = 0): number {
  if (typeof nodeCrc32 === "function") return nodeCrc32(data, prev) >>> 0;
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A part compressed as its pieces come (a large sheet's XML, made a megabyte at a time), at the level
 * {@link zipPackage} would use for it: the pieces are let go as they are compressed. A piece need stay as it is only
 * until the next-but-one is asked for.
 */
export async function packPart(name: string, pieces: Iterable<Buffer>): Promise<PackedPart> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const ended = once(deflate, "end");
  let crc = 0;
  let size = 0;
  // One piece is compressed while the next is made; a piece's bytes may be reused once the next-but-one is asked for
  // (rowsPieces writes them into two buffers in turn), so each is compressed before then.
  let previous: Promise<void> = Promise.resolve();
  for (const piece of pieces) {
    crc = crc32(piece, crc);
    size += piece.length;
    const compressed = new Promise<void>((resolve, reject) => deflate.write(piece, (e) => (e ? reject(e) : resolve())));
    await previous;
    previous = compressed;
  }
  await previous;
  deflate.end();
  await ended;
  return { name, packed: Buffer.concat(out), size, crc };
}

/** Parts larger than this are compressed at the fastest level. */
const FAST_ABOVE = 4_000_000;

/** 1 January 1980, 00:00, the earliest date a zip entry can carry: the same bytes for the same content. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip file of the parts, each compressed with Node's native deflate
 * (level 6, as Excel's own files are; level 1 for a part over 4 MB, which
 * is a 70 MB sheet for a large model): the .xlsx package as bytes. Written
 * here rather than by a JavaScript deflate because a large model's package
 * is 100 MB of XML, which that takes seconds to compress and Node's zlib a
 * fraction of it. Plain zip (no zip64): a part or the whole file past 4 GB
 * is refused, which no worksheet within Excel's limits reaches.
 */
export function zipPackage(parts: readonly PackagePart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const { crc, size, stored, body } = "packed" in part ? { ...part, stored: false, body: part.packed } : pack(part.data);
    if (size > 0xfffffffe || offset > 0xfffffffe)
      throw new RangeError(`the workbook is too large to write as one .xlsx file (part ${part.name})`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  if (parts.length > 0xffff) throw new RangeError("the workbook has too many parts to write as one .xlsx file");
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** A part's bytes compressed (or stored, when deflate would not shrink them: tiny parts, already-compressed images). */
function pack(data: Uint8Array): { crc: number; size: number; stored: boolean; body: Buffer } {
  // Level 6 as Excel's own files; the fastest level for a large sheet (a few more bytes, a quarter of the time).
  // Its output in a few large pieces rather than 16 kB ones (a large sheet packs to a tenth of its size, or less).
  const chunkSize = Math.max(1 << 14, Math.min(1 << 25, Math.ceil(data.length / 8)));
  const packed = deflateRawSync(data, { level: data.length > FAST_ABOVE ? 1 : 6, chunkSize });
  const stored = packed.length >= data.length;
  return {
    crc: crc32(data),
    size: data.length,
    stored,
    body: stored ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : packed,
  };
}
