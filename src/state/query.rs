//! Chart state carried in the URL's query, so a shared link reproduces the
//! view. Each chart has its own keys, named after it: `?troops=october-2007`
//! selects a point, `?timeline-hide=security,politics` hides two tracks.
//! Parsing never panics; anything unknown or malformed is ignored, so the
//! chart falls back to its plain view.

use crate::story::{join, ChartKind};

/// Longest value accepted; longer input is ignored rather than searched.
const MAX_LEN: usize = 256;

pub use crate::story::slugify as slug;

/// The index of the item whose slug is `value`, if any.
pub fn find_item<'a>(
    value: Option<&str>,
    slugs: impl IntoIterator<Item = &'a str>,
) -> Option<usize> {
    let value = value?.trim();
    if value.is_empty() || value.len() > MAX_LEN {
        return None;
    }
    slugs.into_iter().position(|s| s == value)
}

/// The known group slugs named in a `hide` value, each once, in the order of
/// `groups`: unknown names are dropped, so the URL cannot hide what is not
/// there.
pub fn hidden<'a>(value: Option<&str>, groups: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let Some(value) = value.filter(|v| v.len() <= MAX_LEN) else {
        return Vec::new();
    };
    let named: Vec<&str> = value.split(',').map(str::trim).collect();
    groups
        .into_iter()
        .filter(|g| named.contains(g))
        .map(str::to_owned)
        .collect()
}

/// The query key that holds a chart's selected item: the chart's slug, as
/// in `?troops=october-2007`, so two charts on one page never clash.
pub fn select_key(kind: ChartKind) -> &'static str {
    kind.slug()
}

/// The query key that holds a chart's hidden groups: `?timeline-hide=…`.
pub fn hide_key(kind: ChartKind) -> String {
    format!("{}-hide", kind.slug())
}

/// Whether a query key belongs to some chart's state.
fn is_chart_key(key: &str) -> bool {
    ChartKind::ALL
        .iter()
        .any(|k| key == select_key(*k) || key == hide_key(*k))
}

/// `path` with chart `kind`'s state set and every other chart's state in
/// `query` kept; anything else in the query is dropped. An empty state
/// gives the bare path, so the plain view has one address.
pub fn with_state(
    path: &str,
    query: &[(String, String)],
    kind: ChartKind,
    select: Option<&str>,
    hidden: &[String],
) -> String {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let (own_select, own_hide) = (select_key(kind), hide_key(kind));
    let mut parts: Vec<String> = query
        .iter()
        .filter(|(k, v)| is_chart_key(k) && k != own_select && *k != own_hide && v.len() <= MAX_LEN)
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if let Some(s) = select {
        parts.push(format!("{own_select}={s}"));
    }
    if !hidden.is_empty() {
        parts.push(format!("{own_hide}={}", join(hidden, ",")));
    }
    if parts.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", join(&parts, "&"))
    }
}

/// The chart state in `query` as a query string ("?troops=may-2003"), or ""
/// when there is none: what a link to the same view must carry. Anything
/// that is not chart state is dropped.
pub fn chart_state(query: &[(String, String)]) -> String {
    let parts: Vec<String> = query
        .iter()
        .filter(|(k, v)| is_chart_key(k) && !v.is_empty() && v.len() <= MAX_LEN)
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", join(&parts, "&"))
    }
}
