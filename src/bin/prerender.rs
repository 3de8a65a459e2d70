//! Writes one HTML page per address into a Trunk build (`dist/`), rendered
//! natively. The page is the page: the wasm only hydrates its islands.
//!
//! Readers see the story's text at once (or without the wasm), any static
//! host serves deep links with no rewrite rules, and `404.html` gives hosts
//! that support it a friendly not-found page.
//!
//! Usage: `cargo run --release --no-default-features --features ssr --bin prerender -- dist`

use std::path::{Path, PathBuf};

use explainer::site::app::{page_description, page_title, App, OtherEdition};
use explainer::site::kit;
use explainer::state::route::normalize_base;
use explainer::state::{BasePath, Route};
use explainer::story::html::escape;
use explainer::story::Story;
use leptos::prelude::*;

/// The content security policy of every page: scripts and styles from the
/// site only, WebAssembly allowed to compile, no eval, no plugins, nothing
/// fetched or framed from elsewhere. Style attributes are allowed (the
/// progress bar and the chart's label are positioned with them); style
/// sheets and `<style>` elements are not. `frame-ancestors` cannot be set
/// in a meta tag, and embeds need any page to be able to frame them.
/// A page with app code adds the hash of its speculation rules (see
/// [`policy`]).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; \
connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/// Where the extracted start-up script goes back in, as a file.
const INIT_MARK: &str = "<!--init-script-->";

/// The first inline `<script>` (one without `src`: Trunk's module that
/// starts the app, or under `make serve` its live-reload script), with its
/// attributes and body, and the page with [`INIT_MARK`] in its place.
fn extract_inline_script(html: &str) -> Option<(String, String, String)> {
    let mut from = 0;
    loop {
        let at = from + html[from..].find("<script")?;
        let open_end = at + html[at..].find('>')?;
        let attrs = html[at + "<script".len()..open_end].to_owned();
        let body_start = open_end + 1;
        let end = body_start + html[body_start..].find("</script>")?;
        if attrs.contains("src=") {
            from = end;
            continue;
        }
        let script = html[body_start..end].trim().to_owned();
        let rest = format!(
            "{}{INIT_MARK}{}",
            &html[..at],
            &html[end + "</script>".len()..]
        );
        return Some((attrs, script, rest));
    }
}

/// What the page waits for before it fetches the wasm: the page loaded,
/// then the browser idle, so its first paint is done. Fetched at once (as
/// Trunk preloads it), the wasm shares a phone's network with the page, and
/// the largest paint (a heading) waits for it: Lighthouse's mobile LCP was
/// 1.65 s that way, against an FCP of 0.92 s.
/// The load event can come before the first paint reaches the screen: on
/// the Arabic troop step, the idle callback ran at 148 ms and the page's
/// first (and largest) paint was presented at 168 ms, so Lighthouse's
/// simulation counted the wasm's download in the LCP (1.05 to 1.77 s over
/// runs, against an FCP of 0.92 to 1.04 s). So the page also waits for its
/// first contentful paint, as the browser reports it once presented; a
/// browser without paint timing, or a page that does not paint (hidden, or
/// an embed the host has not scrolled to), waits 1 s at most for it.
/// An idle callback can wait long in a frame the browser throttles (an
/// embed below the host's fold), so it waits 300 ms at most.
/// The steps either side (the page's next and previous links) are
/// prefetched only then too: prefetched from the head, their downloads
/// began before the first paint, and Lighthouse's simulation counted them
/// in the Arabic troop step's LCP (1.05 s, against 0.95 s without them).
/// A reader moving on from another of our pages with app code (any but
/// the cover, at the base address) has the wasm in the cache, where it
/// shares no network: they do not wait. That wait was a fifth of a step
/// move (about 20 of 110 ms). The referrer says so without storing
/// anything in the browser.
const AFTER_LOAD: &str = "const warm = document.referrer.startsWith(document.baseURI) && document.referrer !== document.baseURI;\nif (!warm) await Promise.all([new Promise((done) => document.readyState === 'complete' ? done() : addEventListener('load', done, { once: true })), new Promise((done) => { setTimeout(done, 1000); if (self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) new PerformanceObserver((list) => list.getEntriesByName('first-contentful-paint').length && done()).observe({ type: 'paint', buffered: true }); else done(); })]).then(() => new Promise((done) => self.requestIdleCallback ? requestIdleCallback(() => done(), { timeout: 300 }) : setTimeout(done)));\nfor (const l of document.querySelectorAll('link[rel=next],link[rel=prev]')) { const link = document.createElement('link'); link.rel = 'prefetch'; link.setAttribute('href', l.getAttribute('href')); document.head.append(link); }\n";

/// Once the app is up, the steps the page prefetches are prerendered too,
/// wasm and chart included, where the browser has speculation rules: a
/// step move in Chromium took 3 ms at the 95th percentile this way, against
/// 132 ms from the prefetched page (`make bench`). Asked for only now, the
/// prerendering never competes with the page's own first view. Written in
/// the start-up script, not the wasm: there it costs no wasm bytes.
/// The rules it writes are [`speculation_rules`] of the prefetched pages'
/// hrefs (links with no `as`: the whole story's wasm has one),
/// byte for byte, so the page's policy can allow them by their hash.
const PRERENDER_NEAR: &str = "\nconst near = [...document.querySelectorAll('link[rel=prefetch]:not([as])')].map((l) => l.getAttribute('href'));\nif (near.length && HTMLScriptElement.supports?.('speculationrules')) { const rules = document.createElement('script'); rules.type = 'speculationrules'; rules.textContent = JSON.stringify({ prerender: [{ source: 'list', urls: near }] }); document.head.append(rules); }\n";

/// Trunk's start-up module made to wait for [`AFTER_LOAD`] before it
/// fetches the JavaScript glue and the wasm (its static import becomes a
/// dynamic one, which can wait); any other script as it is.
/// The wasm is fetched before the glue is imported, not after it has run:
/// the two overlap, which took about 20 ms off a step move.
fn after_load(script: &str) -> String {
    const STATIC: &str = "import init, * as bindings from ";
    const WASM_PATH: &str = "module_or_path: ";
    if !script.contains("await init(") {
        return script.to_owned();
    }
    let script = match script.strip_prefix(STATIC).and_then(|s| s.split_once(';')) {
        Some((from, rest)) => {
            format!("const bindings = await import({from});\nconst init = bindings.default;{rest}")
        }
        None => script.to_owned(),
    };
    // `module_or_path: '/x_bg.wasm'` becomes a fetch started up front;
    // wasm-bindgen's init takes the response's promise as it takes a path.
    let quoted = script.split_once(WASM_PATH).and_then(|(_, rest)| {
        let quote = rest.chars().next().filter(|q| *q == '\'' || *q == '"')?;
        let end = rest[1..].find(quote)?;
        Some(&rest[..end + 2])
    });
    let script = match quoted {
        Some(path) => format!(
            "const wasmFetch = fetch({path});\n{}",
            script.replacen(
                &format!("{WASM_PATH}{path}"),
                &format!("{WASM_PATH}wasmFetch"),
                1
            )
        ),
        None => script,
    };
    format!("{AFTER_LOAD}{script}{PRERENDER_NEAR}")
}

/// The speculation rules that prerender `hrefs`, as [`PRERENDER_NEAR`]'s
/// `JSON.stringify` writes them (a list rule is "immediate" by default);
/// `None` for no hrefs.
fn speculation_rules(hrefs: &[String]) -> Option<String> {
    if hrefs.is_empty() {
        return None;
    }
    let urls: Vec<String> = hrefs.iter().map(|h| kit::json_string(h)).collect();
    Some(format!(
        r#"{{"prerender":[{{"source":"list","urls":[{}]}}]}}"#,
        urls.join(",")
    ))
}

/// The page's content security policy: [`CSP`], with the hash of the
/// speculation rules its start-up script adds, if any. A hash allows those
/// rules and nothing else (no inline code), and HTML checkers know it.
fn policy(rules: Option<&str>, style: Option<&str>) -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash =
        |text: &str| base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text));
    let mut csp = CSP.to_owned();
    if let Some(rules) = rules {
        csp = csp.replacen(
            "'wasm-unsafe-eval'",
            &format!("'wasm-unsafe-eval' 'sha256-{}'", hash(rules)),
            1,
        );
    }
    if let Some(style) = style {
        csp = csp.replacen(
            "style-src 'self'",
            &format!("style-src 'self' 'sha256-{}'", hash(style)),
            1,
        );
    }
    csp
}

/// The site's stylesheet: its `<link>` tag in the template and its text.
struct Stylesheet {
    tag: String,
    css: String,
}

impl Stylesheet {
    /// The stylesheet the template links to, read from `dist`.
    fn find(template: &str, dist: &std::path::Path, base: &str) -> Option<Self> {
        let at = template
            .match_indices("<link")
            .map(|(at, _)| at)
            .find(|&at| {
                let tag = &template[at..template[at..].find('>').map_or(at, |e| at + e + 1)];
                tag.contains("stylesheet")
            })?;
        let tag = &template[at..at + template[at..].find('>')? + 1];
        let href = tag
            .split("href=")
            .nth(1)?
            .trim_start_matches('"')
            .split(['"', ' ', '>'])
            .next()?;
        let file = href
            .strip_prefix(base)
            .unwrap_or(href)
            .trim_start_matches('/');
        let css = std::fs::read_to_string(dist.join(file)).ok()?;
        Some(Stylesheet {
            tag: tag.to_owned(),
            css,
        })
    }
}

/// A long page as it paints soonest: the stylesheet inline, so the text
/// paints as the page streams in rather than after the stylesheet's round
/// trip, and the start-up script at the end of the body with a low fetch
/// priority, so the browser asks for it once the text is in and the text
/// paints before it runs. `None` if the page has no link to `sheet` (then
/// it is left as it is).
///
/// Without the low priority, whether the script ran before the first paint
/// was a race, and it decided Lighthouse's mobile LCP on `/all/`: 0.90 to
/// 1.05 s over 12 runs; with it, 0.90 to 0.93 s over 11.
fn text_first(html: &str, sheet: &Stylesheet) -> Option<String> {
    let html = html.replacen(&sheet.tag, &format!("<style>{}</style>", sheet.css), 1);
    if !html.contains("<style>") {
        return None;
    }
    let start = html.match_indices("<script").map(|(at, _)| at).find(|&at| {
        html[at..]
            .split('>')
            .next()
            .is_some_and(|t| t.contains(" src=") && t.contains("module"))
    });
    let Some(start) = start else {
        return Some(html);
    };
    let end = start + html[start..].find("</script>")? + "</script>".len();
    let script = html[start..end].replacen("<script", "<script fetchpriority=low", 1);
    let rest = format!("{}{}", &html[..start], &html[end..]);
    Some(match rest.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &rest[..at], &rest[at..]),
        None => format!("{rest}{script}"),
    })
}

/// FNV-1a, 64 bits: a stable name for the extracted script, so a new build
/// never serves an old one from a cache.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where the app mounts; Trunk's index.html holds it, empty. Trunk's HTML
/// minifier may drop the quotes, so both spellings are accepted.
const MOUNTS: [&str; 2] = [r#"<div id="app"></div>"#, "<div id=app></div>"];

fn main() {
    if let Err(e) = run() {
        eprintln!("prerender: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let template_path = dist.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .map_err(|e| format!("{}: {e} (run trunk build first)", template_path.display()))?;
    let Some(mount) = MOUNTS.into_iter().find(|m| template.contains(m)) else {
        return Err(format!(
            "{} has no empty <div id=\"app\">",
            template_path.display()
        ));
    };
    let editions = explainer::story::editions().map_err(|e| format!("embedded story: {e}"))?;
    let base = BasePath(normalize_base(&base_href(&template)));
    // Trunk starts the app with an inline module script (and, under `make
    // serve`, reloads the page with another); the pages' content security
    // policy allows no inline script, so each moves to a file.
    let mut template = template;
    let mut app_script = None;
    while let Some((attrs, script, rest)) = extract_inline_script(&template) {
        // Trunk fills these in when it serves a page, not a script file: the
        // live reload connects to the server the page came from.
        let script = script
            .replace("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
            .replace("'{{__TRUNK_WS_BASE__}}'", &format!("'{}/'", base.0));
        let script = after_load(&script);
        let name = format!("init-{:016x}.js", fnv1a(script.as_bytes()));
        write(&dist.join(&name), &script)?;
        let tag = |name: &str| format!(r#"<script{attrs} src="{}/{name}"></script>"#, base.0);
        if bundle_of(&script).is_some() {
            app_script = Some((script, tag(&name), tag("{init}")));
        }
        template = rest.replacen(INIT_MARK, &tag(&name), 1);
    }
    // Each page loads the wasm with the charts it shows, where the build
    // made one per chart (the second argument: see scripts/build.sh).
    let mut templates = Templates {
        full: template.clone(),
        by_chart: Vec::new(),
        on_move: None,
        stylesheet: Stylesheet::find(&template, &dist, &base.0),
    };
    if let Some((script, tag, tag_for)) = &app_script {
        let full = bundle_of(script).ok_or("the start-up script names no wasm")?;
        let script = on_move_script(script, &full)
            .ok_or("the start-up script does not load its wasm as expected")?;
        let name = format!("init-{:016x}.js", fnv1a(script.as_bytes()));
        write(&dist.join(&name), &script)?;
        templates.on_move = Some(template.replacen(tag, &tag_for.replace("{init}", &name), 1));
    }
    if let (Some(dir), Some((script, tag, tag_for))) = (std::env::args().nth(2), app_script) {
        let full = bundle_of(&script).ok_or("the start-up script names no wasm")?;
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{dir}: {e}"))? {
            let variant = entry.map_err(|e| format!("{dir}: {e}"))?.path();
            let chart = variant
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let index = std::fs::read_to_string(variant.join("index.html"))
                .map_err(|e| format!("{}: {e}", variant.display()))?;
            let own = extract_inline_script(&index)
                .and_then(|(_, script, _)| bundle_of(&script))
                .ok_or_else(|| format!("{}: no wasm named", variant.display()))?;
            for file in [&own.js, &own.wasm] {
                std::fs::copy(variant.join(file), dist.join(file))
                    .map_err(|e| format!("{}: {e}", variant.join(file).display()))?;
            }
            let script = variant_script(&script, &full, &own)
                .ok_or("the start-up script does not load its wasm as expected")?;
            let name = format!("init-{:016x}.js", fnv1a(script.as_bytes()));
            write(&dist.join(&name), &script)?;
            let own_tag = tag_for.replace("{init}", &name);
            templates
                .by_chart
                .push((chart, template.replacen(&tag, &own_tag, 1)));
        }
    }
    // The public address of the site's root, for canonical links and
    // previews (they must be absolute); without it those tags are left out.
    let site = kit::site_url();

    let mut written = 0;
    let mut images = 0;
    let mut oembeds = 0;
    for &story in &editions {
        for route in Route::pages(story) {
            let path = route.site_path(story);
            // Embeds share their step's preview, so only full pages get one.
            if route.unembed().is_none() {
                let png = explainer::site::preview::png(story, route)
                    .map_err(|e| format!("preview image for {path}: {e}"))?;
                write_bytes(
                    &dist
                        .join(path.trim_start_matches('/'))
                        .join(explainer::site::preview::FILE),
                    &png,
                )?;
                images += 1;
            }
            let html = page(
                &templates,
                mount,
                &editions,
                story,
                &base,
                route,
                site.as_deref(),
            );
            write(
                &dist.join(path.trim_start_matches('/')).join("index.html"),
                &html,
            )?;
            written += 1;
            // An embed's oEmbed document, which tools that unfurl a bare link
            // find through the discovery link in the step's head. Its code must
            // be absolute, so it needs the site's address.
            if let Some(site) = site.as_deref() {
                let root = format!("{site}{}/", base.0);
                if let Some(json) = kit::oembed(story, route, &root) {
                    let file = kit::oembed_path(story, route);
                    write(&dist.join(file.trim_start_matches('/')), &json)?;
                    oembeds += 1;
                }
            }
        }
    }
    // One not-found page answers every unknown address, in the default
    // edition, whose switch leads to the others' covers.
    let html = page(
        &templates,
        mount,
        &editions,
        editions[0],
        &base,
        Route::NotFound,
        None,
    );
    write(&dist.join("404.html"), &html)?;
    println!(
        "prerender: wrote {written} pages, 404.html, {images} preview images and {oembeds} oEmbed documents into {}",
        dist.display()
    );
    Ok(())
}

/// The JavaScript glue and the wasm a start-up script loads, by file name.
#[derive(Debug, PartialEq)]
struct Bundle {
    js: String,
    wasm: String,
}

/// The file names in a start-up script's quoted strings: the wasm
/// (`…_bg.wasm`) and its glue (`….js`); `None` unless it names both.
fn bundle_of(script: &str) -> Option<Bundle> {
    let quoted: Vec<&str> = script
        .split(['\'', '"'])
        .skip(1)
        .step_by(2)
        .map(|q| q.rsplit('/').next().unwrap_or(q))
        .collect();
    let find = |suffix: &str| {
        quoted
            .iter()
            .find(|q| q.ends_with(suffix) && !q.contains(' '))
            .map(|q| (*q).to_owned())
    };
    Some(Bundle {
        js: find(".js")?,
        wasm: find("_bg.wasm")?,
    })
}

/// The start-up script of a page whose own wasm, `own`, draws only its
/// chart. A reader who arrives here from another of our pages with app code
/// (`warm`, see [`AFTER_LOAD`]) most likely has the full wasm in the cache,
/// because that page fetched it once the browser was idle: this page uses
/// it too, with its glue. A reader arriving from elsewhere loads the page's
/// own wasm, then the full one at idle, so reading the whole story costs
/// one chart's wasm more than before, not one per chart. (Asking the cache
/// with `only-if-cached` would be exact, but a miss is logged as a failed
/// load on every first visit.) Nothing is prefetched when the reader asks
/// to save data. `None` if `script` does not fetch and import `full` as
/// [`after_load`] writes it.
fn variant_script(script: &str, full: &Bundle, own: &Bundle) -> Option<String> {
    let quoted = |name: &str| quoted(script, name);
    let (wasm, js) = (quoted(&full.wasm)?, quoted(&full.js)?);
    let own_wasm = wasm.replace(&full.wasm, &own.wasm);
    let own_js = js.replace(&full.js, &own.js);
    let fetch = format!("fetch({wasm})");
    let import = format!("import({js})");
    if !script.contains(AFTER_LOAD) || !script.contains(&fetch) || !script.contains(&import) {
        return None;
    }
    // `own` and `full` are named once, at the top, for readers (and the
    // budget test) to see which files a first visit loads.
    let script = script
        .replacen(&fetch, "fetch(warm ? full[1] : own[1])", 1)
        .replacen(&import, "import(warm ? full[0] : own[0])", 1);
    Some(format!(
        "const own = [{own_js}, {own_wasm}], full = [{js}, {wasm}];\n{script}if (!warm && !navigator.connection?.saveData) (self.requestIdleCallback || setTimeout)(() => {{ for (const href of full) {{ const link = document.createElement('link'); link.rel = 'prefetch'; link.href = href; document.head.append(link); }} }});\n"
    ))
}

/// `name` in `script` with the quotes around it, as the script spells it;
/// `None` if it is not there, quoted.
fn quoted<'a>(script: &'a str, name: &str) -> Option<&'a str> {
    let at = script.find(name)?;
    let start = script[..at].rfind(['\'', '"'])?;
    let end = at + name.len();
    script[end..]
        .starts_with(&script[start..=start])
        .then(|| &script[start..=end])
}

/// What the whole story's start-up script waits for, after [`AFTER_LOAD`]:
/// the reader's first move (a pointer, a key, a wheel, a touch, a scroll
/// or a focus), unless they came from another of our pages (the wasm is
/// in the cache), opened a step's address or were put back down the page
/// (a reload). Its first view is its text and a picture of its first
/// figure (`site::still`); the glue and the wasm are prefetched once the
/// browser is idle (not when the reader asks to save data), so the move
/// finds them in the cache. Loaded at once, they made its first view
/// 134 KB brotli, over the 99 KB every other page keeps.
const PAGE_ON_MOVE: &str = "if (!warm && !location.hash && !scrollY) { if (!navigator.connection?.saveData) for (const href of later) { const link = document.createElement('link'); link.rel = 'prefetch'; link.as = 'fetch'; link.href = href; document.head.append(link); } await moved; }\n";

/// Listens for the reader's first move from the start, so a move made
/// before the page has loaded counts (see [`PAGE_ON_MOVE`]).
const MOVED: &str = "const moved = new Promise((done) => { const moves = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll', 'focusin']; const go = () => { for (const m of moves) removeEventListener(m, go, true); done(); }; for (const m of moves) addEventListener(m, go, { capture: true, passive: true }); });\n";

/// The whole story's start-up script (see [`PAGE_ON_MOVE`]): `script`, as
/// [`after_load`] writes it for the full wasm, made to wait for the
/// reader's first move. The files it loads then are named once, at the
/// top, as `later`, for readers (and the budget test) to see. `None` if
/// `script` does not fetch and import `full` as [`after_load`] writes it.
fn on_move_script(script: &str, full: &Bundle) -> Option<String> {
    let quoted = |name: &str| quoted(script, name);
    let (wasm, js) = (quoted(&full.wasm)?, quoted(&full.js)?);
    let fetch = format!("fetch({wasm})");
    let import = format!("import({js})");
    if !script.contains(AFTER_LOAD) || !script.contains(&fetch) || !script.contains(&import) {
        return None;
    }
    let script = script
        .replacen(AFTER_LOAD, &format!("{AFTER_LOAD}{PAGE_ON_MOVE}"), 1)
        .replacen(&fetch, "fetch(later[1])", 1)
        .replacen(&import, "import(later[0])", 1);
    Some(format!("const later = [{js}, {wasm}];\n{MOVED}{script}"))
}

/// The page template, with the start-up script for the full wasm and, where
/// the build made them, for the wasm of each chart alone (by the chart's
/// slug) and of none ("none").
struct Templates {
    full: String,
    by_chart: Vec<(String, String)>,
    /// The full wasm's, loaded at the reader's first move: the whole
    /// story's (see [`PAGE_ON_MOVE`]).
    on_move: Option<String>,
    /// The stylesheet, for the whole story to carry inline.
    stylesheet: Option<Stylesheet>,
}

impl Templates {
    /// The template whose wasm draws exactly the charts `body` shows (each
    /// figure names its chart in `data-chart`, and nothing else does): a
    /// chart's own for one, none's for none, the full one for several (the
    /// whole story) or where the build made no others.
    fn for_body(&self, body: &str) -> &str {
        let mut charts: Vec<&str> = body
            .split(r#"data-chart=""#)
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        charts.sort_unstable();
        charts.dedup();
        let wanted = match charts.as_slice() {
            // The embed builder's page has a wasm of its own.
            [] if body.contains(r#"data-component="builder""#) => "builder",
            [] => "none",
            [one] => one,
            _ => return &self.full,
        };
        self.by_chart
            .iter()
            .find(|(chart, _)| chart == wanted)
            .map_or(&self.full, |(_, t)| t)
    }
}

/// One page: the template with the rendered app and the page's title.
fn page(
    templates: &Templates,
    mount: &str,
    editions: &[&'static Story],
    story: &'static Story,
    base: &BasePath,
    route: Route,
    site: Option<&str>,
) -> String {
    let others = OtherEdition::others(story, editions, route, &base.0);
    let body = render(story, base.clone(), route, others);
    let template = match &templates.on_move {
        Some(on_move) if route == Route::All => on_move,
        _ => templates.for_body(&body),
    };
    let title = escape(&page_title(story, route));
    let description = escape(&page_description(story, route));
    let mut head = format!(
        concat!(
            r#"<meta name="description" content="{d}">"#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:site_name" content="{site_name}">"#,
            r#"<meta property="og:title" content="{t}">"#,
            r#"<meta property="og:description" content="{d}">"#,
            r#"<meta property="og:locale" content="{lang}">"#,
            r#"<meta name="twitter:card" content="{card}">"#,
            r#"<meta name="twitter:title" content="{t}">"#,
            r#"<meta name="twitter:description" content="{d}">"#,
        ),
        d = description,
        t = title,
        site_name = escape(&story.meta.title),
        lang = og_locale(&story.meta.lang),
        // A large card needs the image, which needs the site's address.
        card = if site.is_some() {
            "summary_large_image"
        } else {
            "summary"
        },
    );
    // A page with no island has nothing for the wasm to do: it loads none.
    let has_app = body.contains("<leptos-island");
    // The steps a reader is likely to open next, fetched while they read,
    // so following the pager, a key or a swipe feels instant. A page with a
    // start-up script names them as next and previous, and the script
    // prefetches them once the page has painted (see [`AFTER_LOAD`]); a
    // page with none prefetches them from its head. (Where the browser has
    // speculation rules, the start-up script asks it to prerender them once
    // the page is up: see [`PRERENDER_NEAR`].)
    let neighbours: Vec<(&str, String)> =
        [("next", route.next(story)), ("prev", route.previous(story))]
            .into_iter()
            .filter_map(|(rel, r)| Some((rel, r?.href(story, &base.0))))
            .collect();
    let near: Vec<String> = neighbours.iter().map(|(_, href)| href.clone()).collect();
    for (rel, href) in &neighbours {
        let rel = if has_app { rel } else { "prefetch" };
        head.push_str(&format!(r#"<link rel="{rel}" href="{}">"#, escape(href)));
    }
    if route.unembed().is_some() {
        // An embed is a view of a step for other pages' frames: search
        // engines should list the step itself, which the canonical names.
        head.push_str(r#"<meta name="robots" content="noindex">"#);
        // Before the stylesheet applies: an embed asked for light or dark
        // colours must not paint in the other first. One small file, in
        // embeds only.
        head.push_str(&format!(
            r#"<script src="{}/public/theme.js"></script>"#,
            base.0
        ));
    }
    for other in editions.iter().filter(|e| e.meta.lang != story.meta.lang) {
        head.push_str(&format!(
            r#"<meta property="og:locale:alternate" content="{}">"#,
            og_locale(&other.meta.lang)
        ));
    }
    if let Some(site) = site.filter(|_| route != Route::NotFound) {
        // The page's full address: the site, then the base path, then the
        // page (for an embed, the step it shows).
        let canonical_path = route.canonical().site_path(story);
        let canonical = escape(&format!("{site}{}{canonical_path}", base.0));
        // Preview bots need an absolute image address, so the image tags
        // come with the canonical ones.
        let image = escape(&format!(
            "{site}{}{canonical_path}{}",
            base.0,
            explainer::site::preview::FILE
        ));
        head.push_str(&format!(
            concat!(
                r#"<meta property="og:image" content="{image}">"#,
                r#"<meta property="og:image:width" content="{w}">"#,
                r#"<meta property="og:image:height" content="{h}">"#,
                r#"<meta property="og:image:alt" content="{t}">"#,
                r#"<meta name="twitter:image" content="{image}">"#,
            ),
            image = image,
            w = explainer::site::preview::SIZE.0,
            h = explainer::site::preview::SIZE.1,
            t = title,
        ));
        head.push_str(&format!(
            r#"<link rel="canonical" href="{canonical}"><meta property="og:url" content="{canonical}">"#
        ));
        // The same page in every edition, this one included, for search
        // engines (whose alternates must be absolute); the default edition
        // answers readers of any other language. Embeds are not listed:
        // they are noindex.
        if route.unembed().is_none() {
            let address = |e: &Story| escape(&format!("{site}{}", route.href(e, &base.0)));
            for e in editions {
                head.push_str(&format!(
                    r#"<link rel="alternate" hreflang="{}" href="{}">"#,
                    escape(&e.meta.lang),
                    address(e)
                ));
            }
            if let Some(default) = editions.first() {
                head.push_str(&format!(
                    r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
                    address(default)
                ));
            }
        }
        // oEmbed discovery: a step names its embed's document, an embed its
        // own.
        let embed = route
            .unembed()
            .map_or(route.canonical().embed(false), |_| route);
        if matches!(embed, Route::Embed { .. }) {
            let href = escape(&format!(
                "{site}{}{}",
                base.0,
                kit::oembed_path(story, embed)
            ));
            head.push_str(&format!(
                r#"<link rel="alternate" type="application/json+oembed" href="{href}" title="{title}">"#
            ));
        }
    }
    let with_body = template.replacen(mount, &format!(r#"<div id="app">{body}</div>"#), 1);
    // A page with islands fetches the glue and the wasm once it has loaded
    // (see [`AFTER_LOAD`]), so neither is preloaded.
    let with_body = if has_app {
        without_tags(&with_body, |tag| {
            tag.starts_with("<link")
                && (tag.contains("modulepreload") || tag.contains("application/wasm"))
        })
    } else {
        without_app_code(&with_body)
    };
    let with_lang = replace_html_tag(&with_body, &story.meta.lang, &story.meta.dir);
    // Trunk's minifier may drop the optional </head>; <body> then marks the spot.
    let at = with_lang
        .find("</head>")
        .or_else(|| with_lang.find("<body"));
    let with_head = match at {
        Some(at) => format!("{}{head}{}", &with_lang[..at], &with_lang[at..]),
        None => with_lang,
    };
    // Pages with app code prerender the steps either side: the rules name
    // the same hrefs as the prefetch links, which the start-up script reads.
    let rules = speculation_rules(&near).filter(|_| has_app);
    // The whole story is the one page too long for one round trip of a
    // phone's connection (about 14 KB): it paints text first. Lighthouse's
    // mobile LCP, 1.09 s with the stylesheet linked, 0.90 s like this.
    let long = (route == Route::All)
        .then_some(templates.stylesheet.as_ref())
        .flatten()
        .and_then(|sheet| Some((text_first(&with_head, sheet)?, sheet.css.as_str())));
    let (html, style) = match long {
        Some((html, css)) => (html, Some(css)),
        None => (with_head, None),
    };
    replace_title(&with_csp(&html, &policy(rules.as_deref(), style)), &title)
}

/// The page without the app's start-up module and the preloads of its
/// JavaScript and wasm (a classic script, such as `make serve`'s live
/// reload, stays).
fn without_app_code(html: &str) -> String {
    without_tags(html, |tag| {
        (tag.starts_with("<script") && tag.contains(" src=") && tag.contains("module"))
            || (tag.starts_with("<link")
                && (tag.contains("modulepreload") || tag.contains("application/wasm")))
    })
}

/// The page without the tags `drop` picks (a script with its closing tag).
fn without_tags(html: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find('>') else {
            break;
        };
        let tag = &tail[..=end];
        if !drop(tag) {
            out.push_str(tag);
            rest = &tail[end + 1..];
        } else if tag.starts_with("<script") {
            let close = tail
                .find("</script>")
                .map_or(tail.len(), |c| c + "</script>".len());
            rest = &tail[close..];
        } else {
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The page with its content security policy first in the head, before any
/// script or style it governs: right after `<meta charset>`.
fn with_csp(html: &str, policy: &str) -> String {
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
    let at = html
        .find("<meta charset")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        .or_else(|| html.find("<head>").map(|at| at + "<head>".len()));
    match at {
        Some(at) => format!("{}{meta}{}", &html[..at], &html[at..]),
        None => format!("{meta}{html}"),
    }
}

/// Renders the page for `route` to an HTML string.
fn render(
    story: &'static Story,
    base: BasePath,
    route: Route,
    others: Vec<OtherEdition>,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| view! { <App story route base others/> }.to_html());
    owner.unset();
    explainer::islands::valid_markers(&html)
}

/// Open Graph's locale (`language_TERRITORY`) for a content language.
fn og_locale(lang: &str) -> String {
    match lang {
        "en" => "en_US".to_owned(),
        "ar" => "ar_AR".to_owned(),
        other => escape(other),
    }
}

/// The `href` of the template's `<base>` element ("/" if none). Trunk's
/// minifier may leave the value unquoted (`<base href=/sub/>`).
fn base_href(html: &str) -> String {
    let Some(start) = html.find("<base ") else {
        return "/".to_owned();
    };
    let tag = &html[start..start + html[start..].find('>').unwrap_or(0)];
    let Some(at) = tag.find("href=") else {
        return "/".to_owned();
    };
    let value = &tag[at + 5..];
    let value = match value.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next().unwrap_or("/"),
        // The tag slice already stops before '>', so the value runs to a space.
        None => value.split(char::is_whitespace).next().unwrap_or("/"),
    };
    if value.is_empty() {
        "/".to_owned()
    } else {
        value.to_owned()
    }
}

/// Sets the page's language and direction from the content (index.html
/// cannot know them: they come with the language being built).
fn replace_html_tag(html: &str, lang: &str, dir: &str) -> String {
    let Some(start) = html.find("<html") else {
        return html.to_owned();
    };
    let Some(len) = html[start..].find('>') else {
        return html.to_owned();
    };
    let (lang, dir) = (escape(lang), escape(dir));
    format!(
        r#"{}<html lang="{lang}" dir="{dir}">{}"#,
        &html[..start],
        &html[start + len + 1..]
    )
}

fn replace_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}<title>{title}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    }
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    write_bytes(path, html.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{
        after_load, base_href, bundle_of, extract_inline_script, on_move_script, policy,
        speculation_rules, text_first, variant_script, with_csp, without_app_code, Bundle,
        Stylesheet, Templates, AFTER_LOAD, CSP, INIT_MARK, PRERENDER_NEAR,
    };

    #[test]
    fn the_policy_comes_before_anything_it_governs() {
        let page = "<!doctype html><html><meta charset=utf-8><script src=a.js></script>";
        let out = with_csp(page, CSP);
        let policy = out.find("Content-Security-Policy").unwrap();
        assert!(policy < out.find("<script").unwrap());
        assert!(out.find("<meta charset").unwrap() < policy);
    }

    #[test]
    fn the_whole_story_carries_its_stylesheet_inline_and_its_script_last() {
        let sheet = Stylesheet {
            tag: "<link href=/main-1.css rel=stylesheet>".to_owned(),
            css: "p{color:red}".to_owned(),
        };
        let page = r#"<html><head><link href=/main-1.css rel=stylesheet><script type=module src="/init-1.js"></script></head><body><p>Hi</p></body></html>"#;
        assert_eq!(
            text_first(page, &sheet).as_deref(),
            Some(
                r#"<html><head><style>p{color:red}</style></head><body><p>Hi</p><script fetchpriority=low type=module src="/init-1.js"></script></body></html>"#
            )
        );
        assert_eq!(text_first("<html><body></body></html>", &sheet), None);
        // echo -n 'p{color:red}' | openssl sha256 -binary | base64
        let with = policy(None, Some("p{color:red}"));
        assert!(
            with.contains(
                "style-src 'self' 'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='; "
            ),
            "{with}"
        );
        let styles = with.split("; ").find(|d| d.starts_with("style-src "));
        assert!(
            !styles.unwrap_or_default().contains("unsafe-inline"),
            "{with}"
        );
    }

    #[test]
    fn speculation_rules_are_json_and_their_hash_joins_the_policy() {
        assert_eq!(speculation_rules(&[]), None);
        let rules = speculation_rules(&["/sub/a/".to_owned(), "/b\"\\/".to_owned()]);
        assert_eq!(
            rules.as_deref(),
            Some(r#"{"prerender":[{"source":"list","urls":["/sub/a/","/b\"\\/"]}]}"#)
        );
        assert_eq!(policy(None, None), CSP);
        // echo -n '{"prerender":[{"source":"list","urls":["/a/"]}]}' | openssl sha256 -binary | base64
        let with = policy(speculation_rules(&["/a/".to_owned()]).as_deref(), None);
        assert!(
            with.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-ytpHZu7SXJ//Qzaecd/R6UDhqAVB5ecHi+yGwm6Cfws='; "),
            "{with}"
        );
        let scripts = with.split(';').find(|d| d.contains("script-src"));
        let scripts = scripts.unwrap_or_default();
        assert!(
            !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'"),
            "{with}"
        );
    }

    #[test]
    fn a_start_up_script_names_its_glue_and_wasm() {
        let script = "const wasmFetch = fetch('/sub/app-0123_bg.wasm');\nconst bindings = await import('/sub/app-0123.js');";
        assert_eq!(
            bundle_of(script),
            Some(Bundle {
                js: "app-0123.js".into(),
                wasm: "app-0123_bg.wasm".into()
            })
        );
        assert_eq!(bundle_of("new EventSource('/reload')"), None);
    }

    #[test]
    fn a_chart_page_uses_the_full_wasm_after_another_page_and_fetches_it_at_idle() {
        let full = Bundle {
            js: "app-f.js".into(),
            wasm: "app-f_bg.wasm".into(),
        };
        let own = Bundle {
            js: "app-o.js".into(),
            wasm: "app-o_bg.wasm".into(),
        };
        let trunk = "import init, * as bindings from '/sub/app-f.js';\nconst wasm = await init({ module_or_path: '/sub/app-f_bg.wasm' });";
        let out = variant_script(&after_load(trunk), &full, &own).unwrap();
        assert!(out.starts_with("const own = ['/sub/app-o.js', '/sub/app-o_bg.wasm'], full = ['/sub/app-f.js', '/sub/app-f_bg.wasm'];\n"), "{out}");
        assert!(
            out.contains("const wasmFetch = fetch(warm ? full[1] : own[1]);"),
            "{out}"
        );
        assert!(
            out.contains("await import(warm ? full[0] : own[0])"),
            "{out}"
        );
        assert!(
            out.contains("if (!warm && !navigator.connection?.saveData)"),
            "{out}"
        );
        assert!(out.contains("for (const href of full)"), "{out}");
        assert_eq!(variant_script("reload()", &full, &own), None);
    }

    #[test]
    fn the_whole_story_loads_its_wasm_at_the_readers_first_move() {
        let full = Bundle {
            js: "app-f.js".into(),
            wasm: "app-f_bg.wasm".into(),
        };
        let trunk = "import init, * as bindings from '/sub/app-f.js';\nconst wasm = await init({ module_or_path: '/sub/app-f_bg.wasm' });";
        let out = on_move_script(&after_load(trunk), &full).unwrap();
        assert!(
            out.starts_with(
                "const later = ['/sub/app-f.js', '/sub/app-f_bg.wasm'];\nconst moved = "
            ),
            "{out}"
        );
        // Listening starts before the wait for the page's load; waiting for
        // the move comes after it, and before anything is fetched.
        let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} not in {out}"));
        assert!(at("addEventListener(m, go") < at(AFTER_LOAD));
        assert!(at(AFTER_LOAD) < at("await moved"));
        assert!(at("await moved") < at("fetch(later[1])"));
        assert!(at("fetch(later[1])") < at("import(later[0])"));
        // Named once: only `later` spells the files.
        assert_eq!(out.matches("app-f_bg.wasm").count(), 1, "{out}");
        assert_eq!(out.matches("app-f.js").count(), 1, "{out}");
        assert!(out.contains("!location.hash && !scrollY"), "{out}");
        assert_eq!(on_move_script("reload()", &full), None);
    }

    #[test]
    fn a_page_gets_the_wasm_of_the_charts_it_shows() {
        let templates = Templates {
            full: "full".into(),
            by_chart: vec![
                ("troops".into(), "troops".into()),
                ("none".into(), "none".into()),
            ],
            on_move: None,
            stylesheet: None,
        };
        let figure = |c: &str| format!(r#"<figure data-chart="{c}" class="figure">"#);
        assert_eq!(templates.for_body(&figure("troops")), "troops");
        assert_eq!(
            templates.for_body(&(figure("troops") + &figure("troops"))),
            "troops"
        );
        assert_eq!(templates.for_body("<p>text</p>"), "none");
        assert_eq!(
            templates.for_body(&(figure("troops") + &figure("oil"))),
            "full"
        );
        assert_eq!(
            templates.for_body(&figure("oil")),
            "full",
            "no wasm of its own: the full one"
        );
    }

    #[test]
    fn inline_scripts_move_out_of_the_page() {
        let page = r#"<head><script type="module" src="/x.js"></script><script type=module>import init from '/a.js';await init();</script><link rel=x></head>"#;
        let (attrs, script, rest) = extract_inline_script(page).unwrap();
        assert_eq!(attrs, " type=module");
        assert_eq!(script, "import init from '/a.js';await init();");
        assert_eq!(
            rest,
            format!(
                r#"<head><script type="module" src="/x.js"></script>{INIT_MARK}<link rel=x></head>"#
            )
        );
        let (attrs, script, _) = extract_inline_script("<body><script>reload()</script>").unwrap();
        assert_eq!((attrs.as_str(), script.as_str()), ("", "reload()"));
        assert_eq!(
            extract_inline_script(r#"<script type="module" src="/x.js"></script>"#),
            None
        );
        assert_eq!(extract_inline_script("<p>no script</p>"), None);
    }

    #[test]
    fn a_page_without_islands_loads_no_app_code() {
        let page = r#"<head><script type="module" src="/init-1.js"></script><link href=/a.css rel=stylesheet><link crossorigin href=/a.js rel=modulepreload><link as=fetch href=/a_bg.wasm rel=preload type=application/wasm></head><body><p>text</p></body>"#;
        assert_eq!(
            without_app_code(page),
            r#"<head><link href=/a.css rel=stylesheet></head><body><p>text</p></body>"#
        );
    }

    #[test]
    fn the_app_starts_after_the_page_has_loaded() {
        let trunk = "import init, * as bindings from '/a.js';\nconst wasm = await init({ module_or_path: '/a_bg.wasm' });\nwindow.wasmBindings = bindings;";
        let out = after_load(trunk);
        assert!(out.starts_with(AFTER_LOAD), "{out}");
        assert!(!out.contains("import init"), "{out}");
        assert!(out.contains("const wasmFetch = fetch('/a_bg.wasm');\nconst bindings = await import('/a.js');\nconst init = bindings.default;\nconst wasm = await init({ module_or_path: wasmFetch });"), "{out}");
        assert!(out.ends_with(PRERENDER_NEAR), "{out}");
        assert_eq!(after_load("reload()"), "reload()");
    }

    #[test]
    fn reads_quoted_and_unquoted_base_hrefs() {
        assert_eq!(base_href(r#"<head><base href="/sub/"><title>"#), "/sub/");
        assert_eq!(base_href("<head><base href=/sub/><title>"), "/sub/");
        assert_eq!(base_href("<head><base href=/><title>"), "/");
        assert_eq!(base_href("<head><title>"), "/");
    }
}
