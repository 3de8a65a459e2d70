// Draws public/favicon.png (48×48: a tab's 16 px at up to 3x) from
// assets/icon/favicon.svg with the machine's Chromium. Run it after
// changing the SVG: `node scripts/favicon.mjs`.
//
// Why a PNG: Chromium fetches the favicon again at every replaceState
// (a chart's state, the story's step), and an SVG favicon is a document of
// its own to parse and lay out each time: 24 to 30 ms of the main thread at
// 4x CPU slowdown on a step page's load, against 3 to 9 ms for a PNG.
// It is written with a palette, as the page budget needs: 397 bytes, where
// the browser's own PNG of it was 1.5 KB at 64 px (the SVG: 165 brotli).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, ROOT as root } from '../tests/e2e/browser.mjs';

const SIZE = 48;
const svg = fs.readFileSync(path.join(root, 'assets/icon/favicon.svg'), 'utf8');
const browser = await launch();
const page = await browser.newPage();
// The icon's pixels, straight (not premultiplied) RGBA, row by row.
const pixels = await page.evaluate(async ([svg, size]) => {
  const image = new Image();
  image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = new OffscreenCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, size, size);
  return [...ctx.getImageData(0, 0, size, size).data];
}, [svg, SIZE]);
await browser.close();

// Every pixel is the icon's blue, its white, or a blend of the two at
// some opacity: kept to LEVELS steps of each, the edges stay smooth and
// the palette small.
const LEVELS = 8;
const [BLUE, WHITE] = [[0x00, 0x72, 0xb2], [0xff, 0xff, 0xff]];
const step = (x) => Math.round(x * (LEVELS - 1)) / (LEVELS - 1);
const colours = new Map();
const indices = [];
for (let i = 0; i < pixels.length; i += 4) {
  const alpha = step(pixels[i + 3] / 255);
  const white = alpha === 0 ? 0 : step(pixels[i] / 255);
  const colour = BLUE.map((b, c) => Math.round(b + (WHITE[c] - b) * white));
  const key = [...colour, Math.round(alpha * 255)].join(',');
  if (!colours.has(key)) colours.set(key, colours.size);
  indices.push(colours.get(key));
}
if (colours.size > 256) throw new Error(`${colours.size} colours: too many for a palette`);
const rgba = [...colours.keys()].map((k) => k.split(',').map(Number));

const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([head, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 3, 0, 0, 0], 8); // 8-bit indices into a palette (4-bit ones deflated worse)
const rows = [];
for (let y = 0; y < SIZE; y++) rows.push(0, ...indices.slice(y * SIZE, (y + 1) * SIZE)); // filter: none
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('PLTE', Buffer.from(rgba.flatMap(([r, g, b]) => [r, g, b]))),
  chunk('tRNS', Buffer.from(rgba.map(([, , , a]) => a))),
  chunk('IDAT', zlib.deflateSync(Buffer.from(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(root, 'public/favicon.png'), png);
console.log(`public/favicon.png: ${SIZE}×${SIZE}, ${colours.size} colours, ${png.length} bytes`);
