//! State that lives outside components: the typed URL, chart state in the
//! query, the embed protocol and touch gestures. Each is plain Rust with
//! native tests; only a few lines touch the browser.

pub mod builder;
pub mod embed;
pub mod gesture;
pub mod query;
pub mod route;
pub mod url;

pub use route::Route;

/// The deploy's base path, e.g. "" at a domain's root or "/explainers/iraq"
/// under a sub-path. Written once, in Trunk.toml's `public_url`; the build
/// reads it back from the `<base href>` Trunk writes into every page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BasePath(pub String);

/// Reads the base path from the page's `<base href>` (set by Trunk).
#[cfg(target_arch = "wasm32")]
pub fn base_from_document() -> BasePath {
    use leptos::prelude::document;
    let path = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    BasePath(route::normalize_base(&path))
}

/// The explainer's address as served, with its base path and a final slash
/// (`https://example.org/explainers/iraq/`): what embed code must name.
#[cfg(target_arch = "wasm32")]
pub fn site_root() -> String {
    format!(
        "{}{}/",
        leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default(),
        base_from_document().0
    )
}
