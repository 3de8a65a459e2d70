// What link-preview bots and search engines see: the raw HTML of every page,
// fetched without running any JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import nodePath from 'node:path';
import { serve } from './server.mjs';
import { DIST, BASE, pagePaths, arabicPaths, embedPaths, arabicEmbedPaths } from './browser.mjs';

let server;
before(async () => {
  server = await serve(DIST, { base: BASE });
});
after(async () => {
  await server?.close();
});

const decode = (s) => s?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (html, re) => decode((html.match(re) || [])[1]);

test('every page carries its own text, title, description and preview tags without JavaScript, in both editions', async () => {
  const seen = new Map();
  for (const path of [...pagePaths(), ...arabicPaths()]) {
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
    assert.ok(h && title.startsWith(h.split(':')[0]) || /^(\/ar)?\/(all\/)?$/.test(path), `${path}: title names the page (${title} / ${h})`);
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

test('every page says its language and direction, and names itself in the other edition and the other edition in it', async () => {
  const english = pagePaths();
  const arabic = arabicPaths();
  assert.equal(arabic.length, english.length, 'the editions have the same pages');
  const read = (p) => fs.readFileSync(nodePath.join(DIST, p, 'index.html'), 'utf8');
  const links = (html) => Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], decode(m[2])]));
  const tail = (href) => href.replace(/^https?:\/\/[^/]+/, '').slice(BASE.length);
  for (const [lang, dir, locale, paths] of [['en', 'ltr', 'en_US', english], ['ar', 'rtl', 'ar_AR', arabic]]) {
    for (const p of paths) {
      const html = read(p);
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${dir}">`), p);
      assert.equal(attr(html, /<meta property="og:locale" content="([^"]+)">/), locale, `${p}: og:locale`);
      assert.equal(attr(html, /<meta property="og:locale:alternate" content="([^"]+)">/), locale === 'en_US' ? 'ar_AR' : 'en_US', `${p}: og:locale:alternate`);
      const alt = links(html);
      const other = lang === 'en' ? `/ar${p}` : p.slice(3);
      assert.deepEqual(Object.keys(alt).sort(), ['ar', 'en', 'x-default'], `${p}: hreflang alternates`);
      assert.equal(tail(alt[lang]), p, `${p}: names itself`);
      assert.equal(tail(alt[lang === 'en' ? 'ar' : 'en']), other, `${p}: names the other edition`);
      assert.equal(tail(alt['x-default']), lang === 'en' ? p : other, `${p}: x-default is the English page`);
      // And the other edition's page names this one back.
      assert.equal(tail(links(read(other))[lang]), p, `${other} names ${p} back`);
      // The switch in the masthead (and, on the cover, the invitation) opens the same page.
      const switches = [...html.matchAll(/<a [^>]*class="edition-switch"[^>]*>/g)].map((m) => m[0]);
      assert.equal(switches.length, 1, `${p}: one language switch`);
      assert.equal(attr(switches[0], /href="([^"]+)"/), BASE + other, `${p}: the switch opens the same page`);
      assert.equal(attr(switches[0], /hreflang="([^"]+)"/), lang === 'en' ? 'ar' : 'en', `${p}: the switch's language`);
    }
  }
  // Embeds are not listed for search engines, in either edition, and carry no switch.
  for (const p of [...embedPaths().slice(0, 3), ...arabicEmbedPaths().slice(0, 3)]) {
    const html = read(p);
    assert.doesNotMatch(html, /hreflang=/, p);
    assert.match(html, p.startsWith('/ar/') ? /<html lang="ar" dir="rtl">/ : /<html lang="en" dir="ltr">/, p);
  }
  // Each cover invites readers to the other edition, in its language.
  const invitation = (html) => {
    const m = html.match(/<p ([^>]*class="other-edition"[^>]*)><a href="([^"]+)" hreflang="([^"]+)">([^<]+)<\/a>/);
    return m && { lang: attr(m[1], /lang="([^"]+)"/), dir: attr(m[1], /dir="([^"]+)"/), href: m[2], hreflang: m[3], text: m[4] };
  };
  assert.deepEqual(invitation(read('/')), { lang: 'ar', dir: 'rtl', href: `${BASE}/ar/`, hreflang: 'ar', text: 'اقرأ هذا الشرح بالعربية' });
  assert.deepEqual(invitation(read('/ar/')), { lang: 'en', dir: 'ltr', href: `${BASE}/`, hreflang: 'en', text: 'Read this explainer in English' });
});
