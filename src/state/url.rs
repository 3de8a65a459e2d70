//! The address bar as state: the query that holds each chart's view.
//!
//! Pages are separate documents, so the path never changes under a running
//! island; only the query does, when a reader selects or filters. Every
//! island that shows chart state reads the one [`Query`] signal, and a
//! change goes through [`replace`], which writes the history entry too, so
//! the address always says what the page shows.
//!
//! The signal starts empty, as the page was prerendered, so islands
//! hydrate against exactly the HTML they were rendered to; [`load`] then
//! reads the real query once every island is live.

use leptos::prelude::*;

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
    if !s.contains(['%', '+']) {
        return s.to_owned();
    }
    String::from_utf8_lossy(&decode_bytes(s, plus_is_space)).into_owned()
}

/// Percent-decodes `s` to bytes: [`decode`] without the UTF-8 check.
pub fn decode_bytes(s: &str, plus_is_space: bool) -> Vec<u8> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            b'A'..=b'F' => Some(b - b'A' + 10),
            _ => None,
        }
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
    out
}

/// The query every island shares; an empty one outside the browser or
/// before [`provide`] (a component rendered natively, a test).
pub fn use_query() -> RwSignal<Query> {
    use_context::<RwSignal<Query>>().unwrap_or_else(|| RwSignal::new(Query::default()))
}

/// Makes one empty query signal available to every island hydrated after
/// this under the current owner.
pub fn provide() -> RwSignal<Query> {
    let query = RwSignal::new(Query::default());
    provide_context(query);
    query
}

/// Sets the shared query from the address bar, once islands are live.
#[cfg(target_arch = "wasm32")]
pub fn load(query: RwSignal<Query>) {
    query.set(Query::parse(
        &window().location().search().unwrap_or_default(),
    ));
    keep_editions_in_place();
}

/// Points the language switch (`a[data-same-place]`) at the same page in
/// the other edition with this address's query and fragment, whenever the
/// address changes here: so a click, a middle click, "Open in new tab" and
/// "Copy link" all keep the reader's chart state and place.
#[cfg(target_arch = "wasm32")]
fn keep_editions_in_place() {
    let location = window().location();
    let (search, hash) = (
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    );
    let Ok(links) = document().query_selector_all("a[data-same-place]") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links
            .item(i)
            .and_then(|n| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        let _ = link.set_attribute("href", &super::route::same_place(&href, &search, &hash));
    }
}

/// Replaces the current history entry with `href` (a path and query) and
/// updates `query` to match: a chart's state changes often, and each change
/// is not a page a reader wants to go back through.
#[cfg(target_arch = "wasm32")]
pub fn replace(query: RwSignal<Query>, href: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    if history
        .replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(href))
        .is_ok()
    {
        load(query);
    }
}

/// Puts `#id` in the address without a new history entry (and without
/// scrolling), keeping the path and the chart state in the query.
#[cfg(target_arch = "wasm32")]
pub fn replace_fragment(id: &str) {
    let location = window().location();
    let hash = format!("#{id}");
    if id.is_empty() || location.hash().ok().as_deref() == Some(hash.as_str()) {
        return;
    }
    let href = format!(
        "{}{}{hash}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let state = history
            .state()
            .unwrap_or(leptos::wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&href));
        keep_editions_in_place();
    }
}
