/**
 * Draws the extension's icons (a bookmark on a rounded square) as PNG files beside this script.
 * Run `node resources/extension/icons/make-icons.mjs` after changing the drawing; the PNGs are kept
 * in the repository so the extension loads without a build step.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BACKGROUND = [47, 93, 98];
const MARK = [250, 246, 236];
const SAMPLES = 4;

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Inside the rounded square, in unit coordinates (0..1). */
function inSquare(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** Inside the bookmark: a tall rectangle whose foot is notched in a V. */
function inBookmark(x, y) {
  const left = 0.32;
  const right = 0.68;
  if (x < left || x > right || y < 0.2 || y > 0.82) return false;
  const notch = 0.82 - 0.16 * (1 - Math.abs(x - 0.5) / (0.5 - left));
  return y <= notch;
}

function pixel(size, px, py) {
  let square = 0;
  let mark = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) / size;
      const y = (py + (sy + 0.5) / SAMPLES) / size;
      if (!inSquare(x, y)) continue;
      square++;
      if (inBookmark(x, y)) mark++;
    }
  }
  const total = SAMPLES * SAMPLES;
  if (square === 0) return [0, 0, 0, 0];
  const t = mark / square;
  const rgb = BACKGROUND.map((c, i) => Math.round(c * (1 - t) + MARK[i] * t));
  return [...rgb, Math.round((255 * square) / total)];
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) Buffer.from(pixel(size, x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
for (const size of SIZES) writeFileSync(join(here, `icon-${size}.png`), png(size));
