//! An interactive explainer of the 2020 US–Iraq Strategic Dialogue.
//!
//! Every page is written at build time; the browser gets that HTML and a
//! small wasm that brings its islands to life. The tree says which is which.
//!
//! Shipped to the browser:
//! - [`islands`]: the live parts of a page (each figure, the share bar, the
//!   step keys and swipes, the embed bridge) and the entry point that
//!   hydrates them;
//! - [`charts`]: pure plotters draw functions, one file per chart;
//! - [`state`]: the typed URL, chart state in the query, the embed protocol;
//! - `dom` (wasm only): the canvas backend, observers and downloads;
//! - [`story`]: the content model and its compact binary form, in which
//!   island props travel.
//!
//! Build time only (`ssr`): `site`, the pages and link-preview images;
//! `story::compile` and `story::validate`, the content loader and checks.
#![warn(missing_docs)]
// Leptos views are deeply nested types; the default limit is too low for them.
#![recursion_limit = "256"]

pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod dom;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod site;
pub mod state;
pub mod story;
