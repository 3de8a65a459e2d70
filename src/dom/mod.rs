//! The browser glue the islands share: the canvas as a plotters backend,
//! element size and colour-scheme observers, file downloads, the
//! clipboard, citations and terms that open in place, and full screen.

pub mod backend;
pub mod copy;
pub mod download;
pub mod fullscreen;
pub mod observe;
pub mod refs;
