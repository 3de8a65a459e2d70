//! Reusable views. Each file holds one or a few small components; the logic
//! they need lives in plain Rust elsewhere (`state`, `charts`, `story`).

pub mod download;
pub mod figure;
pub mod pager;
pub mod toc;

use crate::story::Story;

/// The story every component reads. It is embedded at build time and decoded
/// once, so components take it as `&'static` and borrow its strings.
pub fn story_or_empty() -> Option<&'static Story> {
    crate::story::story().ok()
}
