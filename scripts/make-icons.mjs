// Draws the application icon (a white house in a shield on the brand blue) and writes
// resources/icons/icon.png (512×512), icon-256.png and icon.ico (PNG-in-ICO, 256×256), which
// electron-builder uses for NSIS and the .deb. No image tools needed: pixels → zlib → PNG.
//   node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(dirname(fileURLToPath(import.meta.url))), 'resources', 'icons');
mkdirSync(out, { recursive: true });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const BLUE = [22, 119, 255, 255];
const WHITE = [255, 255, 255, 255];
const RED = [207, 19, 34, 255];
const CLEAR = [0, 0, 0, 0];

/** u,v in [0,1): rounded square, shield, house with a red door (the household kept safe). */
function pixel(u, v) {
  const r = 0.18;
  const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r) + 0.02);
  const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r) + 0.02);
  if (dx * dx + dy * dy > r * r) return CLEAR;
  const inShield = v > 0.16 && v < 0.86 && Math.abs(u - 0.5) < (v < 0.55 ? 0.3 : 0.3 * (1 - (v - 0.55) / 0.31));
  if (!inShield) return BLUE;
  const roof = v > 0.3 && v < 0.48 && Math.abs(u - 0.5) < (v - 0.3) * 1.15;
  const wall = v >= 0.48 && v < 0.7 && Math.abs(u - 0.5) < 0.17;
  const door = v >= 0.57 && v < 0.7 && Math.abs(u - 0.5) < 0.045;
  if (door) return RED;
  if (roof || wall) return BLUE;
  return WHITE;
}

const png512 = png(512, pixel);
const png256 = png(256, pixel);
writeFileSync(join(out, 'icon.png'), png512);
writeFileSync(join(out, 'icon-256.png'), png256);

// ICO with one PNG-compressed 256×256 image (Windows Vista and later read these).
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
const entry = Buffer.alloc(16);
entry.set([0, 0, 0, 0], 0); // 0 = 256 px wide/high, no palette
entry.writeUInt16LE(1, 4);
entry.writeUInt16LE(32, 6);
entry.writeUInt32LE(png256.length, 8);
entry.writeUInt32LE(6 + 16, 12);
writeFileSync(join(out, 'icon.ico'), Buffer.concat([header, entry, png256]));
console.log(`icons written to ${out}`);
