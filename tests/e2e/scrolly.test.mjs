// End-to-end: the whole story (`/all/`) as a scrolling piece. One figure
// stays in view and shows the figure of the step whose text crosses the
// middle of the screen; jumps draw only where they land; the address's
// fragment follows without filling the history; without scripts each step
// keeps its figure's summary and table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, mounted, drawn, BASE } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Each step section: its id and the figure it names. */
const sections = (page) => page.$$eval('.all-step', (els) => els.map((e) => ({ id: e.id, figure: e.dataset.figure })));

/** The story figure's state: which figure, how many changes, which chart. */
const figureState = (page) => page.$eval('.scrolly-frame', (f) => ({
  figure: f.dataset.figure,
  changes: Number(f.dataset.changes),
  canvases: f.querySelectorAll('.chart-canvas').length,
}));

/** Scrolls `id` to where a link would put it, and waits for the figure to follow. */
async function readStep(page, id, figure) {
  await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
  await page.waitForFunction((f) => document.querySelector('.scrolly-frame')?.dataset.figure === f, figure, { timeout: 3000 })
    .catch(() => {});
  return figureState(page);
}

/** The whole story at 1280×800, live, with its steps. */
async function openStory() {
  const opened = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await opened.page.goto(`${env.url}/all/`);
  await mounted(opened.page);
  return { ...opened, all: await sections(opened.page) };
}

test('the story figure follows the step being read, beside the text or pinned above it', async () => {
  for (const [width, height] of [[1280, 800], [390, 844], [360, 640]]) {
    const { page, context, problems } = await openPage(env.browser, { viewport: { width, height } });
    await page.goto(`${env.url}/all/`);
    await mounted(page);
    const all = await sections(page);
    assert.ok(all.length > 20, `only ${all.length} steps`);
    // A sample across the story, changing chart and staying on one.
    const picks = [all[4], all[7], all[8], all[12], all[all.length - 8]];
    for (const s of picks) {
      const state = await readStep(page, s.id, s.figure);
      assert.equal(state.figure, s.figure, `${width}px: ${s.id} shows figure ${s.figure}`);
      assert.equal(state.canvases, 1, 'one canvas at a time');
      const box = await page.$eval('.scrolly-figure', (e) => e.getBoundingClientRect().toJSON());
      const text = await page.$eval(`#${s.id}`, (e) => e.getBoundingClientRect().toJSON());
      assert.ok(box.top >= -1 && box.bottom <= height + 1, `${width}px: the figure is in view (${box.top}-${box.bottom})`);
      if (width >= 960) {
        assert.ok(box.left >= text.right - 1, `${width}px: the figure is beside the text`);
      } else {
        assert.ok(box.top <= 1, `${width}px: the figure is pinned to the top (${box.top})`);
        assert.ok(text.top >= box.bottom - 1, `${width}px: the step's heading is below the pinned figure`);
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
    await context.close();
  }
});

test('the whole story opens as text and a picture of its figure; the wasm comes with the first move, or at once for a deep link', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on('request', (r) => {
    if (/\.wasm$/.test(r.url())) fetched.push((r.headers()['sec-purpose'] || '').includes('prefetch') ? 'prefetch' : 'load');
  });
  await page.goto(`${env.url}/all/`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(800);
  const still = () => page.$eval('.scrolly-frame .chart-canvas', (c) => getComputedStyle(c).backgroundImage);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated')), false, 'not hydrated before a move');
  assert.ok(!fetched.includes('load'), `the wasm was loaded before any move (${fetched})`);
  assert.match(await still(), /^url\("data:image\/svg\+xml,/, 'the first figure shows as a picture');
  await page.mouse.move(200, 300);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'), null, { timeout: 15000 });
  await page.waitForFunction(() => Number(document.querySelector('.chart-canvas').dataset.draws) > 0);
  assert.equal(await still(), 'none', 'the drawing replaces the picture');
  assert.ok(fetched.includes('load') || fetched.includes('prefetch'), 'the wasm came');
  // A deep link shows its step's figure without waiting for a move.
  // (A new page, opened from nowhere: no referrer, no move.)
  const all = await sections(page);
  const deep = await context.newPage();
  await deep.goto(`${env.url}/all/#${all[12].id}`);
  await deep.waitForFunction((f) => document.querySelector('.scrolly-frame')?.dataset.figure === f, all[12].figure, { timeout: 15000 });
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('a jump to a step shows its figure at once and draws nothing in between', async () => {
  const { page, context, problems, all } = await openStory();
  const target = all[all.length - 6];
  // A deep link, opened cold (from another page, so it is a page load):
  // the first figure drawn is the target's.
  await page.goto(`${env.url}/context/`);
  await page.goto(`${env.url}/all/#${target.id}`);
  await mounted(page);
  await page.waitForFunction((f) => document.querySelector('.scrolly-frame')?.dataset.figure === f, target.figure, { timeout: 3000 });
  let state = await figureState(page);
  assert.ok(state.changes <= 1, `a deep link changed the figure ${state.changes} times`);
  assert.equal(await page.$eval('.scrolly-frame .chart-canvas', (c) => c.dataset.draws), '1', 'drawn once');
  // An in-page link back to the start: one change, not one per step passed.
  const first = all[1];
  await page.evaluate((id) => { location.hash = id; }, first.id);
  await page.waitForFunction((f) => document.querySelector('.scrolly-frame')?.dataset.figure === f, first.figure, { timeout: 3000 });
  await page.waitForTimeout(300);
  const after = await figureState(page);
  assert.equal(after.changes, state.changes + 1, 'one change for one jump');
  // Find in page: the found words come to the middle, and so does their step's figure.
  const found = all[Math.floor(all.length / 2)];
  await page.evaluate((id) => {
    const p = document.querySelector(`#${id} p`);
    p.scrollIntoView({ block: 'center' });
  }, found.id);
  await page.waitForTimeout(400);
  state = await figureState(page);
  assert.equal(state.figure, found.figure, 'the step found shows its figure');
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('a swap shows the frame drawn ahead, the same pixels as drawing on the spot', async () => {
  const { page, context, problems, all } = await openStory();
  // A step that changes the figure, well into the story.
  const i = all.findIndex((s, k) => k > 8 && s.figure !== all[k - 1].figure);
  await readStep(page, all[i - 1].id, all[i - 1].figure);
  const canvas = () => page.$eval('.scrolly-frame .chart-canvas', (c) => ({ ahead: Number(c.dataset.ahead || 0), draws: Number(c.dataset.draws) }));
  const before = await canvas();
  // Idle time draws the figures next to the one shown.
  await page.waitForTimeout(1500);
  await readStep(page, all[i].id, all[i].figure);
  await page.waitForFunction((n) => Number(document.querySelector('.scrolly-frame .chart-canvas').dataset.draws) > n, before.draws);
  const after = await canvas();
  assert.equal(after.ahead, before.ahead + 1, 'the swap showed the frame drawn ahead');
  // A low-latency canvas reaches the compositor only when drawn on (see
  // claim_low_latency in src/dom/backend.rs).
  const attributes = await page.$eval('.scrolly-frame .chart-canvas', (c) => c.getContext('2d').getContextAttributes());
  assert.equal(attributes.desynchronized, true, "the story's canvas is low-latency");
  const shown = await page.$eval('.scrolly-frame .chart-canvas', (c) => c.toDataURL());
  // The same step opened at its address is drawn on the spot.
  const fresh = await context.newPage();
  await fresh.goto(`${env.url}/all/#${all[i].id}`);
  await mounted(fresh);
  await fresh.waitForFunction((f) => document.querySelector('.scrolly-frame')?.dataset.figure === f, all[i].figure, { timeout: 3000 });
  await drawn(fresh);
  const spot = await fresh.$eval('.scrolly-frame .chart-canvas', (c) => ({ ahead: c.dataset.ahead ?? null, url: c.toDataURL() }));
  assert.equal(spot.ahead, null, 'drawn on the spot');
  assert.ok(spot.url === shown, 'the frame drawn ahead has the pixels of the figure drawn on the spot');
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('the fragment follows the step in view without adding history', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.url}/all/`);
  await mounted(page);
  const length = await page.evaluate(() => history.length);
  const all = await sections(page);
  for (const s of [all[3], all[9], all[15]]) {
    await page.mouse.wheel(0, await page.$eval(`#${s.id}`, (e) => e.getBoundingClientRect().top - innerHeight * 0.44));
    await page.waitForFunction((id) => location.hash === `#${id}`, s.id, { timeout: 3000 });
  }
  assert.equal(await page.evaluate(() => history.length), length, 'no history entry per step');
  assert.equal(new URL(page.url()).pathname, `${BASE}/all/`, 'the path stays');
  // A reader who keeps scrolling passes steps without the address being
  // rewritten for each (every rewrite cost the page a long task); it
  // names the step they rest on.
  await page.evaluate(() => {
    window.rewrites = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args) => { window.rewrites++; return replace(...args); };
  });
  const from = await page.evaluate(() => location.hash);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(150);
  }
  const passed = await page.$eval('.scrolly-frame', (f) => f.dataset.changes);
  assert.equal(await page.evaluate(() => window.rewrites), 0, 'no rewrite while scrolling');
  assert.equal(await page.evaluate(() => location.hash), from);
  const resting = await page.evaluate(() => [...document.querySelectorAll('.all-step')]
    .findLast((s) => s.getBoundingClientRect().top < innerHeight / 2).id);
  await page.waitForFunction((id) => location.hash === `#${id}`, resting, { timeout: 3000 });
  assert.equal(await page.evaluate(() => window.rewrites), 1, `one rewrite for the step rested on (figure changed ${passed} times)`);
  // Clicking at once, before the address has caught up: the other
  // edition opens at the step being read.
  // (A step with a figure of its own, so the figure's change says the
  // crossing has been seen.)
  const here = all.findIndex((s) => s.id === resting);
  const next = all.find((s, i) => i > here + 2 && s.figure !== all[i - 1].figure);
  await page.mouse.wheel(0, await page.$eval(`#${next.id}`, (e) => e.getBoundingClientRect().top - innerHeight * 0.44));
  await page.waitForFunction(([id, f]) => document.querySelector('.scrolly-frame')?.dataset.figure === f
    && Math.abs(document.getElementById(id).getBoundingClientRect().top - innerHeight * 0.44) < 2, [next.id, next.figure], { timeout: 3000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.rewrites), 1, 'not yet rewritten');
  await Promise.all([page.waitForURL((u) => u.pathname === `${BASE}/ar/all/`), page.click('.edition-switch')]);
  assert.equal(new URL(page.url()).hash, `#${next.id}`, 'the switch carries the step in view');
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test("each step's link points into the scrolling story and copies it", async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${env.url}/all/`);
  // Before the wasm runs, each is a plain link to its step.
  const links = await page.$$eval('.all-step', (els) => els.map((e) => [e.id, e.querySelector('.step-link a')?.getAttribute('href')]));
  assert.ok(links.length > 20);
  for (const [id, href] of links) assert.equal(href, `#${id}`, `${id}: its link`);
  await mounted(page);
  const all = await sections(page);
  const step = all[10];
  await page.$eval(`#${step.id}`, (e) => e.scrollIntoView());
  await page.waitForTimeout(300);
  const length = await page.evaluate(() => history.length);
  await page.click(`#${step.id} .step-link a`);
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${env.url}/all/#${step.id}`);
  assert.equal(await page.$eval('.copy-status', (e) => e.textContent), 'Link copied.');
  assert.equal(new URL(page.url()).hash, `#${step.id}`, 'the address bar holds it too');
  assert.equal(await page.evaluate(() => history.length), length, 'no history entry');
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('a change of figure fades in 300 ms or less, and not at all under reduced motion', async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
    await page.emulateMedia({ reducedMotion });
    await page.goto(`${env.url}/all/`);
    await mounted(page);
    const all = await sections(page);
    // Two steps on the same chart with different highlights.
    const pair = all.findIndex((s, i) => i > 0 && all[i - 1].figure !== s.figure
      && all[i - 1].id.split('-')[0] === s.id.split('-')[0]);
    await readStep(page, all[pair - 1].id, all[pair - 1].figure);
    await page.waitForTimeout(400);
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), all[pair].id);
    const animations = await page.waitForFunction(() => {
      const c = document.querySelector('.scrolly-frame .chart-canvas');
      return document.querySelector('.scrolly-frame').dataset.changes > 0
        && c.getAnimations().map((a) => a.effect.getTiming().duration);
    }, null, { timeout: 3000 }).then((h) => h.jsonValue());
    if (reducedMotion === 'reduce') {
      assert.deepEqual(animations, [], 'no animation under reduced motion');
    } else {
      assert.ok(animations.length >= 1 && animations.every((d) => d <= 300), `durations ${animations}`);
    }
    assert.deepEqual(problems, [], problems.join('\n'));
    await context.close();
  }
});

test('resizing, rotating and zooming keep the figure on the step being read', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${env.url}/all/`);
  await mounted(page);
  const all = await sections(page);
  // 1280 wide, a phone on its side, a phone upright, and 1280 at 200% zoom.
  for (const [[width, height], s] of [[[844, 390], all[6]], [[390, 844], all[10]], [[640, 400], all[14]]]) {
    await page.setViewportSize({ width, height });
    const state = await readStep(page, s.id, s.figure);
    assert.equal(state.figure, s.figure, `${width}×${height}: ${s.id}`);
    const drawn = await page.$eval('.scrolly-frame .chart-canvas', (c) => c.width > 0 && c.dataset.draws > 0);
    assert.ok(drawn, `${width}×${height}: the chart is drawn`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});

test('without scripts every step shows its figure in words and numbers, and nothing is hidden', async () => {
  const { page, context } = await openPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.url}/all/`);
  assert.equal(await page.$eval('.scrolly-figure', (e) => getComputedStyle(e).display), 'none', 'no empty figure');
  const withFigure = await page.$$eval('.all-step', (els) => els.filter((e) => e.querySelector('.step-figure')).length);
  const summaries = await page.$$eval('.step-figure .chart-summary', (els) => els.filter((e) => e.offsetHeight > 0 && e.textContent.trim().length > 40).length);
  const tables = await page.$$eval('.step-figure details table', (els) => els.length);
  assert.ok(withFigure > 20, `${withFigure} steps with a figure`);
  assert.equal(summaries, withFigure, 'each summary is shown');
  assert.equal(tables, withFigure, 'each table is there to open');
  const hidden = await page.$$eval('.all-step', (els) => els.filter((e) => e.offsetHeight === 0).length);
  assert.equal(hidden, 0, 'no step is hidden');
  await context.close();
});

test("a swap changes no words in the figure: the current chart's show, the others wait hidden", async () => {
  const { page, context, problems, all } = await openStory();
  const charts = await page.$$eval('.all-step', (els) => els.map((e) => e.querySelector('.step-figure')?.dataset.chart ?? null));
  // Two steps in a row that show different charts, well into the story.
  const i = all.findIndex((s, k) => k > 4 && charts[k] && charts[k - 1] && charts[k] !== charts[k - 1]);
  assert.ok(i > 0, 'two steps in a row with different charts');
  const words = () => page.$$eval('.scrolly-frame .words-stack', (stacks) => stacks.map((s) => [...s.children].map((c) => ({
    on: c.hasAttribute('data-on'),
    text: c.textContent.trim(),
    hidden: c.getAttribute('aria-hidden'),
    opacity: getComputedStyle(c).opacity,
  }))));
  const check = (stacks, when) => {
    assert.equal(stacks.length, 2, `${when}: a stack of titles and one of summaries`);
    for (const stack of stacks) {
      assert.ok(stack.length > 1, `${when}: the words of every chart the story shows`);
      const on = stack.filter((w) => w.on);
      assert.equal(on.length, 1, `${when}: one chart's words on show`);
      assert.equal(on[0].hidden, null, `${when}: the words on show are read out`);
      assert.equal(on[0].opacity, '1', `${when}: the words on show are seen`);
      for (const w of stack.filter((w) => !w.on)) {
        assert.equal(w.hidden, 'true', `${when}: other charts' words are not read out`);
        assert.equal(w.opacity, '0', `${when}: other charts' words are not seen`);
      }
    }
  };
  await readStep(page, all[i - 1].id, all[i - 1].figure);
  const before = await words();
  check(before, 'before the swap');
  // Any change to the words' text or elements during the swap.
  await page.evaluate(() => {
    window.wordChanges = 0;
    for (const s of document.querySelectorAll('.scrolly-frame .words-stack')) {
      new MutationObserver((list) => { window.wordChanges += list.length; }).observe(s, { subtree: true, childList: true, characterData: true });
    }
  });
  await readStep(page, all[i].id, all[i].figure);
  const after = await words();
  check(after, 'after the swap');
  assert.equal(await page.evaluate(() => window.wordChanges), 0, 'the swap wrote no words');
  const title = (stacks) => stacks[0].find((w) => w.on).text;
  assert.notEqual(title(after), title(before), 'the title on show changed with the chart');
  const stepTitle = await page.$eval(`#${all[i].id} .step-figure strong`, (e) => e.textContent.trim());
  assert.ok(title(after).startsWith(stepTitle), `the title on show is the step's chart's: ${title(after)} / ${stepTitle}`);
  assert.deepEqual(problems, [], problems.join('\n'));
  await context.close();
});
