// What link-preview bots and search engines see: the raw HTML of every page,
// fetched without running any JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { DIST, BASE, pagePaths } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST, { base: BASE });
});
after(async () => {
  await server?.close();
});

const decode = (s) => s?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (html, re) => decode((html.match(re) || [])[1]);

test('every page carries its own text, title, description and preview tags without JavaScript', async () => {
  const seen = new Map();
  for (const path of pagePaths()) {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const title = attr(html, /<title>([^<]+)<\/title>/);
    const description = attr(html, /<meta name="description" content="([^"]+)">/);
    assert.ok(title, `${path}: title`);
    assert.ok(description && description.length > 40, `${path}: description`);
    assert.equal(attr(html, /<meta property="og:title" content="([^"]+)">/), title, `${path}: og:title`);
    assert.equal(attr(html, /<meta property="og:description" content="([^"]+)">/), description, `${path}: og:description`);
    assert.ok(/<meta name="twitter:card" content="[a-z_]+">/.test(html), `${path}: twitter card`);
    assert.equal((html.match(/<meta name="description"/g) || []).length, 1, `${path}: one description`);
    const h = attr(html, /<h2 id="step-title"[^>]*>([^<]+)</) || attr(html, /<h1 id="page-title"[^>]*>([^<]+)</);
    assert.ok(h && title.startsWith(h.split(':')[0]) || path === '/' || path === '/all/', `${path}: title names the page (${title} / ${h})`);
    assert.ok(/<p>[^<]{20,}/.test(html), `${path}: running text is in the HTML`);
    if (process.env.SITE_URL) {
      const canonical = attr(html, /<link rel="canonical" href="([^"]+)">/);
      assert.equal(canonical, process.env.SITE_URL.replace(/\/$/, '') + BASE + path, `${path}: canonical`);
      // The preview image: named absolutely, and really there, 1200 × 630.
      const image = attr(html, /<meta property="og:image" content="([^"]+)">/);
      assert.equal(image, canonical + 'preview.png', `${path}: og:image`);
      assert.equal(attr(html, /<meta name="twitter:card" content="([^"]+)">/), 'summary_large_image', `${path}: card`);
      const png = await fetch(server.url + path + 'preview.png');
      assert.equal(png.status, 200, `${path}: preview.png`);
      assert.equal(png.headers.get('content-type'), 'image/png');
      const bytes = Buffer.from(await png.arrayBuffer());
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630], `${path}: preview size`);
    }
    assert.ok(!seen.has(title), `${path} and ${seen.get(title)} share a title`);
    seen.set(title, path);
  }
});
