// End-to-end: reading the whole story with mouse, keyboard and touch, and the
// design promises (widths, themes, motion, print) in the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, openPage, mounted, pagePaths, chapterPaths, BASE, ROOT, ROOT_ONLY } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Path segments after the base path. */
const depth = (u) => u.pathname.slice(BASE.length).split('/').filter(Boolean).length;
const stepPaths = () => pagePaths().filter((p) => p.split('/').filter(Boolean).length === 2);
const chapterPages = () => chapterPaths().filter((p) => p !== '/all/');
// Every step, counting each chapter's address as its first step.
const stepCount = () => stepPaths().length + chapterPages().length;

test('every step address opens cold on that step, before and after the wasm', async () => {
  const { page, context, problems } = await openPage(env.browser);
  for (const path of [...chapterPages(), ...stepPaths()]) {
    await page.goto(env.url + path);
    const prerendered = await page.textContent('#step-title');
    assert.ok(prerendered?.trim(), `${path}: prerendered step title`);
    await mounted(page);
    assert.equal(await page.textContent('#step-title'), prerendered, path);
    // A reference page of one step (the glossary) has no step list.
    if (await page.$('.step-list')) assert.equal(await page.getAttribute('.step-list a[aria-current]', 'href'), BASE + path, path);
    else assert.ok(await page.$('.chapter.reference'), `${path}: no step list`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a mouse reader goes from the cover through every step with Next', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.url}/`);
  await mounted(page);
  await page.click('.cta a');
  await page.waitForSelector('#step-title');
  const seen = new Set([page.url()]);
  for (;;) {
    const next = await page.$('.pager-next[href]');
    if (!next) break;
    const href = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((u) => u.pathname === href);
    assert.ok(!seen.has(page.url()), `visited ${page.url()} twice`);
    seen.add(page.url());
    assert.ok(seen.size < 200, 'runaway');
  }
  assert.equal(seen.size, stepCount(), 'Next visits every step once');
  // A reload keeps the place.
  const here = await page.textContent('#step-title');
  await page.reload();
  await mounted(page);
  assert.equal(await page.textContent('#step-title'), here);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a keyboard reader walks the story with the arrow keys and jumps with Home and End', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.url}${chapterPages()[0]}`);
  await mounted(page);
  let steps = 1;
  for (;;) {
    const before = page.url();
    await page.keyboard.press('ArrowRight');
    try {
      await page.waitForURL((u) => u.href !== before, { timeout: 1500 });
    } catch {
      break; // the last step: ArrowRight has nowhere to go
    }
    await mounted(page);
    steps++;
    assert.ok(steps < 200, 'runaway');
  }
  assert.equal(steps, stepCount());
  // Home and End stay within a chapter of several steps.
  await page.goto(`${env.url}/round-one/`);
  await mounted(page);
  await page.keyboard.press('End');
  await page.waitForURL((u) => depth(u) === 2);
  await mounted(page);
  const last = await page.getAttribute('.step-list li:last-child a', 'href');
  assert.equal(new URL(page.url()).pathname, last, 'End goes to the last step');
  await page.keyboard.press('Home');
  await page.waitForURL((u) => u.pathname === `${BASE}/round-one/`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab reaches the skip link first and then the page in reading order', async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.url}/round-one/security-markers/`);
  await mounted(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  const order = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el.closest('.masthead') ? 'masthead' : el.closest('.step-list') ? 'steps'
        : el.closest('.figure') ? 'figure' : el.closest('.step-text') ? 'text'
        : el.closest('.pager') ? 'pager' : el.closest('.site-foot') ? 'footer' : el.tagName;
    }));
  }
  const firstOf = (k) => order.indexOf(k);
  for (const k of ['masthead', 'steps', 'figure', 'text', 'pager']) assert.ok(firstOf(k) >= 0, `Tab never reaches ${k}: ${order}`);
  // The step's words come before its figure, as they read.
  assert.ok(firstOf('masthead') < firstOf('steps') && firstOf('steps') < firstOf('text')
    && firstOf('text') < firstOf('figure') && firstOf('figure') < firstOf('pager'), order.join(' '));
  await context.close();
});

test('a touch reader swipes between steps', async () => {
  const { page, context, problems } = await openPage(env.browser, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  await page.goto(`${env.url}/round-one/`);
  await mounted(page);
  const swipe = (dx) => page.evaluate((dx) => {
    const el = document.querySelector('.step-text');
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + 20;
    const t = (cx) => new Touch({ identifier: 1, target: el, clientX: cx, clientY: y });
    el.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [t(x)], changedTouches: [t(x)] }));
    el.dispatchEvent(new TouchEvent('touchend', { bubbles: true, touches: [], changedTouches: [t(x + dx)] }));
  }, dx);
  const first = page.url();
  await swipe(-150);
  await page.waitForURL((u) => u.href !== first);
  await mounted(page);
  const second = page.url();
  await swipe(150);
  await page.waitForURL((u) => u.href === first);
  await mounted(page);
  await swipe(-20); // a tap-sized movement is not a swipe
  await page.waitForTimeout(300);
  assert.equal(page.url(), first);
  assert.notEqual(second, first);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a citation opens its source and a term its definition, by click and by keyboard', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.url}/round-one/no-permanent-bases/`);
  await mounted(page);
  const here = page.url();
  const cite = page.locator('.step-text .cite').first();
  // A link to the source's entry, which the wasm opens in place instead.
  assert.match(await cite.getAttribute('href'), /\/sources\/#src-[a-z0-9-]+$/);
  await cite.click();
  const pop = page.locator('.pop:popover-open');
  await pop.waitFor();
  assert.match(await pop.textContent(), /\w+/);
  // Next to its words, not over them, and on screen.
  const [at, box] = await Promise.all([cite.evaluate((e) => e.getBoundingClientRect().toJSON()), pop.evaluate((e) => e.getBoundingClientRect().toJSON())]);
  assert.ok(box.top >= at.bottom - 1 && box.top < at.bottom + 24, `the popover opens under its citation: ${JSON.stringify({ at, box })}`);
  assert.ok(box.left >= 0 && box.right <= page.viewportSize().width, 'the popover is on screen');
  assert.equal(page.url(), here, 'the citation left the page');
  await page.waitForFunction(() => document.querySelector('.step-text .cite').getAttribute('aria-expanded') === 'true');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.pop:popover-open'));
  assert.equal(await cite.getAttribute('aria-expanded'), 'false');
  await cite.focus();
  await page.keyboard.press('Enter');
  await pop.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(page.url(), here);

  await page.goto(`${env.url}/round-one/the-raid/`);
  await mounted(page);
  await page.locator('.step-text .term').first().click();
  assert.match(await page.locator('.pop:popover-open').textContent(), /Counter Terrorism Service|Kataib Hezbollah/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without scripts a citation goes to its entry in the list of sources, and a term to the glossary', async () => {
  const { page, context } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.url}/round-one/no-permanent-bases/`);
  const cite = page.locator('.step-text .cite').first();
  const source = await cite.getAttribute('data-source');
  await cite.click();
  await page.waitForURL((u) => u.hash === `#src-${source}`);
  assert.ok(await page.isVisible(`#src-${source}`), 'the source is not listed where the citation points');
  await page.goto(`${env.url}/round-one/the-raid/`);
  const term = page.locator('.step-text .term').first();
  const id = await term.getAttribute('data-term');
  await term.click();
  await page.waitForURL((u) => u.hash === `#term-${id}`);
  assert.ok(await page.isVisible(`#term-${id}`));
  await context.close();
});

test('a long citation wraps with its sentence like any words', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${env.url}/round-two/benchmarks/`);
  await mounted(page);
  const lines = await page.$$eval('.step-text .cite', (cs) => {
    const long = cs.find((c) => c.textContent.includes('400 British'));
    if (!long) return null;
    // The first character after the citation (its popover is not laid out).
    let after = long.nextSibling;
    while (after && after.nodeType !== Node.TEXT_NODE) after = after.nextSibling;
    const range = document.createRange();
    range.setStart(after, 0);
    range.setEnd(after, 1);
    const boxes = [...long.getClientRects()];
    return { boxes: boxes.length, last: boxes.at(-1).top, next: range.getBoundingClientRect().top, char: after.textContent[0] };
  });
  assert.ok(lines, 'the long citation is missing');
  assert.ok(lines.boxes > 1, `the citation is one box: ${JSON.stringify(lines)}`);
  // The punctuation after it stays on its last line.
  assert.ok(Math.abs(lines.next - lines.last) < 4, `"${lines.char}" dropped below the citation: ${JSON.stringify(lines)}`);
  await context.close();
});

test('on a desktop Next is in the first screen, and the tip about the arrow keys shows once', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.url}/round-two/benchmarks/`);
  await mounted(page);
  const next = page.locator('.top-next');
  const box = await next.boundingBox();
  assert.ok(box && box.y + box.height <= 800, `Next ends at ${box && box.y + box.height}px`);
  assert.equal(await next.getAttribute('href'), await page.getAttribute('.pager-next', 'href'), 'both go to the next step');
  assert.ok(await page.isVisible('.keys-hint'), 'the tip shows on the first step of a visit');
  await next.click();
  await page.waitForURL((u) => !u.pathname.endsWith('/benchmarks/'));
  await mounted(page);
  assert.equal(await page.isVisible('.keys-hint'), false, 'and not on the steps that follow');
  await context.close();
  // A phone keeps its first screen for the step's words.
  const phone = await openPage(env.browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.page.goto(`${env.url}/round-two/benchmarks/`);
  assert.equal(await phone.page.isVisible('.pager-top'), false);
  await phone.context.close();
});

test('the cover uses a desktop screen\'s width: its contents beside its summary', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.url}/`);
  const rect = (s) => page.$eval(s, (e) => e.getBoundingClientRect().toJSON());
  const [summary, contents] = [await rect('.cover > .summary'), await rect('.cover-toc')];
  assert.ok(contents.left >= summary.right && contents.top < summary.bottom, `contents at ${contents.left},${contents.top}; summary ends at ${summary.right},${summary.bottom}`);
  assert.ok(contents.right > 1280 * 0.75, `the cover spans to ${contents.right}px`);
  // One type family for the contents and the link that follows them.
  const families = await page.$$eval('.cover-toc a', (els) => [...new Set(els.map((e) => getComputedStyle(e).fontFamily))]);
  assert.equal(families.length, 1, `${families}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const [narrow, below] = [await rect('.cover > .summary'), await rect('.cover-toc')];
  assert.ok(below.top >= narrow.bottom, 'on a phone the contents follow the summary');
  await context.close();
});

test('the contents menu is on every page and takes the reader anywhere', async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.url}/round-two/`);
  await mounted(page);
  await page.click('.menu-button');
  const links = page.locator('.menu .toc a');
  assert.ok((await links.count()) >= 7);
  await page.locator('.menu .toc a', { hasText: 'Open issues' }).click();
  await page.waitForURL(/\/open-issues\/$/);
  assert.equal(await page.$eval('.menu-panel', (d) => d.matches(':popover-open')), false, 'the menu closes after a choice');
  await context.close();
});

test('the contents menu fits on screen from 320 pixels wide and closes on Escape or a click outside', async () => {
  for (const width of [320, 390, 1280]) {
    const { page, context } = await openPage(env.browser, { viewport: { width, height: 800 } });
    await page.goto(`${env.url}/round-two/benchmarks/`);
    const open = () => page.$eval('.menu-panel', (d) => d.matches(':popover-open'));
    await page.click('.menu-button');
    const rect = (selector) => page.$eval(selector, (e) => e.getBoundingClientRect().toJSON());
    const [panel, button] = [await rect('.menu-panel'), await rect('.menu-button')];
    assert.ok(panel.left >= 0 && panel.right <= width, `${width}: the panel spans ${panel.left} to ${panel.right}`);
    assert.ok(panel.top >= button.bottom - 1 && panel.top < button.bottom + 24, `${width}: the panel opens under its button`);
    const titles = await page.$$eval('.menu-panel .toc-title', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    for (const t of titles) assert.ok(t.left >= 0 && t.right <= width, `${width}: a chapter title is cut`);
    await page.keyboard.press('Escape');
    assert.equal(await open(), false, `${width}: Escape closes it`);
    await page.click('.menu-button');
    assert.equal(await open(), true);
    // The masthead's empty end, beside the button: nothing there to follow.
    await page.mouse.click(width - 6, button.top + button.height / 2);
    assert.equal(await open(), false, `${width}: a click outside closes it`);
    await context.close();
  }
});

test('no page scrolls sideways from 320 to 1440 pixels wide', ROOT_ONLY, async () => {
  for (const width of [320, 375, 768, 1024, 1440]) {
    const { page, context } = await openPage(env.browser, { viewport: { width, height: 900 } });
    for (const path of ['/', '/round-one/security-markers/', '/sources/', '/all/', '/embed/', '/no/such/']) {
      await page.goto(env.url + path);
      await mounted(page);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(over <= 0, `${path} at ${width}px scrolls sideways by ${over}px`);
    }
    await context.close();
  }
});

test('the figure sits beside the text on wide screens and after it on narrow ones', async () => {
  for (const [width, beside] of [[1280, true], [390, false]]) {
    const { page, context } = await openPage(env.browser, { viewport: { width, height: 900 } });
    await page.goto(`${env.url}/round-one/security-markers/`);
    await mounted(page);
    const fig = await page.$eval('.figure-pane', (e) => e.getBoundingClientRect().toJSON());
    const text = await page.$eval('.step-text', (e) => e.getBoundingClientRect().toJSON());
    if (beside) assert.ok(Math.abs(fig.top - text.top) < 40 && text.right <= fig.left + 1, `${width}px: side by side`);
    else assert.ok(text.bottom <= fig.top + 1, `${width}px: figure after the text`);
    await context.close();
  }
});

test('dark theme, reduced motion and print are honoured', async () => {
  const { page, context } = await openPage(env.browser);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(`${env.url}/round-one/`);
  await mounted(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 25, 29)', 'dark background');
  const transition = await page.$eval('.progress-fill', (e) => getComputedStyle(e).transitionDuration);
  assert.equal(transition, '0s', 'no motion when the reader prefers none');

  await page.goto(`${env.url}/all/`);
  await mounted(page);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const pager = await page.$$eval('.pager, .menu', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
  assert.equal(pager, 0, 'controls are not printed');
  const steps = await page.$$eval('.all-step', (els) => els.filter((e) => e.offsetHeight > 0).length);
  assert.equal(steps, stepCount(), 'the printable page holds every step');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20_000, 'the story prints to several pages');
  await context.close();
});

/** A page printed to A4 and read back: each page's lines of text. */
async function printed(page) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  const file = path.join(dir, 'page.pdf');
  fs.writeFileSync(file, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  return text.split('\f').map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean)).filter((p) => p.length);
}

test('printed, a step and the whole story keep their words and numbers and drop their controls', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  // The interface's words, as the content gives them.
  const toml = fs.readFileSync(path.join(ROOT, 'content/en/ui.toml'), 'utf8');
  const ui = Object.fromEntries([...toml.matchAll(/^(\w+) = "(.*)"$/gm)].map((m) => [m[1], m[2]]));
  for (const where of ['/round-two/benchmarks/', '/all/']) {
    await page.goto(`${env.url}${where}`);
    await mounted(page);
    await page.emulateMedia({ media: 'print' });
    const pages = await printed(page);
    const all = pages.flat().join('\n');
    // The words: the step's heading and a sentence of its text.
    assert.match(all, /Benchmarks and reform/, `${where}: the step's heading`);
    // (The line may break at the hyphen.)
    assert.match(all, /human-\s*rights training/, `${where}: the step's text`);
    // The numbers: a data table's column heading, printed open.
    assert.match(all, /What stands/, `${where}: the data table prints open`);
    // No controls.
    for (const control of [ui.copy_link, ui.copy_embed, ui.figure_more, ui.data_table, ui.full_screen, ui.step_link]) {
      assert.ok(control, 'a control\'s label is missing from ui.toml');
      assert.ok(!all.includes(control), `${where}: "${control}" is printed`);
    }
    if (where !== '/all/') {
      // The figure starts on the first page, under the text: no page left
      // mostly blank before it.
      assert.ok(pages[0].some((l) => l.includes('Round two: what each side was likely')), `${where}: the figure's title is not on page 1`);
    }
    await page.emulateMedia({ media: 'screen' });
  }
  await context.close();
});

test('on a phone a step opens on its heading and first sentence, and the pager never covers text or figure', async () => {
  for (const [width, height] of [[360, 640], [390, 844]]) {
    const { page, context, problems } = await openPage(env.browser, { viewport: { width, height } });
    for (const p of ['/round-two/benchmarks/', '/round-one/security-markers/', '/open-issues/the-squeeze/']) {
      await page.goto(env.url + p);
      // On first paint, before any script: the heading, and the first sentence's last line.
      const seen = await page.evaluate(() => {
        const title = document.querySelector('#step-title').getBoundingClientRect();
        const first = document.querySelector('.step-body p');
        const text = first.textContent;
        const end = Math.max(text.search(/[.!?](\s|$)/), 0);
        const range = document.createRange();
        let walker = document.createTreeWalker(first, NodeFilter.SHOW_TEXT), offset = 0, node;
        while ((node = walker.nextNode())) {
          if (offset + node.data.length > end) { range.setStart(node, end - offset); range.setEnd(node, end - offset + 1); break; }
          offset += node.data.length;
        }
        return { title: title.bottom, sentence: range.getBoundingClientRect().bottom };
      });
      assert.ok(seen.title <= height && seen.sentence <= height, `${p} at ${width}×${height}: heading ends at ${seen.title}, first sentence at ${seen.sentence}`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  }
  for (const width of [320, 390, 768, 1024, 1280, 1440]) {
    const { page, context } = await openPage(env.browser, { viewport: { width, height: 800 } });
    await page.goto(`${env.url}/round-two/benchmarks/`);
    await mounted(page);
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    // At the top, in the middle and at the end of the page.
    for (const y of [0, total / 2, total]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      const overlaps = await page.evaluate(() => {
        const pager = document.querySelector('.pager').getBoundingClientRect();
        const hit = (r) => r.width > 0 && r.height > 0 && r.left < pager.right && r.right > pager.left && r.top < pager.bottom && r.bottom > pager.top;
        return [...document.querySelectorAll('.step-text p, .step-title, .figure-pane canvas, .figure-pane .figure-title, .figure-pane .chart-summary')]
          .filter((e) => hit(e.getBoundingClientRect())).map((e) => e.className || e.tagName);
      });
      assert.deepEqual(overlaps, [], `${width}px, scrolled to ${y}: the pager covers ${overlaps}`);
    }
    await context.close();
  }
});

test('a figure folds its numbers and downloads into one disclosure, and gives one hint for the reader\'s input', async () => {
  for (const touch of [false, true]) {
    const { page, context } = await openPage(env.browser, { viewport: { width: 390, height: 844 }, hasTouch: touch, isMobile: touch });
    await page.goto(`${env.url}/round-two/benchmarks/`);
    await mounted(page);
    const shown = (sel) => page.$$eval(sel, (els) => els.filter((e) => e.checkVisibility()).length);
    assert.equal(await shown('.figure .downloads button'), 0, 'the downloads are folded away');
    assert.equal(await shown('.figure table'), 0, 'the table is folded away');
    await page.click('.figure-more summary');
    assert.equal(await shown('.figure .downloads button'), 3, 'one disclosure opens the downloads');
    assert.ok(await shown('.figure table') === 1, 'and the table');
    assert.equal(await page.$$eval('.figure-more', (els) => els.length), 1, 'one disclosure');
    const hints = await page.$$eval('.figure .chart-keys', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.className));
    assert.deepEqual(hints, [touch ? 'chart-keys hint-touch' : 'chart-keys hint-keys'], `touch ${touch}: ${hints}`);
    await context.close();
  }
});
