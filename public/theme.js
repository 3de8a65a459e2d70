/* Embeds honour ?theme=light|dark before their first paint (README, "Embed a step"). */
(function () {
  var m = /[?&]theme=(light|dark)(?:&|$)/.exec(location.search);
  if (!m) return;
  document.documentElement.setAttribute('data-theme', m[1]);
  if (m[1] !== 'dark') return;
  // Only embeds asked for dark load these colours; it blocks rendering as the main stylesheet does.
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('theme-dark.css', document.currentScript.src).href;
  link.setAttribute('blocking', 'render');
  document.head.appendChild(link);
})();
