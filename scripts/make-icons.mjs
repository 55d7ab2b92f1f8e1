// Generates the add-in icons (assets/icon-<size>.png): a teal rounded square with a
// white "S". Pure Node (zlib), no image libraries. Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Every size Microsoft lists for add-in command icons — 16, 32 and 80 required, 20, 24, 40, 48
// and 64 supported, so Office picks a sharp one at each display scaling
// (https://learn.microsoft.com/javascript/api/manifest/icon) — plus 128 for listings.
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const BACKGROUND = [0x00, 0x6e, 0x7a, 0xff]; // teal
const FOREGROUND = [0xff, 0xff, 0xff, 0xff];
const TRANSPARENT = [0, 0, 0, 0];

// 5 x 7 glyph for "S".
const GLYPH = ["01111", "10000", "10000", "01110", "00001", "00001", "11110"];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function pixel(size, x, y) {
  const radius = Math.max(2, Math.round(size / 8));
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2;
  if (x < radius && y < radius && inCorner(radius, radius)) return TRANSPARENT;
  if (x >= size - radius && y < radius && inCorner(size - radius - 1, radius)) return TRANSPARENT;
  if (x < radius && y >= size - radius && inCorner(radius, size - radius - 1)) return TRANSPARENT;
  if (x >= size - radius && y >= size - radius && inCorner(size - radius - 1, size - radius - 1)) {
    return TRANSPARENT;
  }
  const scale = Math.max(1, Math.floor((size * 0.6) / 7));
  const glyphW = 5 * scale;
  const glyphH = 7 * scale;
  const gx = Math.floor((size - glyphW) / 2);
  const gy = Math.floor((size - glyphH) / 2);
  const col = Math.floor((x - gx) / scale);
  const row = Math.floor((y - gy) / scale);
  if (x >= gx && y >= gy && col < 5 && row < 7 && GLYPH[row]?.[col] === "1") return FOREGROUND;
  return BACKGROUND;
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size * 4 + 1);
    raw[rowStart] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      Buffer.from(pixel(size, x, y)).copy(raw, rowStart + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(outDir, `icon-${size}.png`), png(size));
  console.log(`assets/icon-${size}.png`);
}
