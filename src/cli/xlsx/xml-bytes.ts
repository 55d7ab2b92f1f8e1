/**
 * XML written straight into a buffer as UTF-8, a character at a time: a statement of a large model is 27 MB of XML,
 * which made as JavaScript strings (a few for each cell, then joined and encoded) was most of what the garbage
 * collector had to do for it.
 */

/**
 * Large buffers let go by one statement for the next: 20 statements of a large model each made 50 MB of XML in fresh
 * buffers, and memory allocated outside the heap at that pace made V8 mark the whole heap (the model and its run,
 * hundreds of megabytes) once a statement.
 */
const spareBuffers: Buffer[] = [];

/** A buffer of at least `size` bytes (its contents are not cleared): a spare one if one is large enough. */
export function takeBuffer(size: number): Buffer {
  const i = spareBuffers.findIndex((b) => b.length >= size);
  if (i >= 0) return spareBuffers.splice(i, 1)[0]!;
  return Buffer.allocUnsafe(size);
}

/** Keeps a large buffer no longer used for the next {@link takeBuffer} (the two largest are kept). */
export function giveBuffer(b: Buffer): void {
  if (b.length < 1 << 20) return;
  spareBuffers.push(b);
  spareBuffers.sort((x, y) => y.length - x.length);
  spareBuffers.length = Math.min(spareBuffers.length, 2);
}

/**
 * A number as JavaScript writes it (`${v}`, the shortest text that reads back as it), made from whole pence where it
 * is a whole number of pence under £10,000,000,000,000: a statement's 100,000 charges are, and turning each double
 * into its shortest text cost more than the rest of its cell. Such a number has at most 15 significant digits, so its
 * shortest text is its decimal digits (15 digits always read back as the double they were read into).
 */
export function numberText(v: number): string {
  const p = Math.round(v * 100);
  if (p / 100 !== v || p === 0 || Math.abs(p) >= 1e15) return `${v}`;
  const a = Math.abs(p);
  const whole = Math.floor(a / 100);
  const cents = a - whole * 100;
  const sign = p < 0 ? "-" : "";
  if (cents === 0) return `${sign}${whole}`;
  return cents % 10 === 0 ? `${sign}${whole}.${cents / 10}` : `${sign}${whole}.${cents < 10 ? "0" : ""}${cents}`;
}

/** Bytes written into a buffer that grows as it fills (taken from, and given back to, the spare buffers). */
export class XmlBytes {
  private buf: Buffer;
  /** How many bytes are written; setting it back forgets what came after. */
  length = 0;

  /** `reserve` bytes are kept free at the start, to {@link put} something before what is written. */
  constructor(capacity: number, reserve = 0) {
    this.buf = takeBuffer(capacity + reserve);
    this.length = reserve;
  }

  /** Copies bytes in at the end. */
  append(data: Uint8Array): void {
    const b = this.room(data.length);
    b.set(data, this.length);
    this.length += data.length;
  }

  /** Copies short markup in at the end: a byte at a time under 16 bytes (cheaper than a native copy), else in one copy. */
  markup(src: Uint8Array): void {
    const n = src.length;
    const b = this.room(n);
    if (n < 16) {
      let at = this.length;
      for (let k = 0; k < n; k++) b[at++] = src[k]!;
    } else b.set(src, this.length);
    this.length += n;
  }

  /** Copies bytes in at `offset`, into room kept free there. */
  put(offset: number, data: Uint8Array): void {
    this.buf.set(data, offset);
  }

  private room(n: number): Buffer {
    if (this.length + n > this.buf.length) {
      const grown = takeBuffer(Math.max(this.length + n, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, this.length);
      giveBuffer(this.buf);
      this.buf = grown;
    }
    return this.buf;
  }

  /** Text of ASCII characters only (markup, digits, attribute values this module makes). */
  ascii(s: string): void {
    const b = this.room(s.length);
    let at = this.length;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.length = at;
  }

  /** Any text, encoded as UTF-8. */
  utf8(s: string): void {
    this.length += this.room(3 * s.length).write(s, this.length, "utf8");
  }

  /** A whole number from 0 to 2^53 in decimal digits. */
  int(n: number): void {
    if (n >= 0x7fffffff) {
      this.ascii(`${n}`);
      return;
    }
    // Row numbers and pounds: small integers, counted and written with integer division.
    const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : `${n}`.length;
    const b = this.room(digits);
    let at = this.length + digits;
    let t = n;
    do {
      const q = (t / 10) | 0;
      b[--at] = 48 + t - q * 10;
      t = q;
    } while (t > 0);
    this.length += digits;
  }

  /** A number as {@link numberText} writes it, from its whole pence where it can be. */
  number(v: number): void {
    const p = Math.round(v * 100);
    if (p / 100 !== v || p === 0 || Math.abs(p) >= 1e15) {
      this.ascii(`${v}`);
      return;
    }
    const a = Math.abs(p);
    const whole = Math.floor(a / 100);
    const cents = a - whole * 100;
    if (p < 0) this.ascii("-");
    this.int(whole);
    if (cents === 0) return;
    const b = this.room(3);
    b[this.length++] = 0x2e;
    if (cents % 10 === 0) b[this.length++] = 48 + cents / 10;
    else {
      b[this.length++] = 48 + Math.floor(cents / 10);
      b[this.length++] = 48 + (cents % 10);
    }
  }

  /**
   * Text as XML character data when none of it needs escaping (no `& < > " _`, control character, lone surrogate or
   * U+FFFE/U+FFFF), encoded as UTF-8; false, with nothing written, when some of it does.
   */
  plainText(s: string): boolean {
    const b = this.room(3 * s.length);
    const start = this.length;
    let at = start;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x5f) return false;
        b[at++] = c;
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        if ((c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return false;
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = at;
    return true;
  }

  /** Everything written. */
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  /** Gives its buffer back for the next statement (nothing it returned may be read after this). */
  release(): void {
    giveBuffer(this.buf);
    this.buf = Buffer.alloc(0);
    this.length = 0;
  }
}
