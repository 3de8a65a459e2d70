// The Arabic edition in the browser: mirrored keys and pager, the language
// switch that keeps the reader's place, no English left in the interface,
// and Arabic chart text that reaches the canvas and the SVG download in
// reading order. One page of each kind, not every page a second time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, mounted, drawn, arabicSample, arabicPaths, arabicEmbedPaths, ROOT, BASE, DIST } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const ARABIC_LETTER = /[\u0600-\u06FF]/;

test('in Arabic the keys and the pager run right to left: ArrowLeft is the next step', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.url}/ar/round-one/`);
  await mounted(page);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const first = await page.textContent('#step-title');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/\/ar\/round-one\/[a-z-]+\/$/);
  await mounted(page);
  assert.notEqual(await page.textContent('#step-title'), first);
  // On a step with both neighbours, Next sits to the left of Previous.
  const [prev, next] = await Promise.all(['.pager .pager-prev', '.pager .pager-next'].map((s) => page.$eval(s, (el) => el.getBoundingClientRect().x)));
  assert.ok(next < prev, `next at ${next} px, previous at ${prev} px`);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(new RegExp(`${BASE}/ar/round-one/$`));
  assert.equal(await page.textContent('#step-title'), first);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language switch opens the same step with the same chart state, both ways, and the same place in the whole story', async () => {
  const { page, context, problems } = await openPage(env.browser);
  const step = '/round-two/kadhimis-footing/';
  await page.goto(`${env.url}${step}?opinion=iran-2017-voa`);
  await mounted(page);
  await drawn(page);
  const readout = async () => page.$eval('.readout', (el) => el.textContent.trim());
  const english = await readout();
  assert.ok(english.length > 20, 'the chosen point has a readout');
  await Promise.all([page.waitForURL(new RegExp(`${BASE}/ar${step}\\?opinion=iran-2017-voa$`)), page.click('.edition-switch')]);
  await mounted(page);
  await drawn(page);
  const arabic = await readout();
  assert.match(arabic, ARABIC_LETTER, `the readout is in Arabic: ${arabic}`);
  // The same point: its date is written the same in both editions.
  const year = english.match(/20\d\d/)[0];
  assert.ok(arabic.includes(year), `${arabic} names ${year}`);
  // A choice made on the page comes along too.
  await page.focus('.chart-canvas');
  await page.keyboard.press('End');
  await page.waitForFunction(() => !location.search.includes('iran-2017-voa'));
  const chosen = new URL(page.url()).search;
  await Promise.all([page.waitForURL((u) => u.pathname === `${BASE}${step}` && u.search === chosen), page.click('.edition-switch')]);
  // The whole story: the step being read.
  await page.goto(`${env.url}/ar/all/#round-one-iraqs-pledge`);
  await mounted(page);
  await Promise.all([page.waitForURL(new RegExp(`${BASE}/all/#round-one-iraqs-pledge$`)), page.click('.edition-switch')]);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Every value of content/en/ui.toml that differs from the Arabic one and
 * reads as English words: each literal part of it between placeholders. */
function englishInterface() {
  const read = (lang) => Object.fromEntries([...fs.readFileSync(path.join(ROOT, `content/${lang}/ui.toml`), 'utf8').matchAll(/^([a-z_]+) = "(.*)"$/gm)].map((m) => [m[1], m[2]]));
  const en = read('en');
  const ar = read('ar');
  const out = new Set();
  for (const [key, value] of Object.entries(en)) {
    // This edition's own name and invitation are shown, in English, on
    // purpose: the switch back to the English edition.
    if (ar[key] === value || key === 'language_name' || key === 'read_in') continue;
    for (const part of value.split(/\{[a-z_]+\}/)) {
      const words = part.trim().replace(/[.:,;…]+$/, '');
      if (/[A-Za-z]{3,}/.test(words)) out.add(words);
    }
  }
  return [...out];
}

/** The English interface words `english` found in the page's own words
 * (its text, title and labels), leaving out a source's own words (titles,
 * publishers, dates, quotes, links to it), which stay in their language,
 * and the switch back to English. */
function englishIn(page, english) {
  return page.evaluate((english) => {
    const theirs = 'cite, q, bdi, a[href^="http"], script, style, textarea';
    // In another language than the page's: the switch to the other edition.
    const foreign = (el) => el.closest('[lang]')?.lang !== document.documentElement.lang;
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest(theirs) && !foreign(n.parentElement)) texts.push(n.data);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (el.closest(theirs) || foreign(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (el.hasAttribute(a)) texts.push(el.getAttribute(a));
    }
    const all = texts.join('\n');
    return english.filter((words) => all.includes(words));
  }, english);
}

test('no English interface words are left on any Arabic page as written, nor on one of each kind once its wasm has run', async () => {
  const english = englishInterface();
  assert.ok(english.length > 60, `only ${english.length} English strings`);
  // Every page as the build wrote it, read without running anything.
  const still = await env.browser.newContext({ javaScriptEnabled: false });
  const reader = await still.newPage();
  // The check finds English where there is some: on the English step.
  await reader.setContent(fs.readFileSync(path.join(DIST, '/round-one/security-markers/', 'index.html'), 'utf8'), { waitUntil: 'domcontentloaded' });
  assert.ok((await englishIn(reader, english)).length > 10, 'the check finds no English on an English page');
  const pages = [...arabicPaths(), ...arabicEmbedPaths()];
  assert.ok(pages.length > 90, `${pages.length} Arabic pages`);
  for (const p of pages) {
    await reader.setContent(fs.readFileSync(path.join(DIST, p, 'index.html'), 'utf8'), { waitUntil: 'domcontentloaded' });
    assert.deepEqual(await englishIn(reader, english), [], `${p}: English interface words`);
  }
  await still.close();
  // And live, where the wasm writes readouts, statuses and labels.
  const { page, context, problems } = await openPage(env.browser);
  for (const p of arabicSample()) {
    await page.goto(env.url + p);
    await mounted(page);
    if (await page.$('.chart-canvas')) await drawn(page);
    assert.deepEqual(await englishIn(page, english), [], `${p}: English interface words`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Arabic chart text reaches the canvas in reading order, right to left, and the SVG download keeps it as text with its direction', async () => {
  const { page, context, problems } = await openPage(env.browser, { acceptDownloads: true });
  // Record what the chart asks the canvas to write, and how.
  await page.addInitScript(() => {
    window.__texts = [];
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.__texts.push({ text: String(text), align: this.textAlign, direction: this.direction });
      return fill.call(this, text, ...rest);
    };
  });
  await page.goto(`${env.url}/ar/round-one/security-markers/`);
  await mounted(page);
  await drawn(page);
  const texts = await page.evaluate(() => window.__texts);
  const arabic = texts.filter((t) => ARABIC_LETTER.test(t.text));
  // And no English words of the interface on the canvas either.
  const onCanvas = texts.map((t) => t.text).join('\n');
  assert.deepEqual(englishInterface().filter((words) => onCanvas.includes(words)), [], 'English on the canvas');
  assert.ok(arabic.length >= 3, `Arabic labels on the canvas: ${JSON.stringify(texts.slice(0, 8))}`);
  // Physical alignment (the charts place labels by their left or right
  // edge) and the page's direction, which orders mixed text.
  assert.deepEqual([...new Set(texts.map((t) => t.align))].filter((a) => !['left', 'right', 'center'].includes(a)), []);
  assert.equal(await page.$eval('.chart-canvas', (c) => getComputedStyle(c).direction), 'rtl');
  // In reading (logical) order, never reversed: each Arabic label is found,
  // as written, in the words of the page, the content or the data table.
  const content = fs.readFileSync(path.join(ROOT, 'content/ar/data/troops.toml'), 'utf8') + fs.readFileSync(path.join(ROOT, 'content/ar/ui.toml'), 'utf8');
  const reversed = [...arabic[0].text].reverse().join('');
  assert.notEqual(reversed, arabic[0].text);
  for (const { text } of arabic) {
    const words = text.split(/\s+/).filter((w) => ARABIC_LETTER.test(w));
    for (const w of words) assert.ok(content.includes(w.replace(/[،:.]$/, '')), `${w} (from "${text}") is not in the content as written`);
  }
  await page.click('.figure-more summary');
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-download=svg]')]);
  const svg = fs.readFileSync(await d.path(), 'utf8');
  assert.match(svg, /^<svg [^>]*direction="rtl"/);
  const svgTexts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  assert.ok(svgTexts.some((t) => ARABIC_LETTER.test(t)), 'Arabic text in the SVG');
  for (const { text } of arabic.slice(0, 5)) {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    assert.ok(svgTexts.includes(escaped), `"${text}" is in the SVG as text`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
