//! Build time only: every page, rendered natively to HTML by the
//! prerenderer (`src/bin/prerender.rs`), and the link-preview images.
//!
//! Nothing here ships to the browser. A page is the page: the wasm never
//! rebuilds it, and only its islands (`crate::islands`) come alive.

pub mod app;
pub mod kit;
pub mod pager;
pub mod pages;
pub mod preview;
pub mod shaped;
pub mod still;
pub mod toc;

use leptos::prelude::*;

use crate::state::BasePath;

/// Makes the base path available to every component below.
pub fn provide_base(base: BasePath) {
    provide_context(base);
}

/// The base path; "" if none was provided.
pub fn use_base() -> String {
    use_context::<BasePath>().map(|b| b.0).unwrap_or_default()
}
