//! The story: its model, the inline markup, the content checks and the
//! embedded copy the app reads.

#[cfg(feature = "content-files")]
pub mod compile;
pub mod html;
pub mod markup;
pub mod model;
pub mod validate;

use std::sync::OnceLock;

pub use model::*;

/// The story as `build.rs` embedded it: postcard bytes, checked at build time.
static EMBEDDED_EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story-en.postcard"));

static STORY: OnceLock<Result<Story, String>> = OnceLock::new();

/// The embedded story, decoded once on first use.
///
/// Decoding only fails if the build is broken (the blob and the model
/// disagree); the caller then leaves the prerendered page in place.
pub fn story() -> Result<&'static Story, &'static str> {
    STORY
        .get_or_init(|| postcard::from_bytes(EMBEDDED_EN).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}
