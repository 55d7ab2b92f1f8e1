import { StringDecoder } from "node:string_decoder";

/** About how much XML each piece holds (the last piece of a part may be shorter, a piece with a long tag longer). */
const PIECE_BYTES = 4 << 20;

/**
 * A part's XML as text a few megabytes at a time, each piece ending just before a `<`, so every whole tag is in one
 * piece (a tag's attributes cannot hold a raw `<`). A worksheet past V8's longest string (about 512 MiB: the
 * Allocations sheet of a 100,000-line model) is never made one string, so the checks that look for tags in a sheet
 * (its cells' addresses, its custom properties) read it whatever its size.
 */
export function* xmlPieces(data: Uint8Array): Generator<string> {
  const decoder = new StringDecoder("utf8");
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let carry = "";
  for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
    carry += decoder.write(bytes.subarray(at, Math.min(bytes.length, at + PIECE_BYTES)));
    const cut = carry.lastIndexOf("<");
    if (cut <= 0) continue;
    yield carry.slice(0, cut);
    carry = carry.slice(cut);
  }
  carry += decoder.end();
  if (carry !== "") yield carry;
}
