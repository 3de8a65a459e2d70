//! The browser entry point: it only hydrates the page's islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    explainer::islands::hydrate();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app; build it with `trunk build` (see README.md).");
}
