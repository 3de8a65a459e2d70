// Shared set-up for the end-to-end tests: the machine's Chromium driven by
// playwright-core (never a downloaded browser), a server for dist/, and a page
// wrapper that records console errors and failed requests.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
const { chromium } = require(path.join(ROOT, 'tools/node_modules/playwright-core'));

export const DIST = process.env.DIST || path.join(ROOT, 'dist');
export const BASE = process.env.BASE_PATH || '';

/**
 * A test's options when what it measures does not depend on where the site
 * is deployed (memory over a long walk, accessibility, layout width, what
 * Lighthouse scores): it runs at the root build only. The sub-path run keeps
 * every test of addresses, links and loading, and CI's time for the slow
 * checks is spent once (the soak, axe and the sideways check were about 7
 * of its 14 minutes).
 */
export const ROOT_ONLY = { skip: BASE ? 'does not depend on the base path: run once, at the root build' : false };

/** Origins pages may load from: the servers these tests started. */
const origins = new Set();

/** The machine's Chromium, headless, quiet on the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    ],
  });
}

export async function start({ cdn = false } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build first (make build)`);
  }
  const server = await serve(DIST, { base: BASE, cdn });
  origins.add(new URL(server.url).origin);
  const browser = await launch();
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page that records problems: console errors, page errors, failed requests. */
export async function openPage(browser, options = {}) {
  const { extraOrigins = [], ...contextOptions } = options;
  const context = await browser.newContext({ deviceScaleFactor: 2, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  // Every request stays on our own origin (or, for a host page, the host's):
  // no third-party fonts, scripts, beacons or images.
  const allowed = new Set([...origins, ...extraOrigins]);
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['data:', 'blob:'].includes(url.protocol)) return;
    if (!allowed.has(url.origin)) problems.push(`request to another origin: ${r.url()}`);
  });
  // Documents served with a 404 on purpose (the not-found page); Chromium logs
  // their status as a console error, which is expected, not a problem.
  const expected404 = new Set();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (expected404.has(m.location()?.url) && m.text().includes('404')) return;
    problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A request the browser cancelled itself is no failure: a reader who
    // moves on before a page's islands have loaded cancels the fetch of
    // the app (and Chromium its favicon fetch). Statuses are still checked
    // by the response handler below.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    // The document of a not-found page is a 404 on purpose; anything else is a failure.
    if (r.status() === 404 && r.request().resourceType() === 'document') {
      expected404.add(r.url());
    } else if (r.status() >= 400) {
      problems.push(`HTTP ${r.status()}: ${r.url()}`);
    }
  });
  return { page, context, problems };
}

/** Waits until the page's islands are live (the wasm marks <html> when they
 * are); a page without islands loads no wasm and is ready as it is. */
export async function mounted(page) {
  // The whole story loads its wasm at the reader's first move: make one.
  if (await page.evaluate(() => Boolean(document.querySelector('.scrolly-figure')))) await page.mouse.move(4, 4);
  const live = () => document.documentElement.hasAttribute('data-hydrated') || (document.readyState !== 'loading' && !document.querySelector('leptos-island'));
  // Polled on a timer, not on animation frames: a page the browser has
  // prerendered and then shown may paint no frame for a while in a
  // headless browser, which left a live page unseen (one soak run in CI).
  try {
    await page.waitForFunction(live, null, { timeout: 15000, polling: 100 });
  } catch (e) {
    const state = await page.evaluate(() => ({
      url: location.href,
      readyState: document.readyState,
      hydrated: document.documentElement.hasAttribute('data-hydrated'),
      islands: document.querySelectorAll('leptos-island').length,
      crashed: !document.getElementById('crash')?.hidden,
      visibility: document.visibilityState,
    })).catch((err) => `unreadable: ${err.message}`);
    throw new Error(`the page's islands did not come up: ${JSON.stringify(state)}`, { cause: e });
  }
}

/** Waits until the page's chart has been drawn at least once. */
export async function drawn(page) {
  await page.waitForFunction(() => Number(document.querySelector('.chart-canvas').dataset.draws) > 0);
}

/** One step per figure: where the story shows each chart. */
export const FIGURES = {
  troops: '/round-one/security-markers/',
  timeline: '/context/',
  opinion: '/round-two/kadhimis-footing/',
  parliament: '/round-two/allies-in-parliament/',
  commitments: '/round-one/iraqs-pledge/',
  agenda: '/round-two/',
  oil: '/open-issues/the-squeeze/',
};

/** Every prerendered page's path, from dist/: "/", "/context/", "/context/protests/", …
 * Embeds (under /embed/) are listed by embedPaths() instead, and the Arabic
 * edition (under /ar/) by arabicPaths(). */
export function pagePaths() {
  return [...walkPages(DIST, '/', ['public', 'embed', 'ar']), BUILDER];
}

/** Every page of the Arabic edition: "/ar/", "/ar/context/", …, "/ar/embed/". */
export function arabicPaths() {
  return [...walkPages(path.join(DIST, 'ar'), '/ar/', ['embed']), `/ar${BUILDER}`];
}

/** Every embed of the Arabic edition: "/ar/embed/context/", … */
export function arabicEmbedPaths() {
  return walkPages(path.join(DIST, 'ar', 'embed'), '/ar/embed/', []).filter((p) => p !== `/ar${BUILDER}`);
}

/** The Arabic pages the slow, in-browser checks visit: one of each kind
 * (the cover, a step with each chart, the whole story, the builder, an
 * embed and a figure alone), not every page a second time. */
export function arabicSample() {
  return ['/ar/', ...Object.values(FIGURES).map((p) => `/ar${p}`), '/ar/all/', `/ar${BUILDER}`, '/ar/embed/round-one/iraqs-pledge/', '/ar/embed/round-two/allies-in-parliament/chart/'];
}

/** The embed builder: the one page under /embed/ that is not an embed. */
export const BUILDER = '/embed/';

/** Every prerendered embed's path: "/embed/context/", "/embed/context/protests/chart/", … */
export function embedPaths() {
  return walkPages(path.join(DIST, 'embed'), '/embed/', []).filter((p) => p !== BUILDER);
}

function walkPages(root, rootPrefix, skip) {
  const out = [];
  const walk = (dir, prefix) => {
    if (fs.existsSync(path.join(dir, 'index.html'))) out.push(prefix);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !skip.includes(e.name)) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
    }
  };
  walk(root, rootPrefix);
  return out.sort();
}

/** Chapter paths: pages one level deep. */
export function chapterPaths() {
  return pagePaths().filter((p) => p.split('/').filter(Boolean).length === 1 && p !== BUILDER);
}

/**
 * The files page `p` loads on first view, as paths inside DIST: its
 * index.html, the stylesheet, the icon, its start-up script, and the glue
 * and wasm that script loads. A chart page names its own wasm
 * (`const own = [glue, wasm]`) and the full one, for a reader arriving
 * from another page; a first visit loads its own. Other pages name only
 * the full one.
 */
export function firstViewFiles(p) {
  const inDist = (href) => {
    const rel = href.startsWith(BASE + '/') ? href.slice(BASE.length) : href;
    return rel.split('/').filter(Boolean).join('/');
  };
  const page = [...p.split('/').filter(Boolean), 'index.html'].join('/');
  // A textarea's text is not markup (the embed builder shows code in one).
  const html = fs.readFileSync(path.join(DIST, page), 'utf8').replace(/<textarea\b[\s\S]*?<\/textarea>/g, '');
  const attr = (tag, name) => (tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`)) || []).slice(1).find(Boolean);
  const files = [page];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (/\brel="?(stylesheet|icon)\b/.test(tag)) files.push(inDist(attr(tag, 'href')));
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (!src) continue;
    files.push(inDist(src));
    const init = fs.readFileSync(path.join(DIST, inDist(src)), 'utf8');
    // A page with its own wasm names it in `own` (the full one, `full`, is
    // fetched at idle, for the next page); the whole story names in `later`
    // what it loads at the reader's first move.
    const named = init.match(/const own = \[([^\]]*)\]/)?.[1] ?? init.replace(/const later = \[[^\]]*\]/, '');
    for (const [, name] of named.matchAll(/'([^' ]+\.(?:js|wasm))'/g)) files.push(inDist(name));
  }
  return files;
}
