/*
 * Embeds a step of the US–Iraq Strategic Dialogue explainer in your page.
 *
 *   <div data-dialogue-embed="/round-one/iraqs-pledge/"></div>
 *   <script src="https://YOUR-HOST/PATH/public/embed.js" async></script>
 *
 * Each placeholder becomes an iframe of that step (add "chart/" to the path
 * for its figure alone), and the iframe takes the height its page reports,
 * so it never shows a scrollbar. To move an embed to another step:
 *   StrategicDialogue.go(placeholderOrIframe, "/round-two/");
 *
 * Only messages from the explainer's own origin are read, only a height is
 * taken from them, and nothing from any message is run or put into the page.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.StrategicDialogue) return;
  // The explainer's root: this file lives at <root>public/embed.js.
  var root = new URL('../', script.src);
  var origin = root.origin;
  var PATH = /^\/[a-z0-9\-\/]{0,300}$/;
  var frames = [];

  function embed(el) {
    if (el.getAttribute('data-dialogue-ready')) return;
    var path = (el.getAttribute('data-dialogue-embed') || '/').trim();
    if (!PATH.test(path) || path.indexOf('//') !== -1) return;
    var iframe = document.createElement('iframe');
    iframe.src = new URL('embed' + path, root).href;
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
    if (!data || typeof data !== 'object' || data.type !== 'strategic-dialogue:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 1 || height > 100000) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
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
