// Budgets that are sizes and scores, measured on the release build:
// the first view's transfer (brotli), and Lighthouse 12's accessibility,
// best-practices and SEO scores. Timings are not tested here (they vary
// with the machine); `make bench` reports them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { brotli as brotliFile } from './server.mjs';
import { start, openPage, mounted, drawn, pagePaths, embedPaths, arabicPaths, arabicEmbedPaths, firstViewFiles, ROOT, BASE, DIST, ROOT_ONLY } from './browser.mjs';

/**
 * First-view transfer budget, brotli, in KB. The islands issue asks for
 * 100 KB on every page. Since each page loads a wasm with only the chart
 * it shows, we measure 85.4 to 88.9 KB for a step with a chart and 93.0 KB
 * for the heaviest page (/sources/where-sources-disagree/: 8.0 KB of HTML,
 * every sentence citing a source with its quote, and the opinion chart).
 * It was 93 until islands hydrated one per task (0.5 KB more wasm, for 50
 * ms less blocking on a phone), and 94 until a figure could change its
 * chart under the reader (the whole story's one figure) and folded its
 * table and downloads into one disclosure with a hint per input: 2.1 KB
 * more wasm on a step (95.0 KB for the heaviest page), and 96 until
 * citations became links that open in place and figures could go full
 * screen (1.5 KB more wasm on every page; 0.35 KB more for showing the
 * share-sheet button after hydration, which it had stopped doing): 98.2 KB
 * for the heaviest page. It is 100, the islands issue's own figure, since
 * embeds honour `?theme=` (the editor's kit): 0.3 KB of public/theme.js in
 * every embed's head, 0.13 KB of wasm for charts that draw in the theme
 * asked, 0.06 KB for a host's move keeping it, and the embed builder's
 * address in every wasm's router; 99.1 KB for a step with the troop chart,
 * 99.5 KB for the heaviest embed. Our goal is 65 KB
 * (see README, "Where we stand"). Lower it as the wasm shrinks; never
 * raise it without saying why in the commit.
 */
const FIRST_VIEW_BUDGET_KB = 100;

/** The whole story on one page: its HTML is the whole text by design, so
 * its first view is that and a picture of its first figure; it loads its
 * wasm at the reader's first move (see `PAGE_ON_MOVE` in prerender.rs). */
const WHOLE_STORY = '/all/';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const brotli = (body) =>
  zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test(`every page's first view transfers at most ${FIRST_VIEW_BUDGET_KB} KB with brotli`, async () => {
  // What a reader's browser really fetches for one step with a chart.
  const { page, context, problems } = await openPage(env.browser);
  const bodies = new Map();
  const prefetched = [];
  page.on('response', async (r) => {
    // The steps either side, fetched at idle for the next move, are not
    // part of this page's first view.
    if ((r.request().headers()['sec-purpose'] || '').includes('prefetch')) {
      prefetched.push(new URL(r.url()).pathname);
      return;
    }
    if (r.status() === 200) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  const step = '/round-one/security-markers/';
  await page.goto(env.url + step);
  await mounted(page);
  await drawn(page);
  await page.waitForTimeout(200);
  let total = 0;
  let document = 0;
  const rows = [];
  for (const [url, body] of bodies) {
    const br = brotli(body);
    total += br;
    if (new URL(url).pathname === BASE + step) document = br;
    rows.push(`${path.basename(new URL(url).pathname) || 'index.html'}: ${(br / 1024).toFixed(1)} KB`);
  }
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  console.log(`# first view of ${step}, brotli: ${kb(total)} KB (${rows.join(', ')}); prefetched after: ${prefetched.join(', ') || 'none seen'}`);
  assert.ok(bodies.size >= 4, `only ${bodies.size} responses seen`);
  assert.ok(document > 0, 'the page itself was not among the responses');
  assert.deepEqual(problems, []);
  await context.close();

  // Every other page's first view, from the files: its HTML, the
  // stylesheet, the icon and its start-up script, and the glue and wasm
  // that script loads (each page loads the wasm of the charts it shows).
  // Checked first against what the browser really fetched above.
  const measured = pageFirstView(step);
  assert.ok(
    Math.abs(measured.total - total) <= 512,
    `the first view counted from the files (${kb(measured.total)} KB) is not what the browser fetched (${kb(total)} KB)`,
  );
  const pages = [...pagePaths(), ...embedPaths()].map((p) => ({ path: p, ...pageFirstView(p) }));
  assert.ok(pages.length > 50, `only ${pages.length} pages found`);
  const budgeted = pages.slice().sort((a, b) => b.total - a.total);
  const heaviest = budgeted[0];
  const whole = pages.find((p) => p.path === WHOLE_STORY);
  console.log(
    `# heaviest first view: ${heaviest.path} ${kb(heaviest.total)} KB ` +
      `(${kb(heaviest.html)} KB its HTML, ${kb(heaviest.wasm)} KB its wasm); ` +
      `lightest page with a chart: ${kb(Math.min(...pages.filter((p) => p.charts > 0).map((p) => p.total)))} KB; ` +
      `${WHOLE_STORY}: ${whole ? kb(whole.total) : '?'} KB`,
  );
  assert.ok(whole, `${WHOLE_STORY} was not among the pages`);
  assert.equal(whole.wasm, 0, `${WHOLE_STORY} loads its wasm in its first view`);
  const arabic = [...arabicPaths(), ...arabicEmbedPaths()].map((p) => ({ path: p, ...pageFirstView(p) })).sort((a, b) => b.total - a.total);
  assert.ok(arabic.length > 50, `only ${arabic.length} Arabic pages found`);
  const wholeAr = arabic.find((p) => p.path === `/ar${WHOLE_STORY}`);
  const over = arabic.filter((p) => p.total / 1024 > FIRST_VIEW_BUDGET_KB);
  console.log(`# heaviest Arabic first view: ${arabic[0].path} ${kb(arabic[0].total)} KB; /ar${WHOLE_STORY}: ${kb(wholeAr.total)} KB; ${over.length} Arabic pages over ${FIRST_VIEW_BUDGET_KB} KB`);
  assert.equal(wholeAr.wasm, 0, `/ar${WHOLE_STORY} loads its wasm in its first view`);
  // The Arabic edition keeps the English budget, though its HTML is about
  // 0.8 KB heavier (Arabic compresses less well, and brotli's dictionary
  // has none of it).
  for (const [name, bytes] of [[step, total], [heaviest.path, heaviest.total], [arabic[0].path, arabic[0].total]]) {
    assert.ok(
      bytes / 1024 <= FIRST_VIEW_BUDGET_KB,
      `the first view of ${name} is ${kb(bytes)} KB brotli, over the ${FIRST_VIEW_BUDGET_KB} KB budget`,
    );
  }
});

/**
 * What page `p` transfers on first view, brotli, from the built files.
 * Each file is compressed once (the server's cache): the pages share a few
 * wasm, glue and style files, and compressing a wasm at quality 11 for
 * each of about 250 pages took most of this test's 2.7 minutes.
 */
function pageFirstView(p) {
  const [page, ...rest] = firstViewFiles(p).map((f) => ({ f, br: brotliFile(path.join(DIST, f)).length }));
  const html = fs.readFileSync(path.join(DIST, page.f), 'utf8');
  return {
    total: page.br + rest.reduce((sum, r) => sum + r.br, 0),
    html: page.br,
    wasm: rest.find((r) => r.f.endsWith('.wasm'))?.br ?? 0,
    charts: (html.match(/data-chart="/g) || []).length,
  };
}

const LIGHTHOUSE = path.join(ROOT, 'tools/bench/node_modules/.bin/lighthouse');

test('Lighthouse 12 scores accessibility, best practices and SEO at 100', ROOT_ONLY, async () => {
  const pages = [
    ['/', ['accessibility', 'best-practices', 'seo']],
    ['/round-two/kadhimis-footing/', ['accessibility', 'best-practices', 'seo']],
    // SEO checks the hreflang alternates too.
    ['/ar/round-two/kadhimis-footing/', ['accessibility', 'best-practices', 'seo']],
    // Embeds ask not to be indexed, so SEO does not apply to them.
    ['/embed/round-one/iraqs-pledge/', ['accessibility', 'best-practices']],
  ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-'));
  try {
    for (const [p, categories] of pages) {
      const out = path.join(dir, 'report.json');
      await promisify(execFile)(LIGHTHOUSE, [
        env.url + p, '--quiet', '--output=json', `--output-path=${out}`,
        `--only-categories=${categories.join(',')}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic',
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, timeout: 180_000 });
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      for (const c of categories) {
        const failed = report.categories[c].auditRefs
          .map((a) => report.audits[a.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
          .map((a) => a.id);
        assert.equal(Math.round(report.categories[c].score * 100), 100, `${p} ${c}: ${failed.join(', ')}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
