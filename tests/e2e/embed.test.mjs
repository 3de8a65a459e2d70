// Embeds and sharing: a host page on another origin (127.0.0.2) embeds two
// sections with the public embed script; both frames fit their content,
// links inside them work, the host can move one, and hostile messages do
// nothing. Each step's share controls copy its link and its embed code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { start, openPage, mounted, embedPaths, arabicEmbedPaths, DIST } from './browser.mjs';

let env;
let host;
let hostDir;
before(async () => {
  env = await start();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-'));
  fs.writeFileSync(
    path.join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A newsroom page</title></head>
<body style="margin:0;font:16px sans-serif">
<h1>Our story about Iraq</h1>
<p>Some of the newsroom's own text.</p>
<div id="one" data-dialogue-embed="/round-one/iraqs-pledge/" data-title="Iraq's pledge"></div>
<p>More text between the embeds.</p>
<div id="two" data-dialogue-embed="/round-two/kadhimis-footing/chart/"></div>
<div id="bad" data-dialogue-embed="javascript:alert(1)"></div>
<script src="${env.url}/public/embed.js" async></script>
</body></html>`,
  );
  host = await serve(hostDir, { host: '127.0.0.2' });
});
after(async () => {
  await host?.close();
  await env?.close();
  if (hostDir) fs.rmSync(hostDir, { recursive: true, force: true });
});

/** The iframe inside a placeholder, once its wasm has mounted. */
async function frameOf(page, id) {
  const handle = await page.waitForSelector(`#${id} iframe`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
  return { handle, frame };
}

/** Waits until the iframe is as tall as the page inside it (no scrollbar). */
async function fits(page, { handle, frame }) {
  // Chromium pauses rendering in frames out of view (so does every reader's
  // browser): look at the frame, as a reader would, before measuring it.
  await handle.scrollIntoViewIfNeeded();
  for (let i = 0; i < 50; i++) {
    const outer = (await handle.boundingBox()).height;
    const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > document.documentElement.clientHeight + 1);
    if (Math.abs(outer - inner) <= 2 && !scrolls) return outer;
    await page.waitForTimeout(100);
  }
  const dbg = await frame.evaluate(() => [document.body.getBoundingClientRect().height, document.documentElement.scrollHeight, document.documentElement.clientHeight]);
  assert.fail(`the frame at ${frame.url()} never fitted its content: ${(await handle.boundingBox()).height} vs ${dbg}`);
}

test('a host page on another origin embeds two sections that fit, navigate and follow the host', async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 900, height: 800 }, extraOrigins: [new URL(host.url).origin] });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  await page.goto(host.url + '/');
  const one = await frameOf(page, 'one');
  const two = await frameOf(page, 'two');
  assert.equal(await page.$$eval('iframe', (f) => f.length), 2, 'a placeholder with a bad path gets no frame');
  assert.equal(await one.handle.getAttribute('title'), "Iraq's pledge");
  assert.match(one.frame.url(), /\/embed\/round-one\/iraqs-pledge\/$/);
  const h1 = await fits(page, one);
  const h2 = await fits(page, two);
  assert.ok(h1 > 300 && h2 > 200, `sizes ${h1} and ${h2}`);
  // No site chrome in an embed, and a way out to the full step.
  assert.equal(await one.frame.$$eval('.masthead, .site-foot, .progress', (e) => e.length), 0);
  const open = one.frame.locator('.open-full a');
  assert.equal(await open.getAttribute('target'), '_blank');
  assert.match(await open.getAttribute('href'), /\/round-one\/iraqs-pledge\/$/);
  // The figure-only embed shows the figure and not the step's text.
  assert.ok(await two.frame.isVisible('.chart-canvas'));
  assert.ok(!(await two.frame.isVisible('.step-text')));

  // An embed is one step, credited in its first screen: no pager, no hint
  // written for the site.
  assert.equal(await one.frame.$$eval('.pager', (e) => e.length), 0, 'no step pager in an embed');
  assert.equal(await one.frame.$$eval('.chart-keys', (els) => els.filter((e) => e.getClientRects().length).length), 0, 'no keyboard or touch hint');
  const credit = await one.frame.$eval('.embed-credit', (e) => ({ text: e.textContent, top: e.getBoundingClientRect().top }));
  assert.match(credit.text, /Based on .*Arab Center Washington DC/);
  assert.ok(credit.top < 100, `the credit opens the embed: ${credit.top}`);

  // The host moves an embed to another step, and the frame refits.
  assert.equal(await page.evaluate(() => window.StrategicDialogue.go(document.getElementById('one'), '/round-one/the-raid/')), true);
  await one.frame.waitForURL(/\/embed\/round-one\/the-raid\/$/);
  await fits(page, one);
  // A view chosen inside the embed goes with the reader to the full page.
  await one.frame.focus('.chart-canvas');
  await one.frame.press('.chart-canvas', 'ArrowRight');
  await one.frame.waitForURL(/\?timeline=/);
  const full = await one.frame.getAttribute('.open-full a', 'href');
  assert.match(full, /\/round-one\/the-raid\/\?timeline=[a-z0-9-]+$/);

  // The host moves the second embed; it stays a figure-only embed.
  const moved = await page.evaluate(() => window.StrategicDialogue.go(document.getElementById('two'), '/round-two/allies-in-parliament/'));
  assert.equal(moved, true);
  await two.frame.waitForURL(/\/embed\/round-two\/allies-in-parliament\/chart\/$/);
  assert.equal(await two.frame.getAttribute('.figure', 'data-chart'), 'parliament');
  await fits(page, two);

  // Hostile or malformed messages change nothing and run nothing.
  const before = two.frame.url();
  await page.evaluate(() => {
    const w = document.querySelector('#two iframe').contentWindow;
    const junk = [
      'strategic-dialogue:go', null, 42, [], { type: 'strategic-dialogue:go' },
      { type: 'strategic-dialogue:go', path: 'javascript:alert(1)' },
      { type: 'strategic-dialogue:go', path: '/<img src=x onerror=alert(1)>/' },
      { type: 'strategic-dialogue:go', path: '/round-two/'.repeat(100) },
      { type: 'strategic-dialogue:go', path: ['/round-two/'] },
      { type: 'strategic-dialogue:height', height: 1 },
      { type: 'something-else', path: '/round-two/' },
    ];
    for (const m of junk) w.postMessage(m, '*');
  });
  await page.waitForTimeout(500);
  assert.equal(two.frame.url(), before);
  assert.equal(dialogs, 0);
  assert.equal(await two.frame.getAttribute('.figure', 'data-chart'), 'parliament');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every embed page is prerendered, kept out of search results, and points at its step', async () => {
  const paths = embedPaths();
  assert.ok(paths.length > 40, `${paths.length} embed pages`);
  for (const p of paths) {
    const res = await fetch(env.url + p);
    assert.equal(res.status, 200, p);
    const html = await res.text();
    assert.match(html, /<meta name="robots" content="noindex">/, p);
    assert.ok(!html.includes('class="masthead"'), `${p}: no site chrome`);
    const canonical = (html.match(/<link rel="canonical" href="([^"]+)">/) || [])[1];
    if (canonical) assert.ok(!canonical.includes('/embed/'), `${p}: canonical ${canonical}`);
  }
});

test('an embed at 360 pixels wide never scrolls sideways and credits the analysis on its first screen', async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 360, height: 640 } });
  // One of each kind of figure, whole step and figure alone, and a step
  // without a figure.
  const chosen = embedPaths().filter((p) => /\/(benchmarks|allies-in-parliament|troops-over-time|the-raid|terms)\/(chart\/)?$/.test(p));
  assert.ok(chosen.length >= 6, `${chosen}`);
  for (const p of chosen) {
    await page.goto(env.url + p);
    await mounted(page);
    const got = await page.evaluate(() => ({
      over: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      credit: document.querySelector('.embed-credit')?.getBoundingClientRect().bottom,
      open: document.querySelector('.open-full a')?.getBoundingClientRect().bottom,
    }));
    assert.ok(got.over <= 0, `${p}: ${got.over} px too wide`);
    assert.ok(got.credit > 0 && got.credit < 640, `${p}: the credit is below the first screen (${got.credit})`);
    assert.ok(got.open > 0 && got.open < 640, `${p}: the way to the full explainer is below the first screen (${got.open})`);
  }
  await context.close();
});

test('a step copies its link with the chart state, and its embed code', async () => {
  const { page, context, problems } = await openPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.url + '/round-two/allies-in-parliament/?parliament=fatah');
  await mounted(page);
  await page.click('[data-share=link]');
  await page.waitForFunction(() => document.querySelector('.share-status').textContent.length > 0);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  assert.match(link, /\?parliament=fatah$/);
  await page.click('[data-share=embed]');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('embed.js'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const lines = code.split('\n');
  assert.equal(lines.length, 2, code);
  // An iframe that works alone, then the script that keeps it fitted.
  const frame = new RegExp(`^<iframe src="${env.url}/embed/round-two/allies-in-parliament/" title="[^"]+" width="100%" height="(\\d+)" loading="lazy" style="[^"]*min-height:\\1px[^"]*" data-dialogue-embed></iframe>$`);
  assert.match(lines[0], frame);
  assert.equal(lines[1], `<script src="${env.url}/public/embed.js" async></script>`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share sheet button shows where the browser has a share sheet, and only there', async () => {
  const { page, context, problems } = await openPage(env.browser);
  await page.goto(env.url + '/round-two/allies-in-parliament/');
  await mounted(page);
  assert.equal(await page.isVisible('[data-share=sheet]'), await page.evaluate(() => 'share' in navigator));
  await context.close();
  const phone = await openPage(env.browser);
  await phone.context.addInitScript(() => {
    navigator.share = async () => {};
  });
  await phone.page.goto(env.url + '/round-two/allies-in-parliament/');
  await mounted(phone.page);
  await phone.page.locator('[data-share=sheet]').waitFor({ state: 'visible' });
  assert.deepEqual([...problems, ...phone.problems], []);
  await phone.context.close();
});

/** The oEmbed document of embed page `p` ("/embed/…/"), as the build wrote it. */
function oembedOf(p) {
  return JSON.parse(fs.readFileSync(path.join(DIST, p, 'oembed.json'), 'utf8'));
}

/** `text` with the site's address, as the build wrote it (SITE_URL and the
 * base path), put back to this server's. */
function local(text) {
  const root = oembedOf('/embed/context/').provider_url;
  return text.split(root).join(env.url + '/');
}

test('a bare link unfurls: every page of a step names its oEmbed document, whose code is the copied embed code', async () => {
  const { page, context, problems } = await openPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.url + '/round-two/allies-in-parliament/');
  await mounted(page);
  const href = await page.getAttribute('link[rel=alternate][type="application/json+oembed"]', 'href');
  assert.match(href, /\/embed\/round-two\/allies-in-parliament\/oembed\.json$/);
  const res = await fetch(local(href));
  assert.equal(res.status, 200);
  const doc = await res.json();
  assert.equal(doc.version, '1.0');
  assert.equal(doc.type, 'rich');
  assert.ok(doc.title && doc.provider_name && doc.width === 640 && doc.height > 300, JSON.stringify(doc));
  await page.click('[data-share=embed]');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('<iframe'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(local(doc.html), copied, 'the oEmbed code is the copied code');
  // An embed names its own; the figure alone has one too.
  for (const p of ['/embed/round-two/allies-in-parliament/chart/', '/embed/context/']) {
    const html = await (await fetch(env.url + p)).text();
    const own = (html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/) || [])[1];
    assert.ok(own && own.endsWith(p + 'oembed.json'), `${p}: ${own}`);
    assert.equal((await fetch(local(own))).status, 200);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted where scripts are stripped, the embed code still shows the whole step at 640 px; with the script it fits and says it is ready, in both editions', async () => {
  for (const embed of ['/embed/round-one/iraqs-pledge/', '/ar/embed/round-one/iraqs-pledge/']) {
    const doc = oembedOf(embed);
    const code = local(doc.html);
    const [frameCode, scriptCode] = code.split('\n');
    fs.writeFileSync(path.join(hostDir, 'stripped.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A CMS page</title></head>
<body style="margin:0 auto;max-width:640px;font:16px sans-serif"><p>The newsroom's text.</p>${frameCode}<p>After the embed.</p></body></html>`);
    fs.writeFileSync(path.join(hostDir, 'scripted.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A CMS page</title></head>
<body style="margin:0 auto;max-width:640px;font:16px sans-serif"><p>The newsroom's text.</p>${frameCode}
<script>document.addEventListener('strategic-dialogue:ready', (e) => { window.__ready = e.detail.path; });</script>
${scriptCode}<p>After the embed.</p></body></html>`);
    const { page, context, problems } = await openPage(env.browser, { viewport: { width: 640, height: 900 }, extraOrigins: [new URL(host.url).origin] });
    await page.goto(host.url + '/stripped.html');
    const handle = await page.waitForSelector('iframe');
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
    const outer = (await handle.boundingBox()).height;
    const inner = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.equal(outer, doc.height, `${embed}: the frame keeps its pasted height`);
    assert.ok(inner <= outer, `${embed}: cut off: the step is ${inner} px in a ${outer} px frame`);
    assert.ok(await frame.isVisible('#step-title'), 'the step\'s heading');
    assert.ok(await frame.isVisible('.step-body p'), 'the step\'s text');
    assert.ok(await frame.isVisible('.chart-canvas'), 'the figure');

    await page.goto(host.url + '/scripted.html');
    const fitted = { handle: await page.waitForSelector('iframe[data-dialogue-ready]') };
    fitted.frame = await fitted.handle.contentFrame();
    await fitted.frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
    await fits(page, fitted);
    await page.waitForFunction(() => window.__ready);
    // The protocol's paths are the edition's own, as a host's go() gives them.
    assert.equal(await page.evaluate(() => window.__ready), '/embed/round-one/iraqs-pledge/');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("every embed's pasted height holds its page at 640 px, with no more than a third of a screen to spare", async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 640, height: 900 } });
  // Every English embed, and the Arabic one of each kind of figure.
  const arabic = arabicEmbedPaths().filter((p) => /\/(benchmarks|allies-in-parliament|troops-over-time|the-raid|terms|iraqs-pledge|kadhimis-footing|the-squeeze|context)\/(chart\/)?$/.test(p));
  for (const p of [...embedPaths(), ...arabic]) {
    const { height } = oembedOf(p);
    await page.goto(env.url + p);
    const actual = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(actual <= height, `${p}: ${actual} px of page in a ${height} px frame`);
    assert.ok(height - actual <= 300, `${p}: ${height - actual} px to spare`);
  }
  await context.close();
});

test('the embed builder, from a step, builds its code by keyboard, previews it at phone and column widths, and copies it', async () => {
  const { page, context, problems } = await openPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1280, height: 900 } });
  // A step's share bar links to the builder, set to that step.
  await page.goto(env.url + '/round-two/kadhimis-footing/');
  await mounted(page);
  await page.click('.embed-options a');
  await page.waitForURL(/\/embed\/\?step=round-two\/kadhimis-footing$/);
  await mounted(page);
  assert.equal(await page.$eval('#builder-step', (s) => s.selectedOptions[0].textContent), await page.evaluate(async (u) => {
    const html = await (await fetch(u)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector('.step-title').textContent;
  }, env.url + '/round-two/kadhimis-footing/'));
  const code = () => page.$eval('#builder-code', (t) => t.value);
  assert.match(await code(), new RegExp(`src="${env.url}/embed/round-two/kadhimis-footing/"`));

  // By keyboard only: the next step, its figure alone, dark colours.
  await page.focus('#builder-step');
  await page.keyboard.press('ArrowDown');
  const next = await page.$eval('#builder-step', (s) => s.selectedOptions[0].textContent);
  assert.ok(next.length > 0);
  await page.focus('input[name=builder-show][value=step]');
  await page.keyboard.press('ArrowDown');
  await page.focus('input[name=builder-theme][value=auto]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForURL(/show=chart&theme=dark$/);
  const url = new URL(page.url());
  const step = url.searchParams.get('step');
  assert.ok(step && step !== 'round-two/kadhimis-footing', url.href);
  const built = await code();
  const src = `${env.url}/embed/${step}/chart/?theme=dark`;
  assert.ok(built.includes(`src="${src}"`), built);
  assert.match(built, /height="(\d+)"[^>]*min-height:\1px/);

  // The previews are that embed, at a phone's width and a column's, and
  // each takes its page's height from the embed script.
  const frames = await page.$$('.builder-preview iframe');
  assert.equal(frames.length, 2);
  const widths = [];
  for (const handle of frames) {
    await page.waitForFunction((f) => f.src.includes('theme=dark'), handle);
    assert.equal(await handle.evaluate((f) => f.src), src);
    const frame = await handle.contentFrame();
    await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
    // Dark as asked, whatever the reader's own setting (light here).
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(22, 25, 29)');
    widths.push(Math.round((await handle.boundingBox()).width));
    await fits(page, { handle, frame });
  }
  assert.deepEqual(widths, [360, 640]);

  // Copied, and said.
  await page.click('.builder-copy button');
  await page.waitForFunction(() => document.querySelector('.builder-copy [role=status]').textContent.length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), built);

  // The address holds the choice: opened cold, the builder shows it again.
  await page.goto(url.href);
  await mounted(page);
  assert.equal(await code(), built);
  assert.equal(await page.$eval('input[name=builder-theme][value=dark]', (i) => i.checked), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an embed asked for light or dark colours keeps them when its host moves it, and bad themes change nothing', async () => {
  const { page, context, problems } = await openPage(env.browser, { colorScheme: 'dark' });
  const ground = (frame) => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The builder's page is a host: its previews are embeds, with embed.js.
  await page.goto(env.url + '/embed/?step=round-one&theme=light');
  await mounted(page);
  const handle = await page.waitForSelector('.builder-preview iframe');
  let frame = await handle.contentFrame();
  await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
  assert.equal(await ground(frame), 'rgb(255, 255, 255)');
  assert.ok(await page.evaluate((f) => window.StrategicDialogue.go(f, '/round-two/'), handle));
  await page.waitForFunction((f) => { try { return f.contentWindow.location.pathname.endsWith('/embed/round-two/'); } catch { return false; } }, handle);
  frame = await handle.contentFrame();
  await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
  assert.equal(await frame.evaluate(() => location.search), '?theme=light');
  assert.equal(await ground(frame), 'rgb(255, 255, 255)');
  for (const bad of ['purple', '%22%3E%3Cscript%3E', '']) {
    await page.goto(`${env.url}/embed/round-one/?theme=${bad}`);
    await mounted(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined, bad);
    assert.equal(await ground(page), 'rgb(22, 25, 29)', bad);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Arabic edition's builder embeds Arabic steps, and its previews fit", async () => {
  const { page, context, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.url}/ar/embed/?step=round-two/allies-in-parliament&show=chart`);
  await mounted(page);
  const code = await page.inputValue('#builder-code');
  assert.match(code, new RegExp(`^<iframe src="${env.url}/ar/embed/round-two/allies-in-parliament/chart/" title="[^"]*[\\u0600-\\u06FF][^"]*"`), code);
  assert.match(code, new RegExp(`<script src="${env.url}/public/embed.js" async></script>$`));
  const frames = await page.$$('.builder-preview iframe');
  assert.equal(frames.length, 2);
  for (const handle of frames) {
    await page.waitForFunction((f) => f.src.includes('/ar/embed/round-two/allies-in-parliament/chart/'), handle);
    const frame = await handle.contentFrame();
    await frame.waitForSelector('html[data-hydrated]', { timeout: 15000 });
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ar');
    await fits(page, { handle, frame });
  }
  assert.deepEqual(problems, []);
  await context.close();
});
