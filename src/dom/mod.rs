//! The browser glue the islands share: the canvas as a plotters backend,
//! element size and colour-scheme observers, and file downloads.

pub mod backend;
pub mod download;
pub mod observe;
