/*
 * Keeps embeds of the US–Iraq Strategic Dialogue explainer as tall as their
 * content. The embed code is an iframe that works without this script (a
 * CMS may strip it), at the height the step needs in a 640 px column:
 *
 *   <iframe src="https://YOUR-HOST/PATH/embed/round-one/iraqs-pledge/" title="…"
 *     width="100%" height="1200" loading="lazy" data-dialogue-embed …></iframe>
 *   <script src="https://YOUR-HOST/PATH/public/embed.js" async></script>
 *
 * With the script, each such iframe takes the height its page reports, so
 * it never scrolls or leaves a gap at any width. The older placeholder,
 *   <div data-dialogue-embed="/round-one/iraqs-pledge/"></div>,
 * still becomes an iframe of that step (add "chart/" for its figure alone;
 * data-lang="ar" for the Arabic edition's, whose embeds live under ar/embed/).
 *
 * To move an embed to another step:
 *   StrategicDialogue.go(iframeOrPlaceholder, "/round-two/");
 * Once an embed is interactive, its iframe fires "strategic-dialogue:ready"
 * (a DOM event that bubbles; event.detail.path names the page).
 *
 * Only messages from the explainer's own origin are read, only a height and
 * a path are taken from them, and nothing from any message is run or put
 * into the page. The messages are a versioned contract: see the README's
 * "Embed protocol".
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.StrategicDialogue) return;
  // The explainer's root: this file lives at <root>public/embed.js.
  var root = new URL('../', script.src);
  var origin = root.origin;
  // An edition's embeds: embed/… for the English, ar/embed/… for the Arabic.
  var EMBEDS = /^(?:[a-z]{2,3}\/)?embed\//;
  var PATH = /^\/[a-z0-9\-\/]{0,300}$/;
  var frames = [];

  function embed(el) {
    if (el.getAttribute('data-dialogue-ready')) return;
    if (el.tagName === 'IFRAME') {
      // Pasted whole: only frames of this explainer are ours to size.
      var src = String(el.src);
      if (src.indexOf(root.href) !== 0 || !EMBEDS.test(src.slice(root.href.length))) return;
      el.setAttribute('data-dialogue-ready', 'true');
      frames.push(el);
      return;
    }
    var path = (el.getAttribute('data-dialogue-embed') || '/').trim();
    if (!PATH.test(path) || path.indexOf('//') !== -1) return;
    var iframe = document.createElement('iframe');
    var lang = el.getAttribute('data-lang') || '';
    var edition = /^[a-z]{2,3}$/.test(lang) && lang !== 'en' ? lang + '/' : '';
    iframe.src = new URL(edition + 'embed' + path, root).href;
    iframe.title = el.getAttribute('data-title') || 'US–Iraq Strategic Dialogue, 2020: an explainer';
    iframe.setAttribute('loading', 'lazy');
    iframe.style.cssText = 'display:block;width:100%;height:32rem;border:0;';
    el.setAttribute('data-dialogue-ready', 'true');
    el.appendChild(iframe);
    frames.push(iframe);
  }

  function scan() {
    var all = document.querySelectorAll('[data-dialogue-embed]');
    for (var i = 0; i < all.length; i++) embed(all[i]);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    // Version 1 of the protocol; a message without a version is from an
    // embed built before versions were sent, and means the same.
    if (data.version !== undefined && data.version !== 1) return;
    var frame = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frame = frames[i];
    }
    if (!frame) return;
    if (data.type === 'strategic-dialogue:height') {
      var height = Number(data.height);
      if (!isFinite(height) || height < 1 || height > 100000) return;
      // From here the script sizes the frame: the pasted height was only
      // where it started.
      frame.style.minHeight = '0';
      frame.style.height = Math.ceil(height) + 'px';
    } else if (data.type === 'strategic-dialogue:ready') {
      var path = typeof data.path === 'string' && PATH.test(data.path) ? data.path : '';
      frame.dispatchEvent(new CustomEvent('strategic-dialogue:ready', { bubbles: true, detail: { path: path } }));
    }
  });

  window.StrategicDialogue = {
    /** Moves the embed in `target` (its placeholder or iframe) to `path`. */
    go: function (target, path) {
      var iframe = target && target.tagName === 'IFRAME' ? target : target && target.querySelector('iframe');
      if (!iframe || typeof path !== 'string' || !PATH.test(path)) return false;
      iframe.contentWindow.postMessage({ type: 'strategic-dialogue:go', path: path }, origin);
      return true;
    },
    scan: scan,
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
