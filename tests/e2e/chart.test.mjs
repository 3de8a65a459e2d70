// End-to-end: every figure's canvas, keyboard readout, filters and data
// table; the chart state in the URL; downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, mounted, drawn, FIGURES, ROOT } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const STEP = '/round-one/security-markers/';

test('the keyboard moves through points, the readout follows, and the URL keeps the choice', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + STEP);
  await mounted(page);
  await page.focus('.chart-canvas');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\?troops=may-2003$/);
  // A heading line with the date, once, then a line per series.
  assert.match(await page.innerText('.readout'), /^May 2003\s+US troops: 150,000\s/);
  assert.equal(await page.locator('.readout .readout-head').textContent(), 'May 2003');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\?troops=january-2005$/);
  // The chart's arrows do not also turn the page.
  assert.ok(page.url().includes(STEP));
  await page.keyboard.press('End');
  await page.waitForURL(/\?troops=december-2021$/);
  const shared = page.url();

  const cold = await openPage(env.browser);
  await cold.page.goto(shared);
  await mounted(cold.page);
  await cold.page.waitForFunction(() => document.querySelector('.readout').textContent.startsWith('December 2021'));
  await cold.context.close();

  await page.keyboard.press('Escape');
  await page.waitForURL((u) => !u.search);
  assert.equal(await page.textContent('.readout'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a malformed or unknown chart state in the URL selects nothing and breaks nothing', async () => {
  const { page, context, problems } = await openPage(env.browser);
  for (const q of ['?troops=nope', '?troops=%3Cscript%3Ealert(1)%3C%2Fscript%3E', '?troops=' + 'x'.repeat(5000), '?troops=%FF%FE', '?troops-hide=us,,%00', '?timeline=may-2003&point=may-2003']) {
    await page.goto(env.url + STEP + q);
    await mounted(page);
    assert.equal(await page.textContent('.readout'), '', q);
    assert.ok(await page.isVisible('#step-title'), q);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the data table matches the downloaded CSV, and the images download', async () => {
  const { page, context, problems } = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(env.url + STEP);
  await mounted(page);
  const rows = await page.$$eval('.data-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  // The downloads are in the figure's one disclosure, with the table.
  await page.click('.figure-more summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=csv]')]);
  assert.equal(download.suggestedFilename(), 'troops.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n').slice(1);
  assert.equal(csv.length, rows.length, 'one CSV row per table row');
  const n = (s) => (s === '' ? '' : Number(s.replace(/,/g, '')));
  csv.forEach((line, i) => {
    const [date, us, coalition] = line.split(',');
    assert.deepEqual([date, n(us), n(coalition)], [rows[i][0], n(rows[i][1]), n(rows[i][2])], `row ${i}`);
  });
  for (const [kind, sig] of [['svg', '<svg'], ['png', '\x89PNG']]) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download=${kind}]`)]);
    assert.equal(d.suggestedFilename(), `troops.${kind}`);
    const bytes = fs.readFileSync(await d.path());
    assert.ok(bytes.subarray(0, 8).toString('latin1').startsWith(sig), `${kind} file`);
    assert.ok(bytes.length > 2000, `${kind} has content`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

const itemsInDataFile = (kind) => {
  const text = fs.readFileSync(path.join(ROOT, 'content/en/data', `${kind}.toml`), 'utf8');
  return (text.match(kind === 'troops' ? /^\[\[points\]\]/gm : /^\[\[items\]\]/gm) || []).length;
};

test('every figure draws, its keyboard moves a readout, and its table matches its data file', async () => {
  for (const [width, dpr] of [[1280, 2], [360, 3]]) {
    const { page, context, problems } = await openPage(env.browser, { viewport: { width, height: 900 }, deviceScaleFactor: dpr });
    for (const [kind, step] of Object.entries(FIGURES)) {
      await page.goto(env.url + step);
      await mounted(page);
      assert.equal(await page.getAttribute('.figure', 'data-chart'), kind, step);
      await drawn(page);
      const ink = await page.$eval('.chart-canvas', (c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked++;
        return { share: inked / (c.width * c.height), crisp: Math.abs(c.width - c.clientWidth * devicePixelRatio) <= 1 };
      });
      assert.ok(ink.share > 0.01, `${kind} at ${width}px: canvas is blank (${ink.share})`);
      assert.ok(ink.crisp, `${kind}: backing store matches devicePixelRatio ${dpr}`);
      const rows = await page.$$eval('.data-table tbody tr', (trs) => trs.length);
      assert.equal(rows, itemsInDataFile(kind), `${kind}: one table row per item in the data file`);
      const firstCell = await page.$eval('.data-table tbody tr th', (th) => th.textContent);
      await page.focus('.chart-canvas');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('.readout').textContent.length > 0);
      const first = await page.textContent('.readout');
      assert.ok(new URL(page.url()).searchParams.get(kind), `${kind}: the selection is in the URL`);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((t) => document.querySelector('.readout').textContent !== t, first);
      if (kind !== 'troops') assert.ok(first.includes(firstCell) || first.length > 20, `${kind}: readout ${first}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('timeline tracks and pledge domains filter with real buttons, and the link keeps the filter', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + FIGURES.timeline);
  await mounted(page);
  const security = page.locator('.filters button[data-group=security]');
  assert.equal(await security.getAttribute('aria-pressed'), 'true');
  await drawn(page);
  const before = Number(await page.getAttribute('.chart-canvas', 'data-draws'));
  await security.click();
  await page.waitForURL(/timeline-hide=security/);
  assert.equal(await security.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction((n) => Number(document.querySelector('.chart-canvas').dataset.draws) > n, before);
  // The keyboard now skips the hidden track: no readout names it.
  await page.focus('.chart-canvas');
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('ArrowRight');
    assert.ok(!/^Security: /m.test(await page.innerText('.readout')), 'a hidden event was selected');
  }
  // Cold from the shared link: the filter and the selection survive.
  const shared = page.url();
  const cold = await openPage(env.browser);
  await cold.page.goto(shared);
  await mounted(cold.page);
  assert.equal(await cold.page.getAttribute('.filters button[data-group=security]', 'aria-pressed'), 'false');
  assert.ok((await cold.page.textContent('.readout')).length > 0);
  await cold.context.close();
  await security.click();
  await page.waitForURL((u) => !u.search.includes('hide'));
  assert.deepEqual(problems, []);
  assert.deepEqual(cold.problems, []);
  await context.close();
});

test('a pointer on a chart selects what is under it', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.url + FIGURES.agenda);
  await mounted(page);
  await drawn(page);
  const box = await page.locator('.chart-canvas').boundingBox();
  // The Washington column is on the left: its third ask sits a few rows down.
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.3);
  await page.waitForURL(/agenda=/);
  assert.match(await page.textContent('.readout .readout-head'), /^Washington: /);
  const labels = await page.$$eval('.readout .readout-label', (ls) => ls.map((l) => l.textContent));
  assert.ok(labels.includes('Why it matters: ') && labels.at(-1) === 'Sources: ', `labelled parts: ${labels}`);
  // The chart labels its own selection (tests/labels.rs): nothing floats
  // over the neighbouring items.
  assert.equal(await page.locator('.chart-tip').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, a tap on a chart brings its readout into view', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await page.goto(env.url + FIGURES.troops);
  await mounted(page);
  await drawn(page);
  // The chart's foot at the bottom of the screen: its readout is below it.
  await page.$eval('.chart-canvas', (c) => window.scrollBy(0, c.getBoundingClientRect().bottom - innerHeight + 4));
  const below = await page.$eval('.readout', (r) => r.getBoundingClientRect().top >= innerHeight);
  assert.ok(below, 'the readout starts below the fold');
  const box = await page.locator('.chart-canvas').boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForFunction(() => document.querySelector('.readout').textContent.length > 0);
  await page.waitForFunction(() => {
    const r = document.querySelector('.readout').getBoundingClientRect();
    return r.bottom <= innerHeight + 1 && r.top >= 0;
  });
  // The chart stays on screen too, above its readout.
  const canvas = await page.locator('.chart-canvas').boundingBox();
  assert.ok(canvas.y + canvas.height > 0, 'the chart left the screen');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a figure opens full screen, draws to fit it, and closes with its button or back', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  // A page before it, so a back that is not caught would leave the step.
  await page.goto(`${env.url}/round-one/`);
  await page.goto(env.url + FIGURES.troops);
  await mounted(page);
  await drawn(page);
  const button = page.locator('.full-screen');
  await button.waitFor({ state: 'visible' });
  const before = await page.$eval('.chart-canvas', (c) => ({ w: c.clientWidth, draws: Number(c.dataset.draws) }));
  await button.click();
  await page.waitForFunction(() => document.fullscreenElement?.classList.contains('figure'));
  await page.waitForFunction((n) => Number(document.querySelector('.chart-canvas').dataset.draws) > n, before.draws);
  const inFull = await page.$eval('.chart-canvas', (c) => c.clientWidth);
  assert.ok(inFull > before.w, `the chart did not grow: ${before.w} -> ${inFull}`);
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  // Its own button closes it, and takes back the history entry it added.
  await button.click();
  await page.waitForFunction(() => !document.fullscreenElement);
  await page.waitForFunction(() => history.state !== 'explainer-full-screen');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  // Back closes it and stays on the step.
  await button.click();
  await page.waitForFunction(() => document.fullscreenElement);
  await page.goBack();
  await page.waitForFunction(() => !document.fullscreenElement);
  assert.equal(new URL(page.url()).pathname, new URL(env.url + FIGURES.troops).pathname);
  assert.deepEqual(problems, []);
  await context.close();
});
