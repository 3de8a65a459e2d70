// End-to-end: the release build in the machine's headless Chromium, served
// from loopback like any static host would serve it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, mounted, drawn, pagePaths, chapterPaths, BASE } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Share of the canvas's pixels that differ from its top-left pixel, and the number of distinct colours. */
async function canvasInk(page, selector = '.chart-canvas') {
  return page.$eval(selector, (c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const bg = data.slice(0, 4).join();
    let inked = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const px = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
      if (px !== bg) inked++;
      if (colours.size < 64) colours.add(px);
    }
    return { share: inked / (c.width * c.height), colours: colours.size, width: c.width, height: c.height, cssWidth: c.clientWidth };
  });
}

test('every chapter loads with no console error and no failed request', async () => {
  const chapters = chapterPaths();
  assert.ok(chapters.length >= 6, `expected the chapters in dist/, found ${chapters}`);
  for (const path of ['/', ...chapters]) {
    const { page, context, problems } = await openPage(env.browser);
    const res = await page.goto(env.url + path);
    assert.equal(res.status(), 200, path);
    await mounted(page);
    assert.ok(await page.$('h1'), `${path} has a heading`);
    await page.waitForTimeout(150);
    assert.deepEqual(problems, [], `${path}: ${problems.join('\n')}`);
    await context.close();
  }
});

test('the chart canvas is drawn, crisp at devicePixelRatio 2', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.url}/round-one/security-markers/`);
  await mounted(page);
  await page.waitForFunction(() => document.querySelector('.chart-canvas')?.width > 0);
  const ink = await canvasInk(page);
  assert.ok(ink.share > 0.01, `canvas looks blank: ${JSON.stringify(ink)}`);
  assert.ok(ink.colours >= 4, `too few colours drawn: ${JSON.stringify(ink)}`);
  assert.equal(ink.width, Math.round(ink.cssWidth * 2), 'canvas backing store is 2× its CSS width');
  assert.equal(await page.isVisible('.chart-error'), false, 'no error message over a chart that drew');
  // The canvas is what the reader sees at its centre, not something on top of it.
  const onTop = await page.$eval('.chart-canvas', (c) => {
    const r = c.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === c;
  });
  assert.ok(onTop, 'nothing covers the chart');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chart redraws when its frame is resized', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.url}/round-one/security-markers/`);
  await mounted(page);
  await page.waitForFunction(() => document.querySelector('.chart-canvas')?.width > 0);
  const before = (await canvasInk(page)).width;
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction((w) => document.querySelector('.chart-canvas').width !== w, before);
  const afterInk = await canvasInk(page);
  assert.notEqual(afterInk.width, before);
  assert.equal(afterInk.width, Math.round(afterInk.cssWidth * 2));
  assert.ok(afterInk.share > 0.01, 'redrawn canvas is not blank');
  await context.close();
});

test('a deep link opened cold lands on its step', async () => {
  const paths = pagePaths().filter((p) => p.split('/').filter(Boolean).length === 2);
  assert.ok(paths.length > 10, 'step pages exist');
  for (const path of [paths[3], paths[paths.length - 2]]) {
    const { page, context } = await openPage(env.browser);
    await page.goto(env.url + path);
    // Before the wasm: the prerendered text is already there.
    const prerendered = await page.textContent('#step-title');
    await mounted(page);
    const live = await page.textContent('#step-title');
    assert.equal(live, prerendered, `${path}: the live app shows the prerendered step`);
    const current = await page.getAttribute('.step-list a[aria-current]', 'href');
    assert.equal(current, BASE + path, `${path}: the step list marks the step`);
    assert.ok((await page.title()).startsWith(live), `${path}: the title names the step`);
    await context.close();
  }
});

test('an unknown address shows a not-found view that links to every chapter', async () => {
  const { page, context, problems } = await openPage(env.browser);
  const res = await page.goto(`${env.url}/no/such/page/`);
  assert.equal(res.status(), 404);
  await mounted(page);
  assert.ok(await page.isVisible('[data-testid=not-found]'));
  const links = await page.$$eval('[data-testid=not-found] a', (as) => as.map((a) => a.getAttribute('href')));
  for (const chapter of chapterPaths()) {
    assert.ok(links.includes(BASE + chapter), `not-found view lacks ${chapter}: ${links}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('arrow keys and links move between steps, and back returns', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(`${env.url}/round-one/`);
  await mounted(page);
  const first = await page.textContent('#step-title');
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/\/round-one\/[a-z-]+\/$/);
  const second = await page.textContent('#step-title');
  assert.notEqual(second, first);
  await page.click('.pager-next');
  await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent !== t, second);
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('#step-title')?.textContent === t, second);
  // The text is back before the keys are: a page not kept in the back-forward
  // cache loads again, and its keys listen once its islands are live.
  await mounted(page);
  await page.keyboard.press('Home');
  await page.waitForURL(new RegExp(`${BASE}/round-one/$`));
  assert.equal(await page.textContent('#step-title'), first);
  assert.deepEqual(problems, []);
  await context.close();
});

test('links load the next step prefetched (and, once the page is up, prerendered), at its top with focus on its heading; back returns; the skip link stays on the page', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 600 } });
  await page.goto(`${env.url}/round-one/security-markers/`);
  await mounted(page);
  const here = new URL(page.url()).pathname;
  // <base href> would send a bare "#main" to the site's root.
  assert.equal(await page.getAttribute('.skip-link', 'href'), `${here}#main`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(new URL(page.url()).pathname, here, 'the skip link left the page');
  // The steps either side are fetched while the reader reads this one.
  const prefetched = await page.$$eval('link[rel=prefetch]', (ls) => ls.map((l) => l.getAttribute('href')));
  for (const sel of ['.pager-next', '.pager-prev']) {
    const href = await page.getAttribute(sel, 'href');
    assert.ok(prefetched.includes(href), `${href} is not prefetched: ${prefetched}`);
  }
  // Once the page is up, the start-up script asks for the same two to be prerendered
  // where the browser can (DevTools turns prerendering off, so this suite
  // sees the rules, not the prerender: `make bench` measures that).
  const rules = await page.$$eval('script[type=speculationrules]', (ss) => ss.map((s) => JSON.parse(s.textContent)));
  const pages = prefetched.filter((href) => href.endsWith('/'));
  assert.deepEqual(rules.flatMap((r) => r.prerender.flatMap((p) => p.urls)), pages);
  // A first visit to a chart page also fetches the full wasm and its glue
  // once the browser is idle, for the pages after it.
  await page.waitForFunction(() => document.querySelectorAll('link[rel=prefetch][href$="_bg.wasm"]').length === 1);
  const later = await page.$$eval('link[rel=prefetch]', (ls) => ls.map((l) => l.getAttribute('href')).filter((h) => !h.endsWith('/')));
  assert.equal(later.length, 2, `${later}`);
  assert.ok(later.some((h) => h.endsWith('.js')) && later.some((h) => h.endsWith('_bg.wasm')), `${later}`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const last = await page.getAttribute('.step-list li:last-child a', 'href');
  await page.click('.step-list li:last-child a');
  await page.waitForURL((u) => u.pathname === last);
  await mounted(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new step opens at its top');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-title', 'focus is on the new step');
  await page.goBack();
  await page.waitForURL((u) => u.pathname === here);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a first visit fetches the wasm and the steps either side only once the page has loaded and its first paint is on screen', async () => {
  // Fetched earlier, they share a phone's network with the first paint,
  // and Lighthouse's simulation counts their downloads in the LCP.
  for (const p of ['/round-one/security-markers/', '/ar/round-one/security-markers/', '/embed/round-one/iraqs-pledge/']) {
    const { page, context, problems } = await openPage(env.browser);
    await page.goto(env.url + p);
    await mounted(page);
    await page.waitForFunction(() => document.querySelectorAll('link[rel=prefetch]').length >= 2);
    const t = await page.evaluate(() => ({
      wasm: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('_bg.wasm')).map((r) => r.startTime),
      near: [...document.querySelectorAll('link[rel=next],link[rel=prev]')].map((l) => l.href),
      pages: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/')).map((r) => [r.name, r.startTime]),
      load: performance.getEntriesByType('navigation')[0].loadEventEnd,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
    assert.ok(t.wasm.length >= 1 && t.paint > 0, `${p}: ${JSON.stringify(t)}`);
    assert.ok(t.wasm[0] >= t.load && t.wasm[0] >= t.paint, `${p}: the wasm was asked for at ${t.wasm[0]} ms, before the load (${t.load} ms) or the first paint (${t.paint} ms)`);
    assert.equal(t.near.length, 2, `${p}: ${t.near}`);
    for (const href of t.near) {
      const fetched = t.pages.filter(([name]) => name === href);
      assert.ok(fetched.length > 0, `${p}: ${href} was not prefetched: ${JSON.stringify(t.pages)}`);
      for (const [, at] of fetched) assert.ok(at >= t.paint, `${p}: ${href} was asked for at ${at} ms, before the first paint (${t.paint} ms)`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the prerendered page is the page: the wasm replaces no element and changes no text', async () => {
  const pages = ['/round-one/security-markers/', '/round-two/', '/', '/all/', '/embed/round-one/iraqs-pledge/', '/ar/round-one/security-markers/', '/ar/all/'];
  for (const p of pages) {
    const { page, context, problems } = await openPage(env.browser);
    // Hold the wasm back until every node of the prerendered page is marked.
    let release;
    const gate = new Promise((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
    await page.goto(env.url + p, { waitUntil: 'domcontentloaded' });
    const counted = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      window.__marked = [];
      for (let n = walker.currentNode; n; n = walker.nextNode()) window.__marked.push([n, n.nodeType === 3 ? n.data : null]);
      return window.__marked.length;
    });
    assert.ok(counted > 50, `${p}: only ${counted} nodes`);
    release();
    await mounted(page);
    if (await page.$('.chart-canvas')) await drawn(page);
    await page.waitForTimeout(200);
    const changed = await page.evaluate(() => window.__marked
      .filter(([n, text]) => !n.isConnected || (text !== null && n.data !== text))
      .slice(0, 5)
      .map(([n, text]) => `${n.nodeType === 3 ? `text "${text}" → "${n.data}"` : n.outerHTML.slice(0, 80)} (connected: ${n.isConnected})`));
    assert.deepEqual(changed, [], `${p}: prerendered nodes replaced or changed`);
    assert.deepEqual(problems, [], `${p}: ${problems.join('\n')}`);
    await context.close();
  }
});

test('the page does not jump when the wasm takes over: layout shift at most 0.01', async () => {
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const { page, context, problems } = await openPage(env.browser, { viewport: { width, height } });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const p of ['/', '/round-one/iraqs-pledge/', '/round-two/kadhimis-footing/', '/sources/', '/all/']) {
      await page.goto(env.url + p);
      await mounted(page);
      if (await page.$('.chart-canvas')) {
        await drawn(page);
      }
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift <= 0.01, `${p} at ${width}px: layout shift ${shift.toFixed(4)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});
