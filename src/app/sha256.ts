/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as 64 lowercase hex digits.
 * Written out here because the fingerprint must be computed the same way,
 * synchronously, in Excel's task pane (where Web Crypto is asynchronous and
 * may be missing), the browser preview and Node; the tests check it against
 * Node's own implementation.
 */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Pad: the bytes, 0x80, zeros, then the length in bits as a 64-bit big-endian number.
  const total = Math.ceil((bytes.length + 9) / 64) * 64;
  const data = new Uint8Array(total);
  data.set(bytes);
  data[bytes.length] = 0x80;
  const bits = bytes.length * 8;
  const view = new DataView(data.buffer);
  view.setUint32(total - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(total - 4, bits >>> 0);
  const h = [...H0];
  const w = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) compress(h, view, off, w);
  return h.map((x) => x.toString(16).padStart(8, "0")).join("");
}

/** One 64-byte block of `view` at `off` into the state `h` (FIPS 180-4 §6.2.2); `w` is scratch space. */
function compress(h: number[], view: DataView, off: number, w: Uint32Array): void {
  for (let t = 0; t < 16; t++) w[t] = view.getUint32(off + t * 4);
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15] as number;
    const b = w[t - 2] as number;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) >>> 0;
  }
  let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
  for (let t = 0; t < 64; t++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) >>> 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  const next = [a, b, c, d, e, f, g, hh];
  for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (next[i] as number)) >>> 0;
}

/**
 * SHA-256 of bytes that arrive a chunk at a time (a file being imported), so
 * a large file is hashed as it is read rather than held whole. Gives what
 * {@link sha256Hex} gives for the same bytes.
 */
export class Sha256 {
  private readonly h = [...H0];
  private readonly w = new Uint32Array(64);
  private readonly block = new Uint8Array(64);
  private readonly view = new DataView(this.block.buffer);
  private filled = 0;
  private length = 0;

  /** Adds bytes. */
  update(bytes: Uint8Array): void {
    this.length += bytes.length;
    let i = 0;
    while (i < bytes.length) {
      const n = Math.min(64 - this.filled, bytes.length - i);
      this.block.set(bytes.subarray(i, i + n), this.filled);
      this.filled += n;
      i += n;
      if (this.filled === 64) {
        compress(this.h, this.view, 0, this.w);
        this.filled = 0;
      }
    }
  }

  /** The digest as 64 lowercase hex digits; the hasher is finished. */
  hex(): string {
    const bits = this.length * 8;
    this.block[this.filled++] = 0x80;
    if (this.filled > 56) {
      this.block.fill(0, this.filled);
      compress(this.h, this.view, 0, this.w);
      this.filled = 0;
    }
    this.block.fill(0, this.filled);
    this.view.setUint32(56, Math.floor(bits / 0x1_0000_0000));
    this.view.setUint32(60, bits >>> 0);
    compress(this.h, this.view, 0, this.w);
    return this.h.map((x) => x.toString(16).padStart(8, "0")).join("");
  }
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

// The first 32 bits of the fractional parts of the square roots of the first 8 primes (FIPS 180-4 §5.3.3).
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
