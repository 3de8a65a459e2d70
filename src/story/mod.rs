//! The story: its model, the inline markup, the content checks and the
//! embedded copy the app reads.

#[cfg(feature = "content-files")]
pub mod article;
#[cfg(feature = "content-files")]
pub mod compile;
pub mod html;
pub mod markup;
pub mod model;
pub mod validate;
pub mod wire;

use std::sync::OnceLock;

pub use model::*;

/// The story as `build.rs` embedded it, in [`wire`] form, checked at build
/// time.
static EMBEDDED_EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story-en.bin"));

static STORY: OnceLock<Option<Story>> = OnceLock::new();

/// The Arabic edition, as `build.rs` embedded it: for the build's own tools
/// (the prerenderer, tests), never the wasm, whose islands carry their
/// words in their props.
#[cfg(feature = "ssr")]
static EMBEDDED_AR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story-ar.bin"));

#[cfg(feature = "ssr")]
static STORY_AR: OnceLock<Option<Story>> = OnceLock::new();

/// The languages the explainer is written in, the default edition first
/// (it lives at the site's root; the others under their tag).
#[cfg(feature = "ssr")]
pub const EDITIONS: [&str; 2] = ["en", "ar"];

/// Every edition, in [`EDITIONS`] order.
#[cfg(feature = "ssr")]
pub fn editions() -> Result<Vec<&'static Story>, &'static str> {
    EDITIONS.iter().map(|lang| story_in(lang)).collect()
}

/// The edition in `lang` ("en" or "ar"), decoded once on first use; an
/// error for a language there is no edition of, or a broken build.
#[cfg(feature = "ssr")]
pub fn story_in(lang: &str) -> Result<&'static Story, &'static str> {
    match lang {
        "en" => story(),
        "ar" => STORY_AR
            .get_or_init(|| wire::decode(EMBEDDED_AR))
            .as_ref()
            .ok_or("the embedded Arabic story does not match the app's story model"),
        _ => Err("there is no edition in that language"),
    }
}

/// The embedded story, decoded once on first use.
///
/// Decoding only fails if the build is broken (the blob and the model
/// disagree); the caller then leaves the prerendered page in place.
pub fn story() -> Result<&'static Story, &'static str> {
    STORY
        .get_or_init(|| wire::decode(EMBEDDED_EN))
        .as_ref()
        .ok_or("the embedded story does not match the app's story model")
}
