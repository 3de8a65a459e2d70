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
import { start, openPage, mounted, drawn, ROOT, BASE } from './browser.mjs';

/**
 * First-view transfer budget, brotli, in KB. The budget is 150 KB
 * and our goal 90 KB; the build is over both (see README, "Where we stand").
 * Until it is under, this ratchet stops it growing: lower it whenever the
 * build shrinks, never raise it without saying why in the commit.
 */
const FIRST_VIEW_BUDGET_KB = 150;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test(`the first view of a step transfers at most ${FIRST_VIEW_BUDGET_KB} KB with brotli`, async () => {
  const { page, context, problems } = await openPage(env.browser);
  const bodies = new Map();
  page.on('response', async (r) => {
    if (r.status() === 200) bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(env.url + '/round-one/security-markers/');
  await mounted(page);
  await drawn(page);
  await page.waitForTimeout(200);
  let total = 0;
  const rows = [];
  for (const [url, body] of bodies) {
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += br;
    rows.push(`${path.basename(new URL(url).pathname) || 'index.html'}: ${(br / 1024).toFixed(1)} KB`);
  }
  const kb = total / 1024;
  console.log(`# first view, brotli: ${kb.toFixed(1)} KB (${rows.join(', ')})`);
  assert.ok(bodies.size >= 4, `only ${bodies.size} responses seen`);
  assert.ok(kb <= FIRST_VIEW_BUDGET_KB, `first view is ${kb.toFixed(1)} KB brotli, over the ${FIRST_VIEW_BUDGET_KB} KB budget`);
  assert.deepEqual(problems, []);
  await context.close();
});

const LIGHTHOUSE = path.join(ROOT, 'tools/bench/node_modules/.bin/lighthouse');

test('Lighthouse 12 scores accessibility, best practices and SEO at 100', { skip: BASE ? 'measured once, at the root build' : false }, async () => {
  const pages = [
    ['/', ['accessibility', 'best-practices', 'seo']],
    ['/round-two/kadhimis-footing/', ['accessibility', 'best-practices', 'seo']],
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
