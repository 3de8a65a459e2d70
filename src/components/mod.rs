//! Reusable views. Each file holds one or a few small components; the logic
//! they need lives in plain Rust elsewhere (`state`, `charts`, `story`).

#[cfg(target_arch = "wasm32")]
pub mod backend;
pub mod download;
pub mod embed;
pub mod figure;
#[cfg(target_arch = "wasm32")]
pub mod observe;
pub mod pager;
pub mod share;
pub mod toc;
