// End-to-end: the chart's state in the URL, its keyboard readout, its data
// table and its downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, mounted } from './browser.mjs';

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
  await page.waitForURL(/\?point=may-2003$/);
  assert.match(await page.textContent('.readout'), /^May 2003: 150,000 US troops\./);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\?point=january-2005$/);
  // The chart's arrows do not also turn the page.
  assert.ok(page.url().includes(STEP));
  await page.keyboard.press('End');
  await page.waitForURL(/\?point=december-2021$/);
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

test('a malformed or unknown point in the URL selects nothing and breaks nothing', async () => {
  const { page, context, problems } = await openPage(env.browser);
  for (const q of ['?point=nope', '?point=%3Cscript%3Ealert(1)%3C%2Fscript%3E', '?point=' + 'x'.repeat(5000), '?point=%FF%FE']) {
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
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=csv]')]);
  assert.equal(download.suggestedFilename(), 'troops.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n').slice(1);
  assert.equal(csv.length, rows.length, 'one CSV row per table row');
  const n = (s) => (s === '' ? '' : Number(s.replace(/,/g, '')));
  csv.forEach((line, i) => {
    const [date, , us, coalition] = line.split(',');
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
