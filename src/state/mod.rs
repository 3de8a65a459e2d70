//! App state that lives outside components: the typed URL and the deploy's
//! base path.

pub mod embed;
pub mod gesture;
pub mod history;
pub mod query;
pub mod route;

use leptos::prelude::*;

pub use route::Route;

/// The deploy's base path, e.g. "" at a domain's root or "/explainers/iraq"
/// under a sub-path. Written once, in Trunk.toml's `public_url`; the app reads
/// it back from the `<base href>` Trunk writes into every page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BasePath(pub String);

/// Makes the base path available to every component below.
pub fn provide_base(base: BasePath) {
    provide_context(base);
}

/// The base path; "" if none was provided.
pub fn use_base() -> String {
    use_context::<BasePath>().map(|b| b.0).unwrap_or_default()
}

/// A function that takes the reader to a page. Keyboard and touch navigation
/// both go through it, so the base path and the navigation options are
/// handled in one place.
pub fn use_go_to(story: &'static crate::story::Story) -> impl Fn(Route) + Clone + 'static {
    let navigate = history::use_navigate();
    let base = use_base();
    move |route: Route| navigate(&route.href(story, &base), history::Navigate::default())
}

/// Reads the base path from the page's `<base href>` (set by Trunk).
#[cfg(target_arch = "wasm32")]
pub fn base_from_document() -> BasePath {
    let path = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    BasePath(route::normalize_base(&path))
}
