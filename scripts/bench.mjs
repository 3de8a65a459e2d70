// `make bench`: what a reader downloads, how fast the chart redraws, and what
// Lighthouse says, for the release build in dist/. Prints a table and writes
// bench/results.json. Figures, not pass/fail: budgets live in the tests.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { start, openPage, mounted, drawn, FIGURES, DIST, ROOT } from '../tests/e2e/browser.mjs';

const KB = (n) => (n / 1024).toFixed(1);
const results = { date: new Date().toISOString(), sizes: {}, redraw: {}, lighthouse: {} };

// 1. Sizes: every asset, raw, gzip -9 and brotli -11, and the first view of a step page.
const sizeOf = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const assets = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
for (const f of assets) results.sizes[f] = sizeOf(fs.readFileSync(path.join(DIST, f)));
const page = 'round-one/security-markers/index.html';
results.sizes[page] = sizeOf(fs.readFileSync(path.join(DIST, page)));
const firstView = Object.values(results.sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
results.firstView = firstView;
console.log('\nAsset sizes (KB)');
console.table(Object.fromEntries(Object.entries({ ...results.sizes, 'first view (total)': firstView }).map(([k, s]) => [k, { raw: KB(s.raw), gzip: KB(s.gzip), brotli: KB(s.brotli) }])));

// 2. Chart redraw time in Chromium at devicePixelRatio 2, as the app measures
//    each draw (data-draw-ms on the canvas): selection changes and resizes.
const env = await start();
const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
for (const [kind, step] of Object.entries(FIGURES)) {
  const { page: tab, context } = await openPage(env.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  await tab.goto(`${env.url}${step}`);
  await mounted(tab);
  await drawn(tab);
  const draws = () => tab.$eval('.chart-canvas', (c) => [Number(c.dataset.draws), Number(c.dataset.drawMs)]);
  const samples = { selection: [], resize: [] };
  await tab.focus('.chart-canvas');
  // Walk the items back and forth: a key that would leave the chart's
  // items changes nothing, so nothing would be redrawn.
  const count = await tab.$$eval('.data-table tbody tr', (rows) => rows.length);
  let at = -1;
  let dir = 1;
  for (let i = 0; i < 120; i++) {
    if (at + dir >= count || at + dir < 0) dir = -dir;
    at += dir;
    const [n] = await draws();
    await tab.keyboard.press(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
    await tab.waitForFunction((n) => Number(document.querySelector('.chart-canvas').dataset.draws) > n, n);
    samples.selection.push((await draws())[1]);
  }
  for (let i = 0; i < 200; i++) {
    const [n] = await draws();
    await tab.setViewportSize({ width: 1000 + (i % 2) * 280, height: 900 });
    await tab.waitForFunction((n) => Number(document.querySelector('.chart-canvas').dataset.draws) > n, n);
    samples.resize.push((await draws())[1]);
  }
  for (const [k, xs] of Object.entries(samples)) {
    results.redraw[`${kind} ${k}`] = { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) };
  }
  await context.close();
}
console.log('\nChart redraw at devicePixelRatio 2 (ms); goal: p95 at or under 4 ms');
console.table(Object.fromEntries(Object.entries(results.redraw).map(([k, r]) => [k, { n: r.n, p50: r.p50.toFixed(2), p95: r.p95.toFixed(2), max: r.max.toFixed(2) }])));

// 3. Lighthouse 12, mobile and desktop presets, on representative pages.
const lh = path.join(ROOT, 'tools/bench/node_modules/.bin/lighthouse');
if (fs.existsSync(lh) && !process.env.SKIP_LIGHTHOUSE) {
  for (const p of ['/', '/round-one/security-markers/', '/sources/']) {
    for (const preset of ['mobile', 'desktop']) {
      const out = path.join(ROOT, 'bench', `lh-${preset}-${p.replace(/\//g, '_') || 'cover'}.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      // Asynchronously: the static server runs in this process and must keep serving.
      await promisify(execFile)(lh, [
        env.url + p, '--quiet', '--output=json', `--output-path=${out}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, timeout: 180_000 });
      const r = JSON.parse(fs.readFileSync(out, 'utf8'));
      const score = (c) => Math.round((r.categories[c]?.score ?? 0) * 100);
      results.lighthouse[`${preset} ${p}`] = {
        performance: score('performance'), accessibility: score('accessibility'),
        'best-practices': score('best-practices'), seo: score('seo'),
        'LCP ms': Math.round(r.audits['largest-contentful-paint'].numericValue),
        'TBT ms': Math.round(r.audits['total-blocking-time'].numericValue),
        CLS: Number(r.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
      };
    }
  }
  console.log('\nLighthouse 12');
  console.table(results.lighthouse);
}
await env.close();
fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2));
console.log('\nWrote bench/results.json');
