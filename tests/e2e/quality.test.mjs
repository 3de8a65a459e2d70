// Quality gates that need a real browser: accessibility (axe-core, forced
// colours, reduced motion), hostile input in the address, privacy (no
// cookies, nothing stored), the content security policy, a soak, and the
// Nu Html Checker over every built page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, mounted, drawn, pagePaths, chapterPaths, embedPaths, arabicPaths, arabicEmbedPaths, arabicSample, ROOT, DIST, BASE, ROOT_ONLY } from './browser.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const AXE = fs.readFileSync(path.join(ROOT, 'tools/node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the open page, as readable lines. */
async function axe(page) {
  // axe is injected by the test, so the page's own policy must let it in.
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return result;
}

test('axe-core finds no violation on any chapter, the cover, the whole story or an embed, in light and dark, in both editions', ROOT_ONLY, async () => {
  const pages = ['/', '/all/', '/embed/', ...chapterPaths(), '/round-two/kadhimis-footing/?opinion=iran-2017-voa', '/context/?timeline-hide=security', ...embedPaths().filter((p) => /^\/embed\/round-(one|two)\//.test(p)).slice(0, 3), '/no-such-page/', ...arabicSample(), '/ar/round-two/kadhimis-footing/?opinion=iran-2017-voa'];
  for (const scheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(env.browser, { bypassCSP: true, colorScheme: scheme });
    for (const p of pages) {
      await page.goto(env.url + p);
      await mounted(page);
      if (await page.$('.chart-canvas')) await drawn(page);
      assert.deepEqual(await axe(page), [], `${p} (${scheme})`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('forced colours: every control keeps a visible boundary and the chart still draws', async () => {
  const { page, context, problems } = await openPage(env.browser, { forcedColors: 'active' });
  await page.goto(env.url + '/context/');
  await mounted(page);
  await drawn(page);
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  // Buttons and the pager's links are drawn with a border the system colours.
  const borders = await page.$$eval('.filters button, .downloads button, .share button, .pager a', (els) =>
    els.map((el) => getComputedStyle(el).borderStyle).filter((b) => b === 'none'));
  assert.deepEqual(borders, [], 'a control without a border');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus must stay visible');
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile addresses show the story or the not-found view, and run nothing', async () => {
  const { page, context, problems } = await openPage(env.browser);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  const payload = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const hostile = [
    `/${payload}/`,
    '/%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E/',
    '/javascript:window.__pwned=1/',
    `/${'a'.repeat(5000)}/`,
    '/round-one/%E2%80%AEeno-dnuor/',
    '/r%D0%BEund-one/', // a Cyrillic о in "round"
    '/round-one/%00/',
    '/..%2F..%2Fetc%2Fpasswd',
    '/embed/%2e%2e/round-one/',
    `/round-one/?troops=${payload}`,
    `/round-one/?timeline-hide=${'security,'.repeat(900)}`,
    '/round-one/?opinion=%F0%9F%92%A5&opinion=x&opinion-hide=%',
    `/round-one/#${payload}`,
    '/round-one/#%',
  ];
  for (const p of hostile) {
    await page.goto(env.url + p);
    await mounted(page);
    assert.ok(await page.isVisible('#page-title'), `${p}: a page is shown`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${p}: ran the payload`);
  }
  // A "go" message aimed at a page that is not an embed is ignored.
  await page.goto(env.url + '/round-one/');
  await mounted(page);
  await page.evaluate(() => window.postMessage({ type: 'strategic-dialogue:go', path: '/round-two/' }, '*'));
  await page.waitForTimeout(300);
  assert.match(page.url(), /\/round-one\/$/);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every page carries the content security policy and no inline script', async () => {
  for (const p of [...pagePaths(), ...embedPaths(), ...arabicPaths(), ...arabicEmbedPaths()]) {
    const html = fs.readFileSync(path.join(DIST, p, 'index.html'), 'utf8');
    const csp = (html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/) || [])[1];
    assert.ok(csp, `${p}: no policy`);
    // A page with app code may allow, by its hash, the speculation rules
    // its start-up script writes; nothing inline besides.
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]{43}=')?;/);
    assert.doesNotMatch(csp, /'unsafe-eval'|script-src[^;]*unsafe-inline/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim());
    assert.deepEqual(inline.map((m) => m[0].slice(0, 80)), [], `${p}: inline script`);
    // A page without islands has no script at all.
    const script = html.indexOf('<script');
    assert.ok(script === -1 || html.indexOf('Content-Security-Policy') < script, `${p}: the policy comes first`);
  }
});

test('reading the story sets no cookie and stores nothing', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + '/');
  await mounted(page);
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await page.goto(env.url + '/round-two/kadhimis-footing/?opinion=iran-2020');
  await mounted(page);
  assert.deepEqual(await context.cookies(), []);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    caches: 'caches' in window ? (await caches.keys()).length : 0,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, databases: 0, caches: 0 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('soak: 1,000 step changes through real page loads and 100 resizes leave no error, and memory stays level', ROOT_ONLY, async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  await page.goto(env.url + '/context/');
  await mounted(page);
  const memory = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  // Back and forth through every step: turn round at the last step and at
  // the first (whose previous page, the cover, is not a step).
  const home = new URL(page.url()).pathname;
  let forward = true;
  const samples = [];
  for (let i = 0; i < 1000; i++) {
    const here = new URL(page.url()).pathname;
    const atEnd = forward && (await page.getAttribute('.pager-next', 'aria-disabled')) === 'true';
    if (atEnd || (!forward && here === home)) forward = !forward;
    const before = page.url();
    await page.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForURL((u) => u.href !== before, { timeout: 5000 });
    await mounted(page);
    if (i % 100 === 99) samples.push(await memory());
  }
  for (let i = 0; i < 100; i++) await page.setViewportSize({ width: 900 + (i % 2) * 380, height: 900 });
  samples.push(await memory());
  const [low, high] = [Math.min(...samples), Math.max(...samples)];
  console.log(`# wasm memory per page over 1,000 step loads and 100 resizes: ${(low / 1048576).toFixed(2)} to ${(high / 1048576).toFixed(2)} MiB`);
  // Every page starts afresh, so no page may carry more than another.
  assert.ok(high <= low + 1048576, `wasm memory ranged from ${low} to ${high}`);
  assert.deepEqual(problems, []);
  await context.close();
});

// A real panic in the release build, caused from outside as a hostile
// extension or a broken browser could. Leptos unwraps these calls, so Rust
// panics; the reader must get the notice with a reload link, and the
// page's text must stay.

/** Before the wasm runs, something (a translation extension, say) puts a
 * word of its own at the start of the chart's island: hydration finds a
 * text where the figure's first element should be. */
const rewriteIsland = () => addEventListener('DOMContentLoaded', () => {
  document.querySelector('leptos-island[data-component=figure]')?.prepend(document.createTextNode('hola'));
});

/** The page refuses to create `<div>`s once `window.__refuse` is set. */
const refuseParagraphs = () => {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag, ...rest) {
    if (window.__refuse && String(tag).toLowerCase() === 'p') throw new Error('p refused by the test');
    return create.call(this, tag, ...rest);
  };
};

test('a panic while the islands hydrate leaves the prerendered text and shows a notice with a reload link', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.addInitScript(rewriteIsland);
  const at = `${env.url}/round-one/security-markers/`;
  await page.goto(at);
  await page.waitForSelector('#crash[role=alert]:not([hidden])');
  const notice = await page.$eval('#crash', (n) => ({ text: n.textContent, href: n.querySelector('a')?.href }));
  assert.match(notice.text, /\S/);
  assert.equal(notice.href, at, 'the reload link reloads this page');
  // The prerendered page is still there, whole: its title and its text.
  const title = await page.textContent('#step-title');
  assert.ok(title && title.trim().length > 3, `no step title: ${title}`);
  const words = await page.evaluate(() => document.querySelector('main').innerText.split(/\s+/).length);
  assert.ok(words > 80, `only ${words} words left on the page`);
  assert.ok(problems.some((p) => p.includes('panicked') || p.includes('unreachable')), `the panic was not reported: ${problems.join(' | ')}`);
  await context.close();
});

test('a panic after the islands are up keeps the page readable and shows the notice once', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.addInitScript(refuseParagraphs);
  await page.goto(`${env.url}/round-one/security-markers/`);
  await mounted(page);
  await drawn(page);
  // Selecting a point writes its readout, new <p>s: refused.
  await page.evaluate(() => { window.__refuse = true; });
  await page.focus('.chart-canvas');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#crash[role=alert]:not([hidden])');
  assert.equal(await page.$$eval('#crash', (n) => n.length), 1);
  const words = await page.evaluate(() => document.body.innerText.split(/\s+/).length);
  assert.ok(words > 80, `only ${words} words left on the page`);
  assert.ok(problems.some((p) => p.includes('panicked') || p.includes('refused')), problems.join(' | '));
  await context.close();
});

test('the Nu Html Checker finds no error in any built page', () => {
  const jar = path.join(ROOT, 'tools/node_modules/vnu-jar/build/dist/vnu.jar');
  const files = [...pagePaths(), ...embedPaths(), ...arabicPaths(), ...arabicEmbedPaths()].map((p) => path.join(DIST, p, 'index.html'));
  files.push(path.join(DIST, '404.html'));
  // The checker's CSS grammar predates anchor positioning (CSS Anchor
  // Positioning Module Level 1, in Chromium since 125): only those words
  // are let through, each named.
  const anchoring = '.*CSS: “(position-area|position-try-fallbacks)”: Property “\\1” doesn.t exist.*|.*CSS: “justify-self”: “anchor-center” is not a “justify-self” value.*';
  let out = '';
  try {
    out = execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'text', '--filterpattern', anchoring, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = `${e.stdout || ''}${e.stderr || ''}`;
  }
  assert.equal(out.trim(), '', out.split('\n').slice(0, 20).join('\n'));
});

test("lines of body text hold 60 to 75 characters on a desktop, in the page's font and in the wide and narrow serifs systems fall back to", async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  // DejaVu Serif is as wide as common serifs come, Liberation Serif has
  // Times New Roman's widths: as narrow as they come.
  for (const font of ['', 'DejaVu Serif', 'Liberation Serif']) {
    const lines = [];
    for (const path of chapterPaths().filter((p) => !/all|glossary|sources/.test(p)).slice(0, 4)) {
      await page.goto(env.url + path);
      lines.push(...(await page.evaluate((font) => {
        if (font) document.documentElement.style.setProperty('--serif', `"${font}"`);
        const out = [];
        for (const p of document.querySelectorAll('.step-text p')) {
          // Characters per rendered line, by the top of each character's box;
          // a paragraph's last line is short by nature and left out.
          const rows = new Map();
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (let i = 0; i < n.length; i++) {
              const range = document.createRange();
              range.setStart(n, i);
              range.setEnd(n, i + 1);
              const rect = range.getClientRects()[0];
              if (rect) rows.set(Math.round(rect.bottom), (rows.get(Math.round(rect.bottom)) || 0) + 1);
            }
          }
          out.push(...[...rows.values()].slice(0, -1));
        }
        return out;
      }, font)));
    }
    lines.sort((a, b) => a - b);
    const median = lines[lines.length >> 1];
    assert.ok(lines.length >= 8, `${font || 'page font'}: too few full lines to judge (${lines.length})`);
    assert.ok(median >= 60 && median <= 75, `${font || 'page font'}: median ${median} characters a line`);
    assert.ok(lines.at(-1) <= 78, `${font || 'page font'}: a line of ${lines.at(-1)} characters`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
