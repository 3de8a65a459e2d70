//! An interactive explainer of the 2020 US–Iraq Strategic Dialogue.
//!
//! - [`story`]: the content model, its loader and its checks;
//! - [`state`]: the typed URL (routes);
//! - [`charts`]: pure plotters draw functions, one file per chart;
//! - [`components`] and [`routes`]: the Leptos views;
//! - [`app`]: the root component that `main.rs` mounts;
//! - [`alloc`]: the wasm app's memory allocator;
//! - `preview` (native builds only): link-preview images drawn at build time.
#![warn(missing_docs)]
// Leptos views are deeply nested types; the default limit is too low for them.
#![recursion_limit = "256"]

pub mod alloc;
pub mod app;
pub mod charts;
pub mod components;
#[cfg(feature = "ssr")]
pub mod preview;
pub mod routes;
pub mod state;
pub mod story;

pub use app::App;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::App = alloc::App::new();
