//! The address bar as the app's state, in place of a router.
//!
//! The app has one typed [`Route`](super::Route) parsed from the path, so all
//! it needs from the browser is the address, a way to change it, and
//! same-site link clicks turned into in-app moves. This module does those
//! three things in leptos_router's shape (`Router`, `use_location`,
//! `use_navigate`) at a fraction of its size; the decisions are plain
//! functions with native tests, and only the glue touches the DOM.
//!
//! Natively (prerendering, tests) the address is fixed to the page being
//! rendered, given as a [`RequestUrl`] in the context.

use leptos::prelude::*;

/// The address the app shows: its path, base path included and
/// percent-decoded, and its query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Address {
    /// "/explainers/iraq/round-one/": the base path, then the page.
    pub path: String,
    /// The query's keys and values.
    pub query: Query,
}

impl Address {
    /// Reads "/path?query#hash"; the hash is not part of the app's state.
    /// Never fails: anything malformed decodes to something harmless that
    /// the route and query parsers then reject.
    pub fn parse(href: &str) -> Self {
        let before_hash = href.split('#').next().unwrap_or_default();
        let (path, search) = before_hash.split_once('?').unwrap_or((before_hash, ""));
        Address {
            path: decode(path, false),
            query: Query::parse(search),
        }
    }
}

/// A URL query, decoded: each key once, in the order first given, with the
/// last value given for it (what a reader who edits a link by hand expects).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Parses "?a=1&b=two+words" (the leading "?" is optional).
    pub fn parse(search: &str) -> Self {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let search = search.strip_prefix('?').unwrap_or(search);
        for part in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let (key, value) = (decode(key, true), decode(value, true));
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some(pair) => pair.1 = value,
                None => pairs.push((key, value)),
            }
        }
        Query(pairs)
    }

    /// The value of `key`, if the query has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every key with its value.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// Percent-decodes `s` (and "+" as a space, in a query). Bad escapes are
/// kept as they are and invalid UTF-8 becomes U+FFFD, so this never fails.
pub fn decode(s: &str, plus_is_space: bool) -> String {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
    }
    if !s.contains(['%', '+']) {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes[i] {
            b'%' => bytes
                .get(i + 1)
                .and_then(|&h| hex(h))
                .zip(bytes.get(i + 2).and_then(|&l| hex(l))),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((h, l)), _) => {
                out.push(h * 16 + l);
                i += 3;
            }
            (None, b'+') if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A link as the browser resolved it, and what surrounds the click: what
/// [`link_click`] needs to decide who handles it.
#[derive(Debug, Clone, Default)]
pub struct LinkClick<'a> {
    /// The `href` attribute as written ("#main", "/round-one/").
    pub raw_href: &'a str,
    /// The resolved link's origin, path (percent-encoded, as the browser
    /// gives it), search ("?…" or "") and hash.
    pub origin: &'a str,
    /// See `origin`.
    pub path: &'a str,
    /// See `origin`.
    pub search: &'a str,
    /// See `origin`.
    pub hash: &'a str,
    /// The link opens elsewhere: a `target`, `download` or `rel=external`,
    /// or the reader asked for a new tab or window (modifier keys, a button
    /// other than the main one).
    pub elsewhere: bool,
}

/// Who handles a click on a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkAction {
    /// The browser: the link leaves the site or opens elsewhere.
    Browser,
    /// A jump within the page to the element with this id ("" for the top).
    Jump(String),
    /// An in-app move to this path, query and hash.
    Go(String),
}

/// Decides what a click on `link` does, for a page at `page_origin`,
/// `page_path` and `page_search`, deployed under `base` ("" at the root).
///
/// A bare fragment ("#main") is a jump on this page: the page's `<base>`
/// would otherwise resolve it against the site's root.
pub fn link_click(
    link: &LinkClick,
    page_origin: &str,
    page_path: &str,
    page_search: &str,
    base: &str,
) -> LinkAction {
    if link.elsewhere {
        return LinkAction::Browser;
    }
    let fragment = |hash: &str| decode(hash.strip_prefix('#').unwrap_or(hash), false);
    if link.raw_href.starts_with('#') {
        return LinkAction::Jump(fragment(link.raw_href));
    }
    let base = base.trim_end_matches('/');
    let inside = link.path == base || link.path.starts_with(&format!("{base}/"));
    if link.origin != page_origin || !inside {
        return LinkAction::Browser;
    }
    if link.path == page_path && link.search == page_search && !link.hash.is_empty() {
        return LinkAction::Jump(fragment(link.hash));
    }
    LinkAction::Go(format!("{}{}{}", link.path, link.search, link.hash))
}

/// The address the app is rendered for when not in a browser.
#[derive(Debug, Clone)]
pub struct RequestUrl(pub String);

impl RequestUrl {
    /// The address of the page being rendered, e.g. "/round-one/".
    pub fn new(url: &str) -> Self {
        RequestUrl(url.to_owned())
    }
}

/// The current address, as signals.
#[derive(Debug, Clone, Copy)]
pub struct Location {
    /// The path, base path included, percent-decoded.
    pub pathname: Memo<String>,
    /// The query.
    pub query: Memo<Query>,
    address: RwSignal<Address>,
}

impl Location {
    /// The path and query of `address`, each as its own memo, so a reader of
    /// one does not rerun when only the other changes.
    fn new(address: RwSignal<Address>) -> Self {
        Location {
            pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
            query: Memo::new(move |_| address.with(|a| a.query.clone())),
            address,
        }
    }
}

/// How to move to a new address.
#[derive(Debug, Clone, Copy, Default)]
pub struct Navigate {
    /// Replace the current history entry instead of adding one (for state
    /// that changes often, like a chart's selection).
    pub replace: bool,
    /// Leave the scroll position alone instead of going to the top.
    pub keep_scroll: bool,
}

/// Makes the address available to everything inside: in the browser it
/// follows the history (back, forward, same-site links); natively it is the
/// [`RequestUrl`] in the context, or "/".
#[component]
pub fn Router(
    /// Where the site is deployed ("" at a domain's root); links outside it
    /// are left to the browser.
    #[prop(into)]
    base: String,
    /// The app.
    children: Children,
) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let address = RwSignal::new(browser::current());
    #[cfg(not(target_arch = "wasm32"))]
    let address = RwSignal::new(Address::parse(
        &use_context::<RequestUrl>().map_or_else(|| "/".to_owned(), |u| u.0),
    ));
    provide_context(Location::new(address));
    #[cfg(target_arch = "wasm32")]
    browser::listen(address, base);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = base;
    children()
}

/// The current address. Outside a [`Router`] (a component rendered on its
/// own in a test) it is a fixed "/".
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(|| Location::new(RwSignal::new(Address::parse("/"))))
}

/// A function that moves the app to `href` ("/base/page/?query"), adding
/// or replacing a history entry. Natively it only updates the address.
pub fn use_navigate() -> impl Fn(&str, Navigate) + Clone + 'static {
    let address = use_location().address;
    move |href: &str, options: Navigate| {
        #[cfg(target_arch = "wasm32")]
        browser::go(address, href, options);
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = options;
            address.set(Address::parse(href));
        }
    }
}

/// The DOM side: reading the address, writing the history, catching link
/// clicks and the back and forward buttons.
#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;

    use super::{link_click, Address, LinkAction, LinkClick, Navigate};

    /// The browser's current address.
    pub fn current() -> Address {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        Address::parse(&format!("{path}{search}"))
    }

    /// Writes `href` to the history and the app's address, then scrolls to
    /// the top, or to the element its hash names.
    pub fn go(address: RwSignal<Address>, href: &str, options: Navigate) {
        let Ok(history) = window().history() else {
            return;
        };
        let here = window().location().href().unwrap_or_default();
        let same = web_sys::Url::new_with_base(href, &here)
            .map(|u| u.href() == here)
            .unwrap_or(false);
        let written = if options.replace || same {
            history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(href))
        };
        if written.is_err() {
            return;
        }
        address.set(current());
        if options.keep_scroll {
            return;
        }
        let hash = href.split_once('#').map(|(_, h)| super::decode(h, false));
        // The new page is drawn in this turn; the element a hash names
        // exists once it has been.
        request_animation_frame(move || match hash {
            Some(id) if !id.is_empty() => jump(&id),
            _ => window().scroll_to_with_x_and_y(0.0, 0.0),
        });
    }

    /// Scrolls to the element with this id and gives it focus, as the
    /// browser does for an in-page link ("" is the top of the page).
    fn jump(id: &str) {
        match document().get_element_by_id(id) {
            Some(el) => {
                el.scroll_into_view();
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            None if id.is_empty() => window().scroll_to_with_x_and_y(0.0, 0.0),
            None => {}
        }
    }

    /// Follows the back and forward buttons, and turns clicks on same-site
    /// links into in-app moves. Listens for the page's whole life.
    pub fn listen(address: RwSignal<Address>, base: String) {
        let back_forward = window_event_listener(leptos::ev::popstate, move |_| {
            address.set(current());
        });
        let clicks = window_event_listener(leptos::ev::click, move |ev| {
            if ev.default_prevented() {
                return;
            }
            let Some(a) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            else {
                return;
            };
            let raw = a.get_attribute("href").unwrap_or_default();
            let rel = a.rel();
            let elsewhere = ev.button() != 0
                || ev.meta_key()
                || ev.ctrl_key()
                || ev.shift_key()
                || ev.alt_key()
                || !matches!(a.target().as_str(), "" | "_self")
                || a.has_attribute("download")
                || rel.split_ascii_whitespace().any(|r| r == "external");
            // Paths are compared as the browser gives them, percent-encoded.
            let (origin, path, search, hash) = (a.origin(), a.pathname(), a.search(), a.hash());
            let link = LinkClick {
                raw_href: &raw,
                origin: &origin,
                path: &path,
                search: &search,
                hash: &hash,
                elsewhere,
            };
            let location = window().location();
            let page_path = location.pathname().unwrap_or_default();
            let action = link_click(
                &link,
                &location.origin().unwrap_or_default(),
                &page_path,
                &location.search().unwrap_or_default(),
                &base,
            );
            match action {
                LinkAction::Browser => {}
                LinkAction::Jump(id) => {
                    ev.prevent_default();
                    jump(&id);
                }
                LinkAction::Go(href) => {
                    ev.prevent_default();
                    go(address, &href, Navigate::default());
                }
            }
        });
        // The app lives as long as the page: these never need removing.
        std::mem::forget((back_forward, clicks));
    }
}
